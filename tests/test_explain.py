"""The explanations are the computation: every parameter's chain rule against the backward pass that made the
gradient grid and against torch, and the written-out updates against the real next step."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from core import optimizers
from core.activations import ACTIVATIONS, LEAKY_SLOPE
from core.engine_state import EngineState
from core.evaluation import evaluate
from core.explain import next_update, state_quantities
from core.losses import softmax
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import NetworkSpec, backward, forward, per_sample_gradients
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState, default_state
from core.torch_engine import TorchEngine
from tests import torch_twin
from tests.explain_cases import evaluation_of, spiral_state, tanh_regression_state, xor_state
from tests.network_strategies import problems
from tests.one_layer import gradient
from tests.strategies import networks
from tests.test_network import magnitudes
from tests.test_optimizers import CONFIG_IDS, CONFIGS, MAX_STEP_GAP, as_numpy_state, manual_train

RTOL = {"float32": 1e-6, "float64": 1e-14}


def _sub(k):
    return str(k + 1).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _one_layer_evaluation(problem, weight):
    return evaluate(SessionState.start_at(problem, OptimizerSpec.create("sgd"), {"W1": weight}))


@given(networks(), st.data())
def test_one_layer_chain_rule_factors_multiply_to_the_gradient_shown(network, data):
    problem, weight = network
    i, j = data.draw(st.integers(0, problem.n_out - 1)), data.draw(st.integers(0, problem.n_in - 1))
    e = _one_layer_evaluation(problem, weight)
    chain = e.explained.chain("W1", (i, j), 0)
    assert_allclose(chain.product, chain.gradient, rtol=0, atol=0)  # one sample: its term is the whole sum
    assert chain.agrees  # what the view marks with ✔
    values = [f.value for f in chain.factors]
    # in float64 the factors' product is rounded once less; below the dtype's normal range that is all precision
    tiny = float(np.finfo(problem.np_dtype).tiny)
    assert_allclose(np.prod(values), chain.gradient, rtol=10 * RTOL[problem.dtype], atol=10 * tiny)
    # and each factor is the number its formula describes, written as the blog post writes it
    n = problem.n_out
    assert_allclose(values[0], (2 / n) * (float(e.forward.output[0, i]) - float(problem.y_cast[i])),
                    rtol=RTOL[problem.dtype], atol=1e-12)
    assert_allclose(values[2], problem.x_cast[j], rtol=0)
    assert [f.name for f in chain.factors] == [f"∂L/∂a{_sub(i)}", f"∂a{_sub(i)}/∂z{_sub(i)}",
                                                f"∂z{_sub(i)}/∂w{_sub(i)}{_sub(j)}"]
    assert chain.factors[0].formula() == f"(2/{n})(a{_sub(i)} − y{_sub(i)})"
    assert chain.terms == () and chain.above == ()  # a single layer: the loss makes ∂L/∂a itself


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_every_activation_writes_its_derivative_for_the_chosen_unit(name):
    problem = Problem.one_layer([1.0, -2.0], [0.5, 0.1, 0.2], name, "float64")
    w = np.array([[0.3, 0.1], [-0.2, 0.4], [0.5, 0.5]])
    chain = _one_layer_evaluation(problem, w).explained.chain("W1", (1, 0), 0)
    formula = chain.factors[1].formula()
    assert "{" not in formula and "}" not in formula
    assert ("a₂" in formula or "z₂" in formula) or name == "identity"
    assert chain.factors[2].formula() == "x₁"
    if name == "leaky_relu":
        assert str(LEAKY_SLOPE) in formula


def test_the_seeds_chain_rule_reads_as_before():
    chain = evaluate(default_state()).explained.chain("W1", (2, 1), 0)
    assert [f.formula() for f in chain.factors] == ["(2/3)(a₃ − y₃)", "a₃(1 − a₃)", "x₂"]
    assert chain.notation.entry("W1", (2, 1)) == "w₃₂"


@st.composite
def explained_entries(draw, dtypes=("float32", "float64"), mistakes=True):
    """An evaluation of a random network and batch (with a deliberate mistake it can carry, sometimes), one of its
    parameter entries and one sample of the batch."""
    spec, params, X, targets, dtype = draw(problems(dtypes=dtypes))
    mistake = None
    kind = draw(st.sampled_from([None, *MISTAKE_KINDS])) if mistakes else None
    if kind is not None:
        mistake = Mistake(kind, draw(st.integers(1, spec.layers)) if MISTAKE_KINDS[kind].in_layer else None)
        mistake = None if mistake.refusal(spec) else mistake
    name = draw(st.sampled_from(spec.parameter_names))
    index = tuple(draw(st.integers(0, n - 1)) for n in spec.shapes[name])
    sample = draw(st.integers(0, len(X) - 1))
    return evaluation_of(spec, params, X, targets, dtype, mistake), name, index, sample


@settings(max_examples=300)
@given(explained_entries())
def test_every_entrys_chain_is_the_numbers_backward_computed(case):
    """δ is ∂L/∂a times f′ as backward() multiplied them, the factors' product is the sample's term of the batch's
    sum, each sample's own gradient is per_sample_gradients', and their mean is the gradient grid's value: for any
    layer, loss, bias, dtype and deliberate mistake."""
    e, name, index, b = case
    chain = e.explained.chain(name, index, b)
    mistake = e.state.problem.mistake
    fwd, bwd, dtype = e.forward, e.backward, e.state.problem.np_dtype
    l, i = chain.layer, index[0]
    dL_da, f_prime, dz = (f.value for f in chain.factors)
    delta = bwd.deltas[l - 1][b, i]
    forgotten = mistake == Mistake("forget_derivative", l)
    assert (f_prime is None) == forgotten
    assert_allclose(dtype.type(dL_da) if forgotten else dtype.type(dL_da) * dtype.type(f_prime), delta, rtol=0, atol=0)
    if f_prime is not None:
        assert_allclose(f_prime, bwd.derivatives[l - 1][b, i], rtol=0, atol=0)
    assert_allclose(chain.product, delta * dtype.type(dz), rtol=0, atol=0)
    weights, biases = per_sample_gradients(fwd, bwd, l)
    assert_allclose(chain.per_sample, biases[:, i] if chain.is_bias else weights[:, i, index[1]], rtol=0, atol=0)
    batch = len(chain.per_sample)
    if chain.first_sample_only:  # the mistake: the grid holds sample 1's δ alone
        assert_allclose(chain.gradient, bwd.deltas[l - 1][0, i], rtol=0, atol=0)
    else:
        scale = float(np.mean(np.abs(chain.per_sample), dtype=np.float64))
        info = np.finfo(dtype)  # below the normal range a rounding is a step of the smallest subnormal
        assert_allclose(chain.mean, chain.gradient, rtol=0,
                        atol=batch * (info.eps * scale + info.smallest_subnormal))
        assert chain.agrees
        if batch == 1:
            assert_allclose(chain.product, chain.gradient, rtol=0, atol=0)
    _assert_the_sum_over_the_layer_above(e, chain, dL_da)
    _assert_the_chain_down_from_the_loss(e, chain)


def _assert_the_sum_over_the_layer_above(e, chain, dL_da) -> None:
    """Below the last layer ∂L/∂a_l[i] is Σ_k δ_{l+1}[k] · W_{l+1}[k, i], term by term ([i, k] without the
    transpose, a deliberate mistake)."""
    spec, mistake = e.state.problem.network, e.state.problem.mistake
    l, i, b = chain.layer, chain.index[0], chain.sample
    if l == spec.layers:
        assert chain.terms == ()
        assert_allclose(dL_da, e.backward.dL_dout[b, i], rtol=0, atol=0)
        return
    transposed = mistake == Mistake("no_transpose", l)
    assert chain.transposed == transposed
    w = e.state.manual.params[f"W{l + 1}"]
    assert [t.unit for t in chain.terms] == list(range(spec.widths[l + 1]))
    for t in chain.terms:
        assert_allclose(t.delta, e.backward.deltas[l][b, t.unit], rtol=0, atol=0)
        assert_allclose(t.weight, w[i, t.unit] if transposed else w[t.unit, i], rtol=0, atol=0)
    products = np.array([t.product for t in chain.terms])
    eps = np.finfo(e.state.problem.np_dtype).eps
    assert_allclose(np.sum(products), dL_da, rtol=0, atol=2 * (len(products) + 1) * eps * np.sum(np.abs(products)))


def _assert_the_chain_down_from_the_loss(e, chain) -> None:
    """δ_L … δ_{l+1} of the sample, each its ∂L/∂a times f′ (the loss's gradient at the top)."""
    spec, mistake = e.state.problem.network, e.state.problem.mistake
    b = chain.sample
    assert [s.layer for s in chain.above] == list(range(spec.layers, chain.layer, -1))
    for step in chain.above:
        m = step.layer
        assert step.forgotten == (mistake == Mistake("forget_derivative", m))
        assert step.transposed == (mistake == Mistake("no_transpose", m))
        assert_allclose(step.delta, e.backward.deltas[m - 1][b], rtol=0, atol=0)
        assert_allclose(step.derivative, e.backward.derivatives[m - 1][b], rtol=0, atol=0)
        assert_allclose(step.incoming if step.forgotten else step.incoming * step.derivative, step.delta, rtol=0,
                        atol=0)
        if m == spec.layers:
            assert_allclose(step.incoming, e.backward.dL_dout[b], rtol=0, atol=0)


def _torch_incoming(spec, params, X, targets, dtype) -> list[np.ndarray]:
    """dL/da_l of every layer, by autograd (retain_grad on each activation's output)."""
    model = torch_twin.sequential(spec.widths, spec.activations, params, dtype)
    h = torch.tensor(np.asarray(X), dtype=getattr(torch, dtype))
    outs = []
    for module in model:
        h = module(h)
        if not isinstance(module, torch.nn.Linear):
            h.retain_grad()
            outs.append(h)
    torch_twin.LOSSES[spec.loss](h, torch_twin.torch_targets(targets, spec.loss, dtype)).backward()
    return [a.grad.numpy().copy() for a in outs]


@settings(max_examples=60)
@given(explained_entries(dtypes=("float64",), mistakes=False))
def test_the_chain_is_autograds(case):
    """Every ∂L/∂a and δ on the path as autograd finds them, the loss's own dL/da in its formula, and each
    sample's own gradient as autograd gives it for that sample's loss alone."""
    e, name, index, b = case
    chain = e.explained.chain(name, index, b)
    spec, params = e.state.problem.network, e.state.manual.params
    X, targets = e.X, e.targets
    delta_sizes, _ = magnitudes(spec, params, e.forward, e.backward, targets)
    _, _, torch_deltas = torch_twin.network_pass(spec.widths, spec.activations, spec.loss, params, X, targets,
                                                 "float64")
    torch_incoming = _torch_incoming(spec, params, X, targets, "float64")
    for step in chain.above:
        m = step.layer
        scale = 1e-10 * float(np.max(delta_sizes[m - 1])) + 1e-300
        assert_allclose(step.delta, torch_deltas[m - 1][b], rtol=0, atol=scale)
        assert_allclose(e.explained.incoming[m - 1][b], torch_incoming[m - 1][b], rtol=0,
                        atol=1e-10 * np.max(np.abs(torch_incoming[m - 1])) + 1e-12)
    l, i = chain.layer, index[0]
    assert_allclose(chain.factors[0].value, torch_incoming[l - 1][b, i], rtol=0,
                    atol=1e-10 * np.max(np.abs(torch_incoming[l - 1])) + 1e-12)
    if l == spec.layers:
        _assert_the_loss_formula(spec, chain, e.forward.output, targets)
    one = slice(b, b + 1)
    _, alone, _ = torch_twin.network_pass(spec.widths, spec.activations, spec.loss, params, X[one], targets[one],
                                          "float64")
    fwd = forward(spec, params, X[one], targets[one])
    _, sizes = magnitudes(spec, params, fwd, backward(spec, params, fwd, targets[one]), targets[one])
    assert_allclose(chain.per_sample[b], alone[name][index], rtol=0, atol=1e-10 * sizes[name][index] + 1e-300)


def _assert_the_loss_formula(spec, chain, output, targets) -> None:
    """mse 2(a − y)/n, bce (σ(z) − y)/n with n = B·N outputs, ce (softmax(z) − one-hot)/B."""
    b, i = chain.sample, chain.index[0]
    batch, out = len(targets), output.astype(np.float64)
    if spec.loss == "mse":
        n, expected = batch * spec.n_out, 2 * (out[b, i] - targets[b, i])
    elif spec.loss == "bce":
        n, expected = batch * spec.n_out, 1 / (1 + np.exp(-out[b, i])) - targets[b, i]
    else:
        n, expected = batch, softmax(out)[b, i] - (targets[b] == i)
    assert_allclose(chain.factors[0].value, expected / n, rtol=1e-12, atol=1e-15)
    assert chain.factors[0].formula().endswith(f"/{n}") or f"/{n})" in chain.factors[0].formula() or n == 1


@pytest.mark.parametrize("make, name, index, formulas", [
    (xor_state, "W2", (0, 3), ["(σ(z₂[1]) − y[1])/4", "1", "a₁[4]"]),
    (xor_state, "b1", (2,), ["Σₖ δ₂[k] · W₂[k,3]", "1 − a₁[3]²", "1"]),
    (tanh_regression_state, "W3", (0, 1), ["(2/8)(a₃[1] − y[1])", "1 − a₃[1]²", "a₂[2]"]),
    (tanh_regression_state, "W1", (4, 0), ["Σₖ δ₂[k] · W₂[k,5]", "1 − a₁[5]²", "x[1]"]),
    (spiral_state, "W3", (1, 0), ["(softmax(z₃)[2] − {y})/32", "1", "a₂[1]"]),  # y: one-hot of its class
])
def test_each_loss_and_layer_writes_its_factors(make, name, index, formulas):
    e = evaluate(make("float64"))
    chain = e.explained.chain(name, index, 1)  # the batch's second sample
    y = int(e.targets[1] == index[0]) if e.state.problem.network.loss == "ce" else None
    assert [f.formula() for f in chain.factors] == [f.format(y=y) for f in formulas]
    assert chain.row == e.state.problem.batch_indices(e.state.cursor)[1]
    entry = f"{name[0]}{_sub(int(name[1]) - 1)}[{','.join(str(k + 1) for k in index)}]"
    assert chain.notation.entry(name, index) == entry
    assert len(chain.per_sample) == len(e.X)
    assert_allclose(chain.mean, e.grads[name][index], rtol=1e-12, atol=1e-15)


def _mistaken(mistake: Mistake | None):
    """A 3-3-3-2 sigmoid network with bias, mse, 4 samples, carrying `mistake`."""
    rng = np.random.default_rng(3)
    spec = NetworkSpec.create([3, 3, 3, 2], "sigmoid", bias=True)
    params = {n: rng.normal(size=s) for n, s in spec.shapes.items()}
    return evaluation_of(spec, params, rng.normal(size=(4, 3)), rng.normal(size=(4, 2)), "float64", mistake)


def test_a_forgotten_derivative_is_written_out_missing():
    e = _mistaken(Mistake("forget_derivative", 2))
    chain = e.explained.chain("W2", (1, 2), 0)
    assert chain.factors[1].value is None
    assert_allclose(chain.per_sample.mean(), e.grads["W2"][1, 2], rtol=1e-12)
    below = e.explained.chain("W1", (0, 0), 0)
    assert [s.forgotten for s in below.above] == [False, True]


def test_a_forgotten_transpose_is_written_out_with_the_rows_it_takes():
    e = _mistaken(Mistake("no_transpose", 1))
    chain = e.explained.chain("W1", (2, 0), 1)
    assert chain.transposed and chain.factors[0].formula() == "Σₖ δ₂[k] · W₂[3,k]"
    assert_allclose([t.weight for t in chain.terms], e.state.manual.params["W2"][2, :], rtol=0, atol=0)
    assert_allclose(chain.per_sample.mean(), e.grads["W1"][2, 0], rtol=1e-12)


def test_a_sum_over_the_batch_and_a_dropped_two_show_in_the_losss_formula():
    right, summed, halved = (_mistaken(m).explained.chain("W3", (0, 1), 2)
                             for m in (None, Mistake("batch_sum"), Mistake("drop_two")))
    assert right.factors[0].formula() == "(2/8)(a₃[1] − y[1])"
    assert summed.factors[0].formula() == "(2/2)(a₃[1] − y[1])"  # a mean over the outputs only
    assert halved.factors[0].formula() == "(1/8)(a₃[1] − y[1])"
    assert_allclose(summed.gradient, 4 * right.gradient, rtol=1e-12)
    assert_allclose(halved.gradient, right.gradient / 2, rtol=1e-12)
    assert summed.agrees and halved.agrees  # the batch's mean is still what the (broken) grid shows


def test_a_bias_from_the_first_sample_only_is_not_the_mean_of_the_samples():
    e = _mistaken(Mistake("bias_first_sample"))
    chain = e.explained.chain("b2", (1,), 3)
    assert chain.first_sample_only and not chain.agrees
    assert_allclose(chain.gradient, chain.per_sample[0] / 4, rtol=1e-12)
    assert not e.explained.chain("W2", (1, 0), 3).first_sample_only


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kind, options", CONFIGS, ids=CONFIG_IDS)
def test_written_out_update_is_the_real_next_step(kind, options, dtype):
    """After 20 steps: the last line at every weight equals the next W, by our optimizer and by torch.optim."""
    spec = OptimizerSpec.create(kind, **options)
    problem = Problem.one_layer([-0.5, 0.1, 1.1], [0.3, 0.6, 0.9], "sigmoid", dtype)
    start = np.array([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.1, 0.2, 0.4]])
    w, state = manual_train(spec, start, problem, 20)
    _, grad = gradient(problem, w)
    update = next_update(spec, EngineState({"W1": w}, {"W1": state}), grad)
    after, _ = manual_train(spec, start, problem, 21)
    assert_allclose(update.weight, after, rtol=0, atol=0 if dtype == "float64" else 1e-7)
    torch_after, _ = torch_twin.train(spec, start.astype(dtype), problem.x_cast, problem.y_cast, "sigmoid", dtype, 21)
    assert_allclose(update.weight, torch_after, rtol=0, atol=1e-12 if dtype == "float64" else 1e-5)
    for i, j in np.ndindex(w.shape):
        lines = update.at(i, j)
        assert lines[-1].formula.startswith("w ←")
        assert_allclose(lines[-1].value, float(update.weight[i, j]), rtol=0, atol=0)
        assert_allclose(update.update[i, j], float(update.weight[i, j]) - float(w[i, j]), rtol=1e-12, atol=0)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kind, options", CONFIGS, ids=CONFIG_IDS)
