"""Typed text becomes a finite number or a refusal that says what to type; nothing else can happen."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.parse import MAX_MAGNITUDE, parse_number, parse_value, parse_widths


@given(st.text())
def test_any_text_gives_a_finite_number_or_a_clear_refusal(text):
    try:
        value = parse_value(text, "W[1,1]")
    except ValueError as e:
        message = str(e)
        assert message.startswith("W[1,1]")
        assert any(hint in message for hint in ("type a number", "type one such as", "use a dot", "finite",
                                                "too large"))
    else:
        assert math.isfinite(value) and abs(value) <= MAX_MAGNITUDE


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE))
def test_every_number_round_trips_through_its_text(value):
    assert parse_value(repr(value)) == pytest.approx(value, rel=0, abs=0)


@pytest.mark.parametrize("text, message", [
    ("", "is empty"), ("   ", "is empty"), ("abc", "is not a number"), ("nan", "not a finite number"),
    ("inf", "not a finite number"), ("-Infinity", "not a finite number"), ("1e400", "not a finite number"),
    ("1,5", "use a dot for decimals, as in 1.5"), ("-0,25", "as in -0.25"), ("2e6", "too large"),
])
def test_refusals_say_what_is_accepted(text, message):
    with pytest.raises(ValueError, match=message):
        parse_value(text)


def test_hyperparameters_take_any_finite_size():
    assert parse_number("1e6") == pytest.approx(1e6, rel=0, abs=0)
    assert parse_number(" 0.5 ") == pytest.approx(0.5, rel=0, abs=0)


@pytest.mark.parametrize("text, widths", [("2,4,1", (2, 4, 1)), (" 2, 4 , 1 ", (2, 4, 1)), ("2 4 1", (2, 4, 1)),
                                          ("2-4-1", (2, 4, 1)), ("3,3", (3, 3)), ("16; 16", (16, 16))])
def test_widths_are_typed_as_the_network_is_named(text, widths):
    assert parse_widths(text) == widths


@pytest.mark.parametrize("text, message", [
    ("", "type the widths from the inputs to the outputs, as in 2, 4, 1"),
    ("2, a, 1", "'a' is not a whole number: type the widths"), ("2.5, 1", "'2.5' is not a whole number"),
    ("2, 40, 1", "from 1 to 16, not 40"), ("2, -4, 1", "not -4"), ("2, 0", "not 0"),
    ("3", "2 to 7 widths .1 to 6 layers., not 1"), ("1,2,3,4,5,6,7,8", "not 8"),
])
def test_widths_that_make_no_network_are_refused_with_what_to_type(text, message):
    with pytest.raises(ValueError, match=message):
        parse_widths(text)
