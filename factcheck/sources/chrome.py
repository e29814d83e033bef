"""Page chrome in plain text: find the article body of a scraped page dump.

A ``.txt`` file is often the text of a saved web page: menus, other stories'
headlines with their dates, share buttons, a newsletter box and a footer
around the article.  ``strip_chrome(text)`` returns the prose view with
everything outside the article body blanked (same length; newlines stay, so
every offset and line still points into the file).  ``find_body(text)`` says
what it decided, for tests and the benchmark.

How it works, line by line (no site-specific strings):

1. Each line gets features: length, word count, share of words that start
   lower case, whether it ends like a sentence, and chrome signals: a menu
   item (a bullet ``•`` before capitalised words), a date line ("May 9,
   2025", "Published March 14, 2025 6:10 am"), a byline ("By Maria Lopez,
   Environment Correspondent"), a headline directly above a date line,
   navigation words (Home, Share, Subscribe, Sign In, Follow, Categories,
   Advertisement, Privacy Policy, Show More, ...), a link to another story
   ("READ MORE: ..."), a line that is only a number, a bare domain or
   shortcode, a copyright notice.
2. A line is *prose* (long, mostly lower-case words, ends like a sentence or
   like a photo caption, or runs on into a wrapped next line), a short
   *sentence*, *chrome* (any signal above) or *other* (headings, labels,
   headlines without a date).  Prose scores its length, a sentence half its
   length, other lines a small penalty (more in runs of three or more short
   lines), chrome lines a large one.
3. The body is the highest-scoring run of lines (maximum subarray), so short
   headings and captions inside it are kept.  A further run of prose close
   beside it (past a box that cut the article in two) joins the body when it
   holds two or more paragraphs, or when nothing but it lies beyond the box.
4. Conservatively, a side (before or after the body) is blanked only when it
   holds at least three chrome lines, or two that make up half its lines: an
   ordinary article file keeps all its text.  Inside the body, lines made
   only of navigation words ("Advertisement", "Share") or linking to another
   story are blanked, and so is a stretch of non-prose lines that holds three
   or more chrome lines other than numbers alone (a trending box).

Every pattern is anchored or bounded, and each line costs a constant number
of passes over its characters, so the whole is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines longer than this are only measured, never searched with patterns.
_PATTERN_LIMIT = 400

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?"
_DATE = re.compile(
    rf"(?:{_WEEKDAY}[ \t]{{1,3}})?"
    r"(?:"
    rf"{_MONTH}[ \t]{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]{{1,3}}\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]{{1,3}}{_MONTH},?[ \t]{{1,3}}\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:.]{1,12}Z?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r")"
    r"(?:,?[ \t]{1,3}(?:at[ \t]{1,3})?\d{1,2}[:.]\d{2}(?:[ \t]{0,2}[ap]\.?m\.?)?(?:[ \t]{1,3}[A-Z]{2,4})?)?",
    re.IGNORECASE,
)
# Words a date line may carry besides the date: "Last updated:", "Published", a byline.
_DATE_LINE_WORDS = frozenset("by on at published updated last posted modified date and | - – — • ·".split())
_DATE_LINE_EXTRA = 3  # other words (an author's name) a date line may hold

_BULLETS = frozenset("•·▪►◦●■▶›»")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]{0,3}$")
_CAPTION_END = re.compile(r"[)\]]$")
_NUMBER_ONLY = re.compile(r"[-+]?[$€£]?\d[\d.,]{0,20}%?")
_SHORTCODE = re.compile(r"\[[a-z0-9_-]{1,40}(?:[ \t][^\]\n]{0,200})?\]")
_DOMAIN = re.compile(r"(?:https?://)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}(?:/\S{0,200})?", re.IGNORECASE)
# A navigation word glued to the one before it: "BusinessShow More", "FacebookLike", "imageAd".
_GLUED_NAV = re.compile(r"[a-z](?:Show|Like|Follow|Subscribe|Share|Ad|Tweet|Pin)\b")
_COPYRIGHT = re.compile(r"©|\(c\)|all rights reserved", re.IGNORECASE)

# Words that make up navigation, share, sign-in and newsletter lines.
_NAV_WORDS = frozenset(
    """
    home menu search share shares tweet print email e-mail subscribe subscribed unsubscribe newsletter newsletters
    follow followers like sign login logout log register account password username categories category tags
    advertisement advertisements advertising ad ads sponsored promoted privacy policy cookie cookies terms
    conditions contact about faq help accept notification notifications bookmark bookmarks comments comment
    reply cancel leave trending popular latest related recommended more show read load next previous prev
    skip content top back facebook twitter x instagram linkedin whatsapp telegram youtube pinterest reddit
    tiktok rss copy link links social media medias weekly daily quick continue below story stories
    """.split()
)
# Words that may stand between navigation words ("Subscribe to Our Newsletter").
_NAV_FILLER = frozenset("to our us the a an on in of and & for your you this with up out via at or is all".split())
# Phrases that mark a short line as chrome wherever they stand in it.
_NAV_PHRASE = re.compile(
    r"\b(?:show more|read more|load more|see more|view more|sign in|sign up|log in|subscribe|newsletter"
    r"|advertisement|privacy policy|terms of (?:use|service)|cookie|follow us|share (?:this|on)"
    r"|leave a (?:comment|reply)|you (?:might|may) also like|related (?:articles|stories|posts)"
    r"|most (?:read|popular)|trending|recommended for you|skip to|back to top|in your inbox)\b",
    re.IGNORECASE,
)
# A link to another story: "READ MORE: ...", "Related: ...".
_READ_MORE = re.compile(
    r"(?:read more|read also|also read|related|see also|more on this story|watch|listen)[ \t]{0,3}:", re.IGNORECASE
)
_BYLINE = re.compile(r"(?i:(?:written |words |reporting )?by)[ \t:]{1,100}[A-Z]")
_SHORT_LINE_WORDS = 12  # navigation phrases mark only lines this short
_MENU_TITLED = 0.75  # share of capitalised words that makes a bulleted line a menu item
_TITLE_SMALL_WORDS = frozenset("a an the and or but nor of in on at to for by with from as vs via into over".split())

# Scores, in characters of prose: a prose paragraph scores its length.
_OTHER_PENALTY = 20.0
_RUN_PENALTY = 20.0
_CHROME_PENALTY = 60.0
_MAX_SIGNALS = 3
_SIDE_CHROME_LINES = 3  # chrome lines a side needs before it is blanked
_BOX_CHROME_LINES = 3  # chrome lines a stretch inside the body needs before it is blanked
_JOIN_GAP_LINES = 12  # non-blank lines a box between two parts of the article may have
_JOIN_PROSE_LINES = 2
_JOIN_PROSE_CHARS = 150


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text and how it was read."""

    start: int  # offset of its first character
    end: int  # offset of its newline (or the end of the text)
    kind: str  # blank, prose, sentence, other, chrome
    signals: tuple[str, ...] = ()
    always: bool = False  # chrome wherever it stands: only navigation words, or a "Read more:" link
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Body:
    """What ``find_body`` decided: the body's line range and every line blanked."""

    lines: tuple[Line, ...]
    first: int  # index of the body's first line; -1 when no body was found
    last: int  # index of the body's last line (inclusive)
    blanked: tuple[int, ...]  # indices of blanked lines

    @property
    def span(self) -> tuple[int, int]:
        """Character offsets of the body: from its first line's start to its last line's end."""
        if self.first < 0:
            return 0, 0
        return self.lines[self.first].start, self.lines[self.last].end


