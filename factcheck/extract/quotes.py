"""Quotations in one document, with who the text says spoke them.

``extract_quotes(prose, people)`` is a pure function of a prose view and the
people read from it (``factcheck.extract.people``).  A quotation is text
between curly double quotes (“...”) or straight ones ("...") inside one
paragraph; it may run over several sentences.  Its speaker is read, in this
order, from:

* right after it: ``“...,” Clarke said``, ``“...”, Park said``, ``“...,”
  said Ali Wyne``, ``“...,” Clarke told Al Jazeera``, ``“...,” he said``;
* right before it: ``Putin said: “...”``, ``As Putin remarked, “...”``,
  ``Bush told reporters: “...”``, ``according to X, “...”``;
* the sentence around a quoted fragment: ``Luttwak argued that the deal
  “was all done in the service of ...”``, ``... “far beyond” peace talks,
  according to William Jackson``, ``... “boasted of ...”, Clarke said``;
* the quote before it, when a quote follows an attributed one in the same
  paragraph with nothing between (``“...,” said Wyne. “He likely ...”``);
* for "he" or "she", the nearest person before the quote who spoke (was
  quoted, or is the subject of a speech verb); these are marked ``pronoun``
  and are the least certain.

Attributions that pass words on ("repeated", "echoed", "quoting X") give no
speaker.  The speaker is resolved to a person of the document when a person
mention covers it (so "Clarke" is Michael Clarke), else kept as written
(organisations: "Capital Economics said").  Vague speakers ("the ministry",
"officials") are kept with an empty key and compared with nothing.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

import regex

from factcheck.extract.patterns import compiled
from factcheck.extract.people import ROLE_WORDS, SPEECH_VERBS, People, organisation_key, surname_key
from factcheck.extract.sentences import split_sentences

__all__ = ["Quote", "extract_quotes", "normalise_quote"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation and its speaker.

    ``start``/``end`` span the quotation with its marks; ``text`` is what is
    inside them.  ``speaker`` is the speaker as written at
    ``speaker_start:speaker_end`` (empty when none was found); ``speaker_key``
    is what speakers are compared by: ``person:<given> <surname>`` for a
    person of the document, ``name:<surname>`` for a surname nobody in the
    document carries in full, ``org:<name>`` for anything else, "" when
    unknown or vague.  ``how`` says where the speaker came from (after,
    before, sentence, continued, pronoun).  ``passage_start:passage_end``
    covers the quotation and its attribution.
    """

    start: int
    end: int
    text: str
    speaker: str
    speaker_start: int
    speaker_end: int
    speaker_key: str
    speaker_name: str
    person: int
    how: str
    passage_start: int
    passage_end: int


