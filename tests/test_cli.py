"""python main.py --headless: the report, the --json lines, and one-line refusals with status 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from core.cli import main
from core.init import linear_weight
from tests import torch_twin

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--headless", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120, env=env)


def json_lines(capsys, *args: str) -> list[dict]:
    assert main(["--headless", "--json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_report_shows_the_seed_example():
    result = run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for text in ("Adam(lr=0.001, betas=(0.9, 0.999)", "dL/dW by hand", "dL/dW by torch autograd",
                 "central differences", "agree within", "W after 1 step by torch.optim.Adam", "29.5375"):
        assert text in out
    assert result.stderr == ""


def test_the_report_is_utf8_even_where_the_output_encoding_cannot_write_it():
    """On Windows a pipe or a file gets the ANSI code page (cp1252), which has no '−' or '⊙': UTF-8 instead of a
    crash."""
    result = run(env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert "L = mean((a − y)²)" in result.stdout and "⊙" in result.stdout


def test_json_gives_one_line_per_state_with_gradients_at_that_state(capsys):
    records = json_lines(capsys, "--steps", "3", "--dtype", "float64", "--optimizer", "sgd", "--lr", "0.5")
    assert [r["step"] for r in records] == [0, 1, 2, 3]
    x, y = [-0.5, 0.1, 1.1], [0.1, 0.2, 9.9]
    for r in records:
        w = np.array(r["weight"]["torch"])
        loss, grad = torch_twin.loss_and_grad(w, x, y, "sigmoid", "float64")
        assert_allclose(r["loss"]["torch"], loss, rtol=1e-12)
        assert_allclose(r["grad"]["torch"], grad, rtol=1e-12, atol=1e-15)
        assert_allclose(r["grad"]["manual"], grad, rtol=1e-10, atol=1e-14)
        assert_allclose(r["grad"]["numeric"], grad, rtol=1e-6, atol=1e-9)
    # SGD: W_{k+1} = W_k − lr·g_k
    for before, after in zip(records, records[1:]):
        expected = np.array(before["weight"]["manual"]) - 0.5 * np.array(before["grad"]["manual"])
        assert_allclose(after["weight"]["manual"], expected, rtol=1e-14)


def test_weights_x_y_and_seed_options(capsys):
    r = json_lines(capsys, "--steps", "0", "--weights=1,2,3,4,5,6", "--x=-1,0.5", "--y=0.1,0.2,0.3",
                   "--activation", "tanh")[0]
    assert_allclose(r["weight"]["manual"], [[1, 2], [3, 4], [5, 6]], rtol=0)
    r = json_lines(capsys, "--steps", "0", "--seed", "42")[0]
    assert_allclose(r["weight"]["torch"], linear_weight(42, 3, 3), rtol=0)


@pytest.mark.parametrize("args", [
    ["--optimizer", "sgd", "--momentum", "0.9", "--nesterov", "--weight-decay", "0.01", "--lr", "0.1"],
    ["--optimizer", "sgd", "--momentum", "0.9", "--dampening", "0.3"],
    ["--optimizer", "adam", "--betas=0.8,0.99", "--eps", "1e-6", "--amsgrad"],
    ["--optimizer", "adamw", "--weight-decay", "0.1"],
    ["--optimizer", "rmsprop", "--alpha", "0.9", "--centered", "--momentum", "0.2"],
    ["--optimizer", "adagrad", "--lr-decay", "0.01", "--initial-accumulator-value", "0.1"],
])
def test_every_optimizer_option_reaches_both_engines(capsys, args):
    records = json_lines(capsys, "--steps", "20", "--dtype", "float64", *args)
    last = records[-1]
    assert_allclose(last["weight"]["manual"], last["weight"]["torch"], rtol=0, atol=1e-12)
    assert np.max(np.abs(np.subtract(last["weight"]["manual"], records[0]["weight"]["manual"]))) > 1e-4


def test_session_file_continues_where_it_stopped(tmp_path, capsys):
    path = str(tmp_path / "s.json")
    json_lines(capsys, "--steps", "10", "--save", path)
    continued = json_lines(capsys, "--steps", "5", "--session", path)
    straight = json_lines(capsys, "--steps", "15")
    assert [r["step"] for r in continued] == list(range(10, 16))
    assert_allclose(continued[-1]["weight"]["torch"], straight[-1]["weight"]["torch"], rtol=0, atol=0)
    assert_allclose(continued[-1]["weight"]["manual"], straight[-1]["weight"]["manual"], rtol=0, atol=0)


@pytest.mark.parametrize("args, message", [
    (["--weights=1,2,3"], "--weights has 3 numbers, but W is 3×3"),
    (["--optimizer", "lbfgs"], "invalid choice: 'lbfgs'"),
    (["--lr", "fast"], "'fast' is not a number"),
    (["--lr", "1,5"], "use a dot for decimals"),
    (["--lr=-1"], "lr must be 0 or more"),
    (["--x=1,abc,3"], "x number 2 'abc' is not a number"),
    (["--x=1,nan,3"], "not a finite number"),
    (["--betas=0.9"], "--betas takes 2 numbers"),
    (["--momentum", "0.9"], "--momentum does not apply to Adam"),
    (["--steps", "-1"], "--steps must be from 0"),
    (["--seed", "1", "--weights=1,2,3,4,5,6,7,8,9"], "give --weights or --seed, not both"),
    (["--session", "/nonexistent/file.json"], "Cannot open /nonexistent/file.json"),
    (["--dtype", "float16"], "invalid choice: 'float16'"),
])
def test_bad_arguments_give_one_clear_line_and_status_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert message in lines[0]
    assert result.stdout == ""


def test_divergence_exits_with_status_3_after_the_last_finite_state():
    result = run("--json", "--optimizer", "sgd", "--lr", "1e6", "--activation", "identity", "--steps", "100")
    assert result.returncode == 3
    assert "diverged" in result.stderr and "smaller learning rate" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert 1 < len(records) < 40
    assert all(np.isfinite(r["loss"]["manual"]) for r in records)
