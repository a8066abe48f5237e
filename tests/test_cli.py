"""python main.py --headless: the report, the --json lines, and one-line refusals with status 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from core.cli import build_parser, main
from core.data_csv import dump_csv
from core.datasets import generate
from core.init import initial_parameters, linear_weight
from tests import torch_twin

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--headless", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120, env=env)


def json_lines(capsys, *args: str) -> list[dict]:
    assert main(["--headless", "--json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_report_shows_the_seed_example():
    """The one test that runs main.py as a user does: a process of its own."""
    result = run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for text in ("Adam(lr=0.001, betas=(0.9, 0.999)", "dL/dW1 by hand", "dL/dW1 by torch autograd",
                 "central differences", "agree within", "W1 after 1 step by torch.optim.Adam", "29.5375"):
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
        assert r["grads"]["W1"] == r["grad"] and r["params"]["W1"] == r["weight"]
    # SGD: W_{k+1} = W_k − lr·g_k
    for before, after in zip(records, records[1:]):
        expected = np.array(before["weight"]["manual"]) - 0.5 * np.array(before["grad"]["manual"])
        assert_allclose(after["weight"]["manual"], expected, rtol=1e-14)


def test_json_of_a_layered_network_carries_every_parameter_and_the_batch_each_update_takes(capsys, tmp_path):
    """XOR 2-4-1 with bias and bce in batches of 3 (4 samples: batches of 3 and 1): each record's loss and
    gradients are those of the batch that the next update takes, and every parameter's three gradients agree."""
    records = json_lines(capsys, "--dataset", "xor", "--layers=2,4,1", "--bias", "--loss", "bce", "--activation",
                         "tanh", "--batch-size", "3", "--dtype", "float64", "--optimizer", "sgd", "--lr", "0.5",
                         "--steps", "4")
    data = generate("xor")
    batches = [slice(0, 3), slice(3, 4)] * 3
    for k, r in enumerate(records):
        assert list(r["params"]) == list(r["grads"]) == ["W1", "b1", "W2", "b2"]
        assert "weight" not in r and "grad" not in r
        params = {n: np.array(v["torch"]) for n, v in r["params"].items()}
        rows = batches[k]
        loss, grads, _ = torch_twin.network_pass([2, 4, 1], ["tanh", "identity"], "bce", params, data.X[rows],
                                                 data.Y[rows], "float64")
        assert_allclose(r["loss"]["torch"], loss, rtol=1e-12)
        for name, g in grads.items():
            assert_allclose(r["grads"][name]["torch"], g, rtol=1e-12, atol=1e-15)
            assert_allclose(r["grads"][name]["manual"], g, rtol=1e-9, atol=1e-12)
            assert_allclose(r["grads"][name]["numeric"], g, rtol=1e-5, atol=1e-8)
    assert_allclose(records[0]["params"]["W1"]["manual"], initial_parameters([2, 4, 1], True)["W1"], rtol=0)


LARGE = ["--layers=2,16,16,16,16,1", "--activation", "tanh", "--bias", "--loss", "bce", "--dataset", "moons",
         "--samples", "10000"]


def test_json_of_a_large_network_on_many_samples_leaves_the_entries_differences_did_not_take_null(capsys):
    """Central differences at a sample of entries: null, never a number, where an entry was not differenced."""
    record = json_lines(capsys, *LARGE, "--steps", "0")[0]
    differenced = entries = 0
    for name, g in record["grads"].items():
        numeric = np.array(g["numeric"], dtype=object).ravel()
        known = np.array([v is not None for v in numeric])
        assert known.any(), name
        assert_allclose(numeric[known].astype(float), np.ravel(g["manual"])[known], rtol=1e-4, atol=1e-6)
        differenced, entries = differenced + known.sum(), entries + known.size
    assert 0 < differenced <= entries // 10 and entries == 881


def test_the_report_of_a_large_network_says_central_differences_took_a_sample(capsys):
    assert main(["--headless", *LARGE, "--steps", "0"]) == 0
    out = capsys.readouterr().out
    block = out.split("dL/dW1 by central differences (float64), at ")[1].split("\n\n")[0]
    count = int(block.split(" of 32 entries")[0])
    cells = block.split()[4:]  # after "N of 32 entries"
    assert len(cells) == 32 and 0 < count == sum(cell != "—" for cell in cells) < 32
    assert "of 881 entries, a sample: every entry would take 1.9e10 multiply-adds. (— not computed)" in out


