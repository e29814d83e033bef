"""Find numeric mentions in a text and read each one's value, unit and interval.

``scan(text)`` returns ``Mention`` objects: what a number says on its own,
before context (subject, period, source) is attached.  This module owns the
assembly of a mention from the grammar's pieces; the surface forms live in
``grammar``, the arithmetic in ``numbers`` and the word lists in
``factcheck/data/vocab.yaml``.

It works in passes, each linear in the text:

1. find anchors (digits, number words, month names) with one fast search,
   skipping what only looks like a number (URLs, phone numbers, IP
   addresses, versions, times, names such as "G7", "COVID-19", "9/11");
2. at each anchor, read the number run and split it into the numbers it
   says; read the prefix before it (currency, sign) and the suffixes after
   it (scale, unit, percent, currency word);
3. join ratios ("one in five"), read qualifiers around each mention ("at
   least 21,692", "500 or more") and join ranges ("between 20 and 30",
   "10-15%", "more than 10 and less than 40", "1969-70").

Every lookback is bounded by the end of the previous mention, so a word is
never read twice (the "and" of "20 and 30" is not a qualifier of 30).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

import regex

from factcheck.extract.grammar import Grammar, grammar, phone_plus
from factcheck.extract.numbers import Tok, parse_digits, parse_european, parse_power, parse_scientific, segment
from factcheck.extract.patterns import compiled
from factcheck.extract.vocab import Qualifier, Vocab, vocab

_LOOKBEHIND = 48
_MAX_TOKENS = 32
_NUMERIC_TOKENS = frozenset({"num", "frac", "vulgar"})
_TEMPERATURE_WINDOW = 80
_WORDS = compiled(r"[a-z]{2,20}")
_LIST_ITEM = compiled(r"\d{1,3}[.)](?=[ \t]{1,8}\S)")
# What can follow the digits of a date, decade, year range or not-claim; a cheap
# first test so that most numbers skip those five patterns.
_SPECIAL_HINT = compiled(
    r"\d{1,4}(?:[.:/^eEx×'’,\-–]|[ \t][-–/]|(?:st|nd|rd|th)?[ \t]{1,3}(?:of[ \t]|[A-Z])|s(?![\w])"
    r"|[ \t]{0,1}[aApP]\.?[mM])|\d{3}[ ]\d{3}[ ]\d{4}"
)
_AGE_LEAD = compiled(r"(?r)(?<![\w])(?P<word>[A-Za-z]{3,5})[ \t]{1,3}(?:(?i:between|from)[ \t]{1,3})?$")
# "Pacquiao, 46," : a capitalised name, a comma, the number, a comma
_APPOSED = compiled(r"(?r)(?<![\w])[A-Z][a-z'’-]{1,30},[ \t]{1,2}$")
_ARTICLE = compiled(r"(?r)(?<![\w])(?i:an?)[ \t]{1,3}")
_THE = compiled(r"(?r)(?<![\w])(?i:the)[ \t]{1,3}")
# Compiled once here rather than looked up in regex's cache on every call (issue 16).
_WORD_AFTER = compiled(r"[ \t-]{0,3}([A-Za-z]{1,30})")
_LETTERS_OR_DOTS_BEFORE = compiled(r"(?r)[A-Za-z.]{1,12}")
_LETTERS_BEFORE = compiled(r"(?r)[A-Za-z]{1,12}")
_PHONE_AFTER_PAREN = compiled(r"\d{2,4}\)[ \t]{0,1}\d{3}[ .-]\d{4}(?!\d)")
_NOT_DIGIT = compiled(r"\D")
_SPACES = compiled(r"\s+")
_WORD_OR_DEGREE = compiled(r"[A-Za-z]{2,20}|°")
_AND_OR_MORE = compiled(r"(?i)(?:and|or|more)\b")
_SPACES_OR_HYPHENS = compiled(r"[\s-]+")
_OF_OR_CLAUSE_END = compiled(r"[ \t]{1,3}(?i:of)\b|[ \t]{0,3}(?:[.,;:!?)\"”]|$)")
_LOWER_WORD_AFTER = compiled(r"[ \t]{1,3}([a-z]{2,30})\b")
_PREFIX_CHARS = frozenset("$€£¥₽₹₴₩₿₡₾₭元₺₪₦¢-−+.")
_END_PUNCTUATION = frozenset(",;:!?\"'”’")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class Mention:
    """One numeric mention, read on its own."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    step: float | None = None
    opener: str | None = None  # "between" / "from" just before the mention
    opener_start: int | None = None
    date_parts: tuple[int | None, int, int | None] | None = None  # (year, month, day)
    weekday: str | None = None
    scale: float | None = None  # the scale the number carries ("bn" -> 1e9), for "$1-2bn"


def _interval(value: float, qualifier: Qualifier | None) -> tuple[float | None, float | None]:
    if qualifier is None or qualifier.bound == "exact":
        return value, value
    if qualifier.bound == "lower":
        return value, None
    if qualifier.bound == "upper":
        return None, value
    spread = abs(value) * qualifier.tolerance
    if qualifier.bound == "below_upper":
        return value - spread, value
    return value - spread, value + spread


def _word_before(text: str, start: int, floor: int = 0) -> str:
    """The whitespace-delimited word before ``start``, lower case, outer punctuation stripped."""
    window = text[max(floor, start - 40) : start].rstrip(" \t-")
    if not window:
        return ""
    parts = window.rsplit(None, 1)
    return parts[-1].strip('("“‘[,;:').lower() if parts else ""


