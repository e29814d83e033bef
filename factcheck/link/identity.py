"""Identity of names across a run: which spellings are one name, and which one is wrong.

Real copy garbles names: a transposed surname ("Muks" for Musk, "Agarwal" for
Agrawal), a firm or agency misspelt ("EnivroScience", "ONDR" for ODNR), a
given name cut short ("Vijay" for Vijaya), a name written the wrong way round
("Scott Duncan" for Duncan Scott).  This module reads every article's proper
words (``factcheck.extract.propers``) and returns the spellings of one story
that differ by a slip of the pen, the form fewer articles use against the
form more articles use.

**Blocking.** Forms are blocked by their one-letter deletions (a symmetric
delete index, as spelling correctors do): two words one edit apart share a
key, so each form is compared only with the few forms it could be a slip of,
and the cost follows the number of distinct forms, not their square.

**What counts as a slip.** After case folding, exactly one edit:

* two adjacent letters swapped (words of four letters or more);
* one letter for another (five letters or more), not one final vowel for
  another ("Maria" / "Marie" are two names);
* one letter more or less inside the word (five letters or more); never at
  its end, which is how "Russia" / "Russian" and "Olympic" / "Olympics"
  differ.

A transliteration or a house variant is no slip: forms equal once ``y`` and
``i``, ``ph`` and ``f``, ``k`` and ``c``, doubled and single vowels (and, in
given names, consonants: "Mohammed" / "Mohamed") are folded together
("Sergey" / "Sergei", "Zelensky" / "Zelenskyy"), and so are names romanised
from another script that differ only in a vowel, in q / g / k or in a silent h
("Gaddafi" / "Qaddafi", "Al-Qaeda" / "Al-Qaida", "Ahmed" / "Ahmad",
"Khamenei" / "Khamenehi"): outlets follow their own house romanisation, so
such pairs are house style, not slips.  A form
whose lower-case spelling is used as a word anywhere in the run is a word
("Rises" in a headline), not a name.  Acronyms of fewer than four letters are
left alone (too many real ones are one letter apart).

**What counts as evidence.** Two adjacent letters swapped is the typist's
slip, but a letter changed, added or dropped is also how distinct names differ
("Hamad" / "Hamas"), so those need a word of the name next to both ("Anders
Branvold" / "Anders Brandvold") or a long word (eight letters or more, the same
first letter).  Both forms in articles of one story, never in
one sentence (two names listed side by side are two names).  The form fewer
articles use is reported, when the other is used by more articles; with one
article each, only for long words (seven letters or more), or a name written
in both orders, and the message says one of the two is wrong.  A word opening
a sentence can be the one reported, since a word whose lower-case form the
run uses is left out anyway.  A word seen only in title-case headlines (where every word is
capitalised) is reported only against a spelling two articles or more use in their text, and never in
a tie.  A given name already reported as a word is
not reported again as the given name of a two-word name.

**One article.** When the same articles write both spellings (a draft checked
alone), the one written less is the slip when the other is written at least
twice as often, and at least twice.

**Given names.** For two-word names with the same surname, given names one
edit apart, a letter added at the end included ("Vijay" / "Vijaya"), are one
person's name misspelt, unless they are a known short form or a
transliteration (``same_given``'s nicknames and the folding above).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import regex

from factcheck.extract.people import TITLE_WORDS, nickname_related, same_given
from factcheck.extract.propers import ProperWord, proper_words
from factcheck.link.stories import Stories
from factcheck.model import Document

__all__ = ["Sighting", "Spellings", "Variant", "fold_variants", "resolve_spellings", "slip", "transliteration_key"]

_MAX_PLACES = 20
_DOUBLED = regex.compile(r"(.)\1+")
_DOUBLED_VOWEL = regex.compile(r"([aeiou])\1+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+")
_VOWELS = frozenset("aeiouy")
# Words that open a name but are not part of it.
_TITLES = (
    frozenset(
        """mr mrs ms dr prof sir dame lord lady president prime minister chancellor king queen prince princess
    senator sen governor gov mayor judge justice sheriff general gen colonel captain chief director
    secretary chairman chairwoman chair pope saint st rep representative inspector councillor officer
    ceo cfo coo cto head leader""".split()
    )
    | TITLE_WORDS
)
_MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where a form is written: the document's index and the word (or the first word of a name)."""

    doc: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Variant:
    """A spelling of a name that is a slip of another spelling in the same story."""

    kind: str  # "spelling" (a word), "given_name" (a two-word name), "word_order" (a two-word name)
    written: str
    expected: str
    edit: str  # what differs, in words: "letters swapped", "one letter different", ...
    written_at: tuple[Sighting, ...]  # the first place in each article that writes it
    # Every place (at most a few per article) where the other is written, each article's first mention
    # in its body first.
    expected_at: tuple[Sighting, ...]
    written_docs: tuple[int, ...]
    expected_docs: tuple[int, ...]
    story: int
    # One article against one: which spelling is right cannot be told.
    tie: bool
    # The expected spelling is the house registry's (set by the check that reads the registry).
    registered: bool = False
    # How many times the articles write each (at most a few counted per article).
    written_count: int = 0
    expected_count: int = 0


