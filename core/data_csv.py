"""Data as CSV text: one sample per line, its inputs then its targets, comma-separated, decimals with a dot.

Read: an optional header (a first line with no number in it), blank lines and lines starting with `#` are
skipped; anything else must be a line of n_in + n_targets finite numbers (for cross-entropy, n_targets = 1: the
class index). The first problem found is refused with one message naming its line and column (1-based), and
nothing is loaded. Written numbers are Python's repr of each float64, which reads back to the same bits.
"""

import math
import os
import re

import numpy as np

from core.data import MAX_COLUMNS, MAX_SAMPLES, Data
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.text_file import read_text

MAX_FILE_BYTES = 16 * 2**20  # 10,000 lines of 32 numbers written in full are about 8 MB

# where: a location, then the problem found there
AT_COLUMN = QT_TRANSLATE_NOOP("core", "line {line}, column {column}: {problem}")
AT_LINE = QT_TRANSLATE_NOOP("core", "line {line}: {problem}")
WIDTHS = QT_TRANSLATE_NOOP("core", "a data file holds 1 to {most} inputs and 1 to {most} targets, not {n_in} and "
                           "{n_targets}")
NO_DATA = QT_TRANSLATE_NOOP("core", "it holds no data: expected lines of {expected} comma-separated numbers "
                            "(inputs: {n_in}, targets: {n_targets})")
COUNT = QT_TRANSLATE_NOOP("core", "expected {expected} values (inputs: {n_in}, targets: {n_targets}), found {found}")
DECIMAL_COMMAS = QT_TRANSLATE_NOOP("core", "expected {expected} values (inputs: {n_in}, targets: {n_targets}), "
                                   "found {found}. If the numbers have decimal commas (0,5), write them with a dot "
                                   "(0.5): in CSV a comma separates values")
SEPARATOR = QT_TRANSLATE_NOOP("core", "{text} holds {separator}: separate the values with commas, and write "
                              "decimals with a dot (0.5)")
EMPTY = QT_TRANSLATE_NOOP("core", "the value is missing; expected a number")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("core", "{text} is not a number")
NOT_FINITE = QT_TRANSLATE_NOOP("core", "{text} is not a finite number")
TOO_LARGE_NUMBER = QT_TRANSLATE_NOOP("core", "{text} is too large to represent")
TOO_MANY = QT_TRANSLATE_NOOP("core", "more than {most} samples; a data file holds at most {most}")
BLOCK_WIDTH = QT_TRANSLATE_NOOP("core", "expected {expected} values, as on the first line, found {found}")
NO_BLOCK = QT_TRANSLATE_NOOP("core", "it holds no numbers: copy cells from a spreadsheet, or lines of "
                             "comma-separated numbers")
DECIMAL_COMMA = QT_TRANSLATE_NOOP("core", "{text} has a decimal comma: write it with a dot, as in {fixed}")

# a decimal number in ASCII digits: what repr(float) writes, and what spreadsheets export
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")
_SEPARATORS = {";": "';'", "\t": Message(QT_TRANSLATE_NOOP("core", "a tab"))}  # in a header or a value
_VALUE_SEPARATORS = _SEPARATORS | {" ": Message(QT_TRANSLATE_NOOP("core", "a space"))}  # names may hold spaces


class CsvError(ValueError):
    """CSV that cannot be loaded; the message names the line and column and what was expected there."""


def read_csv(text: str, n_in: int, n_targets: int) -> Data:
    """The samples in CSV `text`, n_in input columns then n_targets target columns; CsvError if it is not that."""
    if not (1 <= n_in <= MAX_COLUMNS and 1 <= n_targets <= MAX_COLUMNS):
        raise CsvError(Message(WIDTHS, most=MAX_COLUMNS, n_in=n_in, n_targets=n_targets))
    widths = dict(expected=n_in + n_targets, n_in=n_in, n_targets=n_targets)
    rows, header_allowed = [], True
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split(",")]
        if header_allowed and not any(_is_number(f) for f in fields):
            _check_header(fields, number, widths)
        else:
            if len(rows) == MAX_SAMPLES:
                raise CsvError(Message(AT_LINE, line=number, problem=Message(TOO_MANY, most=MAX_SAMPLES)))
            rows.append(_row(fields, number, widths))
        header_allowed = False
    if not rows:
        raise CsvError(Message(NO_DATA, **widths))
    table = np.array(rows, dtype=np.float64)  # (m, n_in + n_targets)
    return Data(table[:, :n_in], table[:, n_in:])


def _is_number(field: str) -> bool:
    """Whether Python reads `field` as a float (nan and inf included): such a line is data, not a header."""
    try:
        float(field)
    except ValueError:
        return False
    return True


def _check_header(fields: list[str], number: int, widths: dict) -> None:
    """A header names each column once: the same count as the data, with commas between the names."""
    _check_separators(fields, number, _SEPARATORS)
    if len(fields) != widths["expected"]:
        raise _count_error(fields, number, widths)


