"""Claim frames: what a number measures, what it is about, and in which series it counts.

A frame is read from the number's own sentence, with bounded word windows,
and says what an editor reads when comparing two articles side by side:

* ``measure`` and ``modifiers``: the lemma of the head noun the number counts
  or measures ("38 train cars derailed" -> ``car`` with ``train``; "the death
  toll has reached 8,547" -> ``toll`` with ``death``), found after the number,
  before it ("death toll of", "medals with 126"), in a part-of construction
  ("Eleven of the cars", "including 10", "Of the 50 cars ..., 20") or inherited
  from the list the number sits in ("108 medals to China's 102").  A generic
  noun ("people", "individuals") takes its verb as the measure: "49,133 people
  were injured" measures ``injure``.
* ``about``: the entity the number belongs to, when the sentence says so: a
  possessive ("China's 102"), a phrase on the measure ("death toll in
  Turkey"), or the subject of the number's clause ("France won 16 golds").
  Sources ("Erdogan said") are not what a number is about.  A demonym before a
  plural noun is the country ("American Olympians" -> ``american``); before a
  singular noun it is a description of someone ("French swimmer").
* ``event``: the verb that ties the number to its subject, as a lemma
  ("derail", "carry", "sack").
* ``aspect``: ``level``, ``change`` (from the claim), ``part`` (a part of a
  whole just named), ``difference`` ("35 more than China"); ``total`` marks
  "a total of", "overall", "126 total".
* ``series``: ``converted`` for a conversion in brackets after another amount
  ("140 mph (225 km/h)"), ``earlier`` for figures the sentence itself marks as
  superseded ("Previous reports said", "initial estimates"), ``real`` for
  inflation-adjusted amounts, ``projection`` for what "could" or "is expected
  to" happen, ``poll`` for a poll's estimate ("according to an exit poll");
  ``""`` for a plain statement.

Lemmas come from simplemma (its English data ships in the wheel).  Nothing
here knows which words are equivalent: the comparison's vocabulary (a rule
option) maps lemmas onto canonical measures, events and entities.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import NamedTuple

import regex

from factcheck.extract.context import TIME_AFTER_NUMBER
from factcheck.extract.patterns import compiled, folded
from factcheck.extract.vocab import vocab
from factcheck.model import Claim, Frame

_TOKEN = compiled(r"[A-Za-z][\w'’.&-]*[\w]|[A-Za-z]|\d+(?:[,.]\d+)*|[,;:()\"“”–—\[\]]")

_DETERMINERS = frozenset("the a an its their his her our your this that these those some".split())
_PREPOSITIONS = frozenset(
    "of on in to for from at by with between among into toward towards against over under after before "
    "during since per via across through within about around near like than".split()
)
_AUXILIARY = frozenset(
    "is are was were be been being has have had will would could can may might must shall should do does did "
    "not also still now just only already reportedly".split()
)
_PRONOUNS = frozenset("he she it they we i you who that which whom".split())
_STOP = frozenset(
    """and or but nor so yet if because though although while when where as than said says say told according
    there here then more most less least such same other another each every all both either neither any many
    much few several own only just very even also not no cq next last worldwide globally nationwide annually
    yearly daily weekly monthly overall altogether""".split()
)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
_SENTENCE_OPENERS = frozenset(
    "the a an in on at by for of to and but or as if it its this that these those he she they we i his her their "
    "our after before since while when where what who why how there here some many most however meanwhile also "
    "among despite although though with from during until so yet about around nearly almost more over just only "
    "roughly approximately another".split()
)
# Nouns that say nothing about what is counted: their verb does ("49,133 people were injured").
_GENERIC = frozenset("people person individual resident other one".split())
# Nouns of change: "growth of 2.4%" is a change of what the noun before it names.
_GROWTH_NOUNS = frozenset("growth contraction".split())
# Heads that only say "the number of": the noun after "of" is the measure.
_NUMBER_OF = frozenset("number total count tally figure amount level".split())
# Verbs that only link a number to its subject ("reached 200 people"): they say nothing of what is counted.
# Verbs whose object names the event: "made landfall", "held a vote", "took office".
_LIGHT_VERBS = frozenset(
    "make made makes making hold held holds take took takes taking give gave gives came come comes coming".split()
)
# Time words that scope a count to one stretch of time ("arrested 12 people on Friday").
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday weekend yesterday today tonight overnight "
    "week month morning afternoon evening night".split()
)
# What a thing can take, right before its number: "licensed to carry", "can seat", "capacity of", "holds".
_CAPACITY_BEFORE = compiled(
    r"(?i)(?:\b(?:licensed|permitted|allowed|designed|built|certified|rated|able|equipped)\s{1,3}to\s{1,3}"
    r"(?:carry|hold|seat|take|accommodate|house)|\b(?:can|could)\s{1,3}(?:carry|hold|seat|take|accommodate|house)"
    r"|\bcapacity\s{1,3}(?:of|for)|\b(?:which|that)\s{1,3}(?:holds|seats|accommodates)|\broom\s{1,3}for)"
    r"(?:\s{1,3}(?:up\s{1,3}to|about|around|some|more\s{1,3}than|nearly|almost))?\s{1,3}$"
)
# ... or right after it: "a 280-passenger capacity", "280 seats capacity" are rare; "(capacity)" words.
_CAPACITY_AFTER = compiled(r"(?i)[\s-]{1,3}(?:\w+[\s-]{1,3})?capacity\b")
_IN_PRISON = compiled(r"(?i)\s{1,3}(?:in|behind)\s{1,3}(?:prison|jail|gaol|custody|detention|bars)\b")
_SENTENCED_TO = compiled(
    r"(?i)\b(?:sentenced|jailed|imprisoned|sentencing|jailing|jail|sentence|imprison)\s{1,3}"
    r"(?:\w+\s{1,3}){0,4}(?:to|for)\s{1,3}(?:up\s{1,3}to\s{1,3}|more\s{1,3}than\s{1,3})?$"
)
_ABOARD = compiled(r"(?i)\s{1,3}(?:on\s{1,3}board|aboard)\b")
# Participles of an appositive that names who leads or owns what stands before it (", led by X,").
_BY_PARTICIPLES = frozenset("led headed chaired run owned founded backed controlled managed".split())
_SAID = frozenset("said says say told tells added adds noted notes stated states explained announced".split())
# Words that open another clause, whose time word is not the number's ("since it broke out on Friday").
# (Only those that bound a span: "after the quake hit on Monday" may well be when the number happened.)
_SUBORDINATORS = frozenset("since until till".split())
_LINK_VERBS = frozenset(
    "reach hit exceed total top stand number be include surpass pass climb rise remain stay".split()
)
_RATIO = compiled(
    r"^\s{1,3}(?:in|out\s{1,3}of)\s{1,3}(?:\d{1,3}\b(?![,.]\d)|every\b|ten\b|five\b|four\b|three\b|two\b)"
)
_RELATIVE_TIME = compiled(r"^\s{1,3}(?:ago|later|earlier|before|after|afterwards|since)\b")
_RATIO_TEXT = compiled(r"\d\s{1,3}(?:in|out\s{1,3}of)\s{1,3}\d")
_CLAUSE_CHANGE = compiled(r"[A-Z;:—]|\bwhile\b|\bwhereas\b")
_CONTRACTION = compiled(r"['’](?:ve|re|d|ll|s)$")
_BRACKET_OPEN = compiled(r"\s{0,2}\(\s{0,2}(?:about|around|roughly|approximately|or|some|c\.)?\s{0,2}")
_NAME_WORD = compiled(r"[\w.&-]+")
_HYPHEN_MEASURE = compiled(r"^-([a-z]{3,20})\b")
_TOTAL_WORDS = frozenset("total overall combined cumulative altogether".split())
# Nouns that name the gap between two figures ("a margin of 4,191 votes", "her lead was 2,060").
# A count under way: "with 62% counted", "with 91 percent of precincts reporting", "partial results",
# "as counting continued": figures of a tally that is not final.
_PARTIAL = compiled(
    r"(?i)\bwith\s{1,3}(?:about\s{1,3}|nearly\s{1,3}|almost\s{1,3}|over\s{1,3})?\d{1,3}(?:\.\d)?\s{0,2}(?:%|percent|per\s{1,3}cent)"
    r"(?:\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:votes?|ballots?|precincts?|results?|polling\s{1,3}stations?|districts?))?"
    r"\s{1,3}(?:counted|reporting|in|tallied|declared|processed)\b"
    r"|\b(?:partial|early|provisional|incomplete)\s{1,3}(?:results?|returns?|counts?|tall(?:y|ies))\b"
    r"|\bas\s{1,3}counting\s{1,3}(?:continued|continues|went\s{1,3}on)\b|\bwith\s{1,3}counting\s{1,3}under\s{1,3}way\b"
)
_DIFFERENCE_NOUNS = frozenset("margin lead majority gap edge advantage deficit shortfall surplus difference".split())
# Events that happen once to what they are about, so the year they happened is a fact to agree on.
_ONCE_VERBS = frozenset(
    "open found establish build complete inaugurate incorporate bear create form launch discover invent".split()
)
_GAP_FOLLOWERS = frozenset("of was is had has stood stands grew narrowed widened to at be been over".split())
_WINNING_VERBS = frozenset("won win wins winning beat beats beaten leads trails trailed ahead".split())
_OF_THE_WHOLE = compiled(r"\s{1,3}of\s{1,3}(?:the\s{1,3}|all\s{1,3}|a\s{1,3}total\s{1,3}of\s{1,3})?")
# "11% higher than a year before": a change over time, not a difference from another thing.
_THAN_A_TIME = compiled(
    r"(?i)^\s{0,3}\w+\s{1,3}than\s{1,3}(?:(?:a|one)\s{1,3}(?:year|month|quarter|week)\s{1,3}(?:before|earlier|ago)"
    r"|(?:last|the\s{1,3}previous|the\s{1,3}same)\s{1,3}(?:year|month|quarter|week|period)|in\s{1,3}\d{4})\b"
)
_DIFFERENCE = compiled(r"^\s{0,3}(?:more|fewer|less|higher|lower|greater|larger|smaller)\s{1,3}than\b")
_EARLIER = compiled(
    # ("a year earlier", "the previous quarter" are what a change is measured against, not an old figure)
    r"(?i)\b(?:previous(?:ly)?(?!\s{1,3}(?:year|quarter|month|week|day|period|session)s?\b)"
    r"|(?<!\b(?:year|month|quarter|week|day)s?\s{1,3})earlier|initial(?:ly)?|originally|original|preliminary"
    r"|first\s{1,3}estimates?|"
    r"had\s{1,3}been\s{1,3}put\s{1,3}at|revised\s{1,3}(?:down|up)\s{1,3}from)\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Part of a year: "the first nine months", "first half", "Q2", "year to date", "January-September".
_PART_YEAR = compiled(
    rf"(?i)\b(?:(?:first|last|second|third|fourth)[\s-]{{1,3}}(?:half|quarter|(?:\w{{3,6}}\s{{1,3}})?months)|q[1-4]|h[12]|"
    rf"year[- ]to[- ]date|so\s{{1,3}}far\s{{1,3}}this\s{{1,3}}year|"
    rf"{_MONTH}\s{{0,2}}(?:[-–]|to|through)\s{{0,2}}{_MONTH})\b"
)
_REAL = compiled(
    r"(?i)\b(?:adjust(?:ed|ing)\s{1,3}for\s{1,3}inflation|inflation[- ]adjusted|in\s{1,3}real\s{1,3}terms|"
    r"in\s{1,3}today['’]s\s{1,3}(?:dollars|money|terms)|in\s{1,3}constant\s{1,3}(?:dollars|prices))\b"
)
_PROJECTION = compiled(
    # "may" in lower case only: "in May" is the month.
    r"(?i)\b(?:could|might|(?-i:may)|would|projected|forecast|expected\s{1,3}to|likely\s{1,3}to|set\s{1,3}to|"
    r"on\s{1,3}(?:track|course)\s{1,3}(?:to|for)|estimated\s{1,3}to)\b"
)
# "said it would cut 1,200 jobs": reported speech of a plan, as "will cut" is; not a projection.
_REPORTED_WOULD = compiled(
    r"(?i)\b(?:said|announced|confirmed|told\s{1,3}\w+)\s{1,3}(?:on\s{1,3}\w+\s{1,3})?(?:that\s{1,3})?"
    r"(?:it|they|he|she|we|the\s{1,3}\w+)\s{1,3}would\b"
)
# Words (in lower case) of which every match of the pattern above them holds one: a sentence that holds
# none is not searched (tests/extract/test_fast_paths.py checks them against the patterns).
_EARLIER_WORDS = ("previous", "earlier", "initial", "original", "preliminary", "estimate", "been", "revised")
_PART_YEAR_WORDS = (
    "half", "quarter", "months", "q1", "q2", "q3", "q4", "h1", "h2", "year",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_REAL_WORDS = ("inflation", "real", "today", "constant")
_PROJECTION_WORDS = (
    "could", "might", "may", "would", "projected", "forecast", "expected", "likely", "set", "track", "course",
    "estimated",
)  # fmt: skip
# A poll's figures ("according to an exit poll", "an opinion poll by X gave"): an estimate, never the result.
_POLL = compiled(r"(?i)\b(?:exit|opinion|pre-election|election-night)\s{1,3}polls?\b|\bpolls?\s{1,3}(?:by|from|for)\b")
_PARTIAL_WORDS = ("partial", "early", "provisional", "incomplete", "counting")


def _may_be_partial(lower: str) -> bool:
    """False only when _PARTIAL cannot match in a sentence (``lower``: it folded)."""
    return any(word in lower for word in _PARTIAL_WORDS) or ("with" in lower and ("%" in lower or "per" in lower))


# No clause is longer: backward and forward scans stop here, so a run-on "sentence" of thousands of
# numbers costs each claim a bounded window, not the whole sentence.
_MAX_CLAUSE_TOKENS = 80
_LIST_REACH = 12
_CLAUSE_BREAK = frozenset({";", "—", "–", "(", ")", ":", "“", "”", '"'})
_CLAUSE_WORDS = frozenset("while whereas but which who".split())
_POSSESSIVE = compiled(r"['’]s?$")
# Between two numbers of one list or comparison: "108 medals to China's 102", "44 silver medals compared to China's 27".
_LIST_GAP = compiled(
    r"(?:\s{0,3}(?:,|and|or|to|vs\.?|versus|against|compared\s{1,3}(?:to|with)|while|from|"
    r"(?:[A-Z][\w.&-]{0,30}\s{0,2}){1,3}['’]s?)\s{0,3}){1,4}"
)
# "A and B" as one owner: "trade between Russia and China", "the earthquakes in Turkey and Syria".
_NAME = r"[A-Z][\w.&'’-]{1,30}(?:\s{1,3}[A-Z][\w.&'’-]{1,30}){0,2}"
_JOINT = rf"(?:the\s{{1,3}})?(?P<a>{_NAME})\s{{1,3}}and\s{{1,3}}(?:the\s{{1,3}})?(?P<b>{_NAME})"
_BETWEEN_NAMES = compiled(rf"\bbetween\s{{1,3}}{_JOINT}")
_JOINT_NAMES = compiled(_JOINT)
_GAP_WORD = compiled(r"(?<![\w'’])[a-z][a-z-]*")
_REPORTING = frozenset(
    "said says told announced updated reported confirmed estimated stated added noted wrote put raised revised "
    "declared tweeted posted".split()
)
_DEMONYM = compiled(r"(?:an|ian|ese|ish|ch|i|ic)$")


# A sentence that opens with a place sets the scope of its numbers ("In the capital, ...").
_SCOPE_PREPOSITIONS = frozenset({"in", "across", "throughout", "outside"})
_PLACE_NOUNS = frozenset(
    "capital city region state province county district town village area suburb countryside north south "
    "east west north-east north-west south-east south-west".split()
)
_MONTH_OR_DAY = compiled(rf"{_MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def _without_contraction(lower: str) -> str:
    """ "he's" -> "he"; a word without an apostrophe is not searched (issue 16)."""
    return str(_CONTRACTION.sub("", lower)) if "'" in lower or "’" in lower else lower


def _without_possessive(lower: str) -> str:
    """ "minister's" -> "minister"; a word without an apostrophe is not searched (issue 16)."""
    return str(_POSSESSIVE.sub("", lower)) if "'" in lower or "’" in lower else lower


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    # Computed once when the token is read: the readers look at each several times.
    lower: str
    is_word: bool
    capitalised: bool


@functools.cache
def lemma(word: str) -> str:
    """The lemma of an English word, lower case ("cars" -> "car", "derailed" -> "derail")."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    # Imported here: a run whose extractions all come from the index never needs it (about 40 ms).
    import simplemma

    return str(simplemma.lemmatize(lower, lang="en")).lower()