def strip_chrome(text: str) -> str:
    """The prose view of a plain-text page: same length, chrome lines turned into spaces."""
    body = find_body(text)
    if not body.blanked:
        return text
    chars = list(text)
    for index in body.blanked:
        line = body.lines[index]
        chars[line.start : line.end] = " " * (line.end - line.start)
    return "".join(chars)


def find_body(text: str) -> Body:
    """Read every line, find the article body and decide which lines to blank."""
    lines = _classify(text)
    first, last = _best_run([line.score for line in lines])
    if first < 0:
        return Body(tuple(lines), -1, -1, ())
    first, last = _join_neighbours(lines, first, last)
    blanked: set[int] = set()
    if _is_chrome_side(lines[:first]):
        blanked.update(range(0, first))
    if _is_chrome_side(lines[last + 1 :]):
        blanked.update(range(last + 1, len(lines)))
    blanked.update(_inner_chrome(lines, first, last))
    blanked.update(i for i in range(first, last + 1) if lines[i].always)
    kept = sorted(i for i in blanked if lines[i].kind != "blank")
    return Body(tuple(lines), first, last, tuple(kept))


# --- reading lines ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Shape:
    length: int
    words: int  # words that start with a letter
    lower: float  # share of those that start lower case
    titled: float  # share that are capitalised or small title words
    sentence: bool
    caption: bool
    first_lower: bool


