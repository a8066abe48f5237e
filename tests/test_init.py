"""Initial parameters in numpy are exactly what torch draws after torch.manual_seed(seed), for every scheme."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from core.init import (
    MAX_SEED,
    SCHEME_HELP,
    SCHEME_LABELS,
    SCHEMES,
    _draws,
    _mersenne_twister,
    initial_parameters,
    linear_weight,
)
from core.network import MAX_LAYERS
from core.network import MAX_WIDTH as MAX_SIZE

# the seed's edges: 2³² − 1 and 2³² are where torch's seed wraps modulo 2³², 2⁶⁴ − 1 is its largest
EDGE_SEEDS = (0, 1, 2**32 - 1, 2**32, MAX_SEED)
seeds = st.one_of(st.sampled_from(EDGE_SEEDS), st.integers(0, MAX_SEED))
widths = st.lists(st.integers(1, MAX_SIZE), min_size=2, max_size=MAX_LAYERS + 1)


def torch_network(widths: list[int], bias: bool) -> torch.nn.Sequential:
    """nn.Sequential(nn.Linear(N0, N1, bias), tanh, nn.Linear(N1, N2, bias), …) as the network builds it."""
    layers = []
    for n_in, n_out in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out, bias=bias), torch.nn.Tanh()]
    return torch.nn.Sequential(*layers[:-1])


def our_name(torch_name: str) -> str:
    """Sequential's "2.weight" is W2: Linear layers sit at even indices, with an activation between them."""
    index, kind = torch_name.split(".")
    return f"{'W' if kind == 'weight' else 'b'}{int(index) // 2 + 1}"


def torch_parameters(widths: list[int], bias: bool, seed: int) -> dict[str, np.ndarray]:
    """The network's parameters straight after torch.manual_seed(seed), under our names."""
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        network = torch_network(widths, bias)
    return {our_name(name): p.detach().numpy() for name, p in network.named_parameters()}


def torch_init(widths: list[int], bias: bool, seed: int, init) -> dict[str, np.ndarray]:
    """Each weight drawn in turn by torch.nn.init's `init` on a fresh float32 tensor after manual_seed(seed)."""
    parameters = {}
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        for layer, (n_in, n_out) in enumerate(zip(widths, widths[1:]), start=1):
            parameters[f"W{layer}"] = init(torch.empty(n_out, n_in, dtype=torch.float32)).numpy()
            if bias:
                parameters[f"b{layer}"] = np.zeros(n_out, np.float32)
    return parameters


def assert_parameters_equal(ours: dict[str, np.ndarray], expected: dict[str, np.ndarray]):
    """Same names in the same order, and every array float32 and bit-identical (the promise, so exactly)."""
    assert list(ours) == list(expected)
    for name, value in ours.items():
        assert value.dtype == np.float32, name
        assert_array_equal(value, expected[name], err_msg=name, strict=True)


@settings(max_examples=60)
@given(widths, st.booleans(), seeds)
def test_torch_scheme_is_nn_linears_draws_bit_for_bit(widths, bias, seed):
    assert_parameters_equal(initial_parameters(widths, bias, "torch", seed), torch_parameters(widths, bias, seed))


@pytest.mark.parametrize("seed", EDGE_SEEDS)
@pytest.mark.parametrize("scheme, init", [
    ("torch", None),
    ("xavier", torch.nn.init.xavier_uniform_),
    ("he", lambda w: torch.nn.init.kaiming_uniform_(w, nonlinearity="relu")),
])
def test_the_largest_network_draws_as_torch_does(scheme, init, seed):
    # six 16×16 layers with 16 biases each: the largest tensors and the longest run of draws allowed
    widths = [MAX_SIZE] * (MAX_LAYERS + 1)
    expected = (torch_parameters(widths, True, seed) if init is None else torch_init(widths, True, seed, init))
    assert_parameters_equal(initial_parameters(widths, True, scheme, seed), expected)


@settings(max_examples=40)
@given(widths, st.booleans(), seeds)
def test_xavier_is_torchs_xavier_uniform_bit_for_bit(widths, bias, seed):
    assert_parameters_equal(initial_parameters(widths, bias, "xavier", seed),
                            torch_init(widths, bias, seed, torch.nn.init.xavier_uniform_))