def _tail_possible(text: str, pos: int) -> bool:
    """Whether anything but punctuation or another number follows: the cheap test before ``tail``."""
    following = text[pos : pos + 1]
    if not following or following.isdigit() or following in _END_PUNCTUATION:
        return False
    if following in (" ", "\t", "\u00a0"):
        rest = text[pos + 1 : pos + 4].lstrip(" \t")
        return bool(rest) and not rest[0].isdigit() and rest[0] not in _END_PUNCTUATION
    return following != "."


def _closes_a_quotation(text: str, pos: int) -> bool:
    """Whether a double prime at ``pos`` closes a quotation the line opened ('“nearly 8,000″ employees',
    as some publishing systems set a closing quote), so it is no inch sign."""
    if text[pos : pos + 1] != "\u2033":
        return False
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.rfind("\u201c") > max(line.rfind("\u201d"), line.rfind("\u2033"))


def _word_after(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text[end : end + 40])
    return match.group(1).lower() if match else ""


class _Scanner:
    """One pass over one text; holds the text so helpers need not pass it around."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.g: Grammar = grammar()
        self.v: Vocab = vocab()
        self.floor = 0  # end of the last mention: no lookback reaches before it
        self.mentions: list[Mention] = []

    # --- the anchor loop -----------------------------------------------------

    def _anchors(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every place a mention may begin, in order."""
        text, g = self.text, self.g
        anchors = [(m.start(), m.end(), "skip") for m in g.skip.finditer(text)]
        anchors += [(m.start(), m.end(), "digit") for m in g.digit.finditer(text)]
        anchors += [(m.start(), m.end(), "month") for m in g.month_anchor.finditer(text)]
        anchors += [(m.start(), m.end(), str(m.lastgroup)) for m in g.phrase_anchor.finditer(text)]
        lowered = text.lower()
        if len(lowered) == len(text):
            # A set lookup of the text's words is far faster than a case-insensitive
            # alternation run at every position; only the words present are located.
            present = g.starter_words.intersection(_WORDS.findall(lowered))
            for word in present:
                size = len(word)
                at = lowered.find(word)
                while at >= 0:
                    after = at + size
                    if (at == 0 or not _is_word_char(lowered[at - 1])) and (
                        after == len(lowered) or not _is_word_char(lowered[after])
                    ):
                        anchors.append((at, after, "word"))
                    at = lowered.find(word, after)
        else:  # lower() changed the length (rare Unicode): offsets would not line up
            anchors += [(m.start(), m.end(), "word") for m in g.word_anchor.finditer(text)]
        anchors.sort()
        return anchors

    def run(self) -> list[Mention]:
        text = self.text
        pos = 0
        for start, end, group in self._anchors():
            if start < pos:
                continue
            if group == "skip":
                pos = end
            elif group == "month":
                pos = max(self._read_month(start), end)
            elif group == "standalone":
                value = self.v.standalone[_SPACES.sub(" ", text[start:end].lower())]
                self._add(Mention(start, end, "number", value, value, value, None, None, 1.0))
                pos = end
            elif group == "timeunit":
                pos = self._read_article_time(start, end)
            else:
                if group == "digit":
                    skip_to = self._skip_digit(start)
                    if skip_to is not None:
                        pos = max(skip_to, start + 1)
                        continue
                    special = self._read_digit_special(start)
                    if special is not None:
                        pos = special
                        continue
                pos = max(self._read_number(start), start + 1)
        return self.mentions

    def _read_article_time(self, start: int, end: int) -> int:
        """ "a decade", "more than a year": a duration of one; "3% a year" is a rate, not a claim."""
        text, v = self.text, self.v
        previous = self.mentions[-1] if self.mentions else None
        rate = previous is not None and not text[previous.end : start].strip()
        if rate and _word_after(text, end) not in v.time_after:
            return end
        unit = v.time_units[text[start:end].split()[-1].lower()]
        self._add(Mention(start, end, "duration", 1.0, 1.0, 1.0, None, unit, 1.0))
        return end

    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.floor = mention.end

    def _token_end(self, pos: int) -> int:
        match = self.g.token_end.match(self.text, pos)
        return match.end() if match else pos + 1

    def _skip_digit(self, start: int) -> int | None:
        """Where to resume when the digits at ``start`` belong to a name, a code or a phone number."""
        text, v = self.text, self.v
        before = text[start - 1] if start else ""
        if before.isalpha() or before == "_":
            # "G7", "MH17", "v2" are names; "USD115", "Rs5" are money
            letters = _LETTERS_OR_DOTS_BEFORE.match(text, pos=max(0, start - 12), endpos=start)
            word = letters.group() if letters else ""
            if word not in v.currency_prefixes and not self._scaled_code(word):
                return self._token_end(start)
        elif before == "-" and start >= 2 and text[start - 2].isalpha():
            # "COVID-19", "F-35" are names; "mid-2024" is a year
            letters = _LETTERS_BEFORE.match(text, pos=max(0, start - 14), endpos=start - 1)
            glued_to_number = letters is not None and text[letters.start() - 1 : letters.start()].isdigit()
            if not glued_to_number and (letters is None or letters.group().lower() not in v.hyphen_prefixes):
                return self._token_end(start)
        elif before == "#":
            return self._token_end(start)
        elif before == "+":
            phone = phone_plus().match(text, start - 1)
            if phone:
                return int(phone.end())
        elif before == "(" and _PHONE_AFTER_PAREN.match(text[start : start + 16]):
            return self._token_end(start + 5)
        if before in ("", "\n", " ", "\t"):
            head = text[max(0, start - 4) : start]
            at_line_start = (start <= 3 and not head.strip()) or ("\n" in head and not head.rsplit("\n", 1)[1].strip())
            item = _LIST_ITEM.match(text, start) if at_line_start else None
            if item is not None:
                return int(item.end())  # a numbered list item ("1. Introduction")
        return None

    def _scaled_code(self, word: str) -> bool:
        return len(word) == 4 and word[0] in self.v.scaled_codes and word[1:] in self.v.currency_prefixes

    def _read_digit_special(self, start: int) -> int | None:
        """Dates, decades, year ranges and not-claims that begin at a digit; None if none does."""
        text, g = self.text, self.g
        apostrophe = start > 0 and text[start - 1] in "'’"
        if not apostrophe and _SPECIAL_HINT.match(text, start) is None:
            return None  # the common case: nothing but digits and a plain follower
        date = g.date.match(text, start)
        if date and (date.group("d_day2") or date.group("d_iso")):
            self._add(self._date_mention(date, date.start()))
            return int(date.end())
        decade = g.decade.match(text, start - 1 if apostrophe else start)
        if decade and (apostrophe or not (start and (text[start - 1].isalnum() or text[start - 1] in "'’"))):
            if decade.group("dec_short"):
                base = 1900 + int(decade.group("dec_short")) * 10
            else:
                base = int(decade.group("dec_century")) * 100 + int(decade.group("dec_digit")) * 10
            end = int(decade.end())
            self._add(
                Mention(
                    int(decade.start()), end, "year", float(base), float(base), float(base + 9), "range", None, 10.0
                )
            )
            return end
        if not (start and text[start - 1] in ".,$€£¥-"):
            years = g.year_range.match(text, start)
            if years:
                first = int(years.group("yr1"))
                second_text = years.group("yr2")
                second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
                if first < second <= first + 100:
                    end = int(years.end())
                    self._add(Mention(start, end, "year", None, float(first), float(second), "range", None, 1.0))
                    return end
        if start and (text[start - 1].isdigit() or text[start - 1] == "."):
            return self._token_end(start)
        blocked = g.not_claim.match(text, start)
        if blocked:
            if blocked.lastgroup == "slash" and self._is_fraction(blocked.group()):
                return None
            return max(int(blocked.end()), start + 1)
        return None

    def _is_fraction(self, slash: str) -> bool:
        parts = [p.strip() for p in slash.split("/")]
        if len(parts) != 2:
            return False
        numerator, denominator = int(parts[0]), int(parts[1])
        return 0 < numerator < denominator and denominator in self.v.fraction_denominators

    # --- dates -----------------------------------------------------------------

    def _read_month(self, start: int) -> int:
        date = self.g.date.match(self.text, start)
        if date is None or not (date.group("d_month1") or date.group("d_month3")):
            return start + 1
        begin = start
        weekday = self.g.weekday_before.search(self.text, max(self.floor, start - 16), start)
        if weekday:
            begin = weekday.start()
        self._add(self._date_mention(date, begin, weekday.group("weekday") if weekday else None))
        return int(date.end())

    def _date_mention(self, match: regex.Match[str], start: int, weekday: str | None = None) -> Mention:
        v = self.v
        if match.group("d_iso"):
            year, month, day = (int(part) for part in match.group("d_iso").split("-"))
            parts: tuple[int | None, int, int | None] = (year, month, day)
        else:
            month_name = match.group("d_month1") or match.group("d_month2") or match.group("d_month3")
            month = v.months[month_name.rstrip(".").lower()]
            day_text = match.group("d_day1") or match.group("d_day2")
            year_text = match.group("d_year1") or match.group("d_year2") or match.group("d_year3")
            day_number = int(_NOT_DIGIT.sub("", day_text)) if day_text else None
            parts = (int(year_text) if year_text else None, month, day_number)
        return Mention(
            start, int(match.end()), "date", None, None, None, None, None, None,
            date_parts=parts, weekday=weekday,
        )  # fmt: skip

    # --- numbers ---------------------------------------------------------------

    def _tokens(self, start: int) -> tuple[list[Tok], int]:
        """The run of number tokens at ``start`` and where it ends."""
        text, g, v = self.text, self.g, self.v
        toks: list[Tok] = []
        pos = start
        match = g.token.match(text, pos)
        while match is not None and len(toks) < _MAX_TOKENS:
            tok = self._tok(match)
            if tok is None:
                break
            toks.append(tok)
            pos = match.end()
            sep = g.separator.match(text, pos)
            if sep is None:
                break
            following = g.token.match(text, sep.end())
            if following is None:
                break
            if sep.group("hyphen") and (tok.kind in _NUMERIC_TOKENS or following.lastgroup not in ("numword", None)):
                break  # "20-30" is a range, "fifty-two" a number
            digits_follow = following.group("numword") is None and following.group("connector") is None
            if (
                tok.kind in _NUMERIC_TOKENS
                and digits_follow
                and not (tok.kind == "num" and following.lastgroup == "frac")
            ):
                break  # "423 0000" is two numbers; "2 1/4" is one
            match = following
        if toks and toks[0].kind not in _NUMERIC_TOKENS:
            article = _ARTICLE.match(text, pos=max(self.floor, start - 5), endpos=start)
            if article:
                toks.insert(0, Tok("a", 1.0, article.start(), article.start() + 1, "a"))
        del v
        return toks, pos

    def _tok(self, match: regex.Match[str]) -> Tok | None:
        v = self.v
        group = match.lastgroup
        start, end = match.span()
        raw = match.group()
        if group == "numword" or group == "connector":
            word = _SPACES.sub(" ", raw.lower())
            if group == "connector":
                kind = "a" if word in ("a", "an") else ("point" if word in v.point_words else word)
                return Tok(kind, 0.0, start, end, word)
            if word in v.units:
                return Tok("unit", float(v.units[word]), start, end, word)
            if word in v.tens:
                return Tok("ten", float(v.tens[word]), start, end, word)
            if word in v.hundreds:
                return Tok("hundred", 100.0, start, end, word)
            if word in v.dozens:
                return Tok("dozen", 12.0, start, end, word, plural=word.endswith("s"))
            if word in v.scale_words:
                return Tok("scale", v.scale_words[word], start, end, word)
            if word in v.denominators:
                return Tok("denom", v.denominators[word], start, end, word, plural=word in v.plural_denominators)
            if word in v.compound_denominators:
                return Tok("cden", v.compound_denominators[word], start, end, word, word in v.plural_denominators)
            if word in v.sign_words:
                return Tok("sign", -1.0, start, end, word)
            return None
        if group == "vulgar":
            return Tok("vulgar", v.vulgar_fractions[raw], start, end, raw)
        if group == "frac":
            numerator, denominator = int(match.group("fnum")), int(match.group("fden"))
            if not (0 < numerator < denominator and denominator in v.fraction_denominators):
                return None
            return Tok("frac", numerator / denominator, start, end, raw)
        parsed: tuple[float, float] | None
        if group == "sci":
            parsed = parse_scientific(match.group("mant"), match.group("exp") or match.group("exp2"))
        elif group == "pow":
            parsed = parse_power(match.group("base"), match.group("powexp"))
        elif group in ("euro", "dcomma"):
            parsed = parse_european(raw)
        else:
            parsed = parse_digits(raw)
        if parsed is None:
            return None
        return Tok("num", parsed[0], start, end, raw, step=parsed[1])

    def _read_number(self, start: int) -> int:
        """Read the number run at ``start``; returns where scanning resumes."""
        text = self.text
        toks, run_end = self._tokens(start)
        if not toks:
            return self._token_end(start) if text[start].isdigit() else start + 1
        ordinal = self._word_ordinal(toks)
        if ordinal is not None:
            self._add(ordinal)
            return ordinal.end
        segments = segment(toks)
        if not segments:
            return run_end if not text[start].isdigit() else max(run_end, self._token_end(start))
        for index, (first, last, value, step) in enumerate(segments):
            is_last = index == len(segments) - 1
            seg_toks = toks[first:last]
            with_suffix = is_last and last == len(toks)
            mention = self._number_mention(seg_toks, value, step, with_suffix, first == 0)
            if mention is None:
                if with_suffix and text[toks[0].start].isdigit():
                    return max(run_end, self._token_end(seg_toks[0].start))
                continue
            self._add(mention)
        return max(run_end, self.floor)

    def _word_ordinal(self, toks: list[Tok]) -> Mention | None:
        """ "the tenth", "the twenty-first": an ordinal, not a fraction."""
        if toks[0].kind == "ten" and len(toks) == 2 and toks[1].value < 10:
            value = toks[0].value + toks[1].value
        elif len(toks) == 1 and toks[0].kind == "denom" and toks[0].text not in ("half", "quarter"):
            value = toks[0].value
        else:
            return None
        if toks[-1].plural or toks[-1].kind not in ("denom", "cden"):
            return None
        the = _THE.match(self.text, pos=max(self.floor, toks[0].start - 6), endpos=toks[0].start)
        if the is None:
            return None
        return Mention(int(the.start()), toks[-1].end, "ordinal", value, value, value, None, None, 1.0)

    def _prefix(self, start: int) -> regex.Match[str] | None:
        text = self.text
        previous = text[start - 1 : start]
        if previous in (" ", "\t"):
            previous = text[start - 2 : start - 1]
        if not previous or not (previous.isalpha() or previous in _PREFIX_CHARS):
            return None  # nothing before the digits can be a currency, a sign or "a"
        return self.g.prefix.search(text, max(self.floor, start - 24), start)

    def _sign_ok(self, sign_at: int, spaced: bool) -> bool:
        """Whether a "-" before a number is its sign rather than a dash ("75 -300", "1000 - 5000")."""
        text = self.text
        before = text[max(0, sign_at - 40) : sign_at]
        stripped = before.rstrip(" \t")
        previous = stripped[-1:] if stripped else ""
        if previous.isdigit() or previous in (")", "%"):
            return False
        if spaced:
            return not previous.isalnum()
        return not before or not (before[-1].isalnum() or before[-1] in "_.")

    def _number_mention(
        self, toks: list[Tok], value: float, step: float | None, with_suffix: bool, at_run_start: bool
    ) -> Mention | None:
        text, g, v = self.text, self.g, self.v
        start, end = toks[0].start, toks[-1].end
        words = toks[0].kind not in _NUMERIC_TOKENS
        scale: float | None = toks[-1].value if toks[-1].kind == "scale" else None
        currency: str | None = None
        kind = "number"
        unit: str | None = None
        consumed_suffix = False

        if at_run_start:
            prefix = self._prefix(start)
            if prefix is not None:
                if prefix.group("cur") or prefix.group("scaledp"):
                    if prefix.group("scaledp"):
                        code = prefix.group("scaledp")
                        currency = v.currency_prefixes[code[1:]]
                        value *= v.scaled_codes[code[0]]
                        scale = v.scaled_codes[code[0]]
                    else:
                        form = prefix.group("cur")
                        currency = v.currency_prefixes.get(form) or v.currency_symbols.get(form)
                    if prefix.group("csign"):
                        value = -value
                    start = prefix.start()
                elif prefix.group("signword"):
                    value, start = -value, prefix.start()
                elif prefix.group("sign") and self._sign_ok(prefix.start(), bool(prefix.group("signspace"))):
                    if prefix.group("sign") != "+":
                        value = -value
                    start = prefix.start()

        if with_suffix and not _closes_a_quotation(text, end):
            pos = end
            following = text[pos : pos + 1]
            glued = following.isalpha() or following in "µμ°″²"
            spaced = following in (" ", "\t") and text[pos + 1 : pos + 3].lstrip(" \t")[:1].isalpha()
            glued_unit = g.unit_glued.match(text, pos) if glued and not words else None
            if glued_unit is None and (glued or spaced):
                scale_match = (g.scale_glued.match(text, pos) if glued and not words else None) or (
                    g.scale_spaced.match(text, pos) if spaced else None
                )
                if scale_match is not None:
                    suffix = scale_match.group("scale")
                    metres = _word_after(text, scale_match.end()) in v.metre_hints
                    if suffix not in v.spaced_suffixes and not currency and metres:
                        kind, unit = "quantity", "meter"
                    else:
                        multiplier = v.scale_suffixes[suffix]
                        value *= multiplier
                        step = None if step is None else step * multiplier
                        scale = multiplier
                    pos = scale_match.end()
                    consumed_suffix = True
            if unit is None and _tail_possible(text, pos):
                tail = g.tail.match(text, pos, pos + 80)
                if glued_unit is not None and (tail is None or tail.end() < glued_unit.end()):
                    tail = g.tail.match(text, pos, glued_unit.end())
                if tail is not None:
                    read = self._read_tail(tail, value, scale, currency)
                    if read is None:
                        return None
                    kind, unit, currency, value, step_scale, pos = read
                    if step_scale is not None:
                        step = None if step is None else step * step_scale
                        scale = (scale or 1.0) * step_scale
                    consumed_suffix = True
            end = pos
            # Digits glued to letters we did not read ("4G", "737MAX", "24703L202") are names.
            glued_letters = end < len(text) and (text[end].isalnum() or text[end] == "_") and kind != "ordinal"
            if glued_letters and (not words or text[end - 1].isalnum()):
                return None

        if currency:
            kind, unit = "money", currency
            minor = self._minor(end, currency, value)
            if minor is not None:
                value, end = minor
        elif unit == "foot":
            minor = self._minor(end, unit, value)
            if minor is not None:
                value, end = minor

        if kind == "number" and unit is None and words and value < 1 and any(t.kind == "denom" for t in toks):
            of_time = g.fraction_of_time.match(text, end)
            if of_time is not None:  # "a quarter of a century"
                kind, unit, end = "duration", v.time_units[of_time.group("timeunit").lower()], int(of_time.end())
        if kind == "number" and unit is None:
            if not self._plain_number_ok(toks, start, end, consumed_suffix):
                return None
            if self._is_age(start, end, value, words):
                return Mention(start, end, "age", value, value, value, None, "year", step)
            if not words and len(toks) == 1 and scale is None and self._is_year(toks[0].text, value, start, end):
                return Mention(start, end, "year", value, value, value, None, None, 1.0)
            percent = None
            if _word_before(text, start, self.floor) == "of":
                percent = g.percent_of.search(text, max(self.floor, start - 40), start)
            if percent is not None:
                kind, unit, start = "percent", "percent", percent.start("pw")
        if kind == "ordinal" and (words or toks[0].kind != "num" or "." in toks[0].text or len(toks) != 1):
            return None
        return Mention(start, end, kind, value, value, value, None, unit, step, scale=scale)

    def _read_tail(
        self, tail: regex.Match[str], value: float, scale: float | None, currency: str | None
    ) -> tuple[str, str | None, str | None, float, float | None, int] | None:
        """(kind, unit, currency, value, extra scale, end) read from a suffix match."""
        text, g, v = self.text, self.g, self.v
        group = tail.lastgroup
        end = tail.end()
        kind = "number"
        unit: str | None = None
        extra: float | None = None
        if group == "points":
            word = tail.group("points").strip().lower()
            kind = "percentage_point"
            unit = "basis_point" if word.startswith("b") else "percentage_point"
        elif group == "percent":
            kind, unit = "percent", "percent"
        elif group == "age":
            kind, unit = "age", "year"
        elif group == "curword":
            word = _SPACES.sub(" ", tail.group("curword").strip(" \t-").lower())
            if currency and currency != v.currency_words[word]:
                return "number", None, currency, value, None, tail.start()  # "rmb 10 usd 20"
            currency = v.currency_words[word]
            after_scale = g.scale_after_currency.match(text, end)
            if after_scale is not None and scale is None:
                extra = v.scale_words[after_scale.group("scale").lower()]
                value *= extra
                end = after_scale.end()
        elif group == "scaledcode":
            code = tail.group("scaledcode")
            currency = currency or v.currency_prefixes.get(code[1:].upper(), code[1:].upper())
            extra = v.scaled_codes[code[0]]
            value *= extra
        elif group == "cursym":
            currency = currency or v.currency_symbols[tail.group("cursym").strip()]
        elif group == "duration":
            kind = "duration"
            unit = v.time_units[tail.group("duration").strip(" \t-").lower()]
        elif group in ("unit", "bunit"):
            if group == "bunit":
                pairs = {"(": ")", "[": "]", "{": "}", "<": ">"}
                if pairs[tail.group("open")] != tail.group("close"):
                    return "number", None, currency, value, None, tail.start()
                form = tail.group("bform")
            else:
                form = tail.group("unitform")
            form = _SPACES.sub(" ", form)
            unit_form = v.unit_forms.get(form) or v.unit_forms_folded.get(form.lower())
            if unit_form is None:
                return None
            kind, unit = unit_form.kind, unit_form.unit
            lowered = form.lower()
            if lowered in v.ambiguous_currency_words and scale is not None and _word_after(text, end) != "of":
                currency = currency or v.ambiguous_currency_words[lowered]
                kind, unit = "number", None
            elif unit == "degree" and self._temperature_context(tail.start()):
                kind, unit = "temperature", None
            elif currency is None:
                per = g.per_unit.match(text, end)
                if per is not None:
                    unit = f"{unit} / {v.per_units[per.group('perunit').lower()]}"
                    end = per.end()
        elif group == "ordinal":
            kind = "ordinal"
        return kind, unit, currency, value, extra, end

    def _temperature_context(self, at: int) -> bool:
        words = _WORD_OR_DEGREE.findall(self.text[max(0, at - _TEMPERATURE_WINDOW) : at])
        return any(w.lower() in self.v.temperature_hints or w == "°" for w in words)

    def _minor(self, end: int, major: str, value: float) -> tuple[float, int] | None:
        """ "3 dollars 50 cents", "15 dollars and 50", "5 ft 2 in": the minor amount added."""
        spec = self.v.minor_units.get(major)
        if spec is None or value != int(value):
            return None
        match = self.g.minor.match(self.text, end)
        if match is None:
            return None
        word = (match.group("word") or "").lower()
        if word and word not in spec.words:
            return None
        if not word:
            if major == "foot":
                return None
            # without "cents" only a bare amount at the end of the phrase is a minor unit
            rest = self.text[match.end() : match.end() + 12].lstrip(" \t")
            if rest[:1].isalnum() and not _AND_OR_MORE.match(rest):
                return None
        elif word == "in" and _word_after(self.text, match.end()) in self.v.determiners:
            return None  # "5 ft 2 in the morning"
        amount_text = match.group("amount").lower()
        if amount_text.isdigit():
            amount = float(amount_text)
        else:
            parts = _SPACES_OR_HYPHENS.split(amount_text)
            amount = 0.0
            for part in parts:
                amount += self.v.units.get(part, 0) + self.v.tens.get(part, 0)
        if not 0 < amount < spec.per:
            return None
        sign = -1.0 if value < 0 else 1.0
        return value + sign * amount / spec.per, match.end()

    def _plain_number_ok(self, toks: list[Tok], start: int, end: int, consumed_suffix: bool) -> bool:
        """A bare number word may be a pronoun ("the one you mentioned") or an ordinal use ("the first half")."""
        if consumed_suffix or len(toks) > 2:
            return True
        text, v = self.text, self.v
        words = [t for t in toks if t.kind != "a"]
        if len(words) != 1:
            return True
        only = words[0]
        if only.kind == "unit" and only.text == "one" and len(toks) == 1:
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
                return False  # "a one-off payment", "one-sided"
            if _word_after(text, end) in v.pronoun_one_before:
                return False  # "One theory has it"
            return _word_before(text, start, self.floor) not in v.pronoun_one_after
        if only.kind == "denom" and not only.plural:
            # "a third of", "more than half", "a fifth." but not "a third term", "the first half"
            if _word_before(text, start) in v.not_fraction_after:
                return False
            if _OF_OR_CLAUSE_END.match(text[end : end + 8]):
                return True
            return _word_before(text, start, self.floor) in self.g.qualifier_last_words
        return True

    def _is_age(self, start: int, end: int, value: float, words: bool) -> bool:
        """ "aged 72", "aged between 5 and 12", and the apposed "Pacquiao, 46, will"."""
        if not (value.is_integer() and 0 < value < 130):
            return False
        text, v = self.text, self.v
        lead = _AGE_LEAD.search(text, max(0, start - 24), start)
        if lead is not None and lead.group("word").lower() in v.age_before:
            return True
        return not words and text[end : end + 1] == "," and _APPOSED.search(text, max(0, start - 34), start) is not None

    def _is_year(self, digits: str, value: float, start: int, end: int) -> bool:
        if len(digits) != 4 or not digits.isdigit():
            return False
        if not 1000 <= value <= 2100:
            return False
        v = self.v
        before = _word_before(self.text, start)
        if before in v.year_before or before.endswith(("-", "'s", "’s")):
            return True
        if value < 1900:
            return False
        # "2000 people" is a count; "2014 invasion" and "in 2014," are years.
        after_match = _LOWER_WORD_AFTER.match(self.text[end : end + 40])
        return after_match is None or after_match.group(1) in v.year_nouns


