"""Break the backward: each deliberate mistake is caught by the gradient check at exactly the tensors it affects."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.data import Data
from core.evaluation import evaluate
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState
from core.torch_engine import TorchEngine

CURVED = ("sigmoid", "tanh", "leaky_relu")  # f′ is never 1 everywhere: forgetting it always shows


def _evaluation(spec: NetworkSpec, mistake: Mistake | None, seed: int, samples: int, dtype: str = "float64"):
    """A generic network (normal random parameters and data: nothing zero, nothing symmetric) with `mistake`."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(samples, spec.n_in))
    if spec.loss == "ce":
        Y = rng.integers(0, spec.n_out, samples)
    elif spec.loss == "bce":
        Y = rng.uniform(0, 1, (samples, spec.n_out))
    else:
        Y = rng.normal(size=(samples, spec.n_out))
    problem = Problem(spec, Data(X, Y), dtype, mistake=mistake)
    params = {name: rng.normal(size=shape) for name, shape in spec.shapes.items()}
    state = SessionState.start_at(problem, OptimizerSpec.create("sgd"), params)
    engine = TorchEngine()
    engine.load(state.torch, state.optimizer, problem)
    return evaluate(state, engine)


def _flagged(evaluation) -> set[str]:
    from core.gradient_check import check_table

    return {row.name for row in check_table(evaluation) if row.flagged}


@st.composite
def broken_networks(draw):
    """A network of 1–4 layers, a mistake it can carry, and where it is made."""
    kind = draw(st.sampled_from(sorted(MISTAKE_KINDS)))
    loss = "mse" if kind == "drop_two" else draw(st.sampled_from(["mse", "bce", "ce"]))
    linear_last = loss != "mse"  # under bce and ce the last layer is linear: no f′ to forget there
    layers = draw(st.integers(2 if kind == "no_transpose" or (kind == "forget_derivative" and linear_last) else 1,
                              4))
    widths = [draw(st.integers(2 if loss == "ce" else 1, 5)) for _ in range(layers + 1)]
    layer = None
    if kind == "forget_derivative":
        layer = draw(st.integers(1, layers - linear_last))
    elif kind == "no_transpose":
        layer = draw(st.integers(1, layers - 1))
        widths[layer + 1] = widths[layer] = max(2, widths[layer])  # δ·Wᵀ fits between equally wide layers only,
        # and a 1 × 1 W is its own transpose
    activations = [draw(st.sampled_from(CURVED)) for _ in range(layers)]
    spec = NetworkSpec.create(widths, activations if loss == "mse" else activations[:-1] + ["identity"],
                              bias=draw(st.booleans()) or kind == "bias_first_sample", loss=loss)
    return spec, Mistake(kind, layer), draw(st.integers(0, 2**32 - 1))


@settings(max_examples=60)
@given(broken_networks())
def test_each_mistake_is_caught_exactly_at_the_tensors_it_affects(case):
    spec, mistake, seed = case
    assert mistake.refusal(spec) is None
    layer = mistake.layer
    params = {"forget_derivative": [n for n in spec.parameter_names if spec.layer_of(n) <= (layer or 0)],
              "no_transpose": [n for n in spec.parameter_names if spec.layer_of(n) <= (layer or 0)],
              "batch_sum": spec.parameter_names, "drop_two": spec.parameter_names,
              "bias_first_sample": [n for n in spec.parameter_names if n.startswith("b")]}[mistake.kind]
    deltas = {"forget_derivative": range(1, (layer or 0) + 1), "no_transpose": range(1, (layer or 0) + 1),
              "batch_sum": range(1, spec.layers + 1), "drop_two": range(1, spec.layers + 1),
              "bias_first_sample": ()}[mistake.kind]
    expected = set(params) | {f"δ{l}" for l in deltas}
    assert set(mistake.affected(spec)) == set(params)  # what the banner says the check will find
    assert set(mistake.affected_rows(spec)) == expected
    repaired = _evaluation(spec, None, seed, samples=4)
    assert _flagged(repaired) == set()  # nothing flagged while the backward is right
    broken = _evaluation(spec, mistake, seed, samples=4)
    # where the mistake changes a gradient visibly: a leaky relu whose z are all positive has f′ = 1 to forget,
    # and a gradient vanished below what central differences resolve (~1e-7 through deep 1-wide sigmoid layers)
    # hides any mistake, as in any gradient check
    for name in params:
        right, wrong = repaired.grads[name], broken.grads[name]
        assume(np.max(np.abs(wrong - right)) > 1e-2 * np.max(np.abs(right)) and np.max(np.abs(right)) > 1e-5)
    assert _flagged(broken) == expected


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_xor_with_each_mistake_and_a_batch_of_one(dtype):
    """A batch of one sums and averages alike: the batch mistakes change nothing there, and nothing is flagged."""
    spec = NetworkSpec.create([2, 4, 1], "tanh", bias=True, loss="bce")
    for kind in ("batch_sum", "bias_first_sample"):
        assert _flagged(_evaluation(spec, Mistake(kind), 3, samples=1, dtype=dtype)) == set()
        assert _flagged(_evaluation(spec, Mistake(kind), 3, samples=4, dtype=dtype))
    caught = _flagged(_evaluation(spec, Mistake("forget_derivative", 1), 3, samples=4, dtype=dtype))
    assert caught == {"W1", "b1", "δ1"}