@functools.cache
def noun_lemma(word: str) -> str:
    """The singular of a noun; a word without a plural ending is kept ("span" stays "span", not "spin")."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is")) or lower in _SINGULAR_IN_S:
        return lower
    return lemma(lower)


def normal_form(word: str) -> str:
    """How frames write a word: a verb form as its lemma, a noun as its singular."""
    return lemma(word) if _verb_lemma(word) else noun_lemma(word)


@functools.cache
def _verb_lemma(word: str) -> str | None:
    """The lemma of a word used as a verb, or None when the word does not read as a verb."""
    lower = word.lower()
    if lower in _AUXILIARY or lower in _DETERMINERS or lower in _PREPOSITIONS or lower in _PRONOUNS:
        return None
    if word[:1].isupper() and word[1:2].islower() and lower not in _OPENING_VERBS:
        return None  # "Marrow United", "Rose Kessel": a capitalised word is a name, not a verb
    if lower.endswith(("ed", "ing")) and len(lower) > 4:
        return lemma(lower)
    irregular = _IRREGULAR.get(lower)
    return irregular


# Verbs that open a sentence in news copy ("Asked about the toll, ..."): capitalised, still verbs.
_TOLD = frozenset("told tells tell".split())
_CLOSING_QUOTES = frozenset('"\u201d')
_OPENING_QUOTES = frozenset('"\u201c\u2018\u00ab\u201e')
_OPENING_VERBS = frozenset("asked speaking writing added adding according including excluding".split())

_IRREGULAR = {
    "left": "leave", "met": "meet", "won": "win", "lost": "lose", "made": "make", "took": "take", "paid": "pay",
    "sold": "sell", "spent": "spend", "built": "build", "fled": "flee", "gave": "give", "got": "get", "went": "go",
    "came": "come", "held": "hold", "brought": "bring", "bought": "buy", "sent": "send", "struck": "strike",
    "shot": "shoot", "ran": "run", "saw": "see", "hit": "hit", "cut": "cut", "kept": "keep", "drew": "draw",
    "fell": "fall", "rose": "rise", "grew": "grow", "laid": "lay", "let": "let", "wrote": "write", "hurt": "hurt",
    "dead": "die", "died": "die", "dies": "die", "froze": "freeze", "stood": "stand", "sank": "sink",
    "hid": "hide", "burnt": "burn", "spelt": "spell", "spilt": "spill", "dealt": "deal", "meant": "mean",
    "axed": "axe", "remain": "remain", "remains": "remain", "led": "lead", "fed": "feed", "shed": "shed", "lay": "lay",
}  # fmt: skip
# ("lay" is "lay off 300 workers": as the past of "lie" it is rare next to a figure.)


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out: list[_Token] = []
    append = out.append
    make = tuple.__new__  # a named tuple built without its Python-level __new__: tokens are read in bulk
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        word = text[a:b]
        first = word[0]
        capital = first.isupper() and word not in _MEASURE_ACRONYMS  # "GDP grew": a measure, not a name
        append(make(_Token, (a, b, word, word.lower(), first.isalpha(), capital)))
    return out


def _common_term_opens(tokens: list[_Token]) -> list[_Token]:
    """The tokens, with a sentence-opening term of statistics ("Gross domestic product", "Retail sales")
    read as the common words it is, not as a name."""
    first = tokens[0] if tokens else None
    if first is None or not first.capitalised:
        return tokens
    for term in _COMMON_TERMS.get(first.lower, ()):
        if len(tokens) >= len(term) and all(t.lower == w for t, w in zip(tokens, term, strict=False)):
            return [first._replace(capitalised=False), *tokens[1:]]
    return tokens


def _is_noun_word(token: _Token) -> bool:
    lower = token.lower
    return (
        token.is_word
        and lower not in _DETERMINERS
        and lower not in _PREPOSITIONS
        and lower not in _AUXILIARY
        and lower not in _PRONOUNS
        and lower not in _STOP
        and lower not in _CALENDAR
    )


class NameEvidence:
    """What a whole document says about a capitalised word, asked for lazily (cached per word).

    A capitalised word that opens a sentence ("Trade between ...") is a common
    word when the document also writes it in lower case, and a name when it
    also capitalises it inside a sentence.  Only the few words that open a
    sentence with a number in it are ever asked about.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: dict[str, bool] = {}
        self._inner: dict[str, bool] = {}
        self._runs: frozenset[str] | None = None
        self._full: dict[str, str] = {}

    def written_in_lower_case(self, word: str) -> bool:
        found = self._lower.get(word)
        if found is None:
            found = self._lower[word] = _occurs(self.text, word.lower(), inner=False)
        return found

    def full_name(self, key: str) -> str:
        """The one longer name of the document that a short one ends ("united" -> "marrow united" when
        the article writes "Marrow United" and no other "... United"), else the key itself.  A prefix
        that makes another place ("South Sudan" for Sudan, "New Guinea") never counts."""
        if not key:
            return key
        if self._runs is None:
            runs: set[str] = set()
            for match in _CAPITALISED_RUN.finditer(self.text):
                for words in _names_of_run(match.group().split()):
                    runs.add(_entity_key(" ".join(words)))
            self._runs = frozenset(runs)
        found = self._full.get(key)
        if found is None:
            # A word the article also writes in lower case is a common word a title capitalised
            # ("Opposition Civic Renewal wins", "the opposition Civic Renewal party"), no part of the name.
            longer = {
                run
                for run in self._runs
                if run.endswith(" " + key)
                and not set(run[: -len(key)].split()) & _DISTINCT_PREFIXES
                and not any(self.written_in_lower_case(word) for word in run[: -len(key)].split())
            }
            # A firm's first word alone is the firm: "Meridale" of "Meridale Health", "Kestrel" of
            # "Kestrel Foods" (only before a word that names a business, so "China" is never "China Daily").
            longer |= {
                run
                for run in self._runs
                if run.startswith(key + " ") and set(run[len(key) + 1 :].split()) <= _ORG_WORDS
            }
            found = self._full[key] = next(iter(longer)) if len(longer) == 1 else key
        return found

    def capitalised_inside(self, word: str) -> bool:
        found = self._inner.get(word)
        if found is None:
            capital = word[:1].upper() + word[1:].lower()
            found = self._inner[word] = _occurs(self.text, capital, inner=True)
        return found


