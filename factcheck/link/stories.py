"""Stories: the articles of a run that report the same event or topic.

Each document is reduced to its telling words: names (capitalised words that
do not open a sentence, months and weekdays left out) and lower-case content
words of four letters or more, which weigh half a name.  Common words
("said", "percent") are left out; a word that only one article uses links
nothing; every other word weighs ``log(1 + N / df)``, so rare shared words
count most (a run about one story still links through its common names).

Two documents are linked when the weight of the words they share is at
least ``threshold`` of the weight of the smaller document's words, with at
least ``min_shared`` names in common (a content word counts half a name),
and the names they share weigh at least ``name_threshold`` of the smaller
document's names (two floods of one week share words, not names).
Links merge into stories strongest first, by average linkage: two groups
join only when their articles hang together on average (``cohesion``), so
one article that mentions two events does not chain them.  Candidate pairs
come from an inverted index over words that at most ``max_df`` documents
use (similarity then counts every word two candidates share), so the cost
follows the corpus, not its square.

Comparison across stories never happens: a death toll of one disaster is not
compared with a death toll of another.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from factcheck.extract.frames import noun_lemma
from factcheck.extract.people import TITLE_WORDS
from factcheck.model import Document

_WORD = regex.compile(
    r"(?<![\w'’-])\p{L}\p{Ll}+(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})*(?:[-'’]\p{L}+)*|(?<![\w'’-])\p{Lu}{2,}(?![\w])"
)
_SENTENCE_END = regex.compile(r"[.!?:;\"“”]\s*$|^\s*$")
# What ``_SENTENCE_END`` reads, as string operations (a regular expression per word costs more than
# the word): the characters ``\s`` matches (not all that ``str.isspace`` does: no \x1c-\x1f), and
# the marks that end a sentence or open a quotation.
_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_ENDS = frozenset('.!?:;"“”')


def _opens(before: str) -> bool:
    """Whether a word after ``before`` (its few preceding characters) opens a sentence: ``_SENTENCE_END``."""
    stripped = before.rstrip(_SPACE)
    return not stripped or stripped[-1] in _ENDS


_COMMON = frozenset(
    """about above after again against along already although always among another anyone around because
    before being below between both could during either every first former further however including
    itself later latest least little might never nothing other others perhaps rather really several should
    since still their there these those though through today under until whether which while would years
    year month months week weeks people percent million billion there their where when what said says
    according reported report reports added statement also just more most much many some such than then
    into over only very well back even here they them this that with from have been were will your about
    come comes came like made make makes take took next last than what when once each both most such
    because could would should while where which whose them then when also just
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december""".split()
)
_OPENERS = frozenset(
    "the a an in on at by for of to and but or as if it its this that these those he she they we i his her "
    "their our after before since while when where what who why how there here some many most however".split()
)


# For words more than ``max_df`` documents use: how many per document, and how many neighbours each.
_FREQUENT_WORDS = 6
_NEIGHBOURS = 8


@dataclass(frozen=True, slots=True)
class Stories:
    """Which story each document of a run belongs to (by document index), and each story's name."""

    of_document: tuple[int, ...]
    names: tuple[str, ...]
    # For each story, the share of its articles that use each name (lower case, one word).
    name_shares: tuple[Mapping[str, float], ...] = ()

    def same(self, a: int, b: int) -> bool:
        return self.of_document[a] == self.of_document[b]

    def central(self, document: int, entity: str) -> bool:
        """Whether most articles of the document's story name ``entity`` (every word of it): what it is about."""
        if not self.name_shares:
            return False
        shares = self.name_shares[self.of_document[document]]
        words = [w for w in entity.split() if w != "and"]
        return bool(words) and all(shares.get(w, 0.0) > 0.5 for w in words)

    def name(self, document: int) -> str:
        return self.names[self.of_document[document]]


def _inflected(word: str) -> bool:
    return noun_lemma(word) != word and not word.endswith(("ian", "ans", "ese", "ish"))


def _read_words(text: str) -> tuple[set[str], set[str], set[str]]:
    """(names inside sentences, capitalised sentence openers, lower-case words) of a text, lower case."""
    names, openers, lower_words, _forms = _read_text(text)
    return names, openers, lower_words