@dataclass(frozen=True, slots=True)
class Spellings:
    """The variants of a run, in a stable order."""

    variants: tuple[Variant, ...] = ()


def strip_accents(word: str) -> str:
    """The word without its diacritics ("Erdoğan" -> "Erdogan")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def fold_variants(word: str, *, given: bool = False) -> str:
    """A key under which transliterations and house variants of a name are equal: diacritics dropped,
    y/i, j/i, ph/f, ck/k, kh/h, ou/u, w/v, c/k, x/ks, z/s, our/or and tre/ter folded together, doubled
    vowels (and in given names, consonants) made single."""
    # British and American spellings of one name are house style too ("Organisation" / "Organization",
    # "Centre" / "Center", "Labour" / "Labor").
    text = strip_accents(word).lower().replace("our", "or").replace("tre", "ter").replace("z", "s")
    text = text.replace("ph", "f").replace("ck", "k").replace("kh", "h").replace("ou", "u")
    text = text.replace("y", "i").replace("j", "i").replace("w", "v").replace("c", "k").replace("x", "ks")
    # Doubled vowels are transliteration ("Zelenskyy"); a doubled consonant is a slip in a surname
    # ("Wronna") but a house variant in a given name ("Mohammed" / "Mohamed").
    return str((_DOUBLED if given else _DOUBLED_VOWEL).sub(r"\1", text))


_VOWEL = regex.compile(r"[aeiou]")


def transliteration_key(word: str, *, given: bool = False) -> str:
    """A coarser key for names romanised from another script, where outlets differ in the vowels, in
    q / g / k and in a silent h: "Gaddafi" / "Qaddafi", "Hezbollah" / "Hizbollah", "Al-Qaeda" /
    "Al-Qaida", "Mohammad" / "Muhammad", "Ahmed" / "Ahmad", "Abdel" / "Abdul", "Khamenei" / "Khamenehi".
    Vowel sequences keep their length, so a vowel dropped ("Meridan" for Meridian) still differs."""
    return _romanised(fold_variants(word, given=given))


def _romanised(folded: str) -> str:
    """``transliteration_key`` of a word already folded by ``fold_variants``."""
    text = folded[:1] + folded[1:].replace("h", "")
    return str(_VOWEL.sub("a", text.replace("q", "k").replace("g", "k")))


def slip(a: str, b: str, *, final_letter: bool = False) -> str:
    """What one slip of the pen turns ``a`` into ``b`` (case folded), in words; "" when it is not one.

    ``final_letter``: a letter added or dropped at the end counts (given names: "Vijay" / "Vijaya").
    Two adjacent letters swapped is a slip even between vowels ("Adyeemi" for Adeyemi); any other
    difference that romanisation explains (``transliteration_key``) is house style, not a slip.
    """
    x, y = a.lower(), b.lower()
    folded_x, folded_y = fold_variants(x, given=final_letter), fold_variants(y, given=final_letter)
    if x == y or folded_x == folded_y:
        return ""
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
            return "two letters swapped" if len(x) >= 4 else ""
    if _romanised(folded_x) == _romanised(folded_y):
        return ""
    if len(x) == len(y):
        if len(diff) == 1 and len(x) >= 5:
            i = diff[0]
            if i == len(x) - 1 and x[i] in _VOWELS and y[i] in _VOWELS:
                return ""
            if x[i].isalpha() and y[i].isalpha():
                return "one letter different"
        return ""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(long) - len(short) != 1:
        return ""
    for i in range(len(short) + 1):
        if long[:i] + long[i + 1 :] == short:
            at_end = i == len(short)
            if at_end and final_letter and len(short) >= 3:
                return "its last letter missing" if len(x) < len(y) else "a letter too many at the end"
            if 0 < i < len(short) and len(short) >= 5:
                return "a letter missing" if len(x) < len(y) else "a letter too many"
    return ""


@dataclass
class _Form:
    """A written form in the run: the documents that use it, and where."""

    text: str
    docs: set[int] = field(default_factory=set)
    # Documents where it is written where the capital letter says "name" (not opening a sentence,
    # not in a title-case line), with the first such place in each.
    body: dict[int, Sighting] = field(default_factory=dict)
    sentences: set[tuple[int, int]] = field(default_factory=set)
    # Every place it is written, by document, in order (the first is its first mention).
    every: dict[int, list[Sighting]] = field(default_factory=dict)
    # The proper words next to it in a name, by document (titles left out: "Sheikh" says nothing).
    neighbours: dict[int, set[str]] = field(default_factory=dict)

    def neighbours_in(self, docs: Iterable[int]) -> set[str]:
        return set().union(*(self.neighbours.get(d, set()) for d in docs))

    def places(self, doc: int) -> list[Sighting]:
        """Where the document writes it: the first place in the body first (its first mention as a name)."""
        head = self.body.get(doc, self.every[doc][0])
        return [head, *(place for place in self.every[doc] if place != head)]

    def add(self, doc: int, sighting: Sighting, *, body: bool) -> None:
        self.docs.add(doc)
        if body:
            self.body.setdefault(doc, sighting)
        places = self.every.setdefault(doc, [])
        if len(places) < _MAX_PLACES:
            places.append(sighting)
        self.sentences.add((doc, sighting.sentence_start))


def _sighting(doc: int, first: ProperWord, last: ProperWord) -> Sighting:
    return Sighting(doc, first.start, last.end, first.sentence_start, first.sentence_end)


def _lower_words(documents: Sequence[Document]) -> set[str]:
    words: set[str] = set()
    for document in documents:
        words.update(_LOWER_WORD.findall(document.prose))
    return words


def _same_name(first: ProperWord, second: ProperWord) -> bool:
    """Whether two consecutive proper words are words of one name: side by side ("Elon Musk") or across a
    small word of one run ("Chamber of Commerce"); never in a title-case headline, where every word joins."""
    return not first.heading and not second.heading and (second.joined or first.run == second.run)


def _collect(
    documents: Sequence[Document], words_of: Sequence[Sequence[ProperWord]], common: set[str]
) -> tuple[dict[str, _Form], dict[tuple[str, str], _Form]]:
    """Forms of single words and of two-word names (given name, surname) across the run."""
    singles: dict[str, _Form] = {}
    pairs: dict[tuple[str, str], _Form] = {}
    for doc, words in enumerate(words_of):
        for index, word in enumerate(words):
            if word.text.lower() in common:
                continue
            # In a title-case headline every word is capitalised: no evidence of a name.  A word opening
            # a sentence is (its lower-case form would be in ``common`` if it were a word).
            body = not word.heading
            form = singles.setdefault(word.text, _Form(word.text))
            form.add(doc, _sighting(doc, word, word), body=body)
            # The proper words next to it in its name ("Elon" before "Musk", "Inc" after "EnviroScience").
            # Not in a title-case headline, where every word joins the run.
            near = form.neighbours.setdefault(doc, set())
            # A word of the same run across "of" counts too ("Chamber" of "Chamber of Commerce").
            if index and _same_name(words[index - 1], word) and words[index - 1].text.lower() not in _TITLES:
                near.add(words[index - 1].text.lower())
            if index + 1 < len(words) and _same_name(word, words[index + 1]):
                near.add(words[index + 1].text.lower())
            if index and word.joined and not word.acronym:
                given = words[index - 1]
                lower = given.text.lower()
                if given.acronym or lower in _TITLES or lower in common or lower in _MONTHS_DAYS:
                    continue
                # A two-word name is a name wherever it stands, headlines included: a given name is
                # capitalised anyway, and a word or a title before a surname was left out above.
                key = (given.text, word.text)
                pairs.setdefault(key, _Form(f"{given.text} {word.text}")).add(
                    doc, _sighting(doc, given, word), body=True
                )
    return singles, pairs


def _same_name_evidence(a: _Form, b: _Form, docs_a: set[int], docs_b: set[int]) -> bool:
    """Whether two words one slip apart may be one name misspelt in the articles of one story.

    Two words each written next to other names, none shared, are two names ("Leon Marchand" and
    "Elon Musk").  Two adjacent letters swapped is the typist's slip; real names rarely differ so.  A
    doubled letter made single or the reverse is also how transliterations differ ("Mohammed" /
    "Mohamed", "Hassan" / "Hasan"), so it needs a word of the name next to both ("Tomasz Wronna" /
    "Tomasz Wrona").  A letter changed, added or dropped is also how distinct names differ ("Hamad" /
    "Hamas", "Fernandez" / "Hernandez"), so it needs that word too, or a long word (eight letters or
    more) whose first letter is the same."""
    near_a, near_b = a.neighbours_in(docs_a), b.neighbours_in(docs_b)
    if near_a and near_b and not near_a & near_b:
        return False  # each is written with other names ("Leon Marchand", "Elon Musk"): two names
    edit = slip(a.text, b.text)
    if edit == "two letters swapped":
        return True
    if near_a & near_b:
        return True
    if _doubling(a.text.lower(), b.text.lower()):
        return False
    return min(len(a.text), len(b.text)) >= 8 and a.text[:1].lower() == b.text[:1].lower()


def _doubling(x: str, y: str) -> bool:
    """Whether the longer word is the shorter with one of its letters doubled ("mohammed" / "mohamed")."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(long) != len(short) + 1:
        return False
    return any(long[:i] + long[i + 1 :] == short and i > 0 and long[i] == long[i - 1] for i in range(len(long)))