def _occurs(text: str, word: str, *, inner: bool) -> bool:
    """Whether ``word`` occurs as a whole word; ``inner``: after a lower-case word, a digit or a comma."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() and after not in "s"):
            if not inner:
                return True
            back = at - 1
            while back >= 0 and text[back] in " \t":
                back -= 1
            if back >= 0 and (text[back].islower() or text[back].isdigit() or text[back] == ","):
                return True
        at = text.find(word, at + 1)
    return False


def document_names(text: str) -> NameEvidence:
    """The document's evidence about capitalised words (see ``NameEvidence``)."""
    return NameEvidence(text)


def frames_for_sentence(
    text: str, sentence: tuple[int, int], claims: Sequence[Claim], names: NameEvidence | None = None
) -> list[Frame]:
    """The frame of each claim of one sentence (claims in position order); ``names`` from ``document_names``."""
    tokens = _common_term_opens(_tokens(text, sentence[0], min(sentence[1], sentence[0] + 4000)))
    chunk = text[sentence[0] : sentence[1]]
    reader = _SentenceReader(text, tokens, chunk, claims, names or NameEvidence(text))
    return reader.run()


class _SentenceReader:
    """Reads the frames of the claims of one sentence; siblings inform one another."""

    def __init__(
        self, text: str, tokens: list[_Token], chunk: str, claims: Sequence[Claim], names: NameEvidence
    ) -> None:
        self.names = names
        self._runs: list[tuple[int, str]] | None = None
        self.text = text
        self.tokens = tokens
        self.chunk = chunk
        self.claims = claims
        # Claims by identity: list.index compares dataclasses field by field, once per claim (quadratic).
        self._position = {id(claim): index for index, claim in enumerate(claims)}
        self._between: regex.Match[str] | bool | None = False
        self.first_token_start = tokens[0].start if tokens else 0
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]

    def _index_after(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def _quoted_alone(self, claim: Claim, before: int, after: int) -> bool:
        """Whether the figure is all a quotation holds ('\u201cnearly 2,000\u201d')."""
        tokens = self.tokens
        return (
            before >= 0
            and after < len(tokens)
            and tokens[before].text in _OPENING_QUOTES
            and tokens[before].end == claim.start
            and tokens[after].text in _CLOSING_QUOTES
            and tokens[after].start == claim.end
        )

    def _index_before(self, offset: int) -> int:
        """Index of the last token that ends at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self.ends, offset) - 1

    def run(self) -> list[Frame]:
        measured: list[tuple[str, tuple[str, ...], str, bool, str, str]] = []
        # What later numbers of the sentence may take their measure from: never a day's event ("derailed
        # late on Sunday, and nine of the cars": the nine are cars, not a derailment).
        earlier: list[tuple[str, tuple[str, ...], str, bool, str, str]] = []
        for claim in self.claims:
            found = self._measure(claim, earlier)
            measured.append(found)
            earlier.append(found if claim.kind not in ("date", "weekday") else ("", (), "", False, "", ""))
        owners = [self._owner(claim) for claim in self.claims]
        taken = {owner for owner, explicit in owners if owner and explicit}
        series_all = self._sentence_series()
        candidates = tuple(
            dict.fromkeys(
                key
                for name in self._names_between(0, len(self.tokens))
                if (key := _entity_key(name)) and not any(self._is_source(c, name) for c in self.claims)
            )
        )
        frames: list[Frame] = []
        for index, claim in enumerate(self.claims):
            measure, modifiers, event, total, aspect, whole = measured[index]
            owner, explicit = owners[index]
            whole_of_part = total and self._total_before(self._index_before(claim.start), claim)
            if claim.kind in ("label", "weekday"):
                # A grade or a day belongs to the event the story is about; places around it are not owners.
                owner, explicit = "", False
            elif whole_of_part:
                owner = ""  # "52,318 of the 102,750 valid votes": the whole is not the subject's
            elif not explicit:
                owner = self._subject(claim, taken)
            if not owner and not whole_of_part and index > 0 and self._continues_previous(index):
                # "126 total medals (40 gold, 44 silver)", "had 40 golds but only 91 total medals":
                # the list or the coordinated clause keeps the owner of the number before it
                owner = frames[-1].about
            owner = self.names.full_name(owner)
            series = self._conversion(index) or self._capacity(claim) or series_all.get(claim.kind, "")
            frames.append(
                Frame(
                    measure=measure,
                    modifiers=modifiers,
                    about=owner,
                    event=event,
                    aspect=aspect or claim.aspect,
                    total=total,
                    whole=whole,
                    series=series,
                    names=candidates,
                    when=self._when(claim),
                    scope=self._scope(claim, owner),
                )
            )
        return frames

    def _scope(self, claim: Claim, owner: str) -> str:
        """The place a sentence opens with, when the number belongs to someone else there: "In the capital,
        Trenn, the party took 45%" (``capital``), "Across Ohio, the company cut 300 jobs" (``ohio``).
        A place that is the owner itself ("In Syria, 2,530 died") is no scope; nor is an opening that
        names no place ("In a statement,", "In March,", "In total,")."""
        tokens = self.tokens
        if len(tokens) < 4 or tokens[0].lower not in _SCOPE_PREPOSITIONS:
            return ""
        comma = next((i for i in range(2, min(len(tokens), 9)) if tokens[i].text == ","), -1)
        if comma < 0 or claim.start < tokens[comma].end:
            return ""
        words = [t for t in tokens[1:comma] if t.is_word and t.lower not in _DETERMINERS]
        names = [t.lower for t in words if t.capitalised and not _MONTH_OR_DAY.fullmatch(t.lower)]
        places = [t.lower for t in words if not t.capitalised and lemma(t.text) in _PLACE_NOUNS]
        scope = " ".join(names) if names else (lemma(places[-1]) if places else "")
        if not scope or (owner and (scope == owner or scope in owner.split() or owner in scope.split())):
            return ""
        return scope

    def _continues_previous(self, index: int) -> bool:
        """Whether claim ``index`` continues the previous claim's list or clause: no name, no clause end between."""
        previous, claim = self.claims[index - 1], self.claims[index]
        gap = self.text[previous.end : claim.start]
        return len(gap) <= 80 and not _CLAUSE_CHANGE.search(gap)

    # -- measure --------------------------------------------------------------------------------------

    def _measure(
        self, claim: Claim, earlier: list[tuple[str, tuple[str, ...], str, bool, str, str]]
    ) -> tuple[str, tuple[str, ...], str, bool, str, str]:
        """(measure, modifiers, event, total, aspect override, whole) of one claim."""
        if claim.kind == "year":
            # A year dates a one-time event of its subject: "the bridge, which opened in 1971".
            return self._once_event(claim), (), "", False, "", ""
        if claim.kind in ("date", "weekday"):
            # A day names an event's date only through a light verb's object ("made landfall on ...").
            return self._event_noun(claim), (), "", False, "", ""
        if claim.kind == "label":
            return str(claim.unit or ""), (), "", False, "", ""  # "a Category 4 hurricane": the scale
        after = self._index_after(claim.end)
        before = self._index_before(claim.start)
        if self._quoted_alone(claim, before, after):
            after += 1  # 'laid off "nearly 2,000" workers': the quoted figure counts what follows it
        total = self._total_before(before, claim) or self._total_after(after)
        if self._difference_before(before):
            return "", (), "", False, "difference", ""  # a margin or a lead is no level of what it counts
        following = self.text[claim.end : claim.end + 30]
        if before >= 0 and self.tokens[before].lower == "than" and not claim.qualifier:
            return "", (), "", False, "difference", ""  # "more medals than 184 countries": a yardstick
        than_a_time = bool(_THAN_A_TIME.match(following))  # "11% higher than a year before": a change
        if _DIFFERENCE.match(following) and not than_a_time:
            return "", (), "", False, "difference", ""
        if _RATIO.match(following) or _RATIO_TEXT.search(claim.text):
            return "", (), "", False, "share", ""  # "1 in 4 companies": a share, not a count
        if claim.kind == "duration" and _RELATIVE_TIME.match(following):
            return "", (), "", False, "", ""  # "two months ago": when, not how long
        if claim.kind == "duration" and (
            _IN_PRISON.match(following) or _SENTENCED_TO.search(self.text, max(0, claim.start - 60), claim.start)
        ):
            return "prison", (), "", False, "", ""  # "seven years in prison", "jailed for seven years"
        hyphen = _HYPHEN_MEASURE.match(following)
        if hyphen:
            # "the 7.8-magnitude earthquake": the hyphenated word is the measure
            return noun_lemma(hyphen.group(1)), (), "", total, "", ""
        aspect = ""
        whole = ""
        if than_a_time or TIME_AFTER_NUMBER.match(self.text, claim.end):
            # ("11% higher than a year before": a change of what the sentence names before it)
            aspect = "change" if than_a_time else aspect
            phrase: list[_Token] = []
            next_index = after  # "rose 2.3% year on year", "2.4 percent last year": when, not what
        else:
            phrase, next_index = self._noun_phrase(after, allow_of=True, money=claim.kind == "money")
        if phrase and self.tokens[after].lower == "of" and self._determiner_at(after + 1):
            aspect = "part"  # "Eleven of the cars", "20 of its vehicles"
        if not phrase:
            part = self._part_of(claim, before, earlier)
            if part is not None:
                measure, modifiers, whole = part
                event = self._event(after, before)
                return measure, modifiers, event, total, "part", whole
            phrase = self._phrase_before(before)
            next_index = after
        if not phrase and earlier:
            # List ellipsis: "108 medals to China's 102", "44 silver medals compared to China's 27".
            # Only the last few numbers: an ellipsis reaches back a list, not a whole run-on sentence.
            for measure, modifiers, event, was_total, was_aspect, was_whole in reversed(earlier[-_LIST_REACH:]):
                if measure and self._same_list(claim, (measure, *modifiers)):
                    return measure, modifiers, event, was_total or total, was_aspect, was_whole
        if not phrase and claim.subject:
            head_words = _head_of(claim.subject)
            if head_words:
                return head_words[-1], tuple(head_words[:-1]), self._event(after, before), total, aspect, whole
        if not phrase:
            return "", (), self._event(after, before), total, aspect, whole
        words = [normal_form(t.text) for t in phrase]
        if words[-1] in _TOTAL_WORDS and len(words) == 1:
            return "", (), self._event(next_index, before), True, aspect, whole
        if words and words[0] in _TOTAL_WORDS:
            total = True
            words = words[1:]
        if len(words) >= 3 and words[-2] == "of" and words[-3] in _NUMBER_OF:
            words = words[-1:]
        if next_index < len(self.tokens) and self.tokens[next_index].lower == "combined":
            return "", (), "", False, "difference", ""  # "more than 184 countries combined": a yardstick
        head = words[-1]
        modifiers = tuple(w for w in words[:-1] if w not in _TOTAL_WORDS)
        event = self._event(next_index, before)
        if head in _GROWTH_NOUNS and claim.kind in ("percent", "percentage_point"):
            # "economic growth of 2.4%", "GDP growth was 2.4%": a change of what the noun before names
            if modifiers:
                return modifiers[-1], modifiers[:-1], event, total, "change", whole
            return head, (), event, total, "change", whole
        if head in _GENERIC and _ABOARD.match(self.text, self.tokens[next_index - 1].end if next_index else claim.end):
            return "aboard", (), "", total, aspect, whole  # "had 301 people aboard", "310 people on board"
        if head in _GENERIC:
            # "has reached 200 people": the measure before; "49,133 people were injured": the verb
            earlier_phrase = self._phrase_before(before)
            if earlier_phrase:
                words = [normal_form(t.text) for t in earlier_phrase]
                return words[-1], tuple(words[:-1]), "", total, aspect, whole
            if event and event not in _LINK_VERBS:
                head, event = event, ""
        return head, modifiers, event, total, aspect, whole

    def _once_event(self, claim: Claim) -> str:
        """ "opened in 1971", "was founded in 1998", "built in 1932": the event a year dates, when it
        happens once to its subject (an opening, a founding); "" for any other year."""
        tokens = self.tokens
        before = self._index_before(claim.start)
        if before < 1 or tokens[before].lower != "in":
            return ""
        verb = tokens[before - 1]
        if (
            verb.lower in ("traffic", "service", "business", "operation")
            and before >= 3
            and tokens[before - 2].lower == "to"
        ):
            verb = tokens[before - 3]  # "opened to traffic in 1971"
        lemma_of = _verb_lemma(verb.text) or ""
        return f"{lemma_of} (year)" if verb.lower.endswith(("ed", "en", "lt", "rn")) and lemma_of in _ONCE_VERBS else ""

    def _event_noun(self, claim: Claim) -> str:
        """What a day dates: the object of a light verb before it ("made landfall late Thursday" -> landfall).

        Reporting verbs date the report, not the event ("said on Monday"): no measure.
        """
        tokens = self.tokens
        before = self._index_before(claim.start)
        if before >= 0 and tokens[before].lower in _NOT_WHEN:
            return ""  # "gave Meridale until Feb. 2 to pay": a deadline, not when anything happened
        index = before
        while index >= 0 and tokens[index].text not in _CLAUSE_BREAK and tokens[index].text not in (",", ";"):
            token = tokens[index]
            if token.lower in _REPORTING or token.lower in ("says", "say", "tell", "tells"):
                return ""
            lemma_of = _verb_lemma(token.text)
            if lemma_of in _LIGHT_VERBS or token.lower in _LIGHT_VERBS:
                for later in tokens[index + 1 : before + 1]:
                    if later.lower in _DETERMINERS or not _is_noun_word(later) or later.capitalised:
                        continue
                    if later.lower.endswith(("ing", "ed")) and "-" not in later.text:
                        continue  # "a devastating landfall": an adjective
                    return noun_lemma(later.text)
                return ""
            index -= 1
        return self._once_event_before(before)

    def _once_event_before(self, before: int) -> str:
        """The event a day dates when a word of a once-only event comes before it in its clause ("the blast
        on Monday", "the attack on Meridale began on Jan. 19", "the ferry sank late on Friday")."""
        tokens = self.tokens
        for index in range(before, max(-1, before - _ONCE_EVENT_REACH), -1):
            token = tokens[index]
            if token.text in _CLAUSE_BREAK or token.text in (",", ";") or token.lower in _REPORTING:
                return ""
            if token.capitalised or not token.is_word:
                continue
            verb = _verb_lemma(token.text)
            if verb in _ONCE_EVENTS and token.lower != verb:
                return verb  # "exploded", "sank": an inflected verb
            noun = noun_lemma(token.text)
            if noun in _ONCE_EVENTS:
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and _is_noun_word(following) and not following.capitalised:
                    continue  # "its leak site on Feb. 4": the word names another thing
                return noun
        return ""

    def _determiner_at(self, index: int) -> bool:
        return index < len(self.tokens) and self.tokens[index].lower in _DETERMINERS

    def _noun_phrase(self, index: int, *, allow_of: bool, money: bool) -> tuple[list[_Token], int]:
        """The noun words right after ``index`` (up to four), and the index after them."""
        tokens = self.tokens
        if index >= len(tokens):
            return [], index
        if allow_of and tokens[index].lower == "of":
            index += 1
            while index < len(tokens) and tokens[index].lower in _DETERMINERS:
                index += 1
        elif money and tokens[index].lower == "in" and index + 1 < len(tokens) and not tokens[index + 1].capitalised:
            index += 1  # "$434 billion in assets"
        words: list[_Token] = []
        while index < len(tokens) and len(words) < 4:
            token = tokens[index]
            if not _is_noun_word(token):
                break
            if words and _verb_lemma(token.text) and not token.lower.endswith("ing"):
                break  # "38 train cars derailed": the verb ends the phrase
            participle = token.lower.endswith("ing") and "-" not in token.text
            if participle and words:
                break  # "10 carrying hazardous materials"
            if not words and participle and _verb_lemma(token.text):
                break
            words.append(token)
            index += 1
        # "number of deaths": keep "of" and the noun after a counting head
        if words and lemma(words[-1].text) in _NUMBER_OF and index + 1 < len(tokens) and tokens[index].lower == "of":
            rest, end = self._noun_phrase(index + 1, allow_of=False, money=False)
            if rest:
                return [*words, tokens[index], *rest], end
        # A capitalised word is a name, not what is counted ("nearly 8,000 Twitter employees": employees).
        words = [w for w in words if not w.capitalised or w is words[-1]]
        if words and words[-1].capitalised:
            return [], index
        return words, index

    def _phrase_before(self, before: int) -> list[_Token]:
        """The noun phrase a number completes: "death toll to 8,574", "medals with 126", "winds of 140 mph"."""
        tokens = self.tokens
        index = before
        # Skip a qualifier the scanner left outside the claim, a linking verb chain, a verb of change.
        skipped = 0
        while index >= 0 and skipped < 6:
            covering = self._claim_covering(tokens[index].start)
            if covering is not None and skipped:
                # "sales climbed 11 percent to $23.1bn": the figure before "to" is the change of the same
                # measure; read on before it
                index = self._index_before(covering.start)
                skipped += 1
                continue
            lower = tokens[index].lower
            if lower in _BEFORE_A_FIGURE:
                index -= 1
                skipped += 1
                continue
            break
        if skipped == 0:
            return []
        nearest = tokens[before].lower if before >= 0 else ""
        attached = (
            nearest in ("to", "with", "of", "at", "by", "worth", "totalling", "totaling")
            and index >= 0
            and _is_noun_word(tokens[index])
        )
        if not attached:
            # "The death toll from a strong quake in Turkey has reached 8,547": the clause's subject
            subject = self._subject_phrase(index)
            if subject:
                return subject
        words, index = self._group_before(index)
        if not words:
            return self._subject_phrase(index)
        # "death toll from Monday's earthquake has reached": a group after a preposition is a tail;
        # the head is the group before it, unless that only says "the number of" ("number of those injured").
        link = index
        while link >= 0 and (
            tokens[link].lower in _DETERMINERS or _POSSESSIVE.search(tokens[link].text) or tokens[link].capitalised
        ):
            link -= 1  # "the death toll from the Kessel earthquake": skip the name to reach "from"
        if link >= 0 and tokens[link].lower in ("of", "from", "in", "on", "for", "among"):
            head, _start = self._group_before(link - 1)
            if head and not (tokens[link].lower == "of" and noun_lemma(head[-1].text) in _NUMBER_OF):
                return head
        return words

    def _claim_covering(self, offset: int) -> Claim | None:
        """The claim of the sentence whose text holds ``offset``, if any."""
        for claim in self.claims:
            if claim.start <= offset < claim.end:
                return claim
        return None

    def _group_before(self, index: int) -> tuple[list[_Token], int]:
        """Up to four noun words ending at ``index`` (names left out), and the index before them."""
        tokens = self.tokens
        words: list[_Token] = []
        while index >= 0 and len(words) < 4:
            token = tokens[index]
            if not _is_noun_word(token) or (token.capitalised and not words):
                break
            if token.capitalised or _POSSESSIVE.search(token.text):
                break
            if _verb_lemma(token.text) and not words and not token.lower.endswith("ed"):
                break
            words.insert(0, token)
            index -= 1
        return words, index

    def _subject_phrase(self, index: int) -> list[_Token]:
        """ "The death toll from a strong quake in Turkey has reached": the noun before the first preposition."""
        tokens = self.tokens
        start = index
        while (
            start >= 0
            and tokens[start].text not in _CLAUSE_BREAK
            and tokens[start].text != ","
            and tokens[start].lower not in _SAID  # "Whitcombe said cloud revenue grew 27%": after "said"
        ):
            start -= 1
        clause = tokens[start + 1 : index + 1]
        if not clause or len(clause) > 14:
            return []
        words: list[_Token] = []
        for position, token in enumerate(clause):
            if token.lower in _DETERMINERS and not words:
                continue
            if token.lower == "of" and words and noun_lemma(words[-1].text) in _NUMBER_OF:
                # "the total number of deaths in Syria is": what is counted follows "of"
                # ("the number of measles cases in Ostravia": the noun group up to its preposition)
                rest: list[_Token] = []
                for following in clause[position + 1 :]:
                    if following.lower in _DETERMINERS and not rest:
                        continue
                    if len(rest) == 3 or not _is_noun_word(following) or following.capitalised:
                        break
                    if rest and _verb_lemma(following.text) and not following.lower.endswith("ed"):
                        break
                    rest.append(following)
                if rest:
                    return rest
                break
            if token.lower in _PREPOSITIONS or not _is_noun_word(token):
                break
            if token.capitalised and not words and token is clause[0] and token.lower in _SENTENCE_OPENERS:
                continue
            if words and not token.capitalised and _verb_lemma(token.text) and "-" not in token.text:
                break  # "President Erdogan updated ...": the verb ends the subject
            words.append(token)
        words = [w for w in words if not w.capitalised or self._common_opener(w)]
        return words[-3:]

    def _common_opener(self, token: _Token) -> bool:
        """A capitalised word that only opens the sentence ("Trade between ..."): a common word, not a name."""
        return (
            token.start == self.first_token_start
            and not self.names.capitalised_inside(token.lower)
            and not _DEMONYM.search(token.lower)
            and not _POSSESSIVE.search(token.text)  # "Borvia's GDP": the owner, not a kind of GDP
        )

    def _part_of(
        self, claim: Claim, before: int, earlier: list[tuple[str, tuple[str, ...], str, bool, str, str]]
    ) -> tuple[str, tuple[str, ...], str] | None:
        """ "including 10", "of which 4", "Of the 50 cars that went off track, 20 were": a part of a whole."""
        tokens = self.tokens
        if before >= 0 and tokens[before].lower in ("including", "incl", "which") and earlier:
            for measure, modifiers, *_rest in reversed(earlier):
                if measure:
                    return measure, modifiers, measure
        # "Of the 50 cars ..., 20": the sentence opens with "of the N X" and this number starts a clause.
        if before >= 0 and tokens[before].text == "," and earlier:
            first = self.claims[0]
            head = self._index_before(first.start)
            if 0 <= head <= 2 and tokens[0].lower == "of" and earlier[0][0]:
                return earlier[0][0], earlier[0][1], earlier[0][0]
        return None

    def _same_list(self, claim: Claim, measured: Sequence[str] = ()) -> bool:
        """Whether a number without a noun continues the list of the previous number of its sentence.

        The previous number's own measure words may sit in between: "108 medals to Chile's 102".
        """
        index = self._position[id(claim)]
        if index == 0:
            return False
        previous = self.claims[index - 1]
        gap = self.text[previous.end : claim.start]
        if measured:
            gap = _GAP_WORD.sub(lambda m: "" if normal_form(m.group()) in measured else m.group(), gap)
        return previous.kind == claim.kind and bool(_LIST_GAP.fullmatch(gap))

    def _total_before(self, before: int, claim: Claim | None = None) -> bool:
        tokens = self.tokens
        window = [t.lower for t in tokens[max(0, before - 2) : before + 1]]
        if ("total" in window and ("of" in window or "a" in window)) or "overall" in window:
            return True
        if claim is not None and before >= 0 and tokens[before].lower in ("of", "the"):
            # "52,318 of the 102,750 valid votes": the second number is the whole the first is part of
            position = self._position[id(claim)]
            if position > 0:
                gap = self.text[self.claims[position - 1].end : claim.start]
                return bool(_OF_THE_WHOLE.fullmatch(gap))
        return False

    def _difference_before(self, before: int) -> bool:
        """ "Her margin was 4,191 votes", "a lead of 2,060", "won by 4,191 votes": the gap between two
        figures, not a level."""
        tokens = self.tokens
        for index in range(before, max(-1, before - 6), -1):
            token = tokens[index]
            if token.text in _CLAUSE_BREAK or token.text in (",", ";"):
                return False
            if noun_lemma(token.lower) in _DIFFERENCE_NOUNS and self._names_a_gap(index):
                return True
            if token.lower == "by" and any(t.lower in _WINNING_VERBS for t in tokens[max(0, index - 4) : index]):
                return True
        return False

    def _names_a_gap(self, index: int) -> bool:
        """ "a lead of", "Marwick's lead had been", "her margin was": the noun is owned or determined and
        goes on to its figure ("lead ore output", "leads in China" do not)."""
        tokens = self.tokens
        previous = tokens[index - 1] if index > 0 else None
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        owned = previous is not None and (previous.lower in _DETERMINERS or bool(_POSSESSIVE.search(previous.text)))
        return owned and following is not None and following.lower in _GAP_FOLLOWERS

    def _total_after(self, after: int) -> bool:
        return after < len(self.tokens) and self.tokens[after].lower in _TOTAL_WORDS

    def _event(self, after: int, before: int) -> str:
        """The verb after the measure phrase (skipping auxiliaries and a pronoun), else the one before the number."""
        tokens = self.tokens
        index = after
        steps = 0
        while index < len(tokens) and steps < 5:
            token = tokens[index]
            lower = token.lower
            if lower in _AUXILIARY or lower in _PRONOUNS or lower in ("that", "who", "which"):
                index += 1
                steps += 1
                continue
            if not token.is_word:
                break
            verb = _verb_lemma(token.text)
            if verb:
                return verb
            if _is_noun_word(token) and steps == 0:
                index += 1
                steps += 1
                continue
            break
        index = before
        steps = 0
        while index >= 0 and steps < 4:
            token = tokens[index]
            lower = token.lower
            if token.text in _OPENING_QUOTES:
                index -= 1  # 'laid off "nearly 8,000" employees': the quoted figure is still the verb's
                continue
            if not token.is_word:
                break
            if lower in _AUXILIARY or lower in _DETERMINERS or lower in ("by", "to", "with", "about", "nearly"):
                index -= 1
                steps += 1
                continue
            verb = _verb_lemma(token.text)
            if verb:
                return verb
            if _is_noun_word(token):
                index -= 1
                steps += 1
                continue
            break
        return ""

    # -- about ----------------------------------------------------------------------------------------

    def _owner(self, claim: Claim) -> tuple[str, bool]:
        """An owner the sentence states outright: "China's 102", "death toll in Turkey", "trade between A and B"."""
        tokens = self.tokens
        if self._between is False:
            self._between = _BETWEEN_NAMES.search(self.chunk)  # once per sentence, not once per claim
        between = self._between
        if isinstance(between, regex.Match) and not any(
            _MONTH_OR_DAY.fullmatch(between.group(g).lower()) for g in ("a", "b")
        ):  # "between March and December": a stretch of time, not two parties
            pair = sorted(_entity_key(between.group(g)) for g in ("a", "b"))
            return " and ".join(pair), True
        before = self._index_before(claim.start)
        if before >= 0 and _POSSESSIVE.search(tokens[before].text) and tokens[before].capitalised:
            return _entity_key(self._name_ending_at(before)), True
        after = self._index_after(claim.end)
        # The measure phrase, then "in/of/for <Name>": "deaths in Syria", "fatalities in Turkey"
        index = after
        steps = 0
        while index < len(tokens) and steps < 8:
            token = tokens[index]
            # "deaths in Syria", "sanctions on Russia", "jobs at its Ohio plant"; not "golds at the Games"
            at_own = token.lower == "at" and index + 1 < len(tokens) and tokens[index + 1].lower in ("its", "their")
            if (token.lower in ("in", "of", "for", "on", "against") or at_own) and index + 1 < len(tokens):
                name = self._name_starting_at(index + 1)
                if name:
                    joint = _JOINT_NAMES.match(self.text, tokens[index + 1].start)
                    if joint:  # "the earthquakes in Turkey and Syria": both together
                        return " and ".join(sorted(_entity_key(joint.group(g)) for g in ("a", "b"))), True
                    return _entity_key(name), True
                index += 1  # "deaths in the quake in Syria": look past a common noun
                steps += 1
                continue
            if (not _is_noun_word(token) and token.lower not in _DETERMINERS) or (
                _verb_lemma(token.text) and "-" not in token.text
            ):
                break  # "the storm started in Florida": a verb ends the phrase the number heads
            index += 1
            steps += 1
        return "", False

    def _subject(self, claim: Claim, taken: set[str]) -> str:
        """The entity in subject position of the number's clause, if any."""
        tokens = self.tokens
        before = self._index_before(claim.start)
        start = before
        while start >= 0 and before - start < _MAX_CLAUSE_TOKENS:
            token = tokens[start]
            if token.text in _CLAUSE_BREAK or token.lower in _CLAUSE_WORDS:
                break
            if token.lower in _TOLD and start < before:
                # "Musk tells BBC nearly 8,000 staff were laid off": the number is the reported clause's,
                # not the speaker's, and whom he told is no subject either.
                while start < before and (tokens[start + 1].capitalised or tokens[start + 1].lower in _DETERMINERS):
                    start += 1
                break
            if token.text == "," and start + 1 <= before and tokens[start + 1].lower.endswith("ing"):
                start -= 1  # a participle clause shares the main clause's subject: ", securing 108 medals"
                continue
            if token.text == "," and self._appositive_after(start, before):
                start -= 1  # "The National Union, led by Anton Greve, won 94 seats": the union won them
                continue
            if token.text == "," and self._clause_has_entity(start + 1, before, claim, taken):
                break
            start -= 1
        if start >= 0 and tokens[start].lower in ("which", "who"):
            # "China, which also had 40 golds": the antecedent is the name before the comma
            back = start - 1
            if back >= 0 and tokens[back].text == ",":
                back -= 1
            if back >= 0 and tokens[back].capitalised:
                return _entity_key(self._name_ending_at(back))
            return ""
        local = before
        while (
            local >= 0
            and before - local < _MAX_CLAUSE_TOKENS
            and tokens[local].text not in _CLAUSE_BREAK
            and tokens[local].text != ","
        ):
            local -= 1
        pronoun = self._pronoun_subject(local + 1, before + 1)
        if pronoun is not None:
            return pronoun
        for name in self._subject_names(start + 1, before + 1):
            key = _entity_key(name)
            if key and key not in taken and not self._is_source(claim, name):
                if not self._object_of(name, before):
                    return ""
                at = self.chunk.find(name)
                joint = _JOINT_NAMES.match(self.chunk, at) if at >= 0 else None
                if joint:  # "the earthquakes in Turkey and Syria has risen to": both together
                    return " and ".join(sorted(_entity_key(joint.group(g)) for g in ("a", "b")))
                return key
        return ""

    def _appositive_after(self, comma: int, before: int) -> bool:
        """Whether the comma opens a phrase set off by another comma that says who leads or owns the name
        before it (", led by Anton Greve,", ", headed by ...,", ", owned by ...,") before the number."""
        tokens = self.tokens
        if comma + 2 > before or not (comma > 0 and tokens[comma - 1].capitalised):
            return False
        if not (tokens[comma + 1].lower in _BY_PARTICIPLES and tokens[comma + 2].lower == "by"):
            return False
        return any(tokens[index].text == "," for index in range(comma + 3, before + 1))

    def _pronoun_subject(self, start: int, end: int) -> str | None:
        """ "..., where he grabbed 4 gold medals": a pronoun subject stands for the name before it.

        The sentence's own subject is the referent; with none, the sentence does not say whose the
        number is ("").
        """
        tokens = self.tokens
        for index in range(max(0, start), min(end, len(tokens))):
            token = tokens[index]
            if _without_contraction(token.lower) in ("he", "she", "they", "it", "we"):
                names = self._subject_names(0, index)
                return _entity_key(names[0]) if names else ""
            if token.capitalised and token.start != self.first_token_start:
                return None
        return None

    def _object_of(self, name: str, before: int) -> bool:
        """Whether the number is within reach of its subject's verb: one finite verb between them at most.

        "France won 16 golds" and "the USA topped the tally with 40 golds" tie the number to the
        subject; in "ODNR officials used a calculation ... to extrapolate the minnows killed in the
        five-mile span", the span is not ODNR's.
        """
        tokens = self.tokens
        last = name.split()[-1]
        position = next((i for i in range(before, -1, -1) if tokens[i].text.startswith(last)), -1)
        if position < 0:
            return True
        between = tokens[position + 1 : before + 1]
        if len(between) > 14:
            return False
        verbs = 0
        inside = False  # within ", led by Anton Greve,": no verb of the clause's own
        for index, token in enumerate(between):
            if token.text == "," and (inside or self._appositive_after(position + 1 + index, before)):
                inside = not inside
                continue
            if inside or token.capitalised or token.lower in _AUXILIARY or "-" in token.text:
                continue
            previous = between[index - 1].text if index else ""
            if token.lower.endswith("ing") and previous == ",":
                continue  # ", securing 108 medals": the subject's own participle
            if token.lower == "to" or (_verb_lemma(token.text) and not token.lower.endswith("ing")):
                verbs += token.lower != "to" or (
                    index + 1 < len(between) and bool(_verb_lemma(between[index + 1].text))
                )
        return verbs <= 1

    def _subject_names(self, start: int, end: int) -> list[str]:
        """Names before the first verb of tokens[start:end]: the clause's subject, not a place after the verb."""
        stop = end
        for index in range(max(0, start), min(end, len(self.tokens))):
            token = self.tokens[index]
            lower = token.lower
            if token.capitalised or "-" in token.text:
                continue
            if lower in ("is", "are", "was", "were", "has", "have", "had", "will") or _verb_lemma(token.text):
                stop = index
                break
        return self._names_between(start, stop)

    def _clause_has_entity(self, start: int, end: int, claim: Claim, taken: set[str]) -> bool:
        return any(
            _entity_key(name) and _entity_key(name) not in taken and not self._is_source(claim, name)
            for name in self._subject_names(start, end + 1)
        )

    def _is_source(self, claim: Claim, name: str) -> bool:
        source = (claim.source or "").lower()
        return bool(source) and (name.lower() in source or source in name.lower())

    def _names_between(self, start: int, end: int) -> list[str]:
        """Capitalised names that start in tokens[start:end], demonyms resolved (see module docstring)."""
        if self._runs is None:
            self._runs = self._name_runs()
        return [name for first, name in self._runs if start <= first < end]

    def _name_runs(self) -> list[tuple[int, str]]:
        """(index of the first token, name) of every name of the sentence, read once."""
        tokens = self.tokens
        names: list[tuple[int, str]] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not token.is_word or not token.capitalised or token.lower in _CALENDAR:
                index += 1
                continue
            if _without_contraction(token.lower) in _PRONOUNS:
                index += 1
                continue
            if token.start == self.first_token_start and self._opens_with_a_common_word(index):
                index += 1
                continue
            if token.lower in _SENTENCE_OPENERS and token.lower not in ("us",):
                index += 1
                continue
            run = [token]
            first = index
            index += 1
            while index < len(tokens) and tokens[index].is_word and tokens[index].capitalised:
                if tokens[index].lower in _CALENDAR or _POSSESSIVE.search(run[-1].text):
                    break
                run.append(tokens[index])
                index += 1
            after_name = index
            while (
                after_name < min(len(tokens), index + 3)
                and tokens[after_name].is_word
                and not tokens[after_name].capitalised
                and tokens[after_name].lower not in _REPORTING
                and (tokens[after_name].lower in _AUXILIARY or _is_noun_word(tokens[after_name]))
            ):
                after_name += 1  # "the EFE agency reported", "ODNR officials said", "Erdogan has announced"
            if (
                after_name < len(tokens)
                and tokens[after_name].lower in _REPORTING
                # "officials in Ostravia have confirmed 312 cases": a place after a preposition is not the
                # announcer, the officials are
                and not (first > 0 and tokens[first - 1].lower in _PREPOSITIONS)
            ):
                continue  # "President Erdogan updated the toll": the announcer, not what the number is about
            if (
                len(run) == 1
                and _DEMONYM.search(run[0].lower)
                and index < len(tokens)
                and tokens[index].is_word
                and not tokens[index].capitalised
                and not tokens[index].lower.endswith("ly")
            ):
                noun = tokens[index]
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and following.capitalised and following.is_word:
                    continue  # "French swimmer Leon Marchand": the name follows
                if (
                    _verb_lemma(noun.text) is None
                    and noun.lower not in _STOP
                    and noun.lower not in _PREPOSITIONS
                    and lemma(noun.text) == noun.lower
                    and not noun.lower.endswith("s")
                ):
                    # A demonym before a singular noun describes someone: "French swimmer".
                    names.append((first, f"{run[0].text} {noun.text}"))
                    continue
            names.append((first, " ".join(t.text for t in run)))
        return names

    def _opens_with_a_common_word(self, index: int) -> bool:
        """Whether the capitalised word that opens the sentence is a common word, not a name."""
        tokens = self.tokens
        lower = tokens[index].lower
        bare = _without_possessive(lower)
        # "Officials said": a plural of a common word opens the sentence; names do not inflect
        if lower in _SENTENCE_OPENERS or lower.endswith(("ing", "ly")) or _inflected(bare):
            return True
        if self.names.written_in_lower_case(bare):
            return True
        # Every other reading needs the article never to capitalise the word inside a sentence
        # ("Turkey, capitalised inside", stays a name).
        if self.names.capitalised_inside(lower):
            return False
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None:
            return bool(_ABSTRACT_NOUN.search(lower) and _known_word(lower))
        lower_after = following.is_word and not following.capitalised
        return bool(
            # "Textile maker Harlow Mills", "Software group Veltrix": a trade before the firm's name
            (
                following.lower in _FIRM_NOUNS
                and index + 2 < len(tokens)
                and tokens[index + 2].capitalised
                and _known_word(lower)
            )
            # "Insured losses", "Confirmed cases": a participle before its noun ("United have" stays a name)
            or (
                lower.endswith("ed")
                and _is_noun_word(following)
                and not following.capitalised
                and _verb_lemma(following.text) is None
                and _known_word(lower)
            )
            # "Health officials said", "Police officers found": a public body's common word
            or (lower in _COMMON_OPENERS and lower_after)
            # "Unemployment fell", "Inflation averaged": an abstract noun is no name (-ment, -tion, -ness)
            or (_ABSTRACT_NOUN.search(lower) and _known_word(lower))
            # "Unemployment in Velmora fell", "Damage from Cyclone Perrin": an English word followed by a
            # preposition is a common word ("Chile won" stays a name)
            or (following.lower in _OPENER_PREPOSITIONS and _known_word(bare))
        )

    def _name_ending_at(self, index: int) -> str:
        tokens = self.tokens
        start = index
        while start - 1 >= 0 and tokens[start - 1].is_word and tokens[start - 1].capitalised:
            if tokens[start - 1].lower in _SENTENCE_OPENERS:
                break
            start -= 1
        return str(_POSSESSIVE.sub("", " ".join(t.text for t in tokens[start : index + 1])))

    def _name_starting_at(self, index: int) -> str:
        tokens = self.tokens
        while index < len(tokens) and tokens[index].lower in _DETERMINERS:
            index += 1
        run = []
        while index < len(tokens) and tokens[index].is_word and tokens[index].capitalised:
            if tokens[index].lower in _CALENDAR:
                break
            run.append(tokens[index].text)
            index += 1
        return str(_POSSESSIVE.sub("", " ".join(run)))

    def _when(self, claim: Claim) -> str:
        """The time word of the number's clause: "on Friday", "over the weekend", "last week", "overnight"."""
        if claim.kind in ("weekday", "date", "year"):
            return ""  # the claim is the time itself
        tokens = self.tokens
        before, after = self._index_before(claim.start), self._index_after(claim.end)
        start = before
        while (
            start >= 0
            and before - start < _MAX_CLAUSE_TOKENS
            and tokens[start].text not in _CLAUSE_BREAK
            and tokens[start].text not in (",", ";")
        ):
            start -= 1
        end = after
        while (
            end < len(tokens)
            and end - after < _MAX_CLAUSE_TOKENS
            and tokens[end].text not in _CLAUSE_BREAK
            and tokens[end].text not in (",", ";")
        ):
            end += 1
        subordinate = False
        for index in range(start + 1, end):
            lower = tokens[index].lower
            if lower in _SUBORDINATORS:
                if index > before:
                    break  # "burned 42,000 acres since it broke out on Friday": Friday is when it began
                subordinate = True
                continue
            if index > before and subordinate:
                subordinate = False
            if lower in _WHEN_WORDS and not subordinate:
                previous = tokens[index - 1].lower if index > 0 else ""
                return f"{previous} {lower}" if previous in ("last", "this", "next", "past") else lower
        return ""

    # -- series ---------------------------------------------------------------------------------------

    def _sentence_series(self) -> dict[str, str]:
        """Series marks that hold for every claim of the sentence (by claim kind)."""
        out: dict[str, str] = {}
        # Each pattern is searched only where a word every match of it holds is written (issue 16).
        lower = folded(self.chunk)
        if any(word in lower for word in _EARLIER_WORDS) and _EARLIER.search(self.chunk):
            for kind in ("number", "money", "quantity", "percent", "duration"):
                out[kind] = "earlier"
            return out
        partial = _PARTIAL.search(self.chunk) if _may_be_partial(lower) else None
        if partial:
            # A tally under way is compared only with the same stage of it ("with 62% counted").
            label = "partial:" + " ".join(partial.group().lower().split())
            for kind in ("number", "money", "quantity", "percent"):
                out[kind] = label
            return out
        part = _PART_YEAR.search(self.chunk) if any(word in lower for word in _PART_YEAR_WORDS) else None
        if part:
            # "in the first nine months of 2022": part of a year, never the year's figure
            label = "part:" + " ".join(part.group().lower().replace("-", " ").split())  # "fourth-quarter"
            for kind in ("number", "money", "quantity", "percent"):
                out[kind] = label
            return out
        if "poll" in lower and _POLL.search(self.chunk):
            for kind in ("number", "percent"):
                out[kind] = "poll"
            return out
        if any(word in lower for word in _REAL_WORDS) and _REAL.search(self.chunk):
            out["money"] = "real"
        if any(word in lower for word in _PROJECTION_WORDS) and any(
            not self._reported_would(m) for m in _PROJECTION.finditer(self.chunk)
        ):
            for kind in ("number", "money", "quantity", "percent"):
                out.setdefault(kind, "projection")
        return out

    def _reported_would(self, projection: regex.Match[str]) -> bool:
        """Whether a projection word is the "would" of reported speech ("said it would cut")."""
        found = _REPORTED_WOULD.search(self.chunk, max(0, projection.start() - 60), projection.end())
        return found is not None and found.end() == projection.end()

    def _capacity(self, claim: Claim) -> str:
        """ "licensed to carry 280 passengers", "a stadium that holds 32,000": what a thing can take, not
        what it took ("capacity")."""
        if claim.kind not in ("number", "quantity"):
            return ""
        window = self.text[max(0, claim.start - 40) : claim.start]
        return "capacity" if _CAPACITY_BEFORE.search(window) or _CAPACITY_AFTER.match(self.text, claim.end) else ""

    def _conversion(self, index: int) -> str:
        """ "140 mph (225 km/h)", "$US3 billion ($4.5 billion)": the bracketed amount converts the one before."""
        if index == 0:
            return ""
        claim, previous = self.claims[index], self.claims[index - 1]
        gap = self.text[previous.end : claim.start]
        if _BRACKET_OPEN.fullmatch(gap) and (
            claim.dimension == previous.dimension or (claim.kind == previous.kind == "money")
        ):
            return "converted"
        return ""


_CHANGE_VERBS = vocab().change_before
# Words a number's noun phrase skips on its way back ("death toll to 8,574", "GDP expanded by 2.4%"): a
# qualifier the scanner left outside the claim, a linking verb chain, a modal or forecast ("could reach",
# "is expected to top"), "worth" ("bribes worth 2.3 million euros"), and every verb of change the grammar
# knows but those that are nouns too ("a cut of", "a pay raise of", "lower").
_BEFORE_A_FIGURE = frozenset(
    """to at of with by was were is are has have had been reached hit exceeded topped stood stands totalled
    totaled risen rose climbed passed surpassed be now already over above grew fell jumped soared dropped
    declined increased decreased surged plunged grown fallen up down record a could would may might will
    should can expected estimated projected forecast predicted seen set likely valued put reach top exceed
    widened narrowed shrank shrunk rise fall grow remain remained remains stay stayed near nearly worth
    totalling totaling amounting""".split()
) | (_CHANGE_VERBS - {"cut", "cuts", "lower", "raise", "raises"})
_SINGULAR_IN_S = vocab().singular_in_s
_COMMON_OPENERS = vocab().common_openers
_FIRM_NOUNS = vocab().firm_nouns
_ORG_WORDS = vocab().org_words
_ONCE_EVENTS = vocab().once_events
_NOT_WHEN = frozenset("until till by before after since from".split())
_ONCE_EVENT_REACH = 8  # tokens back from the day: "the attack on the hospital group began on"
_MEASURE_ACRONYMS = vocab().measure_acronyms
_COMMON_TERMS: dict[str, list[tuple[str, ...]]] = {}
for _term in vocab().common_terms:
    _COMMON_TERMS.setdefault(_term[0], []).append(_term)


def _names_of_run(words: list[str]) -> list[list[str]]:
    """The names of two words or more in a run of capitalised words: a run ends at a full stop ("the
    Games. The U.S." is two runs; "U.S." keeps its stops) and loses the words that open a sentence."""
    names: list[list[str]] = []
    current: list[str] = []
    for word in words:
        if not current and word.lower() in _SENTENCE_OPENERS:
            continue
        current.append(word)
        if word.endswith(".") and any(c.islower() for c in word):
            names.append(current)
            current = []
    names.append(current)
    return [name for name in names if len(name) > 1]


_CAPITALISED_RUN = compiled(r"[A-Z][\w'’.&-]*(?:[ \t]{1,3}[A-Z][\w'’.&-]*)+")
# Words that make a longer name another place or body, not the full form of a short one.
_DISTINCT_PREFIXES = frozenset(
    "north south east west northern southern eastern western central new upper lower greater".split()
)
_ABSTRACT_NOUN = compiled(r"(?:ment|tion|sion|ness)$")
_OPENER_PREPOSITIONS = frozenset("in from of at for on among across among over after during".split())


@functools.lru_cache(maxsize=65536)
def _known_word(word: str) -> bool:
    """Whether simplemma's English data knows the word (a common word, not only a name)."""
    import simplemma

    return bool(simplemma.is_known(word, lang="en"))


def _inflected(word: str) -> bool:
    """A plural of a common word ("officials"), which a name is not; demonyms ("Americans") are names."""
    singular = noun_lemma(word)
    return singular != word and not _DEMONYM.search(singular)


def _head_of(subject: str) -> list[str]:
    """The lower-case noun words of a subject phrase before its first preposition ("Power of Siberia pipeline")."""
    tokens = _tokens(subject, 0, len(subject))
    words: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.lower in _PREPOSITIONS:
            if following is not None and following.capitalised and not words:
                continue  # "of Siberia": inside a name
            break
        if token.capitalised or not _is_noun_word(token):
            continue
        words.append(normal_form(token.text))
    return words[-3:]


@functools.lru_cache(maxsize=4096)
def _entity_key(name: str) -> str:
    """A name as a comparison key: lower case, no possessive, no leading article."""
    words = [w for w in _NAME_WORD.findall(name.replace("’", "'")) if w.lower() not in ("the", "s")]
    return " ".join(words).lower().strip(". ")
