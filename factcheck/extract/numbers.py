"""Read the number itself: digit strings and number words, with their precision.

Two pure functions, ``parse_digits`` and ``parse_words``, turn the core of a
numeric mention into a value and a *step*: the place value of the last digit
the writer committed to.  "244" has step 1, "244.8" step 0.1, "21,700" step
100.  The step is what lets comparison tell rounding from disagreement.

Trailing zeros are ambiguous ("1,000" may be exact or rounded to the
thousand); we assume at least two significant digits, so "1,000" has step
100 and "900" step 10: generous enough for rounding, tight enough that 900
and 1,000 still disagree.
"""

from __future__ import annotations

import math

from factcheck.extract.vocab import vocab

_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009_'")


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


def parse_words(words: list[str]) -> float | None:
    """Value of a run of English number words, or None when it is not one number.

    Accepts "twenty-one", "three hundred and forty", "two million five
    hundred thousand", "a hundred", "one thousand and one".  Rejects runs that
    read as two numbers ("one two", "twenty thirty") by returning None.
    """
    v = vocab()
    tokens = [w.lower() for w in words]
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) < 2 or not (tokens[1] == "hundred" or tokens[1] == "dozen" or tokens[1] in v.scale_words):
            return None
        tokens[0] = "one"
    total = 0.0
    current = 0.0
    last = ""  # kind of the previous word, to reject "one two"
    for word in tokens:
        if word == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
        elif word in v.units:
            if last in ("unit", "ten") and not (last == "ten" and v.units[word] < 10):
                return None
            current += v.units[word]
            last = "unit"
        elif word in v.tens:
            if last in ("unit", "ten"):
                return None
            current += v.tens[word]
            last = "ten"
        elif word == "hundred":
            if last == "hundred" or (current >= 100):
                return None
            current = (current or 1.0) * 100
            last = "hundred"
        elif word == "dozen":
            current = (current or 1.0) * 12
            last = "hundred"
        elif word in v.scale_words:
            if last in ("", "and"):
                return None
            total += (current or 1.0) * v.scale_words[word]
            current = 0.0
            last = "scale"
        else:
            return None
    if last in ("", "and"):
        return None
    return total + current


def step_of_value(value: float) -> float:
    """Step for a number written in words: the place of its last non-zero digit."""
    if value <= 0 or not math.isfinite(value) or value != int(value):
        return 1.0
    return step_of_integer_digits(str(int(value)))


def format_number(value: float) -> str:
    """Compact human form of a number for messages: 140000000000 -> 140bn."""
    magnitude = abs(value)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if magnitude >= scale:
            return f"{value / scale:,.4g}{suffix}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"
