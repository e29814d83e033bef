"""Attach meaning from the sentence to a mention: subject, level or change, period, source.

All of it is read from the one sentence the mention sits in, with small,
bounded patterns; nothing here looks across sentences.

* subject: the noun phrase the number counts or measures.  After the number
  first ("21,692 sanctions on Russia"), else the phrase before the verb that
  leads to it ("Chinese exports to Russia rose by 70 percent").
* aspect: "change" when a change word sits right before the number ("rose by
  70 percent", "fell 3.2 percentage points") or right after it ("a 70 percent
  increase"); else "level".
* period: the year right after the number ("$140bn in 2021"), else a range or
  "since" in the sentence, else the one year the sentence names, else the
  document's date as "as of".
* source: "according to X", "according to a survey by X", "a report from X", "data compiled by X",
  "X data show", "X said", "said X".
"""

from __future__ import annotations

import functools
import itertools
from datetime import date

import regex

from factcheck.extract.patterns import compiled
from factcheck.extract.scanner import Mention
from factcheck.extract.vocab import vocab
from factcheck.model import Period

# Words that end a noun phrase: verbs, conjunctions, pronouns and the like.
_STOP = frozenset(
    """is are was were be been being has have had will would could can may might must shall should
    do does did said says say told tells according that which who whom whose since after before
    during while when where as than and or but nor so yet if because though although until unless
    whereas this these those it its they them their he she him her his we us our you your i me my
    there here then now also still even just only not no nor very more most less least such same
    other another each every all both either neither any some many much few several own
    left wound reached hit stood totalled totaled totaling totalling came went made took gave got
    rose fell grew jumped soared climbed dropped declined increased decreased surged plunged
    up down out off about over under into onto per via versus vs
    due ago later earlier old long cq across through along around near beyond within toward towards""".split()
)
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Adverbs that sit between a subject and its verb: "Tariffs on steel now stand at 25 percent".
_ADVERBS = frozenset("now currently already still also then recently reportedly roughly just".split())
_PREPOSITIONS = frozenset("on against to from of in for with at between among into toward towards by".split())
_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())
# Verb chains between a subject and its number: "has soared from", "rose by", "stood at", "is".
_LEAD_VERB = compiled(
    r"(?i)\b(?:(?:has|have|had|will|would|is|are|was|were)\s{1,3}(?:been\s{1,3})?)?"
    r"(?:rose|risen|rise|rises|fell|fallen|falls|grew|grown|grows|jumped|soared|climbed|surged|"
    r"increased|decreased|declined|dropped|plunged|slumped|expanded|shrank|reached|hit|stood|totalled|"
    r"totaled|topped|exceeded|amounted|came|was|were|is|are|stands|reaches|totals|rose|gained|lost|"
    r"doubled|tripled|halved|jumps|rises|falls|stretches|stretched|measures|measured|weighs|weighed|covers|"
    r"covered|spans|spanned|costs|cost|employs|employed|numbers|numbered|stand|stands|remain|remained|remains|"
    r"be|stretch|measure|weigh|cover|span|total|reach|top|exceed)"
    r"(?:\s{1,3}(?:a|an)\s{1,3}(?:record|new\s{1,3}high|all-time\s{1,3}high|high|low|peak)(?:\s{1,3}of)?)?"
    r"(?:\s{1,3}(?:by|to|from|at|of|in|about|around|roughly|nearly|almost|some))?\s{0,3}$"
)
_BETWEEN = compiled(r"\bbetween ([a-z-]{1,30}(?: [a-z-]{1,30})?) and ([a-z-]{1,30}(?: [a-z-]{1,30})?)$")
_WORD = compiled(r"[A-Za-z](?:[\w'’.-]{0,40}[\w'’])?|[,;:()\"“”–—]")
_SOURCE_WORD = r"(?:[A-Z][\w&.’'-]{0,40}|of|for|and|&|on|de|the)"
_SOURCE_NAME = rf"(?P<source>{_SOURCE_WORD}(?:\s{{1,3}}{_SOURCE_WORD}){{0,8}})"
# What a source publishes: "a survey by X", "figures compiled by X", "the latest report from X".
_SOURCE_WORK = (
    r"(?:(?:a|an|the)\s{1,3})?(?:(?:new|latest|recent|annual|monthly|quarterly|weekly|preliminary|final|official|"
    r"provisional|separate|independent)\s{1,3}){0,2}"
    r"(?:survey|surveys|report|reports|study|studies|analysis|data|figures|estimates?|poll|census|count|tally|"
    r"statistics|review|research|assessment|forecast|projections?|calculations?|records)"
    r"(?:\s{1,3}(?:compiled|published|released|gathered|collected|produced|issued|conducted|commissioned|"
    r"prepared))?\s{1,3}(?:by|from|of)"
)
_SOURCE_BEFORE = compiled(
    rf"(?:(?i:according)\s{{1,3}}to(?:\s{{1,3}}{_SOURCE_WORK})?|in\s{{1,3}}keeping\s{{1,3}}with|{_SOURCE_WORK}|"
    r"cited\s{1,3}by)\s{1,3}"
    rf"(?:the\s{{1,3}})?{_SOURCE_NAME}"
)
# "X data show", "X's figures showed", "figures from X show": the source of the sentence's figures.
_SOURCE_SHOW = compiled(
    r"(?P<source>[A-Z][\w&.’'-]{0,40}(?:\s{1,3}(?:[A-Z][\w&.’'-]{0,40}|of|for|and|&)){0,6}?)(?:['’]s)?\s{1,3}"
    r"(?:data|figures|statistics|numbers|estimates|records|survey|report|analysis)\s{1,3}"
    r"(?:show|showed|shows|suggest|suggested|suggests|indicate|indicated|indicates|found|published|released)\b"
)
_SOURCE_SAID = compiled(
    r"(?P<source>(?:[A-Z][\w&.’'-]{0,40})(?:\s{1,3}(?:[A-Z][\w&.’'-]{0,40}|of|for|and|&)){0,6}),?\s{1,3}"
    r"(?:said|says|estimates|estimated|reported|reports|found|calculated|counted|recorded|noted)\b"
)
_SAID_SOURCE = compiled(
    r"\b(?:said|says|according\s{1,3}to)\s{1,3}(?:the\s{1,3})?"
    r"(?P<source>[A-Z][\w&.’'-]{0,40}(?:\s{1,3}(?:[A-Z][\w&.’'-]{0,40}|of|for|and|&)){0,6})"
)
_SINCE = compiled(r"(?i)\bsince\b")
# Between a number and the year it belongs to: "$140bn in 2021", "250,000 troops in 2022".
_YEAR_AFTER = compiled(r"(?:\s{1,3}[A-Za-z][\w'’-]{0,30}){0,3}\s{1,3}(?:in|during|for|as\s{1,3}of|by)\s{1,3}")
_KEY_WORD = compiled(r"[A-Za-z][\w'-]*")
_SOURCE_HEAD = compiled(r"^(?:(?:of|for|and|&|on|de|the)(?:\s+|$))+")
_SOURCE_TAIL = compiled(r"(?:\s+(?:of|for|and|&|on|the|de))+$")
_POSSESSIVE_END = compiled(r"['’]s?$")
_NOT_SOURCES = frozenset("The This That It He She They We I But And In On At As For A An".split())


