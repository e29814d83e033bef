"""Read the number itself: digit strings and runs of number words, with their precision.

This module owns the arithmetic of English numbers, and nothing about where
they are in a text.  The scanner cuts a run of number tokens out of the text
("three hundred and two dozens", "5 and a half million", "nought point
eleven") and hands it here as ``Tok`` values; ``segment`` splits the run into
the numbers it says ("3 hundred and 2 hundred" is two numbers) and gives each
its value and *step*: the place value of the last digit the writer committed
to.  "244" has step 1, "244.8" step 0.1, "21,700" step 100.  The step is what
lets comparison tell rounding from disagreement.

Trailing zeros are ambiguous ("1,000" may be exact or rounded to the
thousand); we assume at least two significant digits, so "1,000" has step
100 and "900" step 10: generous enough for rounding, tight enough that 900
and 1,000 still disagree.
"""

from __future__ import annotations

import math
from typing import NamedTuple

_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009_'")


class Tok(NamedTuple):
    """One token of a number run.

    ``kind`` is one of: num (digits), frac ("3/4"), vulgar ("½"), unit
    ("seven"), ten ("seventy"), hundred, dozen, scale ("million"), denom
    ("fifth", "halves"), cden ("first": a denominator only after a tens word),
    point, and, a ("a"/"an"), of, sign ("minus").
    """

    kind: str
    value: float
    start: int
    end: int
    text: str  # as written, lower case for words
    plural: bool = False
    step: float = 1.0


def step_of_integer_digits(digits: str) -> float:
    """Step of a plain integer string (no separators): see the module docstring."""
    stripped = digits.lstrip("0") or "0"
    trailing = len(stripped) - len(stripped.rstrip("0"))
    if stripped == "0":
        return 1.0
    exponent = min(trailing, max(len(stripped) - 2, 0))
    return float(10**exponent)


def parse_digits(text: str) -> tuple[float, float]:
    """Value and step of a digit string such as "21,692", "2,000.75" or "21 692"."""
    clean = text.translate(_SEPARATORS)
    if "." in clean:
        whole, _, frac = clean.partition(".")
        value = float(f"{whole or '0'}.{frac}")
        return value, 10.0 ** -len(frac) if frac else 1.0
    return float(clean), step_of_integer_digits(clean)


def parse_european(text: str) -> tuple[float, float]:
    """Value and step of a number with a decimal comma: "1.111,11", "5,00"."""
    whole, _, frac = text.replace(".", "").partition(",")
    return float(f"{whole}.{frac}"), 10.0 ** -len(frac)


def parse_scientific(mantissa: str, exponent: str) -> tuple[float, float] | None:
    """Value and step of "1.3e6" / "1.3x10^6" given its two parts; None on overflow."""
    value, step = parse_digits(mantissa)
    power = int(exponent)
    try:
        return value * 10.0**power, step * 10.0**power
    except OverflowError:
        return None


def parse_power(base: str, exponent: str) -> tuple[float, float] | None:
    """Value of "1.1^23" or "2.5^-1"; the exponent's signs multiply ("^--23" is ^23)."""
    digits = exponent.lstrip("+-")
    negative = exponent[: len(exponent) - len(digits)].count("-") % 2 == 1
    power = -int(digits) if negative else int(digits)
    value, _step = parse_digits(base)
    try:
        result = value**power
    except (OverflowError, ZeroDivisionError):
        return None
    if not math.isfinite(result):
        return None
    return result, step_of_value(result)


def step_of_value(value: float) -> float:
    """Step for a number written in words: the place of its last non-zero digit."""
    if value <= 0 or not math.isfinite(value) or value != int(value):
        return 1.0
    return step_of_integer_digits(str(int(value)))


# --- runs of number words -------------------------------------------------------

_ADDITIVE = frozenset({"unit", "ten", "num"})
_MULTIPLIERS = frozenset({"hundred", "dozen", "scale"})
_HALF_WORDS = frozenset({"half", "halves", "quarter", "quarters"})


def _cardinal(toks: list[Tok] | tuple[Tok, ...]) -> float | None:
    """Value of a cardinal, or None: see ``_cardinal_prefix``."""
    value, _accepted = _cardinal_prefix(toks)
    return value


