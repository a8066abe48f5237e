"""CSV data: exact round trips, and one clear refusal naming line and column for anything else."""

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_array_equal

from core.data import MAX_SAMPLES, Data, fits
from core.data_csv import MAX_FILE_BYTES, CsvError, column_names, dump_csv, load_csv, read_block, read_csv
from core.datasets import generate
from core.i18n import Message


def test_reads_inputs_then_targets_past_a_header_comments_and_blank_lines():
    text = "\ufeff# made by hand\nx1, x2 ,y1\r\n\n 0.5, -1e-3, 2\r\n# a comment between samples\n.25,3.,+1E2\n\n  \n"
    data = read_csv(text, 2, 1)
    assert_array_equal(data.X, [[0.5, -0.001], [0.25, 3.0]])
    assert_array_equal(data.Y, [[2.0], [100.0]])


def test_a_class_column_is_read_as_numbers_and_checked_by_fits():
    data = read_csv("x1,x2,class\n0,0,0\n0,1,1\n1,1,2\n", 2, 1)
    assert_array_equal(data.labels(), [0, 1, 2])
    assert fits(data, 2, 3, "ce") is None
    assert fits(data, 2, 2, "ce") == "sample 3 has class 2; with 2 outputs the classes are 0 to 1"


def _refusal(text: str, n_in: int = 2, n_targets: int = 1) -> str:
    with pytest.raises(CsvError) as refused:
        read_csv(text, n_in, n_targets)
    assert isinstance(refused.value.args[0], Message)
    return str(refused.value)


EXPECTED = "expected 3 values (inputs: 2, targets: 1)"


@pytest.mark.parametrize("text, message", [
    ("", "it holds no data: expected lines of 3 comma-separated numbers (inputs: 2, targets: 1)"),
    ("\n\n# only a comment\n", "it holds no data: expected lines of 3 comma-separated numbers (inputs: 2, "
                               "targets: 1)"),
    ("x1,x2,y\n", "it holds no data: expected lines of 3 comma-separated numbers (inputs: 2, targets: 1)"),
    ("1,2,3\n4,5\n", f"line 2, column 3: {EXPECTED}, found 2"),
    ("1,2,3\n4,5,6,7.5\n", f"line 2, column 4: {EXPECTED}, found 4"),
    ("x1,x2\n1,2,3\n", f"line 1, column 3: {EXPECTED}, found 2"),
    ("1,2,3\n1.5,abc,3\n", "line 2, column 2: 'abc' is not a number"),
    ("x1,2,y\n", "line 1, column 1: 'x1' is not a number"),
    ("1,2,3\nx1,x2,y\n", "line 2, column 1: 'x1' is not a number"),
    ("1,,3\n", "line 1, column 2: the value is missing; expected a number"),
    ("1,2,nan\n", "line 1, column 3: 'nan' is not a finite number"),
    ("1,-Infinity,3\n", "line 1, column 2: '-Infinity' is not a finite number"),
    ("1,2,1e999\n", "line 1, column 3: '1e999' is too large to represent"),
    ("1,2,1_000\n", "line 1, column 3: '1_000' is not a number"),
    ("1,2,٣\n", "line 1, column 3: '٣' is not a number"),
    ("1,2,0x1f\n", "line 1, column 3: '0x1f' is not a number"),
    ('1,2,"3"\n', "line 1, column 3: '\"3\"' is not a number"),
    ("0,5,1,5,2,0\n", f"line 1, column 4: {EXPECTED}, found 6. If the numbers have decimal commas (0,5), write "
                      "them with a dot (0.5): in CSV a comma separates values"),
    ("x;y;z\n0,5;1,5;2\n", "line 1, column 1: 'x;y;z' holds ';': separate the values with commas, and write "
                           "decimals with a dot (0.5)"),
    ("0,5;1,5;2\n", "line 1, column 2: '5;1' holds ';': separate the values with commas, and write decimals with "
                    "a dot (0.5)"),
    ("1\t2\t3\n", "line 1, column 1: '1\\t2\\t3' holds a tab: separate the values with commas, and write decimals "
                  "with a dot (0.5)"),
    ("1,2,3\n1 2 3\n", "line 2, column 1: '1 2 3' holds a space: separate the values with commas, and write "
                        "decimals with a dot (0.5)"),
    ("1 2 3\n", f"line 1, column 2: {EXPECTED}, found 1"),  # a first line without a comma may be a header
    ("x 1,x 2,y\n1,2,3\n", None),
])
def test_a_bad_csv_gets_one_message_naming_line_and_column(text, message):
    if message is None:  # names may hold spaces
        assert read_csv(text, 2, 1).m == 1
    else:
        assert _refusal(text) == message


