"""People named in one document: who, with the roles and affiliations the text gives.

``extract_people(text)`` is a pure function of a prose view (offsets are the
file's).  It finds:

* **full mentions**: a given name (or initials) and a surname, written where
  the text marks a person: a title or role before it ("historian and
  strategist Richard Luttwak", "US Secretary of State Marco Rubio"), an
  appositive after it ("Michael Clarke, a historian ... at Australia's Deakin
  University"; "Keith Kellogg, Trump's special envoy"), a speech verb ("Park
  told Al Jazeera", "said Ali Wyne") or an honorific ("Mr", "Dr").
* **surname mentions**: the surname alone ("Luttwak, who did not respond",
  "Clarke said", "President Putin"), resolved to the full mention with that
  surname in the same document (the nearest one before it when two people
  share a surname).

Each mention carries a *descriptor* (the title or role phrase before the name
and the appositive after it), the role words read from it (``historian``,
``strategist``, ``vice president``) and the organisations it names
(``Deakin University``).  Mentions of one person are gathered into a
``Person`` with every role and affiliation the document gives them.

Only bounded patterns are used, and nothing needs a model: a capitalised run
becomes a person only with one of the cues above, and a run with an
organisation word ("Capital Economics", "Deakin University") never does.

The helpers ``same_given``, ``role_heads``, ``roles_relation`` and
``compare_organisations`` are what checks use to decide whether two
mentions can be the same person, or two descriptions the same post.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import regex
from rapidfuzz.distance import JaroWinkler, Levenshtein

from factcheck.extract.patterns import compiled
from factcheck.extract.people_vocab import people_vocab
from factcheck.extract.sentences import split_sentences
from factcheck.model import Document

__all__ = [
    "FAMILY_ROLES",
    "GENERIC_ROLES",
    "ORG_HEADS",
    "ROLE_WORDS",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "Affiliation",
    "People",
    "Person",
    "PersonMention",
    "compare_organisations",
    "extract_people",
    "name_spans",
    "normalise_given",
    "organisation_key",
    "people_of",
    "plain_person",
    "role_heads",
    "roles_relation",
    "same_given",
    "surname_key",
]


# ---------------------------------------------------------------------------
# Vocabularies (lower case): data in factcheck/data/people.yaml

_VOCAB = people_vocab()

# Capitalised words that are titles before a name ("President", "Dr") ...
_CORE_TITLES = _VOCAB.titles
# ... and words that are parts of titles ("Vice", "Foreign", "Deputy"): not names, not titles alone.
_TITLE_PARTS = _VOCAB.title_parts
_TITLES = _CORE_TITLES | _TITLE_PARTS
# Words that stand before a name as a title (lower case), for other modules.
TITLE_WORDS = _TITLES | _VOCAB.religious_titles
_HONORIFICS = _VOCAB.honorifics
# Capitalised words that are never part of a person's name.
_NOT_NAME = _VOCAB.not_name
# Words that make a capitalised run an organisation, not a person.
ORG_HEADS = _VOCAB.organisation_heads
_ACADEMIC_HEADS = _VOCAB.academic_heads
# Parts of a university: "Harvard Kennedy School" is part of "Harvard University".
_SUB_UNIT_HEADS = _VOCAB.sub_unit_heads
# Organisation words that do not tell two organisations apart.
_GENERIC_ORG_WORDS = _VOCAB.generic_organisation_words | ORG_HEADS
# Role nouns, singular; plurals are read by stripping "s".
ROLE_WORDS = _VOCAB.role_words
# Multi-word roles, matched before single words.
_ROLE_PHRASES = _VOCAB.role_phrases
_ROLE_SYNONYMS = _VOCAB.role_synonyms
# Roles too vague to say two mentions are the same person.
GENERIC_ROLES = _VOCAB.generic_roles | _VOCAB.person_nouns
# Family words: "Hunter Biden, the president's son" is not "President Joe Biden".
FAMILY_ROLES = _VOCAB.family_roles
# Words that end a role phrase read backwards from a name.
_PRE_STOP = _VOCAB.role_stops
_PRE_KEEP = frozenset({"and", "of"})
# Speech verbs that mark who speaks.
SPEECH_VERBS = "|".join(_VOCAB.speech_verbs)


@functools.cache
def _nickname_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for number, names in enumerate(_VOCAB.nicknames):
        for name in names:
            groups.setdefault(name, set()).add(number)
    return {name: frozenset(ids) for name, ids in groups.items()}


def nickname_related(a: str, b: str) -> bool:
    """Whether two given names are a known name and its short form, or two short forms of one name
    ("Greg" / "Gregory", "Bill" / "William")."""
    groups = _nickname_groups()
    return bool(groups.get(normalise_given(a), frozenset()) & groups.get(normalise_given(b), frozenset()))


# ---------------------------------------------------------------------------
# Patterns (all bounded)

_TOKEN = (
    r"(?:\p{Lu}\.(?:[ ]?\p{Lu}\.){0,3}"
    r"|(?:(?:al|el|bin|ibn|abu|ul|de|d)['’-])?\p{Lu}[\p{Ll}\p{Lu}\p{M}]{0,30}"
    r"(?:['’]\p{Lu}[\p{Ll}\p{M}]{1,30})?(?:-\p{L}[\p{Ll}\p{M}]{0,30}){0,2})"
)
_PARTICLE = r"(?:van der|van den|van|von der|von|de la|de|der|den|da|di|du|dos|del|della|la|le|bin|ibn|al|el|ter|ten)"
_RUN = compiled(
    rf"(?<![\p{{L}}\p{{N}}’'\-.])(?P<run>{_TOKEN}(?:[ \t\u00a0]{{1,2}}(?:{_PARTICLE}[ \t]{{1,2}})?{_TOKEN}){{0,7}})"
)
_RUN_TOKEN = compiled(rf"{_TOKEN}|{_PARTICLE}(?=[ \t])")
_INITIALS = compiled(r"^(?:\p{Lu}\.?){1,3}$|^\p{Lu}\.(?:[ ]?\p{Lu}\.){0,3}$")
_POSSESSIVE_AFTER = compiled(r"['’]s?(?![\p{L}])")
_CQ = compiled(r"[ \t]{1,3}\(?cq\)?(?![\w])")
_SPEECH_AFTER = compiled(
    rf"\A,?[ \t]{{1,3}}(?:(?:has|had|have|also|then|later|previously|once)[ \t]{{1,3}}){{0,2}}(?:{SPEECH_VERBS})\b"
)
_SPEECH_BEFORE = compiled(rf"(?:\b(?:{SPEECH_VERBS})|\baccording[ \t]{{1,3}}to)[ \t]{{1,3}}\Z")
_APPOSITIVE = compiled(r"(?:[ \t]{1,3}\(?cq\)?)?,[ \t]{1,3}(?P<body>[^,;:()“”\"\[\]\n]{2,220})")
_APPOSITIVE_END = compiled(
    r"\s(?:who|which|whose|said|says|told|tells|argued|added|wrote|warned|noted|explained|insisted|has|had|is|was)\b"
)
_WORD = compiled(r"[\p{L}\p{M}][\p{L}\p{M}’'.\-]{0,40}")
_ORG_JOIN = r"(?:[ \t]{1,2}(?:(?:of|for|and|&|on|de|du|the)[ \t]{1,2}){0,2})"
_ORG_RUN = compiled(rf"(?<![\p{{L}}\p{{N}}’'\-])(?:{_TOKEN})(?:{_ORG_JOIN}{_TOKEN}){{0,8}}")
_SPACE = compiled(r"\s+")
# Compiled once here rather than looked up in regex's cache on every call (issue 16).
_WHITE_SPACE = compiled(r"[\s]+")
_INITIAL_MARKS = compiled(r"[.\-'’]")
_JOINED_INITIALS = compiled(r"(?:\p{Lu}\.?){1,3}")
_ALNUM_RUN = compiled(r"[a-z0-9]+")
_LOWER_WORD = compiled(r"[a-z][a-z\-]*")
_POSSESSIVE_OPENING = compiled(r"\p{Lu}[\p{L}.\-]{0,40}['’]s\s")
_POSSESSIVE_WORD = compiled(r"[\p{L}\-]{1,30}['’]s")
_SPEECH_VERB = compiled(SPEECH_VERBS)
_POSSESSIVE_END = compiled(r"'s$")
_AND_GAP = compiled(r"[ \t]{1,3}and[ \t]{1,3}")


# ---------------------------------------------------------------------------
# Data


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An organisation a descriptor names: its span, as written, and a normalised key."""

    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention of a person.

    ``start``/``end`` span the name as written (no title, no possessive);
    ``given`` is empty for a surname-only mention.  ``descriptor`` is the
    role text the mention carries (title or role before, appositive after),
    ``roles`` the role words read from it, ``affiliations`` the organisations
    it names.  ``person`` indexes ``People.persons`` (-1: unresolved).
    """

    start: int
    end: int
    text: str
    given: str
    surname: str
    cue: str
    descriptor: str
    descriptor_start: int
    descriptor_end: int
    roles: tuple[str, ...]
    affiliations: tuple[Affiliation, ...]
    former: bool
    sentence_start: int
    sentence_end: int
    person: int = -1

    @property
    def full(self) -> bool:
        return bool(self.given)


@dataclass(frozen=True, slots=True)
class Person:
    """One person in one document: every mention, role and affiliation."""

    index: int
    name: str
    given: str
    surname: str
    key: str
    mentions: tuple[int, ...]
    roles: tuple[str, ...]
    affiliations: tuple[Affiliation, ...]
    descriptors: tuple[str, ...]


_LONGEST_MENTION = 400  # characters: a mention never spans more (names and their titles are short)


def plain_person(mention: PersonMention) -> Person:
    """A person made of one uncued mention (``People.plain``), for checks that identified them elsewhere."""
    return Person(
        index=-1,
        name=_SPACE.sub(" ", mention.text),
        given=mention.given,
        surname=mention.surname,
        key=f"{normalise_given(mention.given).split()[0]} {surname_key(mention.surname)}",
        mentions=(),
        roles=(),
        affiliations=(),
        descriptors=(),
    )


@dataclass(frozen=True, slots=True)
class People:
    """Everyone named in one document."""

    mentions: tuple[PersonMention, ...]
    persons: tuple[Person, ...]
    # The mentions' start offsets, in order (mentions are sorted by start): lookups by offset bisect.
    starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # Full names written with no cue at all ("a book by Richard Luttwak"), each article's first: not
    # persons of this article, but a check may take one for a person that is identified elsewhere in
    # the run (another article, the registry).
    plain: tuple[PersonMention, ...] = ()

    def __post_init__(self) -> None:
        if len(self.starts) != len(self.mentions):
            object.__setattr__(self, "starts", tuple(m.start for m in self.mentions))

    def before(self, offset: int) -> int:
        """How many mentions start before ``offset`` (the index after the last of them)."""
        return bisect.bisect_left(self.starts, offset)

    def person_at(self, start: int, end: int) -> Person | None:
        """The person whose mention overlaps [start, end), if any (the first such mention).

        Mentions do not overlap each other, so only the few that start before ``end`` and end after
        ``start`` are looked at."""
        index = self.before(end) - 1
        found = None
        while index >= 0:
            mention = self.mentions[index]
            if mention.end <= start:
                if mention.start < start - _LONGEST_MENTION:
                    break
                index -= 1
                continue
            if mention.person >= 0:
                found = self.persons[mention.person]
            index -= 1
        return found

    def first_mention(self, person: Person) -> PersonMention:
        full = [self.mentions[i] for i in person.mentions if self.mentions[i].full]
        return full[0] if full else self.mentions[person.mentions[0]]


# ---------------------------------------------------------------------------
# Normalisation helpers


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise_given(given: str) -> str:
    """Given names compared without case, accents, dots, hyphens or spaces in initials ("J.D." = "JD")."""
    words = [w for w in _WHITE_SPACE.split(given.strip()) if w]
    out = []
    for word in words:
        if _INITIALS.match(word) and word.upper() == word:
            out.append(_fold(word).replace(".", "").replace(" ", ""))
        else:
            out.append(_INITIAL_MARKS.sub("", _fold(word)))
    # "J. D." is one set of initials: join runs of single letters.
    joined: list[str] = []
    for word in out:
        if joined and len(word) <= 2 and all(len(w) <= 3 for w in joined[-1:]) and _is_initials(joined[-1]):
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def _is_initials(word: str) -> bool:
    return 0 < len(word) <= 3 and word.isalpha()


_SURNAME_PARTICLE = compiled(r"^(?:(?:al|el|bin|ibn|abu|ul|de|d)['-])")


@functools.lru_cache(maxsize=65536)
def surname_key(surname: str) -> str:
    """The surname compared: folded, particles ("al-", "von der") dropped (cached: checks ask for the
    same few surnames thousands of times)."""
    folded = _fold(surname).replace("’", "'")
    folded = str(_SURNAME_PARTICLE.sub("", folded))
    parts = folded.split()
    return parts[-1] if parts else folded


def same_given(a: str, b: str) -> bool:
    """Whether two given names can name the same person.

    Equal after normalisation; initials that fit ("J.D." / "James David",
    "E." / "Edward"); a known short form ("Mike" / "Michael"); or a
    transliteration ("Sergey" / "Sergei": Jaro-Winkler >= 0.88, same first
    letter).  Only the first given name decides; a middle name or initial
    does not ("George W." / "George").
    """
    na, nb = normalise_given(a), normalise_given(b)
    if not na or not nb:
        return True
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    first_a, first_b = wa[0], wb[0]
    if first_a == first_b:
        return True
    if _initials_fit(a, b) or _initials_fit(b, a):
        return True
    groups = _nickname_groups()
    if groups.get(first_a, frozenset()) & groups.get(first_b, frozenset()):
        return True
    return first_a[:1] == first_b[:1] and JaroWinkler.similarity(first_a, first_b) >= 0.88


def _initials_fit(short: str, long: str) -> bool:
    """ "J.D." against "James David" or "JD": the initials are the long name's first letters."""
    letters = normalise_given(short).replace(" ", "")
    words = normalise_given(long).split()
    if not letters or not _looks_initials(short):
        return False
    initials = "".join(w[0] for w in words)
    if len(words) == 1 and _looks_initials(long):
        return words[0].startswith(letters) or letters.startswith(words[0])
    return initials.startswith(letters) or (len(letters) == 1 and initials[:1] == letters)