def test_state_quantities_equal_torchs_optimizer_state(kind, options, dtype):
    spec = OptimizerSpec.create(kind, **options)
    problem = Problem.one_layer([-0.5, 0.1, 1.1], [1.5, -0.5, 9.9], "sigmoid", dtype)
    start = np.array([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.1, 0.2, 0.4]])
    w, state = manual_train(spec, start, problem, 30)
    _, torch_state = torch_twin.train(spec, start.astype(dtype), problem.x_cast, problem.y_cast, "sigmoid", dtype, 30)
    theirs = as_numpy_state(torch_state)
    ours = {q.source: q.values for q in state_quantities(spec, EngineState({"W1": w}, {"W1": state}))}
    tol = dict(rtol=1e-3, atol=1e-6) if dtype == "float32" else dict(rtol=1e-9, atol=1e-14)
    for key, value in theirs.items():
        if key != "step":
            assert_allclose(ours[f"state['{key}']"], value, **tol)
    if kind in ("adam", "adamw"):
        t = theirs["step"]
        assert_allclose(ours["m / (1 − β₁ᵗ)"], theirs["exp_avg"] / (1 - spec["beta1"] ** t), **tol)
        assert_allclose(ours["v / (1 − β₂ᵗ)"], theirs["exp_avg_sq"] / (1 - spec["beta2"] ** t), **tol)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kind, options", CONFIGS, ids=CONFIG_IDS)