def _words(text: str, start: int, end: int, limit: int) -> list[tuple[int, int, str]]:
    # Bound the search: a long run without words ("1 1 1 ...") must not be rescanned per number.
    matches = _WORD.finditer(text, start, min(end, start + 45 * limit))
    return [(*match.span(), match.group()) for match in itertools.islice(matches, max(limit, 1))]


@functools.lru_cache(maxsize=16)
def _words_before(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """The words before a number, read once for both its verb and its aspect."""
    return tuple(_words(text, start, end, 60))


_DIGIT = compiled(r"\d")


def _digit_between(text: str, start: int, end: int) -> bool:
    # Most words are one space apart: no search for those (issue 16).
    if end - start == 1 and text[start] == " ":
        return False
    return _DIGIT.search(text, start, end) is not None


def _phrase_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the noun phrase (and one prepositional phrase) after a number."""
    words = _words(text, start, end, 14)
    if not words or start < words[0][0] - 3:
        return None
    if TIME_AFTER_NUMBER.match(text, start, end):
        return None  # "2.4 percent last year": when, not what
    if words[0][2].lower() == "of" and len(words) > 1:
        # "500,000 tonnes of grain", "two-thirds of respondents": the noun follows "of"
        words = words[1:]
        while words and words[0][2].lower() in _DETERMINERS:
            words = words[1:]
        if not words:
            return None
    # Another number ends the phrase: "a seven-under-par 65 to lead" is not about "under-par 65 to lead".
    cut = next((k for k in range(1, len(words)) if _digit_between(text, words[k - 1][1], words[k][0])), len(words))
    words = words[:cut]
    head: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words) and len(head) < 4:
        w = words[i][2]
        lower = w.lower().rstrip(".")
        if not w[0].isalpha() or lower in _STOP or lower in _PREPOSITIONS or lower in _DETERMINERS:
            break
        # A verb after the noun ends the phrase ("1,000 companies exited"); first, it is an
        # adjective ("12,500 displaced families").
        if head and _is_verb(w):
            break
        head.append(words[i])
        i += 1
    if not head:
        return None
    phrase_end = head[-1][1]
    preposition = words[i][2].lower() if i < len(words) else ""
    proper_next = (
        i + 1 < len(words) and words[i + 1][2][:1].isupper() and words[i + 1][2].lower() not in _CALENDAR_WORDS
    )
    if preposition in _PREPOSITIONS and (preposition not in ("by", "in") or (preposition == "in" and proper_next)):
        tail: list[tuple[int, int, str]] = []
        j = i + 1
        while j < len(words) and len(tail) < 5:
            w = words[j][2]
            lower = w.lower().rstrip(".")
            if lower in _DETERMINERS and not tail:
                j += 1
                continue
            if lower == "and" and tail and j + 1 < len(words) and words[j + 1][2][0].isupper():
                tail.append(words[j])
                j += 1
                continue
            if not w[0].isalpha() or lower in _STOP or lower in _PREPOSITIONS or _is_verb(w):
                break
            if not tail and lower in _CALENDAR_WORDS:
                break  # "58 people on Sunday": a time, not what is counted
            tail.append(words[j])
            j += 1
        if tail and tail[-1][2].lower() != "and":
            phrase_end = tail[-1][1]
    return head[0][0], phrase_end


def _object_before_by(text: str, sentence_start: int, start: int) -> tuple[int, int] | None:
    """ "cut interest rates by 0.25 percentage points": the object between the verb and "by"."""
    words = _words(text, max(sentence_start, start - 80), start, 40)[-7:]
    if len(words) < 3 or words[-1][2].lower() != "by":
        return None
    change = vocab().change_before
    for index in range(len(words) - 2, -1, -1):
        word = words[index][2].lower()
        if word in change and word not in ("by", "up", "down"):
            between = words[index + 1 : -1]
            while between and between[0][2].lower() in _DETERMINERS:
                between = between[1:]
            if between and not any(w[2].lower() in _STOP or not w[2][0].isalpha() for w in between):
                return between[0][0], between[-1][1]
            return None
    return None


def _phrase_before(text: str, sentence_start: int, start: int) -> tuple[int, int] | None:
    """Span of the subject before a lead verb: "Chinese exports to Russia rose by"."""
    obj = _object_before_by(text, sentence_start, start)
    if obj is not None:
        return obj
    window_start = max(sentence_start, start - 160)
    window = text[window_start:start]
    verb = _LEAD_VERB.search(window)
    if not verb:
        return None
    before_end = window_start + verb.start()
    clause_start = max(
        sentence_start,
        window_start,
        *(text.rfind(mark, window_start, before_end) + 1 for mark in (",", ";", ":", "–", "—", "(", "“", '"')),
    )
    words = _words(text, clause_start, before_end, 60)[-8:]
    while words and words[-1][2].lower() in _ADVERBS:
        words = words[:-1]
    while words and (words[0][2].lower() in _DETERMINERS or words[0][2].lower() in _STOP):
        words = words[1:]
    if not words or any(w[2].lower() in _STOP for w in words):
        # Keep only the tail after the last stop word: "... and China has soared" -> "China"
        tail = []
        for w in reversed(words):
            if w[2].lower() in _STOP and w[2].lower() != "and":
                break
            tail.append(w)
        words = list(reversed(tail))
        while words and words[0][2].lower() in ("and", *_DETERMINERS):
            words = words[1:]
    if not words:
        return None
    return words[0][0], words[-1][1]


def subject_key(phrase: str) -> str:
    """Normalise a subject phrase into a comparison key (lower case, no determiners, singular)."""
    out = []
    for word in _KEY_WORD.findall(phrase.replace("’", "'")):
        lower = word.lower()
        if lower in _DETERMINERS:
            continue
        if lower.endswith("'s"):
            lower = lower[:-2]
        out.append(_singular(lower))
    key = " ".join(out)
    # "trade between Russia and China" is "trade between China and Russia".
    return str(_BETWEEN.sub(lambda m: "between " + " and ".join(sorted((m.group(1), m.group(2)))), key))


@functools.cache
def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def find_subject(text: str, sentence: tuple[int, int], mention: Mention) -> tuple[int, int] | None:
    """Span of the subject phrase of a mention, or None."""
    if mention.kind in ("date", "year", "ordinal"):
        return None
    after = _phrase_after(text, mention.end, sentence[1])
    if after is not None:
        return after
    return _phrase_before(text, sentence[0], mention.start)


_IRREGULAR = {
    "left": "leave", "met": "meet", "won": "win", "lost": "lose", "made": "make", "took": "take",
    "paid": "pay", "sold": "sell", "spent": "spend", "built": "build", "fled": "flee", "gave": "give",
    "got": "get", "went": "go", "came": "come", "held": "hold", "brought": "bring", "bought": "buy",
    "sent": "send", "struck": "strike", "shot": "shoot", "ran": "run", "saw": "see", "wound": "wind",
    "hit": "hit", "cut": "cut", "set": "set", "put": "put", "kept": "keep", "lent": "lend",
    "drew": "draw", "drawn": "draw", "taken": "take", "given": "give", "seen": "see",
    "killed": "kill", "died": "die", "slain": "slay", "hurt": "hurt", "shed": "shed", "borne": "bear", "born": "bear",
}  # fmt: skip
_AUXILIARY = frozenset("have has had be been being were was is are will would could can may might".split())
_NOT_VERBS = frozenset("need seed speed feed breed bed red shed hundred indeed united limited".split())


def verb_stem(word: str) -> str:
    """A crude, consistent stem: "imposed", "imposes", "imposing" -> "impos"."""
    lower = _IRREGULAR.get(word.lower(), word.lower())
    for suffix, replacement in (("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            lower = lower[: -len(suffix)] + replacement
            break
    return lower[:-1] if lower.endswith("e") and len(lower) > 4 else lower


def _is_verb(word: str) -> bool:
    lower = word.lower()
    return lower in _IRREGULAR or (lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_VERBS)


def find_verb(text: str, sentence: tuple[int, int], mention: Mention, subject_end: int | None) -> str | None:
    """The verb that ties the number to its subject, stemmed: "imposed 21,692 sanctions" -> "impos"."""
    if mention.kind in ("date", "year", "ordinal"):
        return None
    before = _words_before(text, max(sentence[0], mention.start - 60), mention.start)
    for _s, _e, word in reversed(before[-4:]):
        if word.lower() in _AUXILIARY:
            continue
        if _is_verb(word):
            return verb_stem(word)
        break
    after = _words(text, subject_end if subject_end is not None else mention.end, sentence[1], 4)
    for _s, _e, word in after:
        if word.lower() in _AUXILIARY:
            continue
        if _is_verb(word):
            return verb_stem(word)
        break
    return None


def find_aspect(text: str, sentence: tuple[int, int], mention: Mention) -> str:
    """ "change" or "level"."""
    if mention.kind in ("date", "year", "ordinal", "age"):
        return "level"
    v = vocab()
    before = [w[2].lower() for w in _words_before(text, max(sentence[0], mention.start - 60), mention.start)][-6:]
    if before:
        last = before[-1]
        # "rose by 70 percent", "cut interest rates by 0.25 percentage points"
        if last == "by" and any(word in v.change_before for word in before[:-1]):
            return "change"
        if last != "by" and last in v.change_before:
            return "change"
        # "an increase of 50 percent", "a drop of 3 points"
        if last == "of" and len(before) >= 2 and before[-2] in v.change_after:
            return "change"
    after = _words(text, mention.end, min(sentence[1], mention.end + 30), 1)
    if after and after[0][2].lower() in v.change_after and mention.kind in ("percent", "percentage_point", "money"):
        return "change"
    return "level"


def resolve_date(parts: tuple[int | None, int, int | None], as_of: date | None) -> Period | None:
    """Period of a date mention; a date without a year takes the document's year."""
    year, month, day = parts
    if year is None:
        if as_of is None:
            return None
        year = as_of.year
        try:
            candidate = date(year, month, day or 1)
        except ValueError:
            return None
        if (candidate - as_of).days > 31:
            year -= 1
    try:
        if day is None:
            start = date(year, month, 1)
            next_month = date(year + (month == 12), month % 12 + 1, 1)
            return Period(start, date.fromordinal(next_month.toordinal() - 1), "")
        return Period(date(year, month, day), date(year, month, day), "")
    except ValueError:
        return None


def own_period(mention: Mention, text: str, as_of: date | None) -> Period | None:
    """The period a date or year mention names by itself."""
    label = text[mention.start : mention.end]
    if mention.kind == "date" and mention.date_parts:
        period = resolve_date(mention.date_parts, as_of)
        return Period(period.start, period.end, label) if period else None
    if mention.kind == "year" and mention.low is not None and mention.high is not None:
        try:
            return Period(date(int(mention.low), 1, 1), date(int(mention.high), 12, 31), label)
        except ValueError:
            return None
    return None


# A time the article's date places: "last year", "this year", "last month" (relative to the date).
RELATIVE_PERIOD = compiled(r"\b(?P<which>last|this)\s{1,3}(?P<unit>year|month)\b(?!['’]s)", regex.IGNORECASE)
# Words right after a number that say when or against what, not what is counted: "2.3% year on year".
TIME_AFTER_NUMBER = compiled(
    r"\s{0,3}(?:(?:last|this|next|past|previous)\s{1,3}(?:year|month|week|quarter|decade)\b"
    r"|(?:year|month|quarter)[\s-]{1,3}(?:on|over)[\s-]{1,3}(?:year|month|quarter)\b"
    r"|(?:a|one)\s{1,3}(?:year|month)\s{1,3}(?:earlier|ago|before)\b)",
    regex.IGNORECASE,
)


_COMPARED_WITH = compiled(
    r"\b(?:from|than|over|versus|vs\.?|against|on|compared\s{1,3}(?:with|to)|period|time|level)\s{1,3}$",
    regex.IGNORECASE,
)
_WORDS_BEFORE_RELATIVE = compiled(r"(?:\s{1,3}[A-Za-z][\w'’-]{0,30}){0,3}\s{1,3}")


def relative_periods(text: str, sentence: tuple[int, int], as_of: date | None) -> list[tuple[Mention, Period]]:
    """The periods "last year", "this year" and "last month" name in a sentence, placed by the article's
    date ("grew 2.4 percent last year", dated 30 January 2025: 2024), each with a mention of its words.
    "Last year's figure" (a possessive) dates a figure, not the sentence's numbers."""
    if as_of is None:
        return []
    out: list[tuple[Mention, Period]] = []
    for match in RELATIVE_PERIOD.finditer(text, sentence[0], sentence[1]):
        if _COMPARED_WITH.search(text, max(sentence[0], match.start() - 40), match.start()):
            continue  # "up 18% on the same period last year": what the figure is compared with
        which, unit = match.group("which").lower(), match.group("unit").lower()
        back = 0 if which == "this" else 1
        if unit == "year":
            year = as_of.year - back
            period = Period(date(year, 1, 1), date(year, 12, 31), match.group())
        else:
            month_index = as_of.year * 12 + as_of.month - 1 - back
            year, month = divmod(month_index, 12)
            first = date(year, month + 1, 1)
            following = date(year + (month == 11), (month + 1) % 12 + 1, 1)
            period = Period(first, date.fromordinal(following.toordinal() - 1), match.group())
        out.append((Mention(match.start(), match.end(), "year", None, None, None), period))
    return out


def find_period(
    text: str, mention: Mention, in_sentence: list[tuple[Mention, Period]], as_of: date | None
) -> Period | None:
    """The period a non-date mention is about (see module docstring)."""
    in_sentence = [(other, period) for other, period in in_sentence if not _dates_of_items(text, other)]
    if not in_sentence:
        return Period(as_of, as_of, "", "as_of") if as_of else None
    # "$140bn in 2021": a year right after the number belongs to it.
    for other, period in in_sentence:
        gap = text[mention.end : other.start]
        if 0 <= other.start - mention.end <= 60 and (
            _YEAR_AFTER.fullmatch(gap) or (other.value is None and _WORDS_BEFORE_RELATIVE.fullmatch(gap))
        ):
            return period  # "$140bn in 2021", "grew 2.4 percent last year"
    ranges = [
        period
        for other, period in in_sentence
        if period.start.year != period.end.year and not _in_another_relative_clause(text, other, mention)
    ]
    if ranges:
        return ranges[0]
    for other, period in in_sentence:
        prefix = text[max(0, other.start - 120) : other.start]
        if _SINCE.search(prefix) and other.start < mention.start + 400:
            end = as_of or period.end
            return Period(period.start, max(end, period.end), f"since {period.text}", "since")
    if (
        len(in_sentence) == 1
        and not _year_of_a_later_figure(text, mention, in_sentence[0][0])
        and not _in_another_relative_clause(text, in_sentence[0][0], mention)
    ):
        return in_sentence[0][1]
    return Period(as_of, as_of, "", "as_of") if as_of else None


# "products with best-by dates between March and December 2026": dates the items carry, not a time.
_ITEM_DATES = compiled(
    r"(?i)\bdates?(?:\s{1,3}(?:between|from|of|through|until|to|in|and|up|[A-Z][a-z]{2,8}\.?)){0,3}\s{1,3}$"
)


def _dates_of_items(text: str, other: Mention) -> bool:
    return bool(_ITEM_DATES.search(text, max(0, other.start - 40), other.start))


def _in_another_relative_clause(text: str, year: Mention, mention: Mention) -> bool:
    """Whether a year stands in a relative clause set off by commas that does not hold the figure:
    "Piet Vos, who was mayor from 2012 to 2020, was jailed for seven years" does not date the seven."""
    start = text.rfind(",", max(0, year.start - 120), year.start)
    end = text.find(",", year.end, year.end + 120)
    if start < 0 or end < 0 or start <= mention.start < end:
        return False
    return bool(_RELATIVE_OPENING.match(text, start + 1))


_RELATIVE_OPENING = compiled(r"(?i)\s{0,3}(?:who|which|whose)\b")
_CONTRAST = compiled(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|after|than)\b", regex.IGNORECASE)
_LAST_FIGURE = compiled(r"\d[\d,.]{0,20}(?![\s\S]{0,200}\d)")


def _year_of_a_later_figure(text: str, mention: Mention, year: Mention) -> bool:
    """Whether the sentence's only year is another figure's, written after this one: "grew 2.4 percent
    last year, up from 1.4 percent in 2023" dates the 1.4, not the 2.4."""
    if year.start <= mention.end or year.start - mention.end > 400:
        return False
    between = text[mention.end : year.start]
    figure = _LAST_FIGURE.search(between)
    if figure is None or not _YEAR_AFTER.fullmatch(between[figure.end() :].lstrip("%‰")):
        return False
    # Only a figure set against this one ("up from", "compared with", "after") takes the year away:
    # "rose 4% to 180 billion euros in 2024" dates both.
    return bool(_CONTRAST.search(between[: figure.start()]))


# Words of which every match of a source pattern holds one (tests/test_extract_fast_paths.py checks it):
# most sentences hold none, and a search of the whole pattern at every offset of a sentence is the
# costliest thing extraction did (issue 16).  _SOURCE_BEFORE's "according" is matched without case:
# only ASCII letters match its letters so, lower-cased, the sentence holds "accord".
_CREDIT_WORDS = (
    "keeping", "cited", "survey", "report", "stud", "analysis", "data", "figures", "estimate", "poll", "census",
    "count", "tally", "statistics", "review", "research", "assessment", "forecast", "projection", "calculation",
    "records",
)  # fmt: skip
_SHOW_WORDS = ("data", "figures", "statistics", "numbers", "estimates", "records", "survey", "report", "analysis")
_SAY_WORDS = ("said", "says", "estimate", "report", "found", "calculated", "counted", "recorded", "noted")


def _may_credit_before(chunk: str) -> bool:
    """False only when _SOURCE_BEFORE cannot match in ``chunk``."""
    return any(word in chunk for word in _CREDIT_WORDS) or "accord" in chunk.lower()


def _may_show(chunk: str) -> bool:
    """False only when _SOURCE_SHOW cannot match in ``chunk``."""
    return any(word in chunk for word in _SHOW_WORDS)


def _may_say(chunk: str) -> bool:
    """False only when _SOURCE_SAID cannot match in ``chunk``."""
    return any(word in chunk for word in _SAY_WORDS)


def find_source(text: str, sentence: tuple[int, int]) -> str | None:
    """Who the sentence credits its figures to, if anyone.

    "according to X" wins; otherwise the first of "X said" and "said X" in the
    sentence ("Castellum.AI said the US ..." credits Castellum.AI).  "X said"
    after a comma is not used: in "..., said Clarke" the name follows.
    """
    chunk = text[sentence[0] : sentence[1]]
    candidates = []
    according = (_may_credit_before(chunk) and _SOURCE_BEFORE.search(chunk)) or (
        _may_show(chunk) and _SOURCE_SHOW.search(chunk)
    )
    if according:
        candidates.append(according)
    else:
        said_after = _SAID_SOURCE.search(chunk)
        said_before = (
            next(
                (m for m in _SOURCE_SAID.finditer(chunk) if not chunk[m.end("source") : m.end()].startswith(",")),
                None,
            )
            if _may_say(chunk)
            else None
        )
        candidates.extend(sorted((m for m in (said_after, said_before) if m), key=lambda m: m.start()))
    for match in candidates:
        if match:
            source = str(match.group("source")).strip(" ,.")
            source = str(_SOURCE_TAIL.sub("", source))
            source = str(_POSSESSIVE_END.sub("", source))  # "according to Parametrix's data"
            source = str(_SOURCE_HEAD.sub("", source))
            # A name has a capital: "according to the official results of the commission" names no one.
            if source and source not in _NOT_SOURCES and any(word[:1].isupper() for word in source.split()):
                return source
    return None