def test_the_mistake_is_part_of_the_session_its_undo_and_its_files():
    from core.session_file import dumps, loads

    session = Session(SessionState.drawn(Problem(NetworkSpec.create([2, 3, 3, 1], "tanh", bias=True),
                                                 Data([[1.0, -1.0], [0.5, 2.0]], [[0.2], [0.7]]), "float64"),
                                         OptimizerSpec.create("sgd", lr=0.1)))
    session.set_mistake(Mistake("no_transpose", 1))
    assert session.undo_label == "Break the backward: no_transpose:1"
    assert loads(dumps(session.state)).problem.mistake == Mistake("no_transpose", 1)
    session.step(3)
    manual, torch = session.state.manual.params["W1"], session.state.torch.params["W1"]
    assert np.max(np.abs(manual - torch)) > 1e-6  # the hand-written trajectory follows its broken gradient
    session.set_mistake(None)
    assert session.undo_label == "Repair the backward" and session.problem.mistake is None
    session.undo()
    assert session.problem.mistake == Mistake("no_transpose", 1)


@pytest.mark.parametrize("spec, mistake, message", [
    (NetworkSpec.create([2, 3, 1]), Mistake("no_transpose", 1), "equally wide"),
    (NetworkSpec.create([2, 3]), Mistake("no_transpose", 1), "single layer"),
    (NetworkSpec.create([2, 3, 3]), Mistake("no_transpose", 2), "has no layer above it"),
    (NetworkSpec.create([2, 3, 2], loss="ce"), Mistake("drop_two"), "only the squared error"),
    (NetworkSpec.create([2, 3]), Mistake("forget_derivative", 3), "no layer 3"),
    (NetworkSpec.create([2, 3, 1], "tanh", loss="bce"), Mistake("forget_derivative", 2), "layer 2 is linear"),
    (NetworkSpec.create([2, 1, 1]), Mistake("no_transpose", 1), "its own transpose"),
    (NetworkSpec.create([2, 3, 1]), Mistake("bias_first_sample"), "has no bias"),
])
def test_a_mistake_that_cannot_be_made_here_says_why(spec, mistake, message):
    assert message in mistake.refusal(spec)


def test_a_mistake_names_its_layer_or_none():
    with pytest.raises(ValueError, match="is made in one layer"):
        Mistake("forget_derivative")
    with pytest.raises(ValueError, match="takes no layer"):
        Mistake("batch_sum", 2)
    assert Mistake.parse("forget_derivative:2") == Mistake("forget_derivative", 2)
    with pytest.raises(ValueError, match="unknown mistake"):
        Mistake.parse("forget")


def test_without_central_differences_the_table_checks_against_autograd_alone():
    """What a table following Run or Play shows: every row but the parameters' relative errors, which wait, and
    no central differences computed for it."""
    from core.gradient_check import check_table

    spec = NetworkSpec.create([2, 3, 3, 1], "tanh", bias=True)
    broken = _evaluation(spec, Mistake("forget_derivative", 2), 5, samples=4)
    quick = check_table(broken, numeric=False)
    assert "numeric" not in broken.__dict__  # the cached central differences were never asked for
    full = check_table(broken)
    for fast, slow in zip(quick, full, strict=True):
        assert (fast.name, fast.shape, fast.exact, fast.close, fast.max_abs) == (slow.name, slow.shape, slow.exact,
                                                                                 slow.close, slow.max_abs)
        if fast.name.startswith("δ"):
            assert fast == slow
        else:
            assert np.isnan(fast.relative) and fast.verdict == "unchecked"
    # autograd alone already catches the mistake: the hand-written gradients are outside its tolerance
    assert {r.name for r in quick if r.flagged} == {r.name for r in full if r.flagged} == {"W1", "b1", "W2", "b2",
                                                                                          "δ1", "δ2"}
    assert [r.status for r in quick] == ["wrong"] * 4 + ["unchecked"] * 2 + ["wrong"] * 2 + ["good"]
    assert [r.label for r in quick] == ["W₁", "b₁", "W₂", "b₂", "W₃", "b₃", "δ₁", "δ₂", "δ₃"]