def test_every_parameters_next_update_and_state_in_a_layered_network(kind, options, dtype):
    """XOR 2-4-1 with bias after 20 steps: each parameter's written-out update is the next step of the session,
    and what torch.optim does from the same state; its state quantities are torch's optimizer.state."""
    spec = OptimizerSpec.create(kind, **options)
    session = Session(xor_state(dtype, spec))
    session.step(20)
    s, e = session.state, session.evaluate()
    predicted = {name: e.explained.next_update(name) for name in s.manual.params}
    engine = TorchEngine()  # torch.optim, one step from the hand-written trajectory's state
    engine.load(s.manual, spec, s.problem)
    engine.step(s.problem, e.X, e.targets)
    theirs = engine.export()
    session.step(1)
    for name, update in predicted.items():
        assert_allclose(update.weight, session.state.manual.params[name], rtol=0, atol=0, err_msg=name)
        gap = MAX_STEP_GAP[dtype] * max(1.0, float(np.max(np.abs(update.weight))))
        assert_allclose(update.weight, theirs.params[name], rtol=0, atol=gap, err_msg=name)
        for index in np.ndindex(update.weight.shape):
            assert_allclose(update.at(*index)[-1].value, float(update.weight[index]), rtol=0, atol=0)
        after = {q.symbol: q.values for q in state_quantities(spec, session.state.manual, name)}
        for q in state_quantities(spec, theirs, name):
            assert_allclose(after[q.symbol], q.values, rtol=1e-4 if dtype == "float32" else 1e-9,
                            atol=1e-6 if dtype == "float32" else 1e-14, err_msg=f"{name} {q.symbol}")


def test_the_next_update_is_computed_once_per_state(monkeypatch):
    e = evaluate(xor_state())
    calls = []
    step = optimizers.step
    monkeypatch.setattr(optimizers, "step", lambda *args, **kwargs: calls.append(1) or step(*args, **kwargs))
    first = e.explained.next_update("b1")
    assert e.explained.next_update("b1") is first and len(calls) == 1
    assert e.explained.chain("W1", (0, 1), 2) is e.explained.chain("W1", (0, 1), 2)
