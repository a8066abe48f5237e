"""How numbers and indices are written, on screen and in core's messages alike: x₁, w₂₃, −0.5."""

import math

MINUS = "\u2212"  # typographic minus: easier to read from the back of a room than a hyphen

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(k: int) -> str:
    """1-based subscript digits, as on the board: sub(0) == "₁"."""
    return str(k + 1).translate(_SUBSCRIPTS)


def subscript(name: str, k: int) -> str:
    """x₁ for ("x", 0)."""
    return name + sub(k)


def unsigned_zero(value: float) -> float:
    """−0.0 as 0.0: IEEE's negative zero (a dead unit's δ·x) says nothing a class should read as a sign."""
    return 0.0 if value == 0 else value


def power_text(value: float, decimals: int = 0) -> str:
    """1e−4 for 0.0001: a threshold or a tolerance as the literature writes it (1.9e10 with one decimal)."""
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", MINUS)


def short_number(value: float, digits: int = 6) -> str:
    """At most `digits` significant digits, with a real minus sign; zero is always "0"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "∞"
    return f"{unsigned_zero(value):.{digits}g}".replace("-", MINUS)


_SUPERSCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def layer_unit(name: str, layer: int, k: int) -> str:
    """a₂⁽¹⁾ for ("a", 1, 1): unit k (0-based, written 1-based) of layer `layer`, the layer as a superscript."""
    return subscript(name, k) + f"({layer})".translate(_SUPERSCRIPTS)