def _row(fields: list[str], number: int, widths: dict) -> list[float]:
    """The numbers of data line `number`, or the CsvError of its first bad field."""
    _check_separators(fields, number, _VALUE_SEPARATORS)
    if len(fields) != widths["expected"]:
        raise _count_error(fields, number, widths)
    return [_value(field, number, column) for column, field in enumerate(fields, start=1)]


def _check_separators(fields: list[str], number: int, separators: dict[str, str]) -> None:
    """A CsvError at the first field holding one of `separators`: values separated by something else than commas."""
    for column, field in enumerate(fields, start=1):
        for separator, name in separators.items():
            if separator in field:
                raise CsvError(Message(AT_COLUMN, line=number, column=column,
                                       problem=Message(SEPARATOR, text=repr(field), separator=name)))


def _count_error(fields: list[str], number: int, widths: dict) -> CsvError:
    """Too few or too many values on a line: located at the first missing or extra column."""
    found = len(fields)
    # too many whole numbers may be decimals written with a comma: 0,5 reads as 0 and 5
    commas = found > widths["expected"] and all(_WHOLE.fullmatch(f) for f in fields)
    problem = Message(DECIMAL_COMMAS if commas else COUNT, found=found, **widths)
    return CsvError(Message(AT_COLUMN, line=number, column=min(found, widths["expected"]) + 1, problem=problem))


def _value(field: str, number: int, column: int) -> float:
    """The finite number in `field`, or a CsvError saying what it is instead."""
    if not field:
        problem = Message(EMPTY)
    elif _NUMBER.fullmatch(field):
        value = float(field)
        if math.isfinite(value):
            return value
        problem = Message(TOO_LARGE_NUMBER, text=repr(field))  # 1e999
    else:  # nan and inf are words Python reads as numbers; so are 1_000 and non-ASCII digits, which CSV is not
        problem = Message(NOT_FINITE if _is_number(field) and not math.isfinite(float(field)) else NOT_A_NUMBER,
                          text=repr(field))
    raise CsvError(Message(AT_COLUMN, line=number, column=column, problem=problem))


def read_block(text: str) -> np.ndarray:
    """A block of numbers copied from a spreadsheet (tab-separated) or typed as CSV (comma-separated), (rows,
    columns); a first line without numbers (column names) and blank lines are skipped. CsvError at the first
    problem, with its line and column in `text`."""
    separator = "\t" if "\t" in text else ","
    rows, header_allowed = [], True
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")), start=1):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(separator)]
        if not (header_allowed and not any(_is_number(f) for f in fields)):
            if len(rows) == MAX_SAMPLES:
                raise CsvError(Message(AT_LINE, line=number, problem=Message(TOO_MANY, most=MAX_SAMPLES)))
            if rows and len(fields) != len(rows[0]):
                raise CsvError(Message(AT_COLUMN, line=number, column=min(len(fields), len(rows[0])) + 1,
                                       problem=Message(BLOCK_WIDTH, expected=len(rows[0]), found=len(fields))))
            rows.append([_block_value(field, number, column) for column, field in enumerate(fields, start=1)])
        header_allowed = False
    if not rows:
        raise CsvError(Message(NO_BLOCK))
    return np.array(rows, dtype=np.float64)  # (rows, columns)


def _block_value(field: str, number: int, column: int) -> float:
    """The number in a pasted cell; a decimal comma (a spreadsheet in a language that writes 0,5) is named."""
    if _DECIMAL_COMMA.fullmatch(field):
        raise CsvError(Message(AT_COLUMN, line=number, column=column,
                               problem=Message(DECIMAL_COMMA, text=repr(field), fixed=field.replace(",", "."))))
    return _value(field, number, column)


def load_csv(path: str | os.PathLike, n_in: int, n_targets: int) -> Data:
    """Read a CSV file of data; CsvError names the file and what is wrong with it."""
    return read_text(path, MAX_FILE_BYTES, QT_TRANSLATE_NOOP("core", "data files"),
                     lambda text: read_csv(text, n_in, n_targets), CsvError)


def column_names(n_in: int, n_targets: int, classes: bool = False) -> list[str]:
    """x1, x2, …, then y1, y2, … or `class` for a column of class indices."""
    targets = ["class"] if classes else [f"y{j}" for j in range(1, n_targets + 1)]
    return [f"x{j}" for j in range(1, n_in + 1)] + targets


def dump_csv(data: Data, header: list[str] | None = None) -> str:
    """`data` as CSV text that read_csv(text, data.n_in, data.n_targets) reads back bit for bit."""
    if header is not None:
        _check_names(header, data.n_in + data.n_targets)
    table = np.hstack([data.X, data.Y])  # (m, n_in + n_targets)
    lines = [",".join(repr(v) for v in row) for row in table.tolist()]
    return "\n".join(([",".join(header)] if header is not None else []) + lines) + "\n"


def _check_names(header: list[str], columns: int) -> None:
    """A header the reader takes as one: a name per column, none a number, empty, or holding a separator."""
    bad = [n for n in header if not n.strip() or _is_number(n) or any(c in n for c in ",;\t\r\n")]
    if len(header) != columns or bad or header[0].lstrip().startswith("#"):
        raise ValueError(f"a header needs {columns} names, none empty, a number, or holding , ; or a line break: "
                         f"{header!r}")