def _looks_initials(given: str) -> bool:
    stripped = given.replace(" ", "")
    return bool(_JOINED_INITIALS.fullmatch(stripped))


def organisation_key(text: str) -> str:
    """An organisation compared: folded, no "the", "&" as "and", British and American spellings joined."""
    folded = _fold(text).replace("&", " and ")
    words = _ALNUM_RUN.findall(folded)
    spelling = {"centre": "center", "organisation": "organization", "defence": "defense", "programme": "program"}
    return " ".join(spelling.get(w, w) for w in words if w != "the")


def _org_head(key: str) -> str:
    for word in key.split():
        if word in ORG_HEADS:
            return word
    return ""


def _distinctive(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if w not in _GENERIC_ORG_WORDS and len(w) > 1)


_CONNECTOR_WORDS = frozenset("of for and on in at de du the".split())


def _near_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """A distinctive word misspelt in one name ("Brookings" / "Brooking"): one edit in a long word."""
    return any(len(x) >= 6 and len(y) >= 6 and Levenshtein.distance(x, y) <= 1 for x in a for y in b)


def _acronym(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "for", "and", "on", "de", "in", "at"))


def compare_organisations(a: str, b: str) -> str:
    """How two organisation names relate: "same", "garbled", "same_kind" or "unrelated".

    * same: equal keys, one the other's words plus more ("Yale" / "Yale
      University"), an acronym ("ICG" / "International Crisis Group"), or a
      part of a university ("Harvard Kennedy School" / "Harvard University").
    * garbled: they share a distinctive word but differ ("Deakin College" /
      "Deakin University"): one is very likely a corruption of the other.
    * same_kind: nothing distinctive shared, but the same kind of body (the
      same head word, or both academic): one may be wrong.
    * unrelated: anything else (a person may well hold both posts).
    """
    ka, kb = organisation_key(a), organisation_key(b)
    if not ka or not kb:
        return "unrelated"
    if ka == kb:
        return "same"
    wa, wb = set(ka.split()), set(kb.split())
    if wa <= wb or wb <= wa:
        small = wa if len(wa) <= len(wb) else wb
        if _distinctive(" ".join(small)) or len(small) > 1:
            return "same"
    for short, long in ((ka, kb), (kb, ka)):
        if " " not in short and 2 <= len(short) <= 8:
            acronym = _acronym(long)
            letters = "".join(w[0] for w in long.split() if len(w) > 1 and w not in ("of", "for", "and", "on", "de"))
            if short in (acronym, letters):
                return "same"
    da, db = _distinctive(ka), _distinctive(kb)
    head_a, head_b = _org_head(ka), _org_head(kb)
    if da and db and (da < db or db < da) and {head_a, head_b} & _SUB_UNIT_HEADS and head_a != head_b:
        return "same"
    if da & db and head_a != head_b and "university" in (head_a, head_b):
        # "Harvard Business School" is part of "Harvard University"; a bare "Deakin College" is not.
        part, part_head = (ka, head_a) if head_b == "university" else (kb, head_b)
        extra = [w for w in part.split() if w not in da | db and w != part_head and w not in _CONNECTOR_WORDS]
        if part_head in _SUB_UNIT_HEADS and extra:
            return "same"
    if da & db or _near_words(da, db):
        return "garbled"
    if head_a and (head_a == head_b or (head_a in _ACADEMIC_HEADS and head_b in _ACADEMIC_HEADS)):
        return "same_kind"
    return "unrelated"


