"""The prose view of a Markdown file.

Everything that is not words a reader reads is turned into spaces, in place:
code (fenced, indented, inline), HTML comments and tags, link and image
targets, bare URLs, reference definitions, and syntax characters (heading
``#``, quote ``>``, list markers, emphasis ``*``/``_``, table pipes).  Nothing
moves: headings, list items, table cells and captions keep their columns, and
every newline stays where it was.
"""

from __future__ import annotations

import bisect
import heapq
import re

from factcheck.sources.html import pad_entity

# Every pattern is applied at a known position and bounded, so a hostile file
# costs at most a constant amount of work per character.
_FENCE_OPEN = re.compile(r"`{3,1000}|~{3,1000}")
_ATX = re.compile(r"#{1,6}(?=[ \t\r]|$)")
_BULLET = re.compile(r"(?:[-*+]|\d{1,3}[.)])(?=[ \t]|\r?$)")
_TASK_BOX = re.compile(r"[ \t]{1,4}\[[ xX]\](?=[ \t])")
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]\s]{1,100}\]:")
# "[label]: destination 'title'" and nothing else: "[Update]: The mayor said" is prose.
_REFERENCE_DEF = re.compile(
    r"\[([^\]\n]{1,999})\]:[ \t]{0,100}(?:<[^<>\n]{0,2000}>|[^\s<]{1,2000})"
    r"(?:[ \t]{1,100}(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?[ \t\r]{0,100}"
)
_BLANK_LINE = re.compile(r"\n[ \t\r]{0,1000}\n")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2000}|[^\s<>@]{1,200}@[^\s<>@]{1,200})>")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]{0,30})(?:[ \t\r\n/][^<>]{0,1000})?>")
# Inline HTML whose content is never prose, with the pattern that closes it.
_RAW_TEXT_CLOSERS = {name: re.compile(rf"</{name}[ \t\r\n]{{0,100}}>", re.IGNORECASE) for name in ("script", "style")}
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_URL_START = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)
_URL_BODY = re.compile(r"[^\s<>\"'`]{1,2000}")
_URL_TRAILER = ".,;:!?'\")]}*_"
# Where the inline scan stops: a syntax character, or where a bare URL starts (``_url_starts``: every
# other h, f or w is prose, and stopping at each of them was most of the scan's time).
_SYNTAX = re.compile(r"[\\`<\[!&*_~|]")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_BRACKET_TOKENS = re.compile(r"\\[\s\S]|[\[\]()]|\n[ \t\r]{0,1000}\n")
_BACKTICK_RUN = re.compile(r"`{1,10000}")


def markdown_prose(text: str) -> str:
    """The prose view of Markdown ``text``: same length, non-prose turned into spaces."""
    chars = list(text)
    references = _blank_blocks(text, chars)
    _blank_inline("".join(chars), chars, references)
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    if not 0 <= start < end <= len(chars):
        for index in range(start, end):  # nothing, or the IndexError a wrong offset deserves
            if chars[index] != "\n":
                chars[index] = " "
        return
    span = chars[start:end]
    # One slice assignment: a character at a time was a tenth of the loading.
    chars[start:end] = ["\n" if ch == "\n" else " " for ch in span] if "\n" in span else [" "] * (end - start)


# --- block structure, one line at a time --------------------------------