def test_more_than_the_most_samples_is_refused_at_the_first_line_too_many():
    rows = "0.5,1\n" * MAX_SAMPLES
    assert read_csv("x,y\n" + rows, 1, 1).m == MAX_SAMPLES
    assert _refusal("x,y\n" + rows + "1,2\n", 1, 1) == "line 10002: more than 10000 samples; a data file holds at " \
                                                       "most 10000"


@pytest.mark.parametrize("n_in, n_targets", [(0, 1), (17, 1), (2, 0), (2, 17)])
def test_more_than_sixteen_input_or_target_columns_are_refused(n_in, n_targets):
    assert _refusal("1,2\n", n_in, n_targets) == (f"a data file holds 1 to 16 inputs and 1 to 16 targets, not {n_in} "
                                                  f"and {n_targets}")


def test_dump_writes_a_header_and_every_number_in_full():
    data = Data([[0.1, -0.0], [1e-300, 2.5]], [[0.0], [1.0]])
    assert dump_csv(data, column_names(2, 1, classes=True)) == (
        "x1,x2,class\n0.1,-0.0,0.0\n1e-300,2.5,1.0\n")
    assert dump_csv(data) == "0.1,-0.0,0.0\n1e-300,2.5,1.0\n"
    assert column_names(1, 3) == ["x1", "y1", "y2", "y3"]


@pytest.mark.parametrize("header", [["x1", "x2"], ["x1", "x2", "y", "z"], ["x1", "", "y"], ["x1", "2", "y"],
                                    ["x1", "nan", "y"], ["x1", "a,b", "y"], ["x1", "a;b", "y"], ["#x1", "x2", "y"],
                                    ["x1", "x\n2", "y"]])
def test_dump_refuses_a_header_the_reader_would_not_take_as_one(header):
    with pytest.raises(ValueError, match="a header needs 3 names"):
        dump_csv(Data([[1.0, 2.0]], [3.0]), header)


finite = st.floats(allow_nan=False, allow_infinity=False)  # subnormals, −0.0 and the largest doubles included


@st.composite
def tables(draw, samples: int = 20, columns: int = 16):
    """Data of 1..samples samples with 1..columns inputs and 1..columns targets, any finite float64."""
    m, n_in, n_targets = draw(st.integers(1, samples)), draw(st.integers(1, columns)), draw(st.integers(1, columns))
    return Data(draw(arrays(np.float64, (m, n_in), elements=finite)),
                draw(arrays(np.float64, (m, n_targets), elements=finite)))


@settings(max_examples=150)
@given(data=tables(), named=st.booleans())
def test_dump_then_read_gives_bit_identical_arrays(data, named):
    header = column_names(data.n_in, data.n_targets) if named else None
    back = read_csv(dump_csv(data, header), data.n_in, data.n_targets)
    assert back.X.tobytes() == data.X.tobytes() and back.X.shape == data.X.shape
    assert back.Y.tobytes() == data.Y.tobytes() and back.Y.shape == data.Y.shape


def test_a_generated_set_survives_a_file(tmp_path):
    data = generate("spiral3", 500, 0.1, 7)
    path = tmp_path / "spiral.csv"
    path.write_text(dump_csv(data, column_names(2, 1, classes=True)), encoding="utf-8")
    back = load_csv(path, 2, 1)
    assert_array_equal(back.X, data.X)
    assert_array_equal(back.labels(), data.labels())


def _read_or_refuse(text: str, n_in: int, n_targets: int) -> None:
    """read_csv returns valid Data or raises CsvError with a message; anything else (warnings are errors in the
    tests) fails."""
    try:
        data = read_csv(text, n_in, n_targets)
    except CsvError as e:
        assert isinstance(e.args[0], Message) and str(e)
        return
    assert (data.n_in, data.n_targets) == (n_in, n_targets) and 1 <= data.m <= MAX_SAMPLES
    assert np.isfinite(data.X).all() and np.isfinite(data.Y).all()