def _cardinal_prefix(toks: list[Tok] | tuple[Tok, ...]) -> tuple[float | None, int]:
    """(value or None, how many tokens were accepted before the first that cannot follow).

    Value of a cardinal ("three hundred and two dozens", "4 thousand 3 hundred and 21").

    Additive words must fit the room the previous word leaves ("twenty one"
    but not "one twenty"; "hundred and 21" but not "hundred and 210");
    multipliers apply to the group they follow, and scales must fall ("two
    million five hundred thousand") unless they stack ("three lakh crore").
    """
    total = hund = small = 0.0
    last = ""
    last_scale = math.inf
    room = math.inf
    for index, tok in enumerate(toks):
        kind = tok.kind
        if kind == "a":
            if last not in ("", "and"):
                return None, index
            small, last, room = 1.0, "a", 0.0
        elif kind in _ADDITIVE:
            if last == "a" or tok.value >= room or (tok.value == 0 and last != ""):
                return None, index
            if kind == "unit" and last == "ten" and tok.value == 0:
                return None, index
            small += tok.value
            room = 10.0 if kind == "ten" else 0.0
            last = kind
        elif kind == "hundred":
            if last == "" and tok.text.endswith("s"):
                return None, index  # "hundreds of people" is not a number
            if hund or last in ("hundred", "and", "dozen") or (last == "scale" and not small):
                return None, index
            hund = (small or 1.0) * 100
            if hund >= last_scale:
                return None, index
            small, last, room = 0.0, "hundred", 100.0
        elif kind == "dozen":
            if not small or last in ("and", "hundred", "scale"):
                return None, index
            small *= 12
            last, room = "dozen", 0.0
        elif kind == "scale":
            group = hund + small
            if not group:
                # "three lakh crore": a larger scale right after a smaller one multiplies it
                if last != "scale" or tok.value <= last_scale:
                    return None, index
                total *= tok.value
                last_scale *= tok.value
            else:
                if tok.value >= last_scale:
                    return None, index
                total += group * tok.value
                last_scale = tok.value
            hund = small = 0.0
            last, room = "scale", tok.value
        elif kind == "and":
            if last in ("", "and", "a"):
                return None, index
            last = "and"
        else:
            return None, index
    if last in ("", "and", "a"):
        return None, len(toks)
    return total + hund + small, len(toks)


def _cardinal_step(toks: list[Tok] | tuple[Tok, ...], value: float) -> float:
    if toks[0].kind == "num":
        if len(toks) == 1:
            return toks[0].step
        if len(toks) == 2 and toks[1].kind in _MULTIPLIERS:
            return toks[0].step * (value / toks[0].value if toks[0].value else 1.0)
    return step_of_value(value)