def _read_text(text: str) -> tuple[set[str], set[str], set[str], Counter[tuple[str, str]]]:
    """``_read_words``, and how often the text writes each capitalised word not opening a sentence, by
    its lower-case key and its form as written ("Palestine" and "PALESTINE"): what names a story.

    The two read a word's sentence opening differently: ``_read_words`` looks no further back than the
    previous word, ``_story_name`` three characters back whatever is there."""
    names: set[str] = set()
    openers: set[str] = set()
    lower_words: set[str] = set()
    forms: Counter[tuple[str, str]] = Counter()
    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if not word[0].isupper():
            previous_end = end  # a lower-case word is a word wherever it stands
            if lower not in _COMMON and lower not in _OPENERS:
                lower_words.add(lower)
            continue
        if lower in TITLE_WORDS:
            # "Prime Minister", "President": a title comments on every event of its country; it ties no two
            # articles to one story, and it names none
            previous_end = end
            continue
        window = start - 3 if start > 3 else 0
        clipped = previous_end if previous_end > window else window
        before = text[clipped:start].rstrip(_SPACE)
        opens = not before or before[-1] in _ENDS
        previous_end = end
        if not (opens if clipped == window else _opens(text[window:start])):
            forms[lower, word.removesuffix("’s").removesuffix("'s")] += 1
        if lower in _COMMON or lower in _OPENERS:
            continue
        (openers if opens else names).add(lower)
    return names, openers, lower_words, forms


def _telling(names: set[str], openers: set[str], lower_words: set[str], common: set[str]) -> set[str]:
    """Names and "~"-marked content words: an opener is a name unless the run writes it in lower case
    or it is the plural of a common word ("Rescuers said")."""
    words = set(names)
    for word in openers:
        if word in names:
            continue
        if word in common or _inflected(word):
            if len(word) >= 4:
                words.add("~" + word.removesuffix("s"))
        else:
            words.add(word)
    words.update("~" + w.removesuffix("s") for w in lower_words if len(w) >= 4)
    return words


def telling_words(text: str) -> set[str]:
    """The names and content words of one text, lower case; content words carry a "~" mark."""
    names, openers, lower_words = _read_words(text)
    return _telling(names, openers, lower_words, lower_words)


def group_stories(
    documents: Sequence[Document],
    *,
    threshold: float = 0.3,
    min_shared: float = 1.5,
    max_df: int = 200,
    cohesion: float = 0.05,
    name_threshold: float = 0.2,
) -> Stories:
    """Stories of a run's documents (see module docstring)."""
    count = len(documents)
    if count == 0:
        return Stories((), ())
    read = [_read_text(d.prose) for d in documents]
    written_lower = set().union(*(r[2] for r in read))
    vocab = [_telling(names, openers, lower, written_lower) for names, openers, lower, _forms in read]
    df: Counter[str] = Counter()
    for words in vocab:
        df.update(words)

    def useful(word: str) -> bool:
        return df[word] >= 2

    # Names tell stories apart better than common words: a shared "company" weighs half a shared "Parametrix".
    weight = {w: math.log(1 + count / n) * (0.5 if w.startswith("~") else 1.0) for w, n in df.items() if useful(w)}
    kept = [{w for w in words if w in weight} for words in vocab]
    mass = [sum(weight[w] for w in words) for words in kept]
    name_mass = [sum(weight[w] for w in words if not w.startswith("~")) for words in kept]
    edges, compared, sampled = _scored_pairs(
        kept, df, weight, mass, name_mass, max_df, threshold, min_shared, name_threshold
    )
    parent = _average_link(count, edges, cohesion, kept, compared if sampled else None)
    roots: dict[int, int] = {}
    of_document = []
    for doc in range(count):
        root = parent[doc]
        of_document.append(roots.setdefault(root, len(roots)))
    by_story: list[list[int]] = [[] for _ in roots]
    for doc, story in enumerate(of_document):
        by_story[story].append(doc)
    names = []
    shares = []
    for members in by_story:
        names.append(
            _story_name(
                [vocab[d] for d in members], [documents[d] for d in members], weight, [read[d][3] for d in members]
            )
        )
        used: Counter[str] = Counter()
        for d in members:
            used.update(w for w in vocab[d] if not w.startswith("~"))
        shares.append({w: n / len(members) for w, n in used.items()})
    return Stories(tuple(of_document), tuple(names), tuple(shares))