CSV_CHARACTERS = st.sampled_from(list("0123456789,.-+eE \t\r\n#;xyabnfiNI_\"'\ufeff٣"))
CSV_WORDS = st.sampled_from(["nan", "-inf", "Infinity", "1e999", "1e-400", "0,5", "1_0", "0x1", "x1", '"1"', "",
                             " 2 ", "-0"])


@settings(max_examples=300)
@given(text=st.text(st.characters() | CSV_CHARACTERS, max_size=200), n_in=st.integers(1, 3),
       n_targets=st.integers(1, 2))
def test_any_text_is_read_or_refused_with_a_message(text, n_in, n_targets):
    _read_or_refuse(text, n_in, n_targets)


@st.composite
def mutated_csvs(draw):
    """A valid CSV with a value replaced by a word, then a few characters or words inserted, deleted or replaced;
    and its widths."""
    data = draw(tables(samples=5, columns=4))
    text = dump_csv(data, column_names(data.n_in, data.n_targets) if draw(st.booleans()) else None)
    rows = [line.split(",") for line in text.splitlines()]
    row = draw(st.sampled_from(rows))
    row[draw(st.integers(0, len(row) - 1))] = draw(CSV_WORDS)
    text = "\n".join(",".join(fields) for fields in rows) + "\n"
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.text(CSV_CHARACTERS, max_size=3) | CSV_WORDS) + text[at + cut:]
    return text, data.n_in, data.n_targets


@settings(max_examples=300)
@given(case=mutated_csvs())
def test_a_mutated_csv_is_read_or_refused_with_a_message(case):
    _read_or_refuse(*case)


def _load_refusal(path, n_in: int = 1, n_targets: int = 1) -> str:
    with pytest.raises(CsvError) as refused:
        load_csv(path, n_in, n_targets)
    assert isinstance(refused.value.args[0], Message)
    return str(refused.value)


def test_load_names_the_file_and_its_first_problem(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x,y\n1,2\n3,oops\n", encoding="utf-8")
    assert _load_refusal(path) == f"Cannot open {path}: line 3, column 2: 'oops' is not a number"
    path.write_bytes(b"x,y\n1,\xff\n")
    assert _load_refusal(path) == f"Cannot open {path}: it is not a text file"
    assert _load_refusal(tmp_path) == f"Cannot open {tmp_path}: it is a folder, not a file"
    missing = tmp_path / "missing.csv"
    assert _load_refusal(missing) == f"Cannot open {missing}: No such file or directory"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert _load_refusal(pipe) == f"Cannot open {pipe}: it is not a regular file"  # reading it would block


def test_load_refuses_a_file_too_large_before_reading_it(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written
    assert _load_refusal(path) == f"Cannot open {path}: it is 17 MB; data files are at most 16 MB"


@pytest.mark.parametrize("text, block", [
    ("1\t2\n3\t4\n", [[1.0, 2.0], [3.0, 4.0]]),  # a spreadsheet's copy: tabs, a line break after the last row
    ("x1\ty1\r\n-0.5\t1e-3\r\n", [[-0.5, 1e-3]]),  # with the column names
    ("0.25, -1\n\n3, 4", [[0.25, -1.0], [3.0, 4.0]]),  # typed as CSV
    ("7", [[7.0]]),  # one cell
])
def test_a_pasted_block_is_read_row_by_row(text, block):
    assert_array_equal(read_block(text), block)


@pytest.mark.parametrize("text, message", [
    ("1\t2\n3\n", "line 2, column 2: expected 2 values, as on the first line, found 1"),
    ("1\t0,5\n", "line 1, column 2: '0,5' has a decimal comma: write it with a dot, as in 0.5"),
    ("1\t2\n3\tx\n", "line 2, column 2: 'x' is not a number"),
    ("1\t\n", "line 1, column 2: the value is missing; expected a number"),
    ("1\tnan\n", "line 1, column 2: 'nan' is not a finite number"),
    ("", "it holds no numbers: copy cells from a spreadsheet, or lines of comma-separated numbers"),
    ("a\tb\n", "it holds no numbers: copy cells from a spreadsheet, or lines of comma-separated numbers"),
])
def test_a_bad_block_is_refused_naming_line_and_column(text, message):
    with pytest.raises(CsvError) as refusal:
        read_block(text)
    assert str(refusal.value) == message
    assert isinstance(refusal.value.args[0], Message)
