"""Turning typed text into numbers, with refusals that say what is accepted."""

import math
import re

MAX_MAGNITUDE = 1e6  # largest |value| for W, x and y: keeps z = W·x and the loss finite in float32 at n = 16

_COMMA_DECIMAL = re.compile(r"\s*[+-]?\d*,\d+\s*")


def parse_number(text: str, what: str = "value") -> float:
    """A finite float from `text`, or a ValueError whose message says what to type instead."""
    if not isinstance(text, str):
        raise ValueError(f"{what} must be text holding a number")
    s = text.strip()
    if not s:
        raise ValueError(f"{what} is empty: type a number such as 0.5 or -1e-3")
    if _COMMA_DECIMAL.fullmatch(s):
        raise ValueError(f"{what} {text!r}: use a dot for decimals, as in {s.replace(',', '.')}")
    try:
        value = float(s)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number: type one such as 0.5 or -1e-3") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} {text!r} is not a finite number")
    return value


def parse_value(text: str, what: str = "value") -> float:
    """A number for W, x or y: finite and at most MAX_MAGNITUDE in size."""
    value = parse_number(text, what)
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"{what} {text.strip()!r} is too large: use a number from -{MAX_MAGNITUDE:g} to "
                         f"{MAX_MAGNITUDE:g}")
    return value


def parse_list(text: str, what: str) -> list[float]:
    """Comma-separated values for W, x or y."""
    parts = text.split(",")
    return [parse_value(p, f"{what} number {k + 1}") for k, p in enumerate(parts)]
