"""Exports: CSV, Markdown, LaTeX, and a standalone script whose numbers match the app's."""

import contextlib
import csv
import io
import runpy
import sys

import pytest
from numpy.testing import assert_allclose

from core.data import Batching
from core.datasets import generate
from core.evaluation import evaluate
from core.exports import latex, loss_csv, markdown, python_script
from core.mistakes import Mistake
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState


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
    first = f"{e.grads['W1'][2, 2]:.6g}"
    assert "**dL/dW1 by torch autograd**" in md and first in md
    assert r"\begin{bmatrix}" in tex and first in tex and "Step 2" in tex


def test_central_differences_taken_at_a_sample_show_a_dash_where_they_left_an_entry_out():
    """2-16-16-16-16-1 on 10,000 samples: a number where an entry was differenced, "—" (never "nan") elsewhere."""
    from tests.test_numeric import large_state

    state = large_state()
    e = evaluate(state)
    md, tex = markdown(state, e), latex(state, e)
    computed = e.numeric.computed["W1"]
    assert f"**dL/dW1 by central differences, at {computed.sum()} of 32 entries (— not computed)**" in md
    table = md.split("**dL/dW1 by central differences")[1].split("**")[1]
    cells = [cell.strip() for line in table.strip().splitlines()[2:] for cell in line.strip("| ").split(" | ")]
    assert cells == [f"{v:.6g}" if known else "—" for v, known in zip(e.numeric.grads["W1"].ravel(),
                                                                      computed.ravel())]
    assert "nan" not in md.lower() and "nan" not in tex.lower() and r"\text{---}" in tex


def _layered(spec: OptimizerSpec, dtype: str) -> SessionState:
    """Spiral, 2-6-6-3 with bias and cross-entropy, shuffled batches of 16, a broken backward in layer 1."""
    problem = Problem(NetworkSpec.create([2, 6, 6, 3], "tanh", bias=True, loss="ce"), generate("spiral3", 40),
                      dtype, Batching(16, shuffle=True, seed=5), Mistake("forget_derivative", 1))
    return SessionState.drawn(problem, spec)


def _replay(state: SessionState, tmp_path) -> list[dict]:
    """Run the exported script in this process (torch is imported already); its rows."""
    path = tmp_path / "replay.py"
    path.write_text(python_script(state), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(path), run_name="__main__")
    text = path.read_text(encoding="utf-8")
    imports = {line.split()[1].split(".")[0] for line in text.splitlines() if line.startswith(("import ", "from "))}
    third_party = imports - set(sys.stdlib_module_names) - {"__future__"}
    assert third_party == {"numpy", "torch"}  # and nothing of this project
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.mark.parametrize("spec, activation, dtype", [
    (OptimizerSpec.create("adam"), "sigmoid", "float32"),
    (OptimizerSpec.create("sgd", lr=0.5, momentum=0.9, nesterov=True), "tanh", "float64"),
    (OptimizerSpec.create("adamw", lr=0.01, amsgrad=True), "relu", "float64"),
    (OptimizerSpec.create("rmsprop", centered=True, momentum=0.3), "leaky_relu", "float32"),
    (OptimizerSpec.create("adagrad", lr=0.1, initial_accumulator_value=0.1), "identity", "float64"),
    (OptimizerSpec.create("adam", lr=0.02), "layered", "float32"),
])
def test_exported_script_reproduces_the_sessions_losses(tmp_path, spec, activation, dtype):
    if activation == "layered":
        session = Session(_layered(spec, dtype))
    else:
        session = Session()
        session.set_activation(activation)
        session.set_dtype(dtype)
        session.set_optimizer(spec)
    session.step(20)
    rows = _replay(session.state, tmp_path)
    assert len(rows) == 21
    manual = [float(r["loss_manual"]) for r in rows]
    torch_losses = [float(r["loss_torch"]) for r in rows]
    # the same code and the same operations: the same numbers
    assert_allclose(manual[:20], session.state.trace.manual, rtol=1e-12)
    assert_allclose(torch_losses[:20], session.state.trace.torch, rtol=1e-12)
    assert_allclose(manual[20], session.evaluate().forward.loss, rtol=1e-12)