def _scored_pairs(
    kept: Sequence[set[str]],
    df: Mapping[str, int],
    weight: Mapping[str, float],
    mass: Sequence[float],
    name_mass: Sequence[float],
    max_df: int,
    threshold: float,
    min_shared: float,
    name_threshold: float,
) -> tuple[list[tuple[float, int, int]], list[tuple[int, int]], bool]:
    """``_scored_pairs_plain``, a document at a time: its candidates (the later documents that share one
    of its rare words, and its next neighbours in its frequent words' lists) are scored together.

    Each candidate's sums are built as the plain loop builds them, word by word in the same order
    (its rare words sorted, then its frequent words sorted), as the running sums of a row of the
    words' weights, 0 where the candidate lacks the word: adding 0 changes no sum, and a running sum
    (``numpy.add.accumulate``) adds left to right, so every sum is the same float to the last bit.
    """
    count = len(kept)
    if count < 2:  # no pairs: a one-article run does not import numpy
        return _scored_pairs_plain(kept, df, weight, mass, name_mass, max_df, threshold, min_shared, name_threshold)
    import numpy as np

    index: dict[str, list[int]] = {}
    for doc, words in enumerate(kept):
        for word in words:
            index.setdefault(word, []).append(doc)
    sampled = any(len(docs) > max_df for docs in index.values())
    edges: list[tuple[float, int, int]] = []
    compared: list[tuple[int, int]] = []
    postings = {word: np.array(docs, dtype=np.int64) for word, docs in index.items()}
    frequent_words = sorted(word for word, docs in index.items() if len(docs) > max_df)
    column = {word: number for number, word in enumerate(frequent_words)}
    uses = np.zeros((count, len(frequent_words)), dtype=bool)
    for word, number in column.items():
        uses[postings[word], number] = True
    values = {
        w: (weight[w], 0.5 if w.startswith("~") else 1.0, 0.0 if w.startswith("~") else weight[w]) for w in weight
    }
    frequent_values = np.array([values[w] for w in frequent_words], dtype=np.float64).reshape(-1, 3)
    masses, name_masses = np.array(mass, dtype=np.float64), np.array(name_mass, dtype=np.float64)
    for doc in range(count):
        rare = sorted(w for w in kept[doc] if df[w] <= max_df)
        common = sorted(w for w in kept[doc] if df[w] > max_df)
        later = [postings[w][np.searchsorted(postings[w], doc, side="right") :] for w in rare]
        near = []
        for word in sorted(common, key=lambda w: (df[w], w))[:_FREQUENT_WORDS]:
            docs = postings[word]
            at = int(np.searchsorted(docs, doc))
            near.append(docs[at + 1 : at + 1 + _NEIGHBOURS])
        if not any(len(others) for others in (*later, *near)):
            continue
        candidates = np.unique(np.concatenate([*later, *near]))
        if sampled:
            compared.extend((doc, other) for other in candidates.tolist())
        # One row per candidate, one column per word of this document, in the order the sums add them.
        added = np.zeros((3, len(candidates), len(rare) + len(common)), dtype=np.float64)
        for number, (word, others) in enumerate(zip(rare, later, strict=True)):
            rows = np.searchsorted(candidates, others)
            added[:, rows, number] = np.array(values[word], dtype=np.float64)[:, None]
        if common:
            columns = np.array([column[w] for w in common], dtype=np.int64)
            shared = uses[np.ix_(candidates, columns)]
            added[:, :, len(rare) :] = shared[None, :, :] * frequent_values[columns].T[:, None, :]
        overlap, shared_names, names_overlap = np.add.accumulate(added, axis=2)[:, :, -1]
        smaller = np.minimum(mass[doc], masses[candidates])
        fewer_names = np.minimum(name_mass[doc], name_masses[candidates])
        with np.errstate(divide="ignore", invalid="ignore"):
            similarity = overlap / smaller
            names_share = names_overlap / fewer_names
        linked = (smaller > 0) & (shared_names >= min_shared) & (similarity >= threshold)
        # Two floods in one week share their words, not their names: names must agree too.
        linked &= ~((fewer_names > 0) & (names_share < name_threshold))
        for value, other in zip(similarity[linked].tolist(), candidates[linked].tolist(), strict=True):
            edges.append((value, doc, other))
    return edges, compared, sampled