def _shape(stripped: str) -> _Shape:
    tokens = stripped.split()
    words = 0
    lower = 0
    titled = 0
    for token in tokens:
        letter = next((ch for ch in token[:8] if ch.isalpha() or ch.isdigit()), "")
        if not letter.isalpha():
            continue
        words += 1
        if letter.islower():
            lower += 1
            if token.strip("\"'“”‘’(").lower() in _TITLE_SMALL_WORDS:
                titled += 1
        else:
            titled += 1
    tail = stripped[-8:]
    head = next((ch for ch in stripped[:8] if ch.isalnum()), "")
    return _Shape(
        length=len(stripped),
        words=words,
        lower=lower / words if words else 0.0,
        titled=titled / words if words else 0.0,
        sentence=bool(_SENTENCE_END.search(tail)),
        caption=bool(_CAPTION_END.search(tail)),
        first_lower=head.islower(),
    )


def _classify(text: str) -> list[Line]:
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        spans.append((pos, end))
        pos = end + 1
    stripped = [text[start:end].strip() for start, end in spans]
    shapes = [_shape(s) for s in stripped]
    dates = [bool(s) and _is_date_line(s) for s in stripped]
    kinds: list[str] = []
    signals: list[tuple[str, ...]] = []
    always: list[bool] = []
    for index, line in enumerate(stripped):
        if not line:
            kinds.append("blank")
            signals.append(())
            always.append(False)
            continue
        following = index + 1 < len(stripped)
        found, only = _signals(line, shapes[index], dates[index])
        if following and dates[index + 1] and not dates[index] and not shapes[index].sentence:
            found = (*found, "headline above a date")
        kinds.append("chrome" if found else _prose_kind(shapes[index]))
        signals.append(found)
        always.append(only)
    kinds = _wrapped(kinds, shapes, stripped)
    runs = _short_runs(kinds)
    lines = []
    for index, (start, end) in enumerate(spans):
        kind = kinds[index]
        lines.append(
            Line(
                start,
                end,
                kind,
                signals[index],
                always[index],
                _score(kind, shapes[index], signals[index], runs[index]),
            )
        )
    return lines


def _signals(line: str, shape: _Shape, is_date: bool) -> tuple[tuple[str, ...], bool]:
    """Chrome signals of one non-blank line, and whether it is chrome wherever it stands."""
    found: list[str] = []
    if line[0] in _BULLETS and shape.titled >= _MENU_TITLED:
        found.append("bullet")  # a menu item; "• 1,200 homes were destroyed" is a list in the article
    if is_date:
        found.append("date line")
    elif _BYLINE.match(line) and not shape.sentence and shape.words <= _SHORT_LINE_WORDS and shape.titled >= 0.6:
        found.append("byline")
    only = _nav_only(line)
    if only:
        found.append("navigation words only")
    link = len(line) <= _PATTERN_LIMIT and _READ_MORE.match(line) is not None
    if link:
        found.append("link to another story")
    short = shape.words <= _SHORT_LINE_WORDS and len(line) <= _PATTERN_LIMIT
    if short and not only and not link and _NAV_PHRASE.search(line):
        found.append("navigation phrase")
    if len(line) <= _PATTERN_LIMIT:
        if _NUMBER_ONLY.fullmatch(line):
            found.append("number alone")
        elif " " not in line and (_DOMAIN.fullmatch(line) or _SHORTCODE.fullmatch(line)):
            found.append("domain or shortcode")
        if short and _GLUED_NAV.search(line):
            found.append("glued navigation word")
        if short and _COPYRIGHT.search(line):
            found.append("copyright")
    return tuple(found), only or link


def _nav_only(line: str) -> bool:
    words = [w.strip(".,:;!?*()[]\"'“”‘’-–—|•·»›").lower() for w in line[: _PATTERN_LIMIT + 1].split()]
    words = [w for w in words if w]
    if not words or len(words) > 8 or len(line) > _PATTERN_LIMIT:
        return False
    if not all(w in _NAV_WORDS or w in _NAV_FILLER for w in words):
        return False
    return any(w in _NAV_WORDS for w in words)


def _is_date_line(line: str) -> bool:
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    found = _DATE.search(line)
    if found is None:
        return False
    rest = (line[: found.start()] + " " + line[found.end() :]).replace(":", " ").split()
    extra = [w for w in rest if w.lower().strip(",.") not in _DATE_LINE_WORDS]
    return len(extra) <= _DATE_LINE_EXTRA and not any(ch.isdigit() for w in extra for ch in w)


def _prose_kind(shape: _Shape) -> str:
    """Prose (a paragraph or a caption), a short sentence, or other (a heading, a label)."""
    if shape.words == 0:
        return "other"
    long = shape.length >= 60 and shape.words >= 8
    if long and shape.lower >= 0.4 and (shape.sentence or (shape.caption and shape.length >= 80)):
        return "prose"
    if shape.sentence and shape.words >= 2 and shape.lower >= 0.4:
        return "sentence"
    return "other"