@settings(max_examples=40)
@given(widths, st.booleans(), seeds)
def test_he_is_torchs_kaiming_uniform_for_relu_bit_for_bit(widths, bias, seed):
    kaiming = lambda w: torch.nn.init.kaiming_uniform_(w, nonlinearity="relu")  # noqa: E731
    assert_parameters_equal(initial_parameters(widths, bias, "he", seed), torch_init(widths, bias, seed, kaiming))


@settings(max_examples=20)
@given(widths, st.booleans(), seeds)
def test_zeros_are_zero_with_torchs_names_and_shapes(widths, bias, seed):
    expected = {name: np.zeros_like(p) for name, p in torch_parameters(widths, bias, seed).items()}
    assert_parameters_equal(initial_parameters(widths, bias, "zeros", seed), expected)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_names_order_and_shapes_are_nn_sequentials(scheme):
    widths = [3, 5, 1, 4]
    for bias in (False, True):
        network = torch_network(widths, bias)
        ours = initial_parameters(widths, bias, scheme, 7)
        assert [(name, value.shape) for name, value in ours.items()] == [
            (our_name(name), tuple(p.shape)) for name, p in network.named_parameters()]


def test_random_schemes_draw_different_non_zero_weights():
    # a scheme that fell back to zeros, or two schemes sharing one bound, would pass nothing below
    weights = {scheme: initial_parameters([4, 4], False, scheme, 3)["W1"] for scheme in ("torch", "xavier", "he")}
    for scheme, w in weights.items():
        assert np.all(w != 0), scheme
    assert np.max(np.abs(weights["he"])) > np.max(np.abs(weights["xavier"])) > np.max(np.abs(weights["torch"]))


@given(seeds)
def test_a_bias_free_3x3_layer_is_linear_weight(seed):
    assert_array_equal(initial_parameters([3, 3], False, "torch", seed)["W1"], linear_weight(seed, 3, 3),
                       strict=True)


@given(st.integers(0, MAX_SEED), st.integers(1, MAX_SIZE), st.integers(1, MAX_SIZE))
def test_linear_weight_matches_torch_bit_for_bit(seed, n_out, n_in):
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        expected = torch.nn.Linear(n_in, n_out, bias=False).weight.detach().numpy()
    # bit-identical is the promise, so compare exactly
    assert_array_equal(linear_weight(seed, n_out, n_in), expected, strict=True)


@settings(max_examples=30)
@given(st.integers(0, 2**32 - 1), st.lists(st.integers(1, 700), min_size=1, max_size=4))
def test_the_twister_gives_the_raw_draws_of_init_genrand_in_order(seed, sizes):
    """Python's Mersenne Twister, put in init_genrand(seed)'s state, draws what numpy's legacy RandomState(seed)
    draws (its randint over the whole uint32 range is the raw output), tensor after tensor."""
    ours, theirs = _mersenne_twister(seed), np.random.RandomState(seed)
    for n in sizes:  # 624 outputs per regeneration: 700 crosses one
        assert_array_equal(_draws(ours, (n,)), theirs.randint(0, 2**32, size=n, dtype=np.uint32), strict=True)


@pytest.mark.parametrize("seed", [-1, MAX_SEED + 1, 1.5, True])
def test_seed_outside_torchs_range_is_refused(seed):
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 18446744073709551615"):
        linear_weight(seed, 3, 3)
    with pytest.raises(ValueError, match="seed must be a whole number"):
        initial_parameters([3, 3], True, "torch", seed)


@pytest.mark.parametrize("bad", [[3], [2] * (MAX_LAYERS + 2), []])
def test_too_few_or_too_many_layers_are_refused(bad):
    with pytest.raises(ValueError, match=rf"a network has 2 to 7 widths \(1 to 6 layers\), not {len(bad)}"):
        initial_parameters(bad, True)


@pytest.mark.parametrize("width", [0, MAX_SIZE + 1, 2.0, True])
def test_a_width_outside_1_to_16_is_refused(width):
    with pytest.raises(ValueError, match=f"each width must be a whole number from 1 to 16, not {width}"):
        initial_parameters([2, width, 1], False)


def test_an_unknown_scheme_is_refused_naming_the_choices():
    with pytest.raises(ValueError, match="unknown initialization 'kaiming'; choose one of: torch, zeros, xavier, he"):
        initial_parameters([2, 1], False, "kaiming")


def test_every_scheme_has_a_label_and_a_line_of_help():
    assert tuple(SCHEME_LABELS) == tuple(SCHEME_HELP) == SCHEMES
    assert all(SCHEME_LABELS.values()) and all(SCHEME_HELP.values())
