"""Time the Markdown and HTML loaders on hostile input (unclosed brackets, comments, tags).

Run: python benchmarks/bench_loaders.py

Each input is 100-400 KB of one repeated construct; a loader whose patterns
backtrack, or a parser that goes quadratic, shows up here as seconds.

Measured on 2026-12-07 (2 vCPUs shared, load 8-11): every input 0.1-1.0 s.  The URL inputs were
added with the Markdown scan that jumps from URL start to URL start (issue scale): a first version
searched for the next syntax character again at every URL, 35 s on ``www. x30k``; now 0.12 s
(0.22 s before the change), and ``h x100k`` 0.02 s (0.26 s).
"""

from __future__ import annotations

import time

from factcheck.sources.html import html_page
from factcheck.sources.markdown import markdown_prose

HOSTILE_MARKDOWN = {
    "[ x100k": "[" * 100_000,
    "[a]( x30k": "[a](" * 30_000,
    "<!-- x30k": "<!--" * 30_000,
    "backticks": "`" + " ``" * 30_000,
    "*a_ x40k": "*a_" * 40_000,
    "backslashes": "\\" * 100_000,
    "<script> x40k": "<script>" * 40_000,
    "www. x30k": "www." * 30_000,
    "a www.x x20k": "a www.x " * 20_000,
    "http:// x20k": "http://" * 20_000,
    "h x100k": "h" * 100_000,
}
HOSTILE_HTML = {
    "<a x50k": "<a " * 50_000,
    "<!-- x50k": "<!--" * 50_000,
    "<a href=' x50k": "<a href='" * 50_000,
    "</ x50k": "</" * 50_000,
    "CDATA x20k": "<![CDATA[" * 20_000,
}


def main() -> None:
    for name, text in HOSTILE_MARKDOWN.items():
        started = time.perf_counter()
        markdown_prose(text)
        print(f"markdown  {name:16} {len(text):>8,} chars  {time.perf_counter() - started:8.3f} s")
    for name, text in HOSTILE_HTML.items():
        started = time.perf_counter()
        html_page(text)
        print(f"html      {name:16} {len(text):>8,} chars  {time.perf_counter() - started:8.3f} s")


if __name__ == "__main__":
    main()