def _blank_blocks(text: str, chars: list[str]) -> set[str]:
    """Blank code blocks and line-level syntax; return the reference labels defined."""
    references: set[str] = set()
    fence: tuple[str, int, bool] | None = None  # fence character, length, inside a quote
    in_indented_code = False
    previous_blank = True
    in_list = False
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        quote = _quote_prefix(line)
        _blank(chars, pos, pos + quote)
        if fence is not None:
            if _closes_fence(line[quote:] if fence[2] else line, fence[0], fence[1]):
                fence = None
            _blank(chars, pos, end)
        elif not line[quote:].strip():
            previous_blank = True
        else:
            body = pos + quote
            rest = line[quote:]
            width, skip = _indent(rest)
            content = body + skip
            stripped = rest[skip:]
            if in_indented_code and width >= 4:
                _blank(chars, pos, end)
            elif width >= 4 and previous_blank and not in_list:
                # Indented code only after a blank line and outside lists:
                # an indented line in a list is the item's own paragraph.
                in_indented_code = True
                _blank(chars, pos, end)
            elif width >= 4:
                pass  # continuation of a paragraph or list item: prose
            else:
                in_indented_code = False
                opened = _FENCE_OPEN.match(stripped)
                if opened and not (opened[0][0] == "`" and "`" in stripped[opened.end() :]):
                    fence = (opened[0][0], len(opened[0]), quote > 0)
                    _blank(chars, pos, end)
                elif _is_rule(stripped) or _is_table_delimiter(stripped):
                    _blank(chars, content, end)  # thematic break, setext underline, table delimiter
                else:
                    in_list = _blank_line_syntax(stripped, content, chars, references, in_list)
                    # A paragraph at the margin after a blank line ends any list.
                    in_list = in_list and not (previous_blank and width < 2 and not _BULLET.match(stripped))
            previous_blank = False
        pos = end + 1
    return references


def _blank_line_syntax(stripped: str, content: int, chars: list[str], references: set[str], in_list: bool) -> bool:
    """Blank heading, list and definition syntax at the start of one line; return whether we are in a list."""
    if heading := _ATX.match(stripped):
        _blank(chars, content, content + heading.end())
        _blank_closing_hashes(stripped, content, heading.end(), chars)
        return False
    if footnote := _FOOTNOTE_DEF.match(stripped):
        _blank(chars, content, content + footnote.end())
        return in_list
    if definition := _REFERENCE_DEF.fullmatch(stripped):
        references.add(_label(definition[1]))
        _blank(chars, content, content + len(stripped))
        return in_list
    if bullet := _BULLET.match(stripped):
        end = bullet.end()
        if task := _TASK_BOX.match(stripped, end):
            end = task.end()
        _blank(chars, content, content + end)
        return True
    return in_list


def _blank_closing_hashes(stripped: str, content: int, opener_end: int, chars: list[str]) -> None:
    trimmed = stripped.rstrip(" \t\r")
    start = len(trimmed)
    while start > opener_end and trimmed[start - 1] == "#":
        start -= 1
    if start < len(trimmed) and trimmed[start - 1] in " \t":
        _blank(chars, content + start, content + len(trimmed))


def _quote_prefix(line: str) -> int:
    """Length of the block quote markers (``>``, ``> >``) opening ``line``."""
    index = 0
    while True:
        probe = index
        while probe < len(line) and probe - index < 3 and line[probe] == " ":
            probe += 1
        if probe >= len(line) or line[probe] != ">":
            return index
        probe += 1
        if probe < len(line) and line[probe] in " \t":
            probe += 1
        index = probe


def _indent(line: str) -> tuple[int, int]:
    """(columns of leading indentation with tabs to 4, characters it takes)."""
    width = 0
    for index, ch in enumerate(line):
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            return width, index
    return width, len(line)


def _closes_fence(line: str, char: str, length: int) -> bool:
    width, skip = _indent(line)
    run = line[skip:].rstrip(" \t\r")
    return width < 4 and len(run) >= length and run == char * len(run)


def _is_table_delimiter(stripped: str) -> bool:
    """A table's ``|---|:---:|`` row."""
    return "|" in stripped and "-" in stripped and not set(stripped) - set(" \t\r|:-")


def _is_rule(stripped: str) -> bool:
    """A line of only ``-``, ``=``, ``*`` or ``_``: a thematic break or setext underline."""
    marks = stripped.replace(" ", "").replace("\t", "").rstrip("\r")
    return bool(marks) and marks[0] in "-=*_" and marks == marks[0] * len(marks)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- inline syntax, one scan over the whole text -------------------------


def _blank_inline(work: str, chars: list[str], references: set[str]) -> None:
    """Blank inline syntax in ``chars``; ``work`` is the text after the block pass."""
    scanner = _InlineScanner(work, chars, references)
    scanner.run()