# --- after the anchor pass -------------------------------------------------------


def _join_ratios(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "one in five", "two out of three", "1 over 3": one number, the ratio."""
    g = grammar()
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        if i + 1 < len(mentions):
            second = mentions[i + 1]
            link = g.ratio.fullmatch(text, first.end, second.start) if first.end <= second.start else None
            if link is not None and _ratio_ok(first, second, link.group("word").lower()):
                assert first.value is not None and second.value is not None
                value = first.value / second.value
                out.append(Mention(first.start, second.end, "number", value, value, value))
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _ratio_ok(first: Mention, second: Mention, word: str) -> bool:
    if first.kind != "number" or second.kind != "number" or first.unit or second.unit:
        return False
    if first.value is None or second.value is None or not second.value or first.scale or second.scale:
        return False
    if word == "over":
        return True
    return first.value.is_integer() and second.value.is_integer() and 0 < first.value < second.value


def _apply_context(text: str, mention: Mention, floor: int) -> Mention:
    """Read a qualifier or range opener before the mention, and "or more" after it."""
    if mention.kind == "date":
        return mention
    g = grammar()
    v = vocab()
    start, end = mention.start, mention.end
    qualifier: Qualifier | None = None
    opener = None
    opener_start = None
    lo = max(floor, start - _LOOKBEHIND)
    last = _word_before(text, start, floor)
    last_char = text[start - 1 : start].strip() or text[max(lo, start - 3) : start].strip()[-1:]
    if last in g.qualifier_last_words or last in ("between", "from") or (last_char and last_char in "<>≤≥="):
        found = g.qualifier_before.search(text, lo, start)
        if found:
            if found.group("between"):
                opener, opener_start = found.group("between").lower(), found.start("between")
            elif mention.kind != "year":
                qualifier = _found_qualifier(found, v)
                start = found.start()
                if found.group("opener"):
                    opener, opener_start = found.group("opener").lower(), found.start("opener")
    if qualifier is None and last == "top" and mention.kind != "year" and _headline_top(text, start, floor):
        qualifier = v.qualifiers["topping"]
        start = text.rindex("top", lo, start)
    follows_word = text[end : end + 1] in (" ", "\t") and text[end + 1 : end + 2].isalpha()
    if mention.kind != "year" and mention.qualifier is None and follows_word:
        trailing = g.trailing_qualifier.match(text, end)
        if trailing and (qualifier is None or qualifier.bound in ("approx", "exact")):
            found_trailing = v.trailing_qualifiers[_SPACES.sub(" ", trailing.group("trail").lower())]
            if qualifier is None or found_trailing.bound != "approx":
                qualifier = found_trailing
            end = trailing.end()
        if qualifier is not None and qualifier.bound in ("lower", "upper") and text[end + 1 : end + 3].lower() == "or":
            or_equal = g.or_equal.match(text, end)
            if or_equal:
                qualifier = _inclusive(qualifier, v)
                end = or_equal.end()
    if qualifier is None or mention.value is None or mention.qualifier == "range":
        if opener is None:
            return mention
        return replace(mention, opener=opener, opener_start=opener_start)
    low, high = _interval(mention.value, qualifier)
    name = None if qualifier.bound == "exact" else qualifier.name
    return replace(
        mention, start=start, end=end, qualifier=name, low=low, high=high,
        opener=opener, opener_start=opener_start,
    )  # fmt: skip


# Words before "top N" that make it a rank ("the top 10", "finished top 3"), not a verb ("Deaths top 1,000").
_RANK_BEFORE_TOP = frozenset(
    "the a an its their his her our your this that these those in into of to from at on among within "
    "ranks finishes sits stays remains was is are were".split()
)


def _headline_top(text: str, start: int, floor: int) -> bool:
    """Whether the "top" right before a number is the verb of a headline ("Measles cases top 300"): it
    follows a plural noun, as "tops" follows a singular one ("Toll tops 5,000")."""
    top = text.rindex("top", max(floor, start - 12), start)
    before = _word_before(text, top, floor)
    return len(before) > 3 and before.endswith("s") and before not in _RANK_BEFORE_TOP and not before.endswith("'s")


def _found_qualifier(found: regex.Match[str], v: Vocab) -> Qualifier:
    comparative = found.group("cmp1") or found.group("cmp2") or found.group("cmp3") or found.group("cmp4")
    if comparative:
        word = comparative.lower()
        side = next(c for c in v.comparatives if word in c.words)
        inclusive = bool(found.group("oreq1") or found.group("cmp2") or found.group("cmp3"))
        return side.inclusive if inclusive else side.strict
    words = found.group("qual") or found.group("symqual")
    return v.qualifiers[_SPACES.sub(" ", words.lower())]


def _inclusive(qualifier: Qualifier, v: Vocab) -> Qualifier:
    for side in v.comparatives:
        if qualifier.bound == side.strict.bound:
            return side.inclusive
    return qualifier


_RANGE_KINDS = frozenset(
    {"number", "percent", "money", "quantity", "duration", "temperature", "percentage_point", "age", "ordinal"}
)
_LOWER = frozenset({"at_least", "more_than"})
_UPPER = frozenset({"at_most", "less_than", "up_to"})


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "A to B", "A-B", "between A and B" and "more than A and less than B" into one range."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        if i + 1 < len(mentions):
            second = mentions[i + 1]
            joined = _try_join(text, first, second)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _try_join(text: str, first: Mention, second: Mention) -> Mention | None:
    if first.end > second.start or first.value is None or second.value is None:
        return None
    g = grammar()
    if first.qualifier in _LOWER | _UPPER and second.qualifier in _LOWER | _UPPER:
        return _join_bounds(text, first, second)
    link = g.connector.fullmatch(text, first.end, second.start)
    if not link:
        return None
    word = link.group("word").lower()
    if word in ("-", "–", "—"):
        if word == "-" and link.group("pad1") != link.group("pad2"):
            return None  # "75 -300mm" is not a range
        if not (_has_digit(text, first) and _has_digit(text, second)):
            return None  # "three-nought-four" is three numbers
    if word == "and" and first.opener != "between":
        return None
    if word == "to" and _changes(text, first):
        return None  # "rose from 3.5 percent to 4.1 percent", "fell by $3.1bn to $28.4bn": two claims
    if (first.qualifier and first.qualifier != "about") or second.qualifier:
        return None  # "about 20-30" is still a range
    start = first.opener_start if first.opener_start is not None else first.start
    if first.kind == "year" and second.kind == "year":
        if second.value <= first.value:
            return None
        return Mention(start, second.end, "year", None, first.value, second.value, "range", None, 1.0, first.opener)
    if first.kind not in _RANGE_KINDS or second.kind not in _RANGE_KINDS:
        return None
    low, high, step = first.value, second.value, second.step
    kind, unit = second.kind, second.unit
    if first.unit is not None and first.unit != second.unit:
        if second.unit is not None:
            return None
        kind, unit = first.kind, first.unit  # "$10 to 15" reads as dollars
    # "$1-2bn", "between 5 and 10 million": the first number borrows the second's scale.
    if second.scale and not first.scale and low * second.scale <= high:
        low = low * second.scale
    if low >= high:
        return None
    return Mention(
        start, second.end, kind, None, low, high, "range", unit, step, opener=first.opener, scale=second.scale
    )


def _changes(text: str, first: Mention) -> bool:
    """Whether a change verb leads to ``first``: "rose from A", "increased by A"."""
    change = vocab().change_before
    start = first.opener_start if first.opener_start is not None else first.start
    before = _word_before(text, start)
    if before == "by" or (first.opener is None and before in change and before not in ("up", "down")):
        return True
    if first.opener == "from":
        words = text[max(0, start - 40) : start].split()
        return len(words) >= 1 and words[-1].lower() in change
    return False


def _has_digit(text: str, mention: Mention) -> bool:
    return any(ch.isdigit() for ch in text[mention.start : mention.end])


def _join_bounds(text: str, first: Mention, second: Mention) -> Mention | None:
    """ "more than 10 and less than 40", "at most 100 and at least 20": a closed range."""
    if not grammar().bound_pair.fullmatch(text, first.end, second.start):
        return None
    if first.kind != second.kind or first.unit != second.unit:
        return None
    if first.qualifier in _LOWER and second.qualifier in _UPPER:
        low, high = first.low, second.high
    elif first.qualifier in _UPPER and second.qualifier in _LOWER:
        low, high = second.low, first.high
    else:
        return None
    if low is None or high is None or low >= high:
        return None
    return Mention(first.start, second.end, first.kind, None, low, high, "range", first.unit, second.step)


def _drop_dangling(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop numbers that are part of names ("Boeing 737") or scores ("3-1")."""
    names = vocab().name_words
    out = []
    for mention in mentions:
        # A name word counts only right before the number: "Boeing 737", not "the measure, 30 percent".
        joined = not text[max(0, mention.start - 3) : mention.start].rstrip(" \t").endswith((",", ";", ")"))
        if mention.kind not in ("date", "year") and joined and _word_before(text, mention.start).rstrip(":") in names:
            continue
        before = text[max(0, mention.start - 2) : mention.start]
        if mention.qualifier != "range" and len(before) == 2 and before[1] in "-–" and before[0].isdigit():
            continue
        out.append(mention)
    return out


# What a digit is, decided once: regex's \d follows a newer Unicode than Python's float() does, so a
# digit that unicodedata does not know (U+16D74, U+11BF0) is no digit here.
_NON_ASCII_DIGIT = compiled(r"(?![0-9])\d")


def readable_digits(text: str) -> str:
    """``text`` with every digit Python cannot read as a number replaced by U+FFFD (same length)."""
    if text.isascii():
        return text
    unknown = {m.group() for m in _NON_ASCII_DIGIT.finditer(text) if unicodedata.decimal(m.group(), None) is None}
    if not unknown:
        return text
    return text.translate({ord(ch): "\ufffd" for ch in unknown})


def scan(text: str) -> list[Mention]:
    """Every numeric mention in ``text``, in order of position."""
    text = readable_digits(text)
    raw = _join_ratios(text, _Scanner(text).run())
    mentions = []
    floor = 0
    for mention in raw:
        mentions.append(_apply_context(text, mention, floor))
        floor = mention.end
    return _drop_dangling(text, _join_ranges(text, mentions))