def test_data_from_a_csv_file_with_shuffled_batches(capsys, tmp_path):
    data = generate("spiral3", samples=30, noise=0.0, seed=3)
    path = tmp_path / "spiral.csv"
    path.write_text(dump_csv(data, ["x1", "x2", "class"]))
    records = json_lines(capsys, "--data", str(path), "--layers=2,5,3", "--loss", "ce", "--activation", "relu",
                         "--batch-size", "8", "--shuffle", "--data-seed", "7", "--steps", "5", "--init", "he",
                         "--seed", "2")
    assert len(records) == 6
    assert_allclose(records[0]["params"]["W1"]["manual"], initial_parameters([2, 5, 3], False, "he", 2)["W1"],
                    rtol=0)
    order = np.random.default_rng([7, 0]).permutation(30)  # the README's order of epoch 0
    params = {n: np.array(v["torch"]) for n, v in records[2]["params"].items()}
    rows = order[16:24]  # the third batch
    loss, _, _ = torch_twin.network_pass([2, 5, 3], ["relu", "identity"], "ce", params, data.X[rows],
                                         data.labels()[rows], "float32")
    assert_allclose(records[2]["loss"]["torch"], loss, rtol=1e-6)


def test_a_broken_backward_disagrees_exactly_where_it_breaks(capsys):
    out = json_lines(capsys, "--layers=3,4,4,2", "--x=0.5,-1,2", "--y=0.2,0.7", "--activation", "tanh",
                     "--break", "forget_derivative:2", "--steps", "0", "--dtype", "float64")[0]

    def agree(name):
        g = out["grads"][name]
        return np.allclose(g["manual"], g["torch"], rtol=1e-9, atol=1e-12)
    assert [agree(n) for n in ("W1", "W2", "W3")] == [False, False, True]


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
    common = ["--dataset", "moons", "--samples", "20", "--layers=2,3,1", "--bias", "--loss", "bce",
              "--batch-size", "6", "--shuffle"]
    json_lines(capsys, *common, "--steps", "10", "--save", path)
    continued = json_lines(capsys, "--steps", "5", "--session", path)
    straight = json_lines(capsys, *common, "--steps", "15")
    assert [r["step"] for r in continued] == list(range(10, 16))
    assert continued[-1]["params"] == straight[-1]["params"]


def test_help_explains_every_flag_with_its_default(capsys):
    parser = build_parser()
    for action in parser._actions:
        if action.option_strings and action.dest not in ("help", "headless", "json", "session", "save"):
            assert action.help and "default" in action.help, action.option_strings
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())  # as argparse wraps it to the terminal
    assert "0.001 for SGD, Adam, AdamW; 0.01 for RMSprop, Adagrad" in text  # the learning rate's defaults


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
    (["--seed", "1", "--weights=1,2,3,4,5,6,7,8,9"], "give --weights or --init/--seed, not both"),
    (["--session", "/nonexistent/file.json"], "Cannot open /nonexistent/file.json"),
    (["--dtype", "float16"], "invalid choice: 'float16'"),
    (["--layers=2,0,1"], "--layers width must be from 1 to 16"),
    (["--layers=2,3,3,3,3,3,3,1"], "1 to 6 layers"),
    (["--activation", "softmax"], "unknown activation 'softmax'"),
    (["--layers=3,4,3", "--activation", "tanh,relu,tanh"], "3 activations for 2 layers"),
    (["--loss", "ce", "--layers=3,1"], "at least 2 outputs"),
    (["--dataset", "xor", "--layers=3,1"], "input columns in the data: 2; inputs of the network: 3"),
    (["--dataset", "xor", "--x=1,2"], "give one source of data, not --dataset and --x/--y"),
    (["--samples", "5"], "--samples and --noise shape a generated --dataset"),
    (["--data", "/nonexistent.csv"], "Cannot open /nonexistent.csv"),
    (["--break", "forget_derivative:5"], "no layer 5"),
    (["--break", "no_transpose:1", "--layers=3,4,3"], "equally wide"),
    (["--break", "drop_two", "--loss", "bce", "--dataset", "xor"], "only the squared error"),
    (["--break", "typo"], "unknown mistake 'typo'"),
    (["--batch-size", "0"], "--batch-size must be from 1"),
    (["--weights=1,2,3,4", "--layers=3,2,3"], "--weights sets W of a one-layer network"),
])
def test_bad_arguments_give_one_clear_line_and_status_2(capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["--headless", *args])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    assert message in lines[0]
    assert captured.out == ""


def test_divergence_exits_with_status_3_after_the_last_finite_state(capsys):
    status = main(["--headless", "--json", "--optimizer", "sgd", "--lr", "1e6", "--activation", "identity",
                   "--steps", "100"])
    captured = capsys.readouterr()
    assert status == 3
    assert "diverged" in captured.err and "smaller learning rate" in captured.err
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert 1 < len(records) < 40
    assert all(np.isfinite(r["loss"]["manual"]) for r in records)