class _InlineScanner:
    def __init__(self, work: str, chars: list[str], references: set[str]) -> None:
        self.work = work
        self.chars = chars
        self.references = references
        # (where a blanked link target starts, where scanning resumes after it)
        self.resume: list[tuple[int, int]] = []
        self.paragraph_end = -1
        # closer -> an offset past which it never occurs, so a hostile file
        # full of unclosed openers is searched once, not once per opener.
        self.never_closed: dict[str, int] = {}
        self.closers = _match_brackets(work)
        self.backtick_runs = _backtick_runs(work)
        self.url_starts = _url_starts(work)

    def run(self) -> None:
        work = self.work
        urls = self.url_starts
        index = 0
        syntax = -1  # the first syntax character at or after index, once searched for (len(work): none)
        while True:
            if syntax < index:  # searched again only when passed: a text of URLs is not scanned once per URL
                found = _SYNTAX.search(work, index)
                syntax = found.start() if found else len(work)
            stop = syntax
            if urls:
                following = bisect.bisect_left(urls, index)
                if following < len(urls) and urls[following] < stop:
                    stop = urls[following]
            if self.resume and self.resume[0][0] <= stop:
                index = max(index, heapq.heappop(self.resume)[1])
                continue
            if stop == len(work):
                return
            index = self.step(stop)

    def step(self, index: int) -> int:
        work = self.work
        ch = work[index]
        following = work[index + 1] if index + 1 < len(work) else ""
        if ch == "\\":
            if following in _ASCII_PUNCTUATION or following in "\r\n":
                self.chars[index] = " "  # the escape, not the escaped character
                return index + 2 if following != "\n" else index + 1
            return index + 1
        if ch == "`":
            return self.code_span(index)
        if ch == "<":
            return self.angle(index)
        if ch == "[" or (ch == "!" and following == "["):
            return self.link(index)
        if ch == "&":
            entity = _ENTITY.match(work, index)
            if entity is None:
                return index + 1
            self.chars[index : entity.end()] = pad_entity(entity[0])
            return entity.end()
        if ch in "*_":
            return self.emphasis(index)
        if ch == "~":
            run = _run_end(work, index, "~")
            if run - index >= 2:
                _blank(self.chars, index, run)  # ~~strikethrough~~; a lone ~ means "about"
            return run
        if ch == "|":
            self.chars[index] = " "
            return index + 1
        if ch in "hHfFwW":
            return self.bare_url(index)
        return index + 1

    def end_of_paragraph(self, index: int) -> int:
        if index >= self.paragraph_end:
            blank = _BLANK_LINE.search(self.work, index)
            self.paragraph_end = blank.start() + 1 if blank else len(self.work)
        return self.paragraph_end

    def code_span(self, index: int) -> int:
        run = _run_end(self.work, index, "`")
        length = run - index
        # A code span closes at the next run of exactly as many backticks.
        starts = self.backtick_runs.get(length, [])
        following = bisect.bisect_left(starts, run)
        if following < len(starts) and starts[following] < self.end_of_paragraph(index):
            closing = starts[following] + length
            _blank(self.chars, index, closing)
            return closing
        _blank(self.chars, index, run)  # unmatched backticks are syntax, not words
        return run

    def angle(self, index: int) -> int:
        work = self.work
        if work.startswith("<!--", index):
            end = self.closing("-->", index + 4)
            end = index + 4 if end < 0 else end
            _blank(self.chars, index, end)
            return end
        if autolink := _AUTOLINK.match(work, index):
            _blank(self.chars, index, autolink.end())
            return autolink.end()
        if tag := _TAG.match(work, index):
            end = tag.end()
            name = tag[1].lower()
            if name in _RAW_TEXT_CLOSERS and not tag[0].startswith("</"):
                end = max(end, self.closing(name, end))
            _blank(self.chars, index, end)
            return end
        return index + 1

    def closing(self, closer: str, start: int) -> int:
        """Offset just past the first ``closer`` (a string or a raw-text tag name) from ``start``; -1 if none."""
        if start >= self.never_closed.get(closer, len(self.work) + 1):
            return -1
        if closer in _RAW_TEXT_CLOSERS:
            found = _RAW_TEXT_CLOSERS[closer].search(self.work, start)
            end = found.end() if found else -1
        else:
            position = self.work.find(closer, start)
            end = position + len(closer) if position >= 0 else -1
        if end < 0:
            self.never_closed[closer] = start
        return end

    def link(self, index: int) -> int:
        work = self.work
        opener = index + 1 if work[index] == "!" else index
        limit = self.end_of_paragraph(index)
        if work.startswith("[^", opener):
            close = work.find("]", opener, min(limit, opener + 100))
            if close > 0 and not any(ch.isspace() for ch in work[opener:close]):
                _blank(self.chars, index, close + 1)  # footnote reference: a label, not prose
                return close + 1
        close = self.closers.get(opener, -1)
        if close < 0:
            return opener + 1
        after = close + 1
        target_end = -1
        if after < len(work) and work[after] in "([":
            target_end = self.closers.get(after, -1)
        elif _label(work[opener + 1 : close]) in self.references:
            target_end = close  # shortcut reference [label]: only the brackets go
        if target_end < 0:
            return opener + 1  # brackets in prose, e.g. "[sic]"
        _blank(self.chars, index, opener + 1)
        _blank(self.chars, close, target_end + 1)
        heapq.heappush(self.resume, (close, target_end + 1))
        return opener + 1

    def emphasis(self, index: int) -> int:
        work = self.work
        run = _run_end(work, index, work[index])
        before = work[index - 1] if index > 0 else " "
        after = work[run] if run < len(work) else " "
        literal = before.isspace() and after.isspace()
        intraword = work[index] == "_" and before.isalnum() and after.isalnum()
        if not (literal or intraword):
            _blank(self.chars, index, run)
        return run

    def bare_url(self, index: int) -> int:
        work = self.work
        if index > 0 and (work[index - 1].isalnum() or work[index - 1] in "/.@-"):
            return index + 1
        if not _URL_START.match(work, index):
            return index + 1
        body = _URL_BODY.match(work, index)
        end = body.end() if body else index + 1
        while end > index and work[end - 1] in _URL_TRAILER:
            if work[end - 1] == ")" and work.count("(", index, end) >= work.count(")", index, end):
                break  # a parenthesis that belongs to the URL, as in Wikipedia links
            end -= 1
        _blank(self.chars, index, end)
        return end