def role_heads(text: str) -> tuple[str, ...]:
    """Role words in a descriptor, normalised: "historian and strategic expert" -> (expert, historian)."""
    lower = " " + " ".join(_LOWER_WORD.findall(_fold(text))) + " "
    found: set[str] = set()
    for phrase in _ROLE_PHRASES:
        padded = f" {phrase} "
        plural = f" {phrase}s "
        for form in (padded, plural):
            if form in lower:
                found.add(_ROLE_SYNONYMS.get(phrase, phrase))
                lower = lower.replace(form, " ")
    for word in lower.split():
        singular = word[:-1] if word.endswith("s") and word[:-1] in ROLE_WORDS else word
        if singular in ROLE_WORDS:
            found.add(_ROLE_SYNONYMS.get(singular, singular))
    return tuple(sorted(found))


# Ranks of one role: an assistant professor is a professor.
_ROLE_BASES = _VOCAB.role_bases


def _with_bases(roles: Iterable[str]) -> set[str]:
    found = set(roles)
    return found | {_ROLE_BASES[r] for r in found if r in _ROLE_BASES}


def roles_relation(a: Iterable[str], b: Iterable[str]) -> str:
    """How two sets of role words relate: "strong", "weak", "none" or "different".

    strong: they share a specific role ("historian"); weak: only a generic
    one ("analyst", "official"); different: one is a family role the other
    lacks ("son" / "president"); none: nothing to go on.
    """
    sa, sb = _with_bases(a), _with_bases(b)
    if not sa or not sb:
        return "none"
    fa, fb = sa & FAMILY_ROLES, sb & FAMILY_ROLES
    if fa != fb:
        return "different"
    shared = sa & sb
    if shared - GENERIC_ROLES:
        return "strong"
    if shared:
        return "weak"
    return "different"


