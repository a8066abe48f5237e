"""The banner's words about a broken backward: what the mistake is and which rows of the check caught it."""

import numpy as np
import pytest

import core.datasets
from core.check_report import (
    AMBER,
    BELOW_RESOLUTION,
    CAUGHT,
    CHANGES,
    NOTHING,
    ONE_SAMPLE_FIRST,
    ONE_SAMPLE_SUM,
    RED,
    REPAIRED,
    REPAIRED_BUT,
    SLOPE_ONE,
    TOO_LITTLE,
    WAITING,
    check_report,
)
from core.data import Batching, Data
from core.gradient_check import check_table
from core.mistakes import Mistake
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState

XOR = NetworkSpec.create([2, 4, 1], "tanh", bias=True, loss="bce")


def xor_session(**kwargs) -> Session:
    return Session(SessionState.drawn(Problem(XOR, core.datasets.generate("xor"), "float32"),
                                      OptimizerSpec.create("adam", lr=0.05)), **kwargs)


def report(session: Session) -> list[str]:
    e = session.evaluate()
    return check_report(e, check_table(e))


def test_a_caught_mistake_is_described_and_its_red_rows_named():
    session = xor_session()
    session.set_mistake(Mistake("forget_derivative", 1))
    what, how = report(session)
    assert what == Mistake("forget_derivative", 1).describe() and what.startswith("δ₁ is taken without")
    assert how.template == CAUGHT and how.values == {"rows": "W₁, b₁, δ₁"}
    session.set_mistake(None)
    assert [m.template for m in report(session)] == [REPAIRED]
    e = session.evaluate()
    rows = [row._replace(verdict="wrong") if row.name == "W2" else row for row in check_table(e)]
    assert [(m.template, m.values) for m in check_report(e, rows)] == [(REPAIRED_BUT, {"rows": "W₂"})]


@pytest.mark.parametrize("kind, reason", [("batch_sum", ONE_SAMPLE_SUM), ("bias_first_sample", ONE_SAMPLE_FIRST)])
def test_a_batch_of_one_says_why_nothing_turned_red(kind, reason):
    session = xor_session()
    session.set_batching(Batching(size=1))
    session.set_mistake(Mistake(kind))
    _, how = report(session)
    assert how.template == NOTHING and how.values["reason"].template == reason
    expected = "W₁, b₁, W₂, b₂, δ₁, δ₂" if kind == "batch_sum" else "b₁, b₂"
    assert how.values["rows"] == expected


def _session(spec: NetworkSpec, params: dict, X, Y, mistake: Mistake) -> Session:
    problem = Problem(spec, Data(np.asarray(X, float), np.asarray(Y, float)), "float64", mistake=mistake)
    return Session(SessionState.start_at(problem, OptimizerSpec.create("sgd"), params))


def test_a_forgotten_slope_of_one_changes_nothing_and_says_so():
    """A relu whose every z is positive has f′ = 1: forgetting it is no mistake on this batch."""
    spec = NetworkSpec.create([2, 2, 1], ["relu", "identity"], bias=True)
    params = {"W1": np.eye(2), "b1": np.ones(2), "W2": np.array([[0.5, -0.3]]), "b2": np.zeros(1)}
    session = _session(spec, params, [[1.0, 2.0], [0.5, 0.1]], [[1.0], [0.0]], Mistake("forget_derivative", 1))
    _, how = report(session)
    assert how.template == NOTHING and how.values["reason"].template == SLOPE_ONE and "z₁" in how.values["reason"]


def test_rows_the_mistake_changes_too_little_are_named_apart():
    """Layer 1's relu units are all dead: δ₁ = 0 with or without the mistake made above it, and a₁ = 0 makes
    dL/dW₂ = δ₂ᵀa₁ zero either way; only b₂ and δ₂ turn red."""
    spec = NetworkSpec.create([2, 3, 2, 1], ["relu", "tanh", "identity"], bias=True)
    rng = np.random.default_rng(1)
    params = {"W1": -np.ones((3, 2)), "b1": -np.ones(3), "W2": rng.normal(size=(2, 3)), "b2": rng.normal(size=2),
              "W3": rng.normal(size=(1, 2)), "b3": rng.normal(size=1)}
    session = _session(spec, params, [[1.0, 2.0], [0.5, 0.1]], [[1.0], [0.0]], Mistake("forget_derivative", 2))
    _, red, changes = report(session)
    assert red.template == RED and red.values == {"rows": "b₂, δ₂"}
    assert changes.template == TOO_LITTLE
    assert changes.values == {"rows": "W₁, b₁, W₂, b₂, δ₁, δ₂", "missing": "W₁, b₁, W₂, δ₁"}


def test_a_gradient_too_small_to_resolve_hides_the_mistake_and_says_so():
    """Every gradient is 0 at a perfect fit: there is nothing for a halved or summed gradient to differ from."""
    spec = NetworkSpec.create([1, 1], "identity")
    session = _session(spec, {"W1": np.array([[2.0]])}, [[1.0], [3.0]], [[2.0], [6.0]], Mistake("drop_two"))
    _, how = report(session)
    assert how.template == NOTHING and how.values["reason"].template == BELOW_RESOLUTION


def test_while_torch_loads_the_report_waits_for_it():
    session = xor_session(load_torch=False)
    session.set_mistake(Mistake("batch_sum"))
    assert [m.template for m in report(session)][1:] == [WAITING]


def test_a_doubtful_row_is_named_amber_not_red():
    session = xor_session()
    session.set_mistake(Mistake("forget_derivative", 1))
    e = session.evaluate()
    rows = [row._replace(close=True, verdict="doubtful") if row.name == "b1" else row for row in check_table(e)]
    _, red, amber, changes = check_report(e, rows)
    assert (red.template, red.values) == (RED, {"rows": "W₁, δ₁"})
    assert (amber.template, amber.values) == (AMBER, {"rows": "b₁", "low": "1e−4", "high": "1e−2"})
    assert (changes.template, changes.values) == (CHANGES, {"rows": "W₁, b₁, δ₁"})
