"""Turning typed text into numbers, with refusals that say what is accepted."""

import math
import re

from core.i18n import QT_TRANSLATE_NOOP, Message
from core.network import check_widths

MAX_MAGNITUDE = 1e6  # largest |value| for W, x and y: keeps z = W·x and the loss finite in float32 at n = 16

_COMMA_DECIMAL = re.compile(r"\s*[+-]?\d*,\d+\s*")


def parse_number(text: str, what: str = "value") -> float:
    """A finite float from `text`, or a ValueError whose message says what to type instead."""
    if not isinstance(text, str):
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} must be text holding a number"), what=what))
    s = text.strip()
    if not s:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} is empty: type a number such as 0.5 or -1e-3"),
                                 what=what))
    if _COMMA_DECIMAL.fullmatch(s):
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} {text}: use a dot for decimals, "
                                                           "as in {fixed}"),
                                 what=what, text=repr(text), fixed=s.replace(",", ".")))
    try:
        value = float(s)
    except ValueError:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} {text} is not a number: type one such as 0.5 "
                                                           "or -1e-3"),
                                 what=what, text=repr(text))) from None
    if not math.isfinite(value):
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} {text} is not a finite number"), what=what,
                                 text=repr(text)))
    return value


def parse_value(text: str, what: str = "value") -> float:
    """A number for W, x or y: finite and at most MAX_MAGNITUDE in size."""
    value = parse_number(text, what)
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} {text} is too large: use a number from -{max} "
                                                           "to {max}"),
                                 what=what, text=repr(text.strip()), max=f"{MAX_MAGNITUDE:g}"))
    return value


def parse_list(text: str, what: str) -> list[float]:
    """Comma-separated values for W, x or y."""
    parts = text.split(",")
    return [parse_value(p, f"{what} number {k + 1}") for k, p in enumerate(parts)]


WIDTHS_EXAMPLE = QT_TRANSLATE_NOOP("core", "type the widths from the inputs to the outputs, as in 2, 4, 1")
NOT_A_WIDTH = QT_TRANSLATE_NOOP("core", "{text} is not a whole number: {example}")


def parse_widths(text: str) -> tuple[int, ...]:
    """A network's widths N0, …, NL typed as "2, 4, 1" (or "2 4 1", or "2-4-1" as the network is named), checked
    against the sizes a network may have; a ValueError says what to type."""
    tokens = [t for t in re.split(r"[,;\s]+", text.strip()) if t]
    if len(tokens) == 1 and re.fullmatch(r"\d+(-\d+)+", tokens[0]):
        tokens = tokens[0].split("-")
    if not tokens:
        raise ValueError(Message(WIDTHS_EXAMPLE))
    for token in tokens:
        if not re.fullmatch(r"[+-]?\d+", token):
            raise ValueError(Message(NOT_A_WIDTH, text=repr(token), example=Message(WIDTHS_EXAMPLE)))
    return check_widths([int(t) for t in tokens])