# ---------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    tokens: tuple[tuple[int, int, str], ...]  # the name's tokens
    title: str
    title_start: int
    honorific: bool


@dataclass(frozen=True, slots=True)
class _Raw:
    cand: _Candidate
    given: str
    surname: str
    cue: str
    pre: tuple[int, int] | None
    appositive: tuple[int, int] | None
    sentence: tuple[int, int]


_PARTICLES = frozenset(_PARTICLE.removeprefix("(?:").removesuffix(")").split("|")) | frozenset(
    "van der den von de la".split()
)


def _tokens(run: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _RUN_TOKEN.finditer(run)]


def _is_name_token(token: str) -> bool:
    lower = _fold(token).rstrip(".")
    if lower in _NOT_NAME or lower in ORG_HEADS:
        return False
    if "-" in token and all(_fold(part) in _NOT_NAME for part in token.split("-")):
        return False
    if token.isupper() and len(token.replace(".", "")) >= 4:
        return False
    return not any(ch.isdigit() for ch in token)


def _candidates(prose: str, start: int, end: int) -> list[_Candidate]:
    """Capitalised runs in a stretch of prose, split into title and name."""
    out = []
    for match in _RUN.finditer(prose, start, end):
        tokens = _tokens(match.group("run"), match.start("run"))
        index = 0
        honorific = False
        while index < len(tokens):
            lower = _fold(tokens[index][2]).rstrip(".")
            if lower in _HONORIFICS:
                honorific = True
            if lower in _TITLES or lower in ROLE_WORDS or not _is_name_token(tokens[index][2]):
                index += 1
                continue
            break
        name = tokens[index:]
        if not name or any(_fold(t[2]).rstrip(".") in ORG_HEADS for t in name):
            continue  # nothing left, or an organisation ("Capital Economics")
        bad = [i for i, t in enumerate(name) if not _is_name_token(t[2]) and _fold(t[2]) not in _PARTICLES]
        if bad:
            name = name[: bad[0]]  # "Putin Xi" captions: cut at the first word that is not a name
        while name and _fold(name[-1][2]) in _PARTICLES:
            name = name[:-1]
        if not name or len(name) > 5:
            continue
        front = tokens[:index]
        has_title = any(_fold(t[2]).rstrip(".") in _CORE_TITLES for t in front)
        out.append(
            _Candidate(
                start=name[0][0],
                end=name[-1][1],
                tokens=tuple(name),
                title=prose[front[0][0] : front[-1][1]] if has_title else "",
                title_start=front[0][0] if has_title else name[0][0],
                honorific=honorific,
            )
        )
    return out


def _skip_cq(prose: str, end: int) -> int:
    match = _CQ.match(prose, end)
    return match.end() if match else end


def _appositive(prose: str, end: int, sentence_end: int) -> tuple[int, int] | None:
    """The appositive right after a name: ", a historian at Deakin University" (span of its words)."""
    match = _APPOSITIVE.match(prose, end, sentence_end)
    if not match:
        return None
    body_start = match.start("body")
    body = match.group("body")
    stop = _APPOSITIVE_END.search(body)
    if stop:
        body = body[: stop.start()]
    body = body.rstrip(" .")
    if not body:
        return None
    words = [w.lower() for w in _WORD.findall(body)[:8]]
    if not words:
        return None
    first = words[0].rstrip(".")
    possessive = bool(_POSSESSIVE_OPENING.match(body))
    opener = first in ("a", "an", "the", "former", "then", "now", "also", "currently", "ex", "himself", "herself")
    role_first = first in ROLE_WORDS or (first.endswith("s") and first[:-1] in ROLE_WORDS) or first in _TITLES
    if not (opener or possessive or role_first):
        return None
    # "a historian at Deakin University"; or, after "the" or "a", any noun: "the harbour master".
    if not role_heads(" ".join(words)) and not ((opener or possessive) and open_role(body)):
        return None
    return body_start, body_start + len(body)


_OPENING_WORDS = frozenset("a an the its his her their former then now also currently ex".split())
_NOT_ROLE_HEADS = _VOCAB.not_role_heads | _VOCAB.not_person_heads
_NP_WORD = compiled(r"\p{Ll}[\p{Ll}\-]{1,30}")


def open_role(description: str) -> str:
    """The role a description gives in words of its own, when it names none of the role words: "the
    harbour master" -> "harbour master", "the port's longest-serving pilot" -> "pilot"; "" when its head
    is not a noun for a person's post ("the first to arrive", "the town"), or it is too long to be one.

    The head is the last word of the noun phrase the description opens with (up to a preposition, a
    comma or a verb); the word before it is kept when it names the field ("harbour", "river"), not when it
    qualifies ("retired", "local")."""
    words = _WORD.findall(description)[:10]
    index = 0
    while index < len(words) and (_fold(words[index]) in _OPENING_WORDS or _POSSESSIVE_WORD.fullmatch(words[index])):
        index += 1
    phrase: list[str] = []
    for number, word in enumerate(words[index:]):
        if number == 0 and index == 0:
            word = word[:1].lower() + word[1:]  # "Harbour master", opening a sentence
        lower = word.lower()
        if not _NP_WORD.fullmatch(word) or lower in _PRE_STOP or _SPEECH_VERB.fullmatch(lower):
            break
        phrase.append(lower)
    if not phrase or len(phrase) > 3:
        return ""
    head = phrase[-1]
    if not _could_head_role(head):
        return ""
    if len(phrase) >= 2 and _names_field(phrase[-2]):
        return f"{phrase[-2]} {head}"
    return head


