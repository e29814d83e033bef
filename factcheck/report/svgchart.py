"""A small inline SVG chart for the HTML report: values over dates, some marked.

:func:`dot_chart` draws one dot per value: the value on the vertical axis
and the date of the article that gave it on the horizontal one (to scale, in
days).  Values with no date sit in a band of their own at the right,
labelled "undated".  Marked values (the outliers of a quantity) are drawn as
a larger diamond with the word given as ``mark_label`` next to them, so the
mark does not rest on colour alone.  Dots that would land on the same spot
are spread sideways.

The result is a string of SVG markup to place inside an HTML page: no
script, no style sheet, no font or other resource to load, and nothing but
fixed numbers, so the same points always give the same bytes.  The chart is
an image for assistive technology (``role="img"``) named by its ``<title>``
and described by a ``<desc>`` listing every value, with its label and date;
each dot carries the same words as a ``<title>`` (a tooltip in browsers).  Every text is escaped.
Colours are attributes (``fill``, ``stroke``), which a content security
policy without ``'unsafe-inline'`` styles still allows.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.report.rich_report import clean

WIDTH = 560
HEIGHT = 230
_LEFT, _RIGHT, _TOP, _BOTTOM = 84, 24, 20, 52
_UNDATED_BAND = 84
_INSET = 24  # keeps the earliest and latest dots off the axes
_SPREAD = 9  # sideways step between dots that would overlap
_MIN_LABEL_GAP = 84  # narrowest space between two date labels

INK = "#1f2328"
GRID = "#d0d7de"
DOT = "#0b5394"
MARK = "#b3261e"


@dataclass(frozen=True, slots=True)
class Point:
    """One value to draw: ``when`` is the date it was reported (``None``: undated); ``label`` says who
    reported it (the value and date are added to it in the tooltip and the description)."""

    value: float
    when: date | None
    label: str
    marked: bool = False


def dot_chart(
    points: Sequence[Point],
    *,
    ident: str,
    title: str,
    number: Callable[[float], str] = str,
    mark_label: str = "outlier",
) -> str:
    """SVG markup for ``points`` (at least one); ``ident`` makes the element ids unique in the page.

    ``number`` formats a value for the axis and the description.
    """
    if not points:
        raise ValueError("a chart needs at least one point")
    undated = any(p.when is None for p in points)
    plot_right = WIDTH - _RIGHT - (_UNDATED_BAND if undated else 0)
    ticks = nice_ticks(min(p.value for p in points), max(p.value for p in points))
    low, high = ticks[0], ticks[-1]
    bottom = HEIGHT - _BOTTOM

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - _TOP)

    days = sorted({p.when for p in points if p.when is not None})

    def x_of(when: date | None) -> float:
        if when is None:
            return plot_right + _UNDATED_BAND / 2
        if len(days) == 1:
            return (_LEFT + plot_right) / 2
        share = (when - days[0]).days / (days[-1] - days[0]).days
        return _LEFT + _INSET + share * (plot_right - _LEFT - 2 * _INSET)

    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    said = [
        f"{number(p.value)} ({p.label}, {p.when.isoformat() if p.when else 'undated'})"
        + (f", {mark_label}" if p.marked else "")
        for p in points
    ]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape("; ".join(said))}</desc>',
    ]
    for tick in ticks:
        y = _fmt(y_of(tick))
        out.append(f'<line x1="{_LEFT}" y1="{y}" x2="{_fmt(plot_right)}" y2="{y}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{_LEFT - 8}" y="{y}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="11" fill="{INK}">{escape(number(tick))}</text>'
        )
    out.append(f'<line x1="{_LEFT}" y1="{bottom}" x2="{_fmt(plot_right)}" y2="{bottom}" stroke="{INK}"/>')
    out.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}" stroke="{INK}"/>')
    last_label = -math.inf
    for day in _label_days(days):
        x = x_of(day)
        if x - last_label < _MIN_LABEL_GAP:
            continue
        last_label = x
        out.append(f'<line x1="{_fmt(x)}" y1="{bottom}" x2="{_fmt(x)}" y2="{bottom + 5}" stroke="{INK}"/>')
        out.append(
            f'<text x="{_fmt(x)}" y="{bottom + 18}" text-anchor="middle" font-size="11" '
            f'fill="{INK}">{day.isoformat()}</text>'
        )
    if undated:
        band = plot_right + 8
        out.append(
            f'<rect x="{_fmt(band)}" y="{_TOP}" width="{_UNDATED_BAND - 8}" height="{bottom - _TOP}" '
            f'fill="#f6f8fa" stroke="{GRID}"/>'
        )
        out.append(
            f'<text x="{_fmt(x_of(None))}" y="{bottom + 18}" text-anchor="middle" font-size="11" '
            f'fill="{INK}">undated</text>'
        )
    out.append(
        f'<text x="{_fmt((_LEFT + plot_right) / 2)}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
        f'fill="{INK}">article date</text>'
    )
    xs = _spread([(x_of(p.when), y_of(p.value)) for p in points])
    for point, x, tip in zip(points, xs, said, strict=True):
        out.append(_dot(point, x, y_of(point.value), tip, mark_label))
    out.append("</svg>")
    return "".join(out)


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values from at or below ``low`` to at or above ``high``, about ``count`` steps apart."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("values must be finite")
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for multiple in (1, 2, 2.5, 5, 10):
        if (high - low) / (multiple * magnitude) <= count:
            step = multiple * magnitude
            break
    first = math.floor(low / step)
    last = math.ceil(high / step)
    return [_round(i * step, step) for i in range(first, last + 1)]


def _round(value: float, step: float) -> float:
    """``value`` without the float noise of ``i * step`` (0.30000000000000004 -> 0.3)."""
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return round(value, digits)


def _label_days(days: list[date]) -> list[date]:
    """At most five dates to label: the first, the last and some between."""
    if len(days) <= 5:
        return days
    picks = sorted({round(i * (len(days) - 1) / 4) for i in range(5)})
    return [days[i] for i in picks]


def _spread(spots: list[tuple[float, float]]) -> list[float]:
    """x of each dot, moved sideways where dots would cover one another (same x, y within 8 px)."""
    placed: list[tuple[float, float]] = []
    out = []
    for x, y in spots:
        near = [px for px, py in placed if abs(py - y) < 8 and abs(px - x) < _SPREAD * 4]
        shift = 0.0
        step = 0
        while any(abs(px - (x + shift)) < _SPREAD for px in near):
            step += 1
            shift = _SPREAD * ((step + 1) // 2) * (1 if step % 2 else -1)
        placed.append((x + shift, y))
        out.append(x + shift)
    return out


def _dot(point: Point, x: float, y: float, said: str, mark_label: str) -> str:
    tip = f"<title>{escape(said)}</title>"
    if not point.marked:
        return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="5" fill="{DOT}">{tip}</circle>'
    size = 8
    diamond = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
    corners = " ".join(f"{_fmt(cx)},{_fmt(cy)}" for cx, cy in diamond)
    anchor, dx = ("end", -12) if x > WIDTH - 140 else ("start", 12)
    return (
        f'<g class="outlier"><polygon points="{corners}" fill="{MARK}" stroke="{INK}">{tip}</polygon>'
        f'<text x="{_fmt(x + dx)}" y="{_fmt(y)}" dominant-baseline="middle" text-anchor="{anchor}" '
        f'font-size="11" font-weight="bold" fill="{MARK}">{escape(mark_label)}</text></g>'
    )


def _fmt(value: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def escape(text: str) -> str:
    """Untrusted text as HTML or SVG text, or a quoted attribute value, showing exactly that text.

    Control characters and bidirectional overrides become spaces (see
    :func:`~factcheck.report.rich_report.clean`), a lone surrogate becomes
    "?" (it cannot be written as UTF-8), and ``& < > " '`` become references.
    """
    return html.escape(clean(text).encode("utf-8", "replace").decode("utf-8"), quote=True)