def _wrapped(kinds: list[str], shapes: list[_Shape], stripped: list[str]) -> list[str]:
    """Hard-wrapped paragraphs: a long lower-case line that runs on into a line starting lower case is prose."""
    out = list(kinds)
    for index in range(len(out) - 1):
        shape, following = shapes[index], shapes[index + 1]
        if out[index] not in ("other", "sentence") or not stripped[index + 1]:
            continue
        if shape.length >= 40 and shape.words >= 6 and shape.lower >= 0.5 and following.first_lower:
            out[index] = "prose"
            if out[index + 1] in ("other", "sentence") and following.lower >= 0.4:
                out[index + 1] = "prose"
    return out


def _short_runs(kinds: list[str]) -> list[bool]:
    """Whether each line is in a run of three or more non-prose lines (blank lines do not break a run)."""
    inside = [False] * len(kinds)
    members: list[int] = []
    for index in [*range(len(kinds)), -1]:
        kind = kinds[index] if index >= 0 else "prose"
        if kind == "blank":
            continue
        if kind in ("other", "chrome"):
            members.append(index)
            continue
        if len(members) >= 3:
            for member in members:
                inside[member] = True
        members = []
    return inside


def _score(kind: str, shape: _Shape, signals: tuple[str, ...], in_run: bool) -> float:
    if kind == "blank":
        return 0.0
    if kind == "prose":
        return float(shape.length)
    if kind == "sentence":
        return max(5.0, shape.length / 2)
    run = _RUN_PENALTY if in_run else 0.0
    if kind == "chrome":
        return -_CHROME_PENALTY * min(len(signals), _MAX_SIGNALS) - run
    return -_OTHER_PENALTY - run


# --- the body ---------------------------------------------------------------


def _best_run(scores: list[float]) -> tuple[int, int]:
    """Indices of the highest-scoring run of lines (inclusive); (-1, -1) when nothing scores above zero."""
    best, best_first, best_last = 0.0, -1, -1
    total, first = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, first = 0.0, index
        total += score
        if total > best:
            best, best_first, best_last = total, first, index
    # Trim blank lines at the edges: the body starts and ends with text.
    while best_first >= 0 and best_first < best_last and scores[best_first] == 0:
        best_first += 1
    return best_first, best_last


def _join_neighbours(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Widen the body over a short box to a run of prose paragraphs beyond it, on either side."""
    changed = True
    while changed:
        changed = False
        before = _prose_run(lines, first - 1, -1)
        if before is not None:
            first, changed = before, True
        after = _prose_run(lines, last + 1, 1)
        if after is not None:
            last, changed = after, True
    return first, last


def _prose_run(lines: list[Line], index: int, step: int) -> int | None:
    """From ``index`` walking by ``step``: the far end of a prose run past a short gap, if there is one."""
    gap = 0
    while 0 <= index < len(lines) and lines[index].kind not in ("prose",):
        if lines[index].kind != "blank":
            gap += 1
            if gap > _JOIN_GAP_LINES:
                return None
        index += step
    prose_lines = 0
    prose_chars = 0
    far = None
    while 0 <= index < len(lines) and lines[index].kind != "chrome":
        line = lines[index]
        if line.kind == "prose":
            prose_lines += 1
            prose_chars += line.end - line.start
            far = index
        elif line.kind == "other" and far is not None and abs(index - far) > 2:
            break
        index += step
    if far is None:
        return None
    beyond = lines[far + 1 :] if step > 0 else lines[:far]
    at_edge = all(line.kind == "blank" for line in beyond)
    if not at_edge and (prose_lines < _JOIN_PROSE_LINES or prose_chars < _JOIN_PROSE_CHARS):
        return None
    return far


def _is_chrome_side(lines: list[Line]) -> bool:
    """Whether the lines before (or after) the body are chrome: three chrome lines, or two that are half of it."""
    chrome = sum(1 for line in lines if line.kind == "chrome")
    text = sum(1 for line in lines if line.kind != "blank")
    return chrome >= _SIDE_CHROME_LINES or (chrome >= _SIDE_CHROME_LINES - 1 and 2 * chrome >= text)


def _inner_chrome(lines: list[Line], first: int, last: int) -> list[int]:
    """Stretches of non-prose lines inside the body that hold enough chrome lines to be a box.

    Numbers alone on their lines do not count: that is a table of figures.
    """
    out: list[int] = []
    members: list[int] = []
    for index in [*range(first, last + 1), -1]:
        kind = lines[index].kind if index >= 0 else "prose"
        if kind in ("prose", "sentence"):
            chrome = [m for m in members if lines[m].kind == "chrome" and lines[m].signals != ("number alone",)]
            if len(chrome) >= _BOX_CHROME_LINES:
                out.extend(range(chrome[0], chrome[-1] + 1))
            members = []
        elif kind != "blank":
            members.append(index)
    return out