def _scored_pairs_plain(
    kept: Sequence[set[str]],
    df: Mapping[str, int],
    weight: Mapping[str, float],
    mass: Sequence[float],
    name_mass: Sequence[float],
    max_df: int,
    threshold: float,
    min_shared: float,
    name_threshold: float,
) -> tuple[list[tuple[float, int, int]], list[tuple[int, int]], bool]:
    """The linked pairs (similarity, document, later document), the pairs compared and whether the run
    was sampled: one pair at a time (``_scored_pairs`` gives the same, a document at a time)."""
    count = len(kept)
    index: dict[str, list[int]] = {}
    for doc, words in enumerate(kept):
        for word in words:
            index.setdefault(word, []).append(doc)
    edges: list[tuple[float, int, int]] = []
    # In a run where some words are too frequent to pair every document that uses them, groups are
    # compared through the pairs actually compared (a sample), not through all their pairs.
    sampled = any(len(docs) > max_df for docs in index.values())
    compared: list[tuple[int, int]] = []
    # What each word adds to a pair that shares it: its weight, its count as a name (a content word is
    # half a name) and its weight as a name.  Pairs are scored by adding these up along the inverted
    # index (each shared rare word once), not by intersecting every candidate pair's word sets.
    unit = {w: 0.5 if w.startswith("~") else 1.0 for w in weight}
    name_weight = {w: 0.0 if w.startswith("~") else weight[w] for w in weight}
    rare = [sorted(w for w in words if df[w] <= max_df) for words in kept]
    common_words = [{w for w in words if df[w] > max_df} for words in kept]
    for doc in range(count):
        # Candidates share a word few documents use; their similarity counts every word they share.
        scores: dict[int, list[float]] = {}
        for word in rare[doc]:
            add_weight, add_unit, add_name = weight[word], unit[word], name_weight[word]
            docs = index[word]  # in document order: the documents after this one start past it
            for other in docs[bisect.bisect_right(docs, doc) :]:
                score = scores.get(other)
                if score is None:
                    scores[other] = [add_weight, add_unit, add_name]
                else:
                    score[0] += add_weight
                    score[1] += add_unit
                    score[2] += add_name
        # A word too many documents use (a run about one story) still links each document to its next
        # few neighbours in that word's list: enough to connect the story, linear in the corpus.
        frequent = sorted(common_words[doc], key=lambda w: (df[w], w))[:_FREQUENT_WORDS]
        for word in frequent:
            docs = index[word]
            at = bisect.bisect_left(docs, doc)
            for other in docs[at + 1 : at + 1 + _NEIGHBOURS]:
                scores.setdefault(other, [0.0, 0.0, 0.0])
        for other in sorted(scores):
            if sampled:
                compared.append((doc, other))
            overlap, shared_names, names_overlap = scores[other]
            for word in sorted(common_words[doc] & common_words[other]):  # frequent words shared
                overlap += weight[word]
                shared_names += unit[word]
                names_overlap += name_weight[word]
            smaller = min(mass[doc], mass[other])
            if smaller <= 0 or shared_names < min_shared or overlap / smaller < threshold:
                continue
            # Two floods in one week share their words, not their names: names must agree too.
            fewer_names = min(name_mass[doc], name_mass[other])
            if fewer_names > 0 and names_overlap / fewer_names < name_threshold:
                continue
            edges.append((overlap / smaller, doc, other))
    return edges, compared, sampled