def _run_end(text: str, index: int, ch: str) -> int:
    end = index
    while end < len(text) and text[end] == ch:
        end += 1
    return end


def _url_starts(text: str) -> list[int]:
    """Where ``_URL_START`` matches in ``text``, in order (two such places never overlap)."""
    # Most articles have no URL at all: two substring tests say so without a regex scan.
    if "://" not in text and "www." not in text.lower():
        return []
    return [found.start() for found in _URL_START.finditer(text)]


def _backtick_runs(text: str) -> dict[int, list[int]]:
    """Start offsets of the backtick runs in ``text``, by run length."""
    runs: dict[int, list[int]] = {}
    for run in _BACKTICK_RUN.finditer(text):
        runs.setdefault(len(run[0]), []).append(run.start())
    return runs


def _match_brackets(text: str) -> dict[int, int]:
    """Each ``[`` and ``(`` that is closed in its paragraph, mapped to its closer.

    One pass with a stack per bracket kind, so looking a link up costs
    nothing however many unmatched brackets a file holds.
    """
    closers: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    for token in _BRACKET_TOKENS.finditer(text):
        ch = token[0][0]
        if ch == "\\":
            continue  # an escaped bracket is literal
        if ch == "\n":
            stacks["["].clear()  # links never cross a blank line
            stacks["("].clear()
        elif ch in "[(":
            stacks[ch].append(token.start())
        else:
            stack = stacks["[" if ch == "]" else "("]
            if stack:
                closers[stack.pop()] = token.start()
    return closers