def _could_head_role(word: str) -> bool:
    """Whether a lower-case word could be the noun of a post ("master", "pilot"), not a verb, an
    adverb, a plural or a thing."""
    return (
        len(word) >= 3
        and word not in _NOT_ROLE_HEADS
        and word not in _PRE_STOP
        and not _SPEECH_VERB.fullmatch(word)
        and not word.endswith(("ly", "ing", "est", "ed"))
        and (not word.endswith("s") or word.endswith("ss"))
    )


def _names_field(word: str) -> bool:
    """Whether the word before a role's noun names its field ("harbour master"), not a quality of the
    person ("retired", "longest-serving", "defending", "local")."""
    return (
        not _is_modifier(word)
        and not word.endswith(("ed", "ous", "ive", "ful", "est", "ing"))
        and word not in _PRE_STOP
        and word not in _VOCAB.not_role_heads
    )


_OPEN_LEFT = frozenset("the a an its his her their".split())


def _open_pre_role(prose: str, name_start: int, sentence_start: int) -> tuple[int, int] | None:
    """A role in words of its own right before a name, without a comma: "the harbour master Olu Adeyemi",
    "Harbour master Olu Adeyemi said" (opening the sentence), "Marrowby ferry pilot Ana Ruiz".  The noun
    must stand after a determiner, a capitalised word or the sentence's start, so that a verb before a
    name ("the crowd saw Ana Ruiz") is not read as a post."""
    words = list(_WORD.finditer(prose, max(sentence_start, name_start - 80), name_start))[-3:]
    # only spaces between the words and the name
    while words and prose[words[0].end() : (words[1].start() if len(words) > 1 else name_start)].strip(" \t"):
        words = words[1:]
    for i in range(len(words) - 1):
        if prose[words[i].end() : words[i + 1].start()].strip(" \t"):
            words = words[i + 1 :]
            break
    if not words or prose[words[-1].end() : name_start].strip(" \t"):
        return None
    head = words[-1]
    if not _NP_WORD.fullmatch(head.group()) or not _could_head_role(head.group()):
        return None

    def opens_sentence(word: regex.Match[str]) -> bool:
        return not prose[sentence_start : word.start()].strip(" \t\"“‘'([")

    def left_of_noun(word: regex.Match[str]) -> bool:
        text = word.group()
        return text.lower() in _OPEN_LEFT or (text[:1].isupper() and _fold(text) not in _PRE_STOP)

    before = words[:-1]
    if not before:
        return (head.start(), head.end()) if opens_sentence(head) else None
    last = before[-1]
    if left_of_noun(last) and not (last.group()[:1].isupper() and opens_sentence(last)):
        return head.start(), head.end()
    field = last.group()
    if opens_sentence(last) and field[:1].isupper():
        if _names_field(_fold(field)):
            return last.start(), head.end()  # "Harbour master Olu Adeyemi said"
        return head.start(), head.end()  # "Defending champion Ana Ruiz"
    if _NP_WORD.fullmatch(field) and _names_field(field) and len(before) > 1 and left_of_noun(before[-2]):
        return last.start(), head.end()  # "the harbour master", "Marrowby ferry pilot"
    return None


# "the harbour master, Olu Adeyemi,", "the city's planning chief, Ana Ruiz.": a description, a comma and
# a full name that the clause then leaves (a comma, a full stop, a speech verb).  The description's head
# is any noun: an open list, not only the role words.
_DESCRIBED = compiled(
    r"(?:(?:the|The|a|A|an|An|its|Its|his|His|her|Her|their|Their)|\p{Lu}[\p{L}\-]{1,30}['’]s)"
    r"(?:[ \t]{1,2}[\p{L}\p{M}'’\-]{1,30}){0,3}?[ \t]{1,2}(?P<head>\p{Ll}[\p{Ll}\-]{2,30}),[ \t]{1,2}"
)
_DETERMINER = compiled(r"(?<![\p{L}])(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}\-]{1,30}['’]s)(?![\p{L}])", regex.I)
_LEAVES_CLAUSE = compiled(rf"(?:[ \t]{{0,3}}[,.;:)]|[ \t]{{1,3}}(?:{SPEECH_VERBS})\b|[ \t]*\Z)")
# Heads that describe a place, a body or a thing, not a person ("the town, Marrowby Bay").
_NOT_PERSON_HEADS = _VOCAB.not_person_heads