def _decimal_digits(toks: list[Tok] | tuple[Tok, ...]) -> str | None:
    """Digits said after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    digits = ""
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind == "ten":
            if i + 1 < len(toks) and toks[i + 1].kind == "unit" and 0 < toks[i + 1].value < 10:
                digits += str(int(tok.value + toks[i + 1].value))
                i += 2
                continue
            digits += str(int(tok.value))
        elif tok.kind == "unit":
            digits += str(int(tok.value))
        elif tok.kind == "num" and tok.text.isdigit():
            digits += tok.text
        else:
            return None
        i += 1
    return digits or None


def _with_point(whole_toks: list[Tok], dec_toks: list[Tok]) -> tuple[float, float | None] | None:
    if not whole_toks or not dec_toks:
        return None
    whole = _cardinal(whole_toks)
    digits = _decimal_digits(dec_toks)
    if whole is None or digits is None or not whole.is_integer():
        return None
    return whole + float(f"0.{digits}"), 10.0 ** -len(digits)


def _multiplier_after(after: list[Tok]) -> float | None:
    """The multiplier after a fraction: "half million", "two thirds of a million", "half a dozen"."""
    if not after:
        return 1.0
    rest = after
    if rest[0].kind == "of":
        rest = rest[1:]
    if rest and rest[0].kind == "a":
        rest = rest[1:]
    if len(rest) != 1 or rest[0].kind not in _MULTIPLIERS:
        return None
    return rest[0].value


def _numerator(toks: list[Tok]) -> float | None:
    if any(t.kind == "num" for t in toks):
        return None  # "100 millionths" is not how anyone writes a fraction
    if len(toks) == 1 and toks[0].kind == "a":
        return 1.0
    return _cardinal(toks)


def _fraction(toks: list[Tok], d: int) -> float | None:
    """Value of a run whose token ``d`` is a denominator (see ``evaluate``)."""
    den_tok = toks[d]
    mult = _multiplier_after(toks[d + 1 :])
    if mult is None:
        return None
    before = toks[:d]
    den = den_tok.value
    # "twenty-first", "thirty fifths": a tens word joins a small ordinal when a numerator is left
    compound = den < 10 and den_tok.text not in _HALF_WORDS
    if compound and len(before) >= 2 and before[-1].kind == "ten" and before[-2].kind != "and":
        den += before[-1].value
        before = before[:-1]
    elif den_tok.kind == "cden":
        return None
    cut = max((i for i, t in enumerate(before) if t.kind == "and"), default=-1)
    whole_toks, num_toks = before[: max(cut, 0)], before[cut + 1 :]
    if not num_toks:
        if den_tok.text not in _HALF_WORDS or whole_toks:
            return _absorbed_fraction(before, den, den_tok.plural, mult) if before else None
        num: float | None = 1.0
    else:
        num = _numerator(num_toks)
    if num is None or (not den_tok.plural and num != 1):
        return _absorbed_fraction(before, den, den_tok.plural, mult) if before else None
    if not whole_toks:
        return num / den * mult
    whole = _cardinal(whole_toks)
    if whole is None:
        return None
    if num >= den:
        # "one hundred and thirty fifths" is 130/5, not 100 + 30/5
        joined = _cardinal(before)
        return None if joined is None else joined / den * mult
    if whole_toks[-1].kind == "scale":
        # "one million and a half", "one billion and a quarter million"
        return whole + num / den * (mult if mult > 1 else whole_toks[-1].value)
    return (whole + num / den) * mult


def _absorbed_fraction(num_toks: list[Tok], den: float, plural: bool, mult: float) -> float | None:
    """ "one one hundred fifth": the denominator is the ordinal "one hundred fifth"."""
    for cut in range(1, len(num_toks)):
        head, tail = num_toks[:cut], num_toks[cut:]
        if head[-1].kind == "and":
            continue
        if tail[-1].kind == "and":
            tail = tail[:-1]
        num = _numerator(head)
        prefix = _cardinal(tail) if tail else None
        if num is None or prefix is None or (not plural and num != 1):
            continue
        return num / (prefix + den) * mult
    return None


def evaluate(toks: list[Tok] | tuple[Tok, ...]) -> tuple[float, float | None] | None:
    """Value and step of a run that says one number, or None when it does not."""
    items = list(toks)
    sign = 1.0
    if items[0].kind == "sign":
        sign, items = -1.0, items[1:]
    if not items or items[0].kind in ("and", "of", "point") or items[-1].kind in ("and", "a", "of", "point", "sign"):
        return None
    kinds = [t.kind for t in items]
    if "sign" in kinds:
        return None
    if "point" in kinds:
        at = kinds.index("point")
        result = _with_point(items[:at], items[at + 1 :])
        return None if result is None else (sign * result[0], result[1])
    if kinds[-1] in ("frac", "vulgar"):
        if len(items) == 1:
            return sign * items[0].value, None
        if len(items) == 2 and kinds[0] == "num" and items[0].value.is_integer():
            return sign * (items[0].value + items[1].value), None
        return None
    if "frac" in kinds or "vulgar" in kinds:
        return None
    for d, kind in enumerate(kinds):
        if kind in ("denom", "cden"):
            value = _fraction(items, d)
            return None if value is None else (sign * value, None)
    if "of" in kinds:
        return None
    cardinal = _cardinal(items)
    if cardinal is None:
        return None
    return sign * cardinal, _cardinal_step(items, cardinal)


_SPECIAL_KINDS = frozenset({"denom", "cden", "point", "frac", "vulgar", "of", "sign"})
_MAX_NUMBER_TOKENS = 16
_DROP_COST = {"and": 0.1, "a": 0.1, "of": 0.1, "point": 0.1, "sign": 0.5}


def segment(toks: list[Tok]) -> list[tuple[int, int, float, float | None]]:
    """Split a run into the numbers it says: (first token, end token, value, step).

    "3 hundred and 2 hundred" is two numbers and "three-nought-four" three.
    Among the ways to cut the run, take the one with the fewest numbers and
    dropped tokens; a number should not begin with a bare multiplier
    ("hundred") when the cut could give it its count.
    """
    n = len(toks)
    if n == 1:
        single = evaluate(toks)
        return [] if single is None else [(0, 1, single[0], single[1])]
    # Without fractions, decimals or signs a number is a cardinal, and a cardinal
    # that fails at a token fails with every longer run: only shorter ends are tried.
    plain = not any(t.kind in _SPECIAL_KINDS for t in toks)
    best: list[tuple[float, list[tuple[int, int, float, float | None]]]] = [(0.0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        drop = _DROP_COST.get(toks[i].kind, 1.5)
        choice = (best[i + 1][0] + drop, best[i + 1][1])
        penalty = 0.5 if i > 0 and toks[i].kind in ("hundred", "dozen", "scale", "denom", "cden") else 0.0
        limit = min(n, i + _MAX_NUMBER_TOKENS)
        if plain:
            limit = min(limit, i + _cardinal_prefix(toks[i:limit])[1])
        for j in range(limit, i, -1):
            result = evaluate(toks[i:j])
            if result is None:
                continue
            cost = best[j][0] + 1.0 + penalty
            if cost < choice[0]:
                choice = (cost, [(i, j, result[0], result[1]), *best[j][1]])
        best[i] = choice
    return best[0][1]


def format_number(value: float) -> str:
    """Compact human form of a number for messages: 140000000000 -> 140bn."""
    magnitude = abs(value)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if magnitude >= scale:
            return f"{value / scale:,.4g}{suffix}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"