_QUOTE = compiled(r"“(?P<curly>[^“”\n]{1,3000})”|(?<![\p{L}\p{N}])\"(?P<straight>[^\"\n]{1,3000})\"")
_CAPITAL_WORD = r"(?:\p{Lu}\.(?:[ ]?\p{Lu}\.){0,3}|\p{Lu}[\p{L}\p{M}’'\-]{0,30})"
_NAME = (
    rf"(?:{_CAPITAL_WORD}(?:[ \t]{{1,2}}(?:(?:of|the|al|bin|van|von|de|der|la|le)[ \t]{{1,2}})?{_CAPITAL_WORD}){{0,6}})"
)
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_VAGUE = r"(?:(?:the|a|an|one|another|his|her|their)[ \t]{1,2}(?:[a-z][\w\-]{0,30}[ \t]{1,2}){0,2}[a-z][\w\-]{0,30})"
_SPEAKER = rf"(?P<speaker>(?:the[ \t]{{1,2}})?{_NAME}|{_PRONOUN}|{_VAGUE})"
_APPOSITION = r"(?:,[^,“”\"\n]{1,160},)?"
_VERB = rf"(?:(?:has|had|have|also|later|then)[ \t]{{1,3}}){{0,2}}(?:{SPEECH_VERBS})"
_AFTER_VERB_FIRST = compiled(rf",?[ \t]{{1,3}}{_VERB}[ \t]{{1,3}}{_SPEAKER}")
_AFTER_SPEAKER_FIRST = compiled(rf",?[ \t]{{1,3}}{_SPEAKER}{_APPOSITION}[ \t]{{1,3}}{_VERB}\b")
# A speaker described before the name: "said the city's planning chief, Ana Ruiz", "said transport
# minister Claire Dufour", "the port's director, Ana Ruiz, said".  The description ends in a lower-case
# noun (any noun: an open list) and the speaker is the name after it.
_DESCRIPTION = (
    r"(?<![\p{L}\p{M}'’\-])(?:(?:(?i:the|a|an|his|her|its|their)|\p{Lu}[\p{L}\-]{1,30}['’]s)"
    r"(?:[ \t]{1,2}[\p{L}\p{M}'’\-]{1,30}){0,3}?"
    r"[ \t]{1,2}\p{Ll}[\p{Ll}\-]{2,30},"
    r"|(?:(?!(?:the|a|an|his|her|its|their|and|or|but|of|to|in|on|at|as)\b)\p{Ll}[\p{Ll}\-]{1,30}[ \t]{1,2}){0,2}"
    r"(?!(?:the|his|her|its|their|and|but|for|who|was|has|had)\b)\p{Ll}[\p{Ll}\-]{2,30})"
)
_CLAUSE_END = r"(?=[ \t]{0,3}(?:[,.;:!?)]|\Z))"
_AFTER_VERB_DESCRIBED = compiled(
    rf",?[ \t]{{1,3}}{_VERB}[ \t]{{1,3}}{_DESCRIPTION}[ \t]{{1,2}}(?P<speaker>{_NAME}){_CLAUSE_END}"
)
_AFTER_DESCRIBED_FIRST = compiled(
    rf",?[ \t]{{1,3}}(?:{_DESCRIPTION})[ \t]{{1,2}}(?P<speaker>{_NAME}),?[ \t]{{1,3}}{_VERB}\b"
)
_AFTER_ACCORDING = compiled(rf",?[ \t]{{1,3}}(?i:according)[ \t]{{1,3}}to[ \t]{{1,3}}{_SPEAKER}")
# Whom a speaker told: "reporters", "Al Jazeera", "the BBC", "him", "a news conference in Kyiv".
_OUTLET = r"\p{Lu}[\p{L}]{1,30}(?:[ \t]\p{Lu}[\p{L}]{1,30})?"
_AUDIENCE = (
    rf"(?:reporters|journalists|him|her|them|us|me|the[ \t]{{1,2}}[a-z]{{1,20}}"
    rf"|[a-z]{{1,12}}[ \t]{{1,2}}{_OUTLET}|{_OUTLET})"
)
_BEFORE = compiled(
    rf"{_SPEAKER}{_APPOSITION}[ \t]{{1,3}}{_VERB}(?:[ \t]{{1,3}}{_AUDIENCE})?[ \t]{{0,3}}[:,][ \t]{{0,3}}\Z"
)
_BEFORE_DESCRIBED = compiled(
    rf"(?:{_DESCRIPTION})[ \t]{{1,2}}(?P<speaker>{_NAME}),[ \t]{{1,3}}{_VERB}(?:[ \t]{{1,3}}{_AUDIENCE})?"
    rf"[ \t]{{0,3}}[:,][ \t]{{0,3}}\Z"
)
_BEFORE_ACCORDING = compiled(rf"(?i:according)[ \t]{{1,3}}to[ \t]{{1,3}}{_SPEAKER},[ \t]{{0,3}}\Z")
_SENTENCE_VERBS = "argued|argues|described|called|wrote|reported|reports"
_IN_SENTENCE = compiled(
    rf"(?:^|(?<=[\s,;(]))(?:{_NAME}|{_PRONOUN}){_APPOSITION}[ \t]{{1,3}}(?:{_VERB}|{_SENTENCE_VERBS})\b"
)
_TAIL_ATTRIBUTION = compiled(
    rf"[,;][ \t]{{1,3}}(?:according[ \t]{{1,3}}to[ \t]{{1,3}}{_SPEAKER}|{_VERB}[ \t]{{1,3}}{_SPEAKER}"
    rf"|{_SPEAKER}{_APPOSITION}[ \t]{{1,3}}{_VERB})"
    r"[^“”\"\n]{0,80}?[.!?]?\Z"
)
_ANY_VERB = compiled(rf"\b(?:{SPEECH_VERBS}|{_SENTENCE_VERBS})\b")
_PASSING_ON = compiled(
    r"(?i)\b(?:repeat|repeated|repeating|echo|echoed|echoing|quoting|quoted|citing|cited|paraphrasing|reading)\b"
)
_VAGUE_WORDS = frozenset(
    """officials authorities experts analysts critics diplomats sources observers residents witnesses activists
    protesters lawmakers police investigators prosecutors doctors officers soldiers leaders members people many
    some others both all several most few everyone someone nobody reports documents data figures""".split()
)
# Compiled once here rather than looked up in regex's cache on every call (issue 16).
_BRACKETED = compiled(r"\[[^\]]{0,60}\]")
_QUOTE_WORD = compiled(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_CONTINUATION_GAP = compiled(r"[^“”\"\n]{0,40}?[.!?]?[ \t]{0,3}")
_THREE_LETTERS = compiled(r"\p{L}{3,}")
_NAME_OR_PRONOUN = compiled(rf"{_NAME}|{_PRONOUN}")
_THE = compiled(r"(?i)the[ \t]")
_VAGUE_SPEAKER = compiled(_VAGUE)
_PRONOUN_SPEAKER = compiled(_PRONOUN)
_SPEAKER_WORD = compiled(r"[\p{L}\p{M}’'.\-]+")
_FULL_STOP_END = compiled(r"\p{L}{2}\.\Z")
_OPENERS = frozenset("as but and when then while so yet in on at if though although because".split())
_TITLE_WORDS = frozenset(
    """president vice prime minister secretary senator governor mayor general chairman chairwoman chief director
    ambassador envoy professor prof dr mr mrs ms sir dame lord judge justice spokesman spokeswoman spokesperson
    us uk russian ukrainian chinese american british french german foreign defence defense state deputy
    former then late the""".split()
)


def normalise_quote(text: str) -> str:
    """A quote compared: curly and straight quotes alike, no ellipses or brackets, lower case, words only."""
    text = unicodedata.normalize("NFKC", text)
    text = _BRACKETED.sub(" ", text)
    text = text.replace("…", " ").replace("...", " ")
    words = _QUOTE_WORD.findall(text.casefold().replace("’", "'"))
    return " ".join(words)


def _speaker_of(match: regex.Match[str] | None) -> tuple[int, int] | None:
    if match is None:
        return None
    start, end = match.span("speaker")
    return (int(start), int(end)) if start >= 0 else None


def extract_quotes(prose: str, people: People) -> tuple[Quote, ...]:
    """Every quotation in a prose view with its speaker (see module docstring)."""
    sentences = split_sentences(prose)
    quotes: list[Quote] = []
    for match in _QUOTE.finditer(prose):
        inner_group = "curly" if match.group("curly") is not None else "straight"
        start, end = match.span()
        inner = match.group(inner_group)
        paragraph_start = prose.rfind("\n", 0, start) + 1
        paragraph_end = prose.find("\n", end)
        paragraph_end = len(prose) if paragraph_end < 0 else paragraph_end
        sentence = _sentence(sentences, start, end)
        found = _attribute(prose, start, end, inner, paragraph_start, paragraph_end, sentence, quotes)
        if found is None:
            quotes.append(_quote(prose, people, start, end, inner, None, "", (start, end), quotes))
            continue
        (s_start, s_end), how, (p_start, p_end) = found
        quotes.append(_quote(prose, people, start, end, inner, (s_start, s_end), how, (p_start, p_end), quotes))
    return tuple(quotes)


def _sentence(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentences a quote touches, as one span."""
    first = max(0, bisect.bisect_right(sentences, (start, len(sentences) and sentences[-1][1] + 1)) - 1)
    covering = []
    for index in range(first, len(sentences)):
        s = sentences[index]
        if s[0] >= end:
            break
        if start < s[1]:
            covering.append(s)
    if not covering:
        return start, end
    return min(covering[0][0], start), max(covering[-1][1], end)


def _attribute(
    prose: str,
    start: int,
    end: int,
    inner: str,
    paragraph_start: int,
    paragraph_end: int,
    sentence: tuple[int, int],
    earlier: list[Quote],
) -> tuple[tuple[int, int], str, tuple[int, int]] | None:
    """(speaker span, how, passage span) of a quote, or None."""
    after = prose[end : min(paragraph_end, end + 220)]
    trailing = inner.rstrip()[-1:] in (",", "?", "!", "—", "–", "-", "…") or after.startswith(",")
    if trailing:
        for pattern in (
            _AFTER_VERB_DESCRIBED,
            _AFTER_DESCRIBED_FIRST,
            _AFTER_VERB_FIRST,
            _AFTER_SPEAKER_FIRST,
            _AFTER_ACCORDING,
        ):
            hit = pattern.match(after)
            if hit and not _PASSING_ON.search(after[: hit.end() + 30]):
                span = _speaker_of(hit)
                if span:
                    return (end + span[0], end + span[1]), "after", (start, end + hit.end())
    window_start = max(paragraph_start, start - 240)
    before = prose[window_start:start]
    for pattern in (_BEFORE_DESCRIBED, _BEFORE, _BEFORE_ACCORDING):
        hit = pattern.search(before)
        if hit and not _PASSING_ON.search(before[hit.start() :]):
            span = _speaker_of(hit)
            if span:
                return (window_start + span[0], window_start + span[1]), "before", (window_start + hit.start(), end)
    # A fragment inside a sentence: "Luttwak argued that ... “was all done ...”".
    lead = prose[max(sentence[0], start - 400) : start]
    lead_start = max(sentence[0], start - 400)
    if "”" not in lead and '"' not in lead:
        hits = list(_IN_SENTENCE.finditer(lead))
        if hits and not _PASSING_ON.search(lead[hits[-1].start() :]):
            hit = hits[-1]
            name_end = hit.start() + _name_length(lead[hit.start() : hit.end()])
            # "Zelenskyy responded to Trump, who had said “...”": another speaker between: no speaker.
            another = _ANY_VERB.search(lead, hit.end())
            if name_end > hit.start() and another is None:
                return (lead_start + hit.start(), lead_start + name_end), "sentence", (lead_start + hit.start(), end)
    tail = prose[end : min(sentence[1], end + 200)]
    if "“" not in tail and '"' not in tail:
        hit = _TAIL_ATTRIBUTION.match(tail)
        if hit and not _PASSING_ON.search(tail):
            span = _speaker_of(hit)
            if span:
                return (end + span[0], end + span[1]), "sentence", (start, end + hit.end())
    # A quote that goes on after an attributed one: “...,” said Wyne. “He likely ...”
    if earlier:
        previous = earlier[-1]
        gap = prose[previous.passage_end : start]
        if (
            previous.speaker
            and previous.how in ("after", "continued")
            and previous.passage_end <= start
            and "\n" not in gap
            and _CONTINUATION_GAP.fullmatch(gap)
            and not _THREE_LETTERS.search(gap.strip(" .,;!?"))
        ):
            return (previous.speaker_start, previous.speaker_end), "continued", (start, end)
    return None


def _name_length(text: str) -> int:
    """Length of the name at the start of an in-sentence attribution ("Clarke, a historian, said" -> 6)."""
    match = _NAME_OR_PRONOUN.match(text)
    return match.end() if match else 0


def _quote(
    prose: str,
    people: People,
    start: int,
    end: int,
    inner: str,
    speaker_span: tuple[int, int] | None,
    how: str,
    passage: tuple[int, int],
    earlier: list[Quote],
) -> Quote:
    if speaker_span is None:
        return Quote(start, end, inner, "", start, start, "", "", -1, "", passage[0], passage[1])
    s_start, s_end = speaker_span
    body = prose[s_start:s_end]
    the = bool(_THE.match(body))
    if _VAGUE_SPEAKER.fullmatch(body):
        speaker, key, name, person = body, "", body, -1  # "the ministry said": nobody in particular
    else:
        s_start, s_end = _trim_speaker(prose, s_start, s_end)
        speaker = prose[s_start:s_end]
        key, name, person = _speaker_key(prose, people, s_start, s_end, speaker, earlier, the)
    if _PRONOUN_SPEAKER.fullmatch(speaker):
        how = "pronoun"
    return Quote(
        start, end, inner, speaker, s_start, s_end, key, name, person, how, min(passage[0], start), max(passage[1], end)
    )


def _trim_speaker(prose: str, start: int, end: int) -> tuple[int, int]:
    """Drop titles and determiners in front of a name: "Ukrainian President Volodymyr Zelenskyy"."""
    words = list(_SPEAKER_WORD.finditer(prose[start:end]))
    if not words:
        return start, end
    index = 0
    while index < len(words) - 1 and words[index].group().casefold().rstrip(".") in _TITLE_WORDS | _OPENERS:
        index += 1
    last = words[-1]
    cut = last.end()
    if last.group().endswith(".") and _FULL_STOP_END.search(last.group()):
        cut -= 1  # "said Wyne." : the full stop ends the sentence
    return start + words[index].start(), start + cut


def _speaker_key(
    prose: str, people: People, start: int, end: int, speaker: str, earlier: list[Quote], the: bool
) -> tuple[str, str, int]:
    """(key, display name, person index) of a speaker; the key is empty for a vague one."""
    if _PRONOUN_SPEAKER.fullmatch(speaker):
        return _pronoun(prose, people, start, earlier)
    if _VAGUE_SPEAKER.fullmatch(speaker) or speaker[:1].islower():
        return "", speaker, -1
    person = people.person_at(start, end)
    if person is not None:
        return f"person:{person.key}", person.name, person.index
    words = speaker.split()
    if len(words) == 1:
        lower = words[0].casefold()
        if lower in _VAGUE_WORDS or (lower.endswith("s") and lower[:-1] in ROLE_WORDS):
            return "", speaker, -1  # "Officials said", "Analysts warned"
        if not the:
            return f"name:{surname_key(words[0])}", speaker, -1
    return f"org:{organisation_key(speaker)}", speaker, -1


def _pronoun(prose: str, people: People, start: int, earlier: list[Quote]) -> tuple[str, str, int]:
    """ "he said": the nearest person before the quote who spoke (was quoted, or is a speech verb's subject)."""
    best: tuple[int, str, str, int] | None = None
    for quote in reversed(earlier):
        if quote.speaker_key.startswith("person:") and quote.how != "pronoun" and start - quote.end < _PRONOUN_REACH:
            best = (quote.speaker_end, quote.speaker_key, quote.speaker_name, quote.person)
            break
    for index in range(people.before(start) - 1, -1, -1):
        mention = people.mentions[index]
        if mention.person < 0:
            continue
        if start - mention.end > _PRONOUN_REACH or (best is not None and mention.end <= best[0]):
            break
        spoke = _SPOKE_AFTER.match(prose, mention.end) or _SAID_BEFORE.search(
            prose[max(0, mention.start - 30) : mention.start]
        )
        if spoke:
            person = people.persons[mention.person]
            best = (mention.end, f"person:{person.key}", person.name, person.index)
            break
    if best is None:
        return "", "", -1
    return best[1], best[2], best[3]


_PRONOUN_REACH = 700
_SPOKE_AFTER = compiled(rf"(?:[ \t]{{1,3}}\(?cq\)?)?{_APPOSITION}[ \t]{{1,3}}{_VERB}\b")
_SAID_BEFORE = compiled(rf"\b(?:{SPEECH_VERBS})[ \t]{{1,3}}\Z")