def _described_before(prose: str, cand: _Candidate, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The description before a full name set off by a comma ("the harbour master, Olu Adeyemi"), or None.

    The shortest description that fits is taken (the determiner nearest the name)."""
    window_start = max(sentence[0], cand.start - 120)
    if not _LEAVES_CLAUSE.match(prose, cand.end, min(sentence[1] + 1, cand.end + 40)):
        return None
    for determiner in reversed(list(_DETERMINER.finditer(prose, window_start, cand.start))):
        match = _DESCRIBED.fullmatch(prose, determiner.start(), cand.start)
        if match:
            head = match.group("head")
            if head in _NOT_PERSON_HEADS or head.endswith("ly"):
                return None
            return match.start(), match.end("head")
    return None


def _pre_role(prose: str, name_start: int, sentence_start: int) -> tuple[int, int] | None:
    """Title or role words right before a name.

    "historian and strategist Richard Luttwak", "US Secretary of State Marco
    Rubio", "Kremlin spokesman Dmitry Peskov": words back from the name while
    they are roles, titles, modifiers or names, at most seven, never across
    punctuation or a function word.
    """
    words = list(_WORD.finditer(prose, max(sentence_start, name_start - 160), name_start))
    kept: list[regex.Match[str]] = []
    for word in reversed(words):
        following = kept[-1].start() if kept else name_start
        if prose[word.end() : following].strip():
            break
        text = word.group().rstrip(".")
        lower = _fold(text)
        bare = _POSSESSIVE_END.sub("", lower)
        is_role = bare in ROLE_WORDS or (bare.endswith("s") and bare[:-1] in ROLE_WORDS) or bare in _TITLES
        if not kept:
            if not is_role:
                break  # the word next to the name must be a title or a role
        elif lower in _PRE_KEEP:
            pass
        elif kept and _fold(kept[-1].group()) == "and" and not is_role:
            break  # "historian and strategist", but not "Trump and President"
        elif lower in _PRE_STOP and not (text.isupper() and len(text) > 1):
            break  # "US President" keeps "US"
        elif not is_role and not text[:1].isupper() and not _is_modifier(lower):
            break
        kept.append(word)
        if len(kept) >= 7:
            break
    while kept and _fold(kept[-1].group()) in _PRE_KEEP:
        kept.pop()
    if not kept:
        return None
    return kept[-1].start(), kept[0].end()


_MODIFIERS = _VOCAB.role_modifiers


def _is_modifier(word: str) -> bool:
    """Adjectives that qualify a role: "former", "senior", "military", "political", "then-US"."""
    if word in _MODIFIERS or word.startswith(("then-", "ex-", "former-")):
        return True
    return word.endswith(("al", "ic", "ary", "ian", "ese", "ish", "ior")) and len(word) > 4


def _organisations(prose: str, start: int, end: int, name: tuple[int, int]) -> list[Affiliation]:
    """Organisations a descriptor names: runs with an organisation word, or any run after "at"."""
    out = []
    for match in _ORG_RUN.finditer(prose, start, end):
        tokens = _tokens(match.group(), match.start())
        if _POSSESSIVE_AFTER.match(prose, match.end()):
            continue  # "Australia's Deakin University": the possessive qualifies what follows
        # "Professor of International Security" is a title; "The" is not part of a name.
        while tokens and _fold(tokens[0][2]).rstrip(".") in _CORE_TITLES | ROLE_WORDS | _CONNECTORS:
            tokens = tokens[1:]
        # "Russian Security Council Deputy Chairman": the organisation ends before the title.
        for i, token in enumerate(tokens):
            title = _fold(token[2]).rstrip(".") in _CORE_TITLES | {"deputy", "vice"}
            if i and title and any(_fold(t[2]) in ORG_HEADS for t in tokens[:i]):
                tokens = tokens[:i]
                break
        while tokens and _fold(tokens[-1][2]) in _CONNECTORS:
            tokens = tokens[:-1]
        if not tokens:
            continue
        m_start, m_end = tokens[0][0], tokens[-1][1]
        if m_start < name[1] and name[0] < m_end:
            continue
        content = [_fold(t[2]).rstrip(".") for t in tokens if _fold(t[2]) not in _CONNECTORS]
        has_head = any(w in ORG_HEADS for w in content)
        if len(content) == 1 and has_head:
            continue  # "Council leader", "the Group": which one is not said
        if not content or (not has_head and all(w in _NOT_NAME or w in _TITLES for w in content)):
            continue
        if not has_head:
            after_at = bool(_AT_BEFORE.search(prose[max(0, m_start - 12) : m_start])) or bool(
                _OF_AFTER_NAME.fullmatch(prose, name[1], m_start)
            )
            following = _LOWER_AFTER.match(prose, m_end, end)
            if not after_at or (following and following.group(1) not in _ORG_FOLLOWERS):
                continue  # "on US-China relations": an adjective, not an organisation
        text = prose[m_start:m_end]
        out.append(Affiliation(m_start, m_end, _SPACE.sub(" ", text), organisation_key(text)))
    return out


_CONNECTORS = frozenset("of for and & on de du the a an".split())
_AT_BEFORE = compiled(r"\bat[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_OF_AFTER_NAME = compiled(r"(?:[ \t]{1,3}\(?cq\)?)?[ \t]{1,2}of[ \t]{1,2}(?:the[ \t]{1,2})?")
# "of Meridian Analytics", "of the Tarsk Institute" right after a full name: an affiliation.
_OF_BODY = compiled(
    r"[ \t]{1,2}of[ \t]{1,2}(?P<body>(?:the[ \t]{1,2})?\p{Lu}[\p{L}&.'’\-]{1,40}"
    r"(?:[ \t]{1,2}(?:(?:of|for|and|&|on)[ \t]{1,2})?\p{Lu}[\p{L}&.'’\-]{1,40}){0,6})"
)
# A capitalised run right after "<Capitalised word> of": a body or a place, not a person ("Ana Ruiz of
# Meridian Analytics said", "the Bank of England said").
_AFTER_OF = compiled(r"\p{Lu}[\p{L}'’\-]{1,40}[ \t]{1,2}of[ \t]{1,2}(?:the[ \t]{1,2})?\Z")
_LOWER_AFTER = compiled(r"[ \t]{1,3}([a-z][\p{L}\-]{0,30})")
_ORG_FOLLOWERS = frozenset("in and who which on for since until from where whose".split())


def extract_people(prose: str) -> People:
    """Every person mention in a prose view, resolved into persons (see module docstring)."""
    sentences = split_sentences(prose)
    starts = [s for s, _ in sentences]

    def sentence_of(offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return (0, sentences[0][1]) if sentences else (0, len(prose))
        return sentences[index]

    raws: list[_Raw] = []
    line_start = 0
    while line_start < len(prose):
        line_end = prose.find("\n", line_start)
        line_end = len(prose) if line_end < 0 else line_end
        candidates = _candidates(prose, line_start, line_end)
        line_raws = [_read(prose, cand, sentence_of) for cand in candidates]
        _share_plural_appositives(prose, line_raws)
        raws.extend(line_raws)
        line_start = line_end + 1
    raws = [r for r in raws if not _AFTER_OF.search(prose, max(0, r.cand.title_start - 60), r.cand.title_start)]
    accepted = [r for r in raws if r.cue and (r.given or r.cue in ("title", "honorific", "role", "affiliation"))]
    # "Vladimir Putin" with no cue of its own, where "President Putin" has one; not "Bush Putin".
    known = {surname_key(r.surname) for r in accepted}
    accepted.extend(
        r
        for r in raws
        if not r.cue
        and r.given
        and not _opens_sentence(prose, r)
        and surname_key(r.surname) in known
        and not any(surname_key(word) in known for word in r.given.split())
    )
    mentions = [_mention(prose, r) for r in accepted]
    mentions.extend(_surname_mentions(prose, sentence_of, mentions))
    mentions.sort(key=lambda m: m.start)
    people = _resolve(mentions)
    return replace(people, plain=_plain_mentions(prose, raws, accepted))


def _plain_mentions(prose: str, raws: list[_Raw], accepted: list[_Raw]) -> tuple[PersonMention, ...]:
    """The first uncued mention of each full name whose surname no person of the article has."""
    taken = {surname_key(r.surname) for r in accepted}
    seen: set[tuple[str, str]] = set()
    out = []
    for raw in raws:
        if raw.cue or not raw.given or len(raw.cand.tokens) > 3:
            continue
        key = (surname_key(raw.surname), normalise_given(raw.given))
        if key[0] in taken or key in seen:
            continue
        seen.add(key)
        out.append(_mention(prose, raw))
    return tuple(out)


def _opens_sentence(prose: str, raw: _Raw) -> bool:
    """Whether a name is the first word of its sentence (where any capitalised word may stand)."""
    return not prose[raw.sentence[0] : raw.cand.start].strip(" \t\"“‘'([")


def _read(prose: str, cand: _Candidate, sentence_of: Callable[[int], tuple[int, int]]) -> _Raw:
    first = sentence_of(cand.start)
    last = sentence_of(max(cand.start, cand.end - 1))
    sentence = (first[0], max(first[1], last[1]))
    after = _skip_cq(prose, cand.end)
    possessive = bool(_POSSESSIVE_AFTER.match(prose, cand.end))
    appositive = None if possessive else _appositive(prose, after, sentence[1])
    pre = _pre_role(prose, cand.start, sentence[0])
    given_tokens, surname_tokens = _split_name(cand.tokens)
    described = None if pre or cand.title or not given_tokens else _described_before(prose, cand, sentence)
    if appositive is None and given_tokens and not possessive:
        # "Ana Ruiz of Meridian Analytics said": the body she is of.
        of_body = _OF_BODY.match(prose, after, sentence[1])
        if of_body:
            appositive = (of_body.start("body"), of_body.end("body"))
    cue = ""
    if cand.title:
        cue = "title"
    elif pre and role_heads(prose[pre[0] : pre[1]]):
        cue = "role"
    elif described:
        cue, pre = "appositive", described
    elif given_tokens and not cand.title and (open_pre := _open_pre_role(prose, cand.start, sentence[0])):
        cue, pre = "appositive", open_pre
    elif appositive:
        cue = "appositive"
        if prose[after : appositive[0]].strip().lower() in ("of", "of the"):
            cue = "affiliation"
    elif cand.honorific:
        cue = "honorific"
    elif given_tokens and _speaks(prose, cand, after, sentence):
        cue = "speech"
    return _Raw(
        cand=cand,
        given=" ".join(t[2] for t in given_tokens),
        surname=" ".join(t[2] for t in surname_tokens),
        cue=cue,
        pre=pre,
        appositive=appositive,
        sentence=sentence,
    )


def _speaks(prose: str, cand: _Candidate, after: int, sentence: tuple[int, int]) -> bool:
    """A speech verb right after the name or before its title ("Ruiz said", "said Ruiz"): searched only
    for a name that no other cue reads (issue 16)."""
    return bool(_SPEECH_AFTER.match(prose[after : min(sentence[1], after + 60)])) or bool(
        _SPEECH_BEFORE.search(prose[max(sentence[0], cand.title_start - 30) : cand.title_start])
    )


def _share_plural_appositives(prose: str, raws: list[_Raw]) -> None:
    """ "William Jackson and Mark Williams, economists at Capital Economics": the appositive is for both."""
    for index in range(len(raws) - 1):
        first, second = raws[index], raws[index + 1]
        if first.appositive or not second.appositive or not second.given or not first.given:
            continue
        if not _AND_GAP.fullmatch(prose[first.cand.end : second.cand.title_start]):
            continue
        words = [w.lower() for w in _WORD.findall(prose[second.appositive[0] : second.appositive[1]])[:3]]
        if any(w.endswith("s") and w[:-1] in ROLE_WORDS for w in words):
            raws[index] = _Raw(
                first.cand,
                first.given,
                first.surname,
                first.cue or "appositive",
                first.pre,
                second.appositive,
                first.sentence,
            )


def _split_name(
    tokens: Sequence[tuple[int, int, str]],
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Given names and surname: the surname is the last token with its particles ("von der Leyen")."""
    if len(tokens) == 1:
        return [], list(tokens)
    if _fold(tokens[-1][2]).rstrip(".") in ("jr", "sr", "ii", "iii", "iv") and len(tokens) > 2:
        tokens = tokens[:-1]
    last = len(tokens) - 1
    while last > 1 and _fold(tokens[last - 1][2]) in _PARTICLES:
        last -= 1
    return list(tokens[:last]), list(tokens[last:])


def _mention(prose: str, raw: _Raw) -> PersonMention:
    cand = raw.cand
    parts: list[tuple[int, int]] = []
    if raw.pre:
        parts.append(raw.pre)
    elif cand.title:
        parts.append((cand.title_start, cand.title_start + len(cand.title)))
    if raw.appositive:
        parts.append(raw.appositive)
    return _build_mention(prose, cand.start, cand.end, raw.given, raw.surname, raw.cue, parts, raw.sentence)


def _build_mention(
    prose: str,
    start: int,
    end: int,
    given: str,
    surname: str,
    cue: str,
    parts: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
) -> PersonMention:
    descriptor = " ".join(_SPACE.sub(" ", prose[s:e]).strip() for s, e in parts)
    orgs: list[Affiliation] = []
    for s, e in parts:
        orgs.extend(_organisations(prose, s, e, (start, end)))
    former = bool(_FORMER.search(descriptor))
    return PersonMention(
        start=start,
        end=end,
        text=prose[start:end],
        given=given,
        surname=surname,
        cue=cue,
        descriptor=descriptor,
        descriptor_start=min((s for s, _ in parts), default=start),
        descriptor_end=max((e for _, e in parts), default=end),
        roles=_roles(prose, cue, parts, descriptor),
        affiliations=tuple(orgs),
        former=former,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


def _roles(prose: str, cue: str, parts: Sequence[tuple[int, int]], descriptor: str) -> tuple[str, ...]:
    """The role words of a descriptor; for a description set off by commas that names none of them, the
    role it gives in words of its own ("Olu Adeyemi, the harbour master" -> "harbour master")."""
    known = role_heads(descriptor)
    if known or cue != "appositive":
        return known
    return tuple(sorted({role for s, e in parts if (role := open_role(prose[s:e]))}))


_FORMER = compiled(r"(?i)\b(?:former|ex|then|late|onetime|one-time|previously|erstwhile|outgoing)\b")
_TITLE_BEFORE = compiled(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Senator|Governor|General|Chairman|Secretary|Judge|Mayor)\.?[ \t]\Z"
)
_CAPITAL_BEFORE = compiled(r"(\p{Lu}[\p{Ll}\p{M}]{0,30})[ \t]\Z")


_BEFORE_A_WORD = compiled(r"[\p{L}\p{N}’'\-.]")
_AFTER_A_WORD = compiled(r"[\p{L}\p{N}\-]")


def _surname_spans(prose: str, surnames: frozenset[str]) -> list[tuple[int, int]]:
    r"""Where the surnames stand as words: what ``(?<![\p{L}\p{N}’'\-.])(?:S1|S2|...)(?![\p{L}\p{N}\-])``,
    the surnames longest first, finds with ``finditer``, without compiling a pattern per document (that
    cost more than the rest of the people reader, issue 16): at the first place a surname stands as a
    word, the longest one that does (surnames of one length cannot both), then on from its end."""
    longest: dict[int, int] = {}
    for surname in surnames:
        size = len(surname)
        at = prose.find(surname)
        while at >= 0:
            if (
                size > longest.get(at, 0)
                and (at == 0 or not _BEFORE_A_WORD.match(prose, at - 1))
                and not _AFTER_A_WORD.match(prose, at + size)
            ):
                longest[at] = size
            at = prose.find(surname, at + 1)
    spans = []
    reached = 0
    for at in sorted(longest):
        if at >= reached:
            reached = at + longest[at]
            spans.append((at, reached))
    return spans


def _surname_mentions(
    prose: str, sentence_of: Callable[[int], tuple[int, int]], mentions: Sequence[PersonMention]
) -> list[PersonMention]:
    """Surnames standing alone ("Clarke said") where a full mention gives the surname."""
    surnames = frozenset(m.surname for m in mentions if m.given and len(m.surname) > 1)
    if not surnames:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for start, end in _surname_spans(prose, surnames):
        index = bisect.bisect_right(taken, (start, len(prose) + 1)) - 1
        if index >= 0 and taken[index][0] <= start < taken[index][1]:
            continue
        # Part of another name ("George Bush" where only "Laura Bush" was read) is not this surname.
        window = prose[max(0, start - 32) : start]
        word_before = _CAPITAL_BEFORE.search(window)
        if word_before and not _TITLE_BEFORE.search(window):
            lower = _fold(word_before.group(1))
            if lower not in _NOT_NAME and lower not in _TITLES:
                continue
        sentence = sentence_of(start)
        after = _skip_cq(prose, end)
        possessive = bool(_POSSESSIVE_AFTER.match(prose, end))
        appositive = None if possessive else _appositive(prose, after, sentence[1])
        parts = [appositive] if appositive else []
        out.append(_build_mention(prose, start, end, "", prose[start:end], "surname", parts, sentence))
    return out


def _resolve(mentions: list[PersonMention]) -> People:
    """Group full mentions into persons; give each surname mention the person it refers to."""
    keys: list[tuple[str, str]] = []  # (surname key, given) of each person
    assigned: list[int] = []
    for mention in mentions:
        if not mention.given:
            assigned.append(-1)
            continue
        key = surname_key(mention.surname)
        found = next((n for n, (s, g) in enumerate(keys) if s == key and same_given(g, mention.given)), -1)
        if found < 0:
            keys.append((key, mention.given))
            found = len(keys) - 1
        assigned.append(found)
    # A surname alone: the nearest full mention before it with that surname, else the only person with it.
    last_seen: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        key = surname_key(mention.surname)
        if mention.given:
            last_seen[key] = assigned[index]
        elif key in last_seen:
            assigned[index] = last_seen[key]
        else:
            matching = [n for n, (s, _g) in enumerate(keys) if s == key]
            if len(matching) == 1:
                assigned[index] = matching[0]
    resolved = tuple(replace(m, person=p) for m, p in zip(mentions, assigned, strict=True))
    persons = []
    for number in range(len(keys)):
        members = tuple(i for i, p in enumerate(assigned) if p == number)
        roles = sorted({r for i in members for r in resolved[i].roles})
        affiliations: dict[str, Affiliation] = {}
        for i in members:
            for affiliation in resolved[i].affiliations:
                affiliations.setdefault(affiliation.key, affiliation)
        first = next(resolved[i] for i in members if resolved[i].given)
        persons.append(
            Person(
                index=number,
                name=_SPACE.sub(" ", first.text),
                given=first.given,
                surname=first.surname,
                key=f"{normalise_given(first.given).split()[0]} {surname_key(first.surname)}",
                mentions=members,
                roles=tuple(roles),
                affiliations=tuple(affiliations.values()),
                descriptors=tuple(resolved[i].descriptor for i in members if resolved[i].descriptor),
            )
        )
    return People(mentions=resolved, persons=tuple(persons))


def people_of(document: Document) -> People:
    """The people of a document (read from its prose view).  A run reads them once per document, in
    ``factcheck.extract.extract_document``."""
    return extract_people(document.prose)


def name_spans(document: Document) -> list[tuple[int, int]]:
    """Spans of every person mention in a document (full and surname-only), for "cq" marks.

    A copy-desk "cq" right after a name ("Richard Luttwak cq") says the name
    was verified.  The name checks start their locations at the name, so
    ``find_cq_marks(document, name_spans(document))`` suppresses their
    findings on that mention.
    """
    return [(m.start, m.end) for m in people_of(document).mentions]