def _deletes(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _candidates(forms: Iterable[str], key_of: Mapping[str, str]) -> set[tuple[str, str]]:
    """Pairs of forms that share a one-letter deletion of their key (one edit or less apart)."""
    index: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        for key in _deletes(key_of[form]):
            index[key].add(form)
    pairs: set[tuple[str, str]] = set()
    for members in index.values():
        if 1 < len(members) <= 50:
            ordered = sorted(members)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return pairs


def _occurrences(form: _Form, docs: set[int]) -> int:
    return sum(len(form.every[d]) for d in docs)


def _story_docs(form: _Form, stories: Stories, story: int) -> set[int]:
    return {doc for doc in form.docs if stories.of_document[doc] == story}


def _judge(
    a: _Form,
    b: _Form,
    stories: Stories,
    kind: str,
    edit: Callable[[str, str], str],
    *,
    ties: bool,
    out: list[Variant],
    evidence: Callable[[_Form, _Form, set[int], set[int]], bool] | None = None,
) -> None:
    """For each story where both forms are written, the variant the evidence supports (if any);
    ``edit(written, expected)`` says what differs; ``evidence(a, b, docs_a, docs_b)``, when given,
    whether the two may be one name in the story's articles."""
    if a.sentences & b.sentences:
        return  # written side by side: two names
    for story in sorted({stories.of_document[d] for d in a.docs} & {stories.of_document[d] for d in b.docs}):
        docs_a, docs_b = _story_docs(a, stories, story), _story_docs(b, stories, story)
        if evidence is not None and not evidence(a, b, docs_a, docs_b):
            continue
        if docs_a == docs_b:
            # The same articles write both: one spelling is the slip when the others write the other
            # at least twice as often, and at least twice ("Agarwal" once, "Agrawal" three times).
            count_a, count_b = _occurrences(a, docs_a), _occurrences(b, docs_b)
            if max(count_a, count_b) < 2 or max(count_a, count_b) < 2 * min(count_a, count_b):
                continue
            written, expected = (a, b) if count_a < count_b else (b, a)
            docs_w, docs_e = docs_a, docs_b
            tie = False
        elif len(docs_a) == len(docs_b):
            if not ties or len(docs_a) != 1:
                continue
            written, expected = (a, b) if a.text < b.text else (b, a)
            tie = True
            docs_w, docs_e = (docs_a, docs_b) if written is a else (docs_b, docs_a)
            if not (written.body.keys() & docs_w) or not (expected.body.keys() & docs_e):
                continue
        else:
            written, expected = (a, b) if len(docs_a) < len(docs_b) else (b, a)
            docs_w, docs_e = (docs_a, docs_b) if written is a else (docs_b, docs_a)
            tie = False
            if 3 * len(docs_w) > len(docs_w | docs_e) + len(docs_w & docs_e):
                continue  # no clear majority
            # A word seen only in title-case headlines is reported only against a clear majority.
            if not written.body.keys() & docs_w and len(docs_e) < 2:
                continue
        out.append(
            Variant(
                kind=kind,
                written=written.text,
                expected=expected.text,
                edit=edit(written.text, expected.text),
                written_at=tuple(written.body.get(d, written.every[d][0]) for d in sorted(docs_w)),
                expected_at=tuple(place for d in sorted(docs_e) for place in expected.places(d)),
                written_docs=tuple(sorted(docs_w)),
                expected_docs=tuple(sorted(docs_e)),
                story=story,
                tie=tie,
                written_count=_occurrences(written, docs_w),
                expected_count=_occurrences(expected, docs_e),
            )
        )


def _given_edit(written: str, expected: str) -> str:
    return f"the given name has {slip(written.split()[0], expected.split()[0], final_letter=True)}"


def resolve_spellings(
    documents: Sequence[Document],
    stories: Stories,
    words_of: Sequence[Sequence[ProperWord]] | None = None,
) -> Spellings:
    """The variants of names in ``documents`` (in run order), story by story."""
    words_of = words_of if words_of is not None else [proper_words(d) for d in documents]
    common = _lower_words(documents)
    singles, pairs = _collect(documents, words_of, common)
    out: list[Variant] = []

    # Single words: surnames, firms, places, acronyms of four letters or more.  Two surnames that
    # follow given names only of different people ("Boris Johnson", "Michael Johnston") are two people.
    givens: dict[str, set[str]] = defaultdict(set)
    for given, surname in pairs:
        givens[surname].add(given)
    keys = {form: form.lower() for form in singles if len(form) >= 4}
    single_slips: set[tuple[str, str]] = set()
    for a, b in sorted(_candidates(keys, keys)):
        if singles[a].text.isupper() != singles[b].text.isupper():
            continue
        if givens[a] and givens[b] and not any(same_given(x, y) for x in givens[a] for y in givens[b]):
            continue
        if slip(a, b):
            before = len(out)
            _judge(
                singles[a], singles[b], stories, "spelling", slip, ties=len(a) >= 7, out=out,
                evidence=_same_name_evidence,
            )  # fmt: skip
            if len(out) > before:
                single_slips.update({(a, b), (b, a)})

    # Two-word names: a given name misspelt for the same surname, or the two words swapped.
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for given, surname in pairs:
        by_surname[surname].append((given, surname))
    for _surname, names in sorted(by_surname.items()):
        for i, first in enumerate(sorted(names)):
            for second in sorted(names)[i + 1 :]:
                if (first[0], second[0]) in single_slips:
                    continue  # the given name is already reported as a word
                if slip(first[0], second[0], final_letter=True) and not nickname_related(first[0], second[0]):
                    _judge(pairs[first], pairs[second], stories, "given_name", _given_edit, ties=False, out=out)
    for given, surname in sorted(pairs):
        swapped = (surname, given)
        if given < surname and swapped in pairs and given.lower() != surname.lower():
            _judge(
                pairs[(given, surname)],
                pairs[swapped],
                stories,
                "word_order",
                lambda _w, _e: "the two names swapped",
                ties=True,
                out=out,
            )

    return Spellings(tuple(out))
