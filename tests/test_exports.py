"""Exports: CSV, Markdown, LaTeX, and a standalone script whose numbers match the app's."""

import csv
import io
import subprocess
import sys

import pytest
from numpy.testing import assert_allclose

from core.exports import latex, loss_csv, markdown, python_script
from core.optimizer_spec import OptimizerSpec
from core.session import Session


def test_csv_has_every_state(tmp_path):
    session = Session()
    session.step(5)
    rows = list(csv.DictReader(io.StringIO(loss_csv(session.state, session.evaluate()))))
    assert [int(r["step"]) for r in rows] == list(range(6))
    assert_allclose([float(r["loss_manual"]) for r in rows[:5]], session.state.trace.manual, rtol=0)
    assert_allclose(float(rows[5]["loss_torch"]), session.evaluate().torch.loss, rtol=0)


def test_markdown_and_latex_hold_the_numbers():
    session = Session()
    session.step(2)
    e = session.evaluate()
    md, tex = markdown(session.state, e), latex(session.state, e)
    first = f"{e.chain.dL_dW[2, 2]:.6g}"
    assert "**dL/dW by torch autograd**" in md and first in md
    assert r"\begin{bmatrix}" in tex and first in tex and "Step 2" in tex


@pytest.mark.parametrize("spec, activation, dtype", [
    (OptimizerSpec.create("adam"), "sigmoid", "float32"),
    (OptimizerSpec.create("sgd", lr=0.5, momentum=0.9, nesterov=True), "tanh", "float64"),
    (OptimizerSpec.create("adamw", lr=0.01, amsgrad=True), "relu", "float64"),
    (OptimizerSpec.create("rmsprop", centered=True, momentum=0.3), "leaky_relu", "float32"),
    (OptimizerSpec.create("adagrad", lr=0.1, initial_accumulator_value=0.1), "identity", "float64"),
])
def test_exported_script_reproduces_the_sessions_losses(tmp_path, spec, activation, dtype):
    session = Session()
    session.set_activation(activation)
    session.set_dtype(dtype)
    session.set_optimizer(spec)
    session.step(20)
    path = tmp_path / "replay.py"
    path.write_text(python_script(session.state), encoding="utf-8")  # as the app writes it, whatever the locale
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 21
    manual = [float(r["loss_manual"]) for r in rows]
    torch_losses = [float(r["loss_torch"]) for r in rows]
    # the same code and the same operations: the same numbers
    assert_allclose(manual[:20], session.state.trace.manual, rtol=1e-12)
    assert_allclose(torch_losses[:20], session.state.trace.torch, rtol=1e-12)
    assert_allclose(manual[20], session.evaluate().forward.loss, rtol=1e-12)
    lines = path.read_text(encoding="utf-8").splitlines()
    imports = [line.split()[1] for line in lines if line.startswith(("import ", "from "))]
    assert imports and all(name.split(".")[0] in ("numpy", "torch") for name in imports)