def _average_link(
    count: int,
    edges: list[tuple[float, int, int]],
    cohesion: float,
    kept: Sequence[set[str]],
    compared: list[tuple[int, int]] | None = None,
) -> list[int]:
    """Story of each document: strongest pairs first, two stories merge only if they hang together.

    Single links chain unrelated events through one article that mentions
    both ("Musk" in an article on ChatGPT); two groups merge only when the
    mean similarity over all their cross pairs (unlinked pairs count 0; in a
    run too large to compare every pair, over the pairs that were compared)
    is at least ``cohesion`` and, when both hold several articles, the names
    most articles of each use have one in common.
    """
    members: dict[int, list[int]] = {d: [d] for d in range(count)}
    story = list(range(count))
    cross: dict[int, dict[int, float]] = {d: {} for d in range(count)}
    for similarity, a, b in edges:
        cross[a][b] = cross[a].get(b, 0.0) + similarity
        cross[b][a] = cross[b].get(a, 0.0) + similarity
    tried: dict[int, dict[int, int]] | None = None
    if compared is not None:
        tried = {d: {} for d in range(count)}
        for a, b in compared:
            tried[a][b] = tried[a].get(b, 0) + 1
            tried[b][a] = tried[b].get(a, 0) + 1
    # A group's shared names, read again only when the group changes (a merge), not at every pair tried.
    shared_of: dict[int, set[str]] = {}

    def shared(group: int) -> set[str]:
        found = shared_of.get(group)
        if found is None:
            found = shared_of[group] = _shared_names(members[group], kept)
        return found

    for _similarity, a, b in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        sa, sb = story[a], story[b]
        if sa == sb:
            continue
        pairs = len(members[sa]) * len(members[sb]) if tried is None else max(1, tried[sa].get(sb, 0))
        mean = cross[sa].get(sb, 0.0) / pairs
        if mean < cohesion:
            continue
        if len(members[sa]) > 1 and len(members[sb]) > 1 and not shared(sa) & shared(sb):
            continue  # one article that mentions both events does not make them one story: their names differ
        if len(members[sa]) < len(members[sb]):
            sa, sb = sb, sa
        if len(members[sa]) < len(members[sb]):
            sa, sb = sb, sa
        for doc in members[sb]:
            story[doc] = sa
        members[sa].extend(members.pop(sb))
        shared_of.pop(sa, None)
        shared_of.pop(sb, None)
        for other, total in cross.pop(sb).items():
            if other == sa:
                continue
            cross[sa][other] = cross[sa].get(other, 0.0) + total
            cross[other].pop(sb, None)
            cross[other][sa] = cross[other].get(sa, 0.0) + total
        cross[sa].pop(sb, None)
        if tried is not None:
            for other, times in tried.pop(sb).items():
                if other == sa:
                    continue
                tried[sa][other] = tried[sa].get(other, 0) + times
                tried[other].pop(sb, None)
                tried[other][sa] = tried[other].get(sa, 0) + times
            tried[sa].pop(sb, None)
    return story


def _shared_names(members: list[int], kept: Sequence[set[str]]) -> set[str]:
    """The names more than half of a group's articles use."""
    counts: Counter[str] = Counter()
    for doc in members:
        counts.update(w for w in kept[doc] if not w.startswith("~"))
    return {w for w, n in counts.items() if n * 2 > len(members)}


def _story_name(
    vocab: list[set[str]],
    documents: list[Document],
    weight: dict[str, float],
    written: Sequence[Counter[tuple[str, str]]] | None = None,
) -> str:
    """Up to three names most of the story's articles share, as written ("Kahramanmaras, Erdogan").

    ``written``: each document's forms of capitalised words (``_read_text``), when already read."""
    if written is None:
        written = [_read_text(document.prose)[3] for document in documents]
    forms: dict[str, Counter[str]] = {}
    for counted in written:
        for (key, form), times in counted.items():
            forms.setdefault(key, Counter())[form] += times
    # The spelling most of the story uses ("Palestine", not the "PALESTINE" of one headline).
    spelled = {key: min(c, key=lambda form: (-c[form], form.isupper(), form)) for key, c in forms.items()}
    counts: Counter[str] = Counter()
    for words in vocab:
        counts.update(w for w in words if w in spelled)
    ranked = sorted(counts, key=lambda w: (-counts[w] * weight.get(w, 0.1), w))
    chosen = [spelled[w] for w in ranked[:3] if counts[w] >= max(1, len(vocab) // 2)]
    if not chosen and documents:
        return documents[0].title or documents[0].path
    return ", ".join(chosen)
