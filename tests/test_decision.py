"""The network over its input plane (core.decision): the grid spans the data, every point's output and every
hidden unit's activation match torch's nn.Sequential at that point, and what is drawn follows the loss."""

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from core.decision import GRID, MARGIN, Plane, contour, layer_range, plane, surface, value_range
from core.network import NetworkSpec
from tests import torch_twin
from tests.network_strategies import parameters, specs, values


def torch_layers(spec: NetworkSpec, params: dict, points: np.ndarray) -> list[np.ndarray]:
    """a_1 … a_L at `points` by torch's nn.Sequential, float64."""
    model = torch_twin.sequential(spec.widths, spec.activations, params, "float64")
    h, outs = torch.tensor(points, dtype=torch.float64), []
    with torch.no_grad():
        for module in model:
            h = module(h)
            if not isinstance(module, torch.nn.Linear):
                outs.append(h.numpy().copy())
    return outs


@st.composite
def planar_cases(draw):
    """A random network of one or two inputs, its parameters (float32, as the engines hold them) and data."""
    spec = draw(specs(max_layers=4, max_width=6))
    spec = spec.replace(widths=(draw(st.integers(1, 2)), *spec.widths[1:]))
    params = {name: p.astype(np.float32) for name, p in parameters(draw, spec).items()}
    X = draw(arrays(np.float64, (draw(st.integers(1, 12)), spec.n_in), elements=values()))
    return spec, params, X


@given(planar_cases(), st.integers(2, 12))
def test_every_point_of_the_plane_is_torchs_network_at_that_point(case, size):
    spec, params, X = case
    s = surface(spec, params, X, size)
    p = s.plane
    shape = (size,) if spec.n_in == 1 else (size, size)
    assert p.points.shape == (int(np.prod(shape)), spec.n_in)
    # the points by their own coordinates, not by the surface's layout: row i is the second input's ys[i]
    if spec.n_in == 1:
        points = p.xs[:, None]
    else:
        points = np.array([[p.xs[j], p.ys[i]] for i in range(size) for j in range(size)])
    expected = [a.reshape(*shape, a.shape[-1]) for a in torch_layers(spec, params, points)]
    assert len(s.hidden) == spec.layers - 1
    for ours, theirs in zip((*s.hidden, s.output), expected):
        assert ours.dtype == np.float64
        assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)
    logits = torch.tensor(expected[-1])
    predicted = {"bce": torch.sigmoid(logits), "ce": torch.softmax(logits, dim=-1), "mse": logits}[spec.loss]
    assert_allclose(s.predicted, predicted.numpy(), rtol=1e-12, atol=1e-12)
    if spec.loss == "ce":
        # the class with the largest logit; where logits tie to rounding, either of them
        logits_flat = expected[-1].reshape(-1, spec.n_out)
        chosen = np.take_along_axis(logits_flat, s.classes.reshape(-1, 1), axis=1)[:, 0]
        assert_allclose(chosen, logits_flat.max(axis=1), rtol=1e-12, atol=1e-12)
        assert_allclose(s.confidence, predicted.max(dim=-1).values.numpy(), rtol=1e-12)


@given(arrays(np.float64, st.tuples(st.integers(2, 30), st.integers(1, 2)), elements=values(), unique=True))
def test_the_grid_spans_the_data_with_a_margin_of_its_larger_span(X):
    p = plane(X)
    axes = [p.xs] if X.shape[1] == 1 else [p.xs, p.ys]
    pad = MARGIN * np.max(X.max(axis=0) - X.min(axis=0))
    for k, axis in enumerate(axes):
        assert axis.size == GRID and np.all(np.diff(axis) > 0)
        assert_allclose([axis[0], axis[-1]], [X[:, k].min() - pad, X[:, k].max() + pad], rtol=1e-12, atol=1e-12)


def test_one_sample_gets_a_plane_of_one_each_way_around_it():
    p = plane(np.array([[0.5, -2.0]]))
    assert_allclose([p.xs[0], p.xs[-1], p.ys[0], p.ys[-1]], [-0.5, 1.5, -3.0, -1.0])


def test_three_inputs_have_no_plane():
    with pytest.raises(ValueError, match="3 inputs"):
        surface(NetworkSpec.create([3, 3]), {"W1": np.eye(3)}, np.zeros((1, 3)))


@pytest.mark.parametrize("name, values, expected", [
    ("sigmoid", [0.2, 0.3], (0.0, 1.0)),
    ("tanh", [0.2], (-1.0, 1.0)),
    ("relu", [0.0, 2.5, 1.0], (0.0, 2.5)),
    ("relu", [0.0, 0.0], (0.0, 0.5)),  # a dead layer still has a scale
    ("identity", [-0.5, 3.0], (-3.0, 3.0)),
    ("leaky_relu", [-4.0, 1.0], (-4.0, 4.0)),
])
def test_a_layers_pictures_share_a_scale_that_holds_every_value(name, values, expected):
    assert_allclose(layer_range(name, np.array(values)), expected)


def test_a_value_range_ignores_what_is_not_finite_and_has_a_span():
    assert_allclose(value_range(np.array([1.0, np.nan, 3.0]), np.array([-1.0])), (-1.0, 3.0))
    assert_allclose(value_range(np.array([2.0, 2.0])), (1.5, 2.5))


def test_the_contour_crosses_the_same_edges_at_the_same_points_as_pyqtgraphs_marching_squares():
    """pyqtgraph.functions.isocurve, in grid indices, is an independent marching squares."""
    import pyqtgraph as pg

    xs, ys = np.linspace(-1.0, 2.0, 60), np.linspace(-2.0, 0.5, 50)
    gx, gy = np.meshgrid(xs, ys)
    values = np.sin(3 * gx) * np.cos(2 * gy) + 0.3 * gx  # (50, 60): rows are ys
    segments = contour(Plane(xs, ys), values, 0.25)
    # ours in grid indices (row i, column j), as pyqtgraph gives its points for data[i, j]
    ours = np.stack([(segments[..., 1] - ys[0]) / (ys[1] - ys[0]), (segments[..., 0] - xs[0]) / (xs[1] - xs[0])],
                    axis=-1)
    theirs = np.array(pg.isocurve(values, 0.25, connected=False), dtype=np.float64) - 0.5  # (k, 2, 2); its
    # indices are of pixel corners, half a pixel before the grid points
    assert ours.shape == theirs.shape
    key = lambda p: np.round(p.reshape(-1, 2), 9).tolist()  # noqa: E731
    assert sorted(map(tuple, key(ours))) == sorted(map(tuple, key(theirs)))
    # each end is on a grid edge, where the grid's values, linear along it, equal the level
    for (r, c) in ours.reshape(-1, 2):
        i, j = int(np.floor(r + 1e-9)), int(np.floor(c + 1e-9))
        on_row = abs(r - round(r)) < 1e-9
        lo, hi, t = ((values[round(r), j], values[round(r), min(j + 1, 59)], c - j) if on_row
                     else (values[i, round(c)], values[min(i + 1, 49), round(c)], r - i))
        assert lo + t * (hi - lo) == pytest.approx(0.25, abs=1e-12)


@pytest.mark.parametrize("corners, expected", [
    # a = c = 3 and b = d = −1: the centre (mean 1) is above, with a and c: the segments cut off b and d
    ((3.0, -1.0), {((0.75, 0.0), (1.0, 0.25)), ((0.0, 0.75), (0.25, 1.0))}),
    # a = c = 1 and b = d = −3: the centre (mean −1) is below, with b and d: the segments cut off a and c
    ((1.0, -3.0), {((0.0, 0.25), (0.25, 0.0)), ((0.75, 1.0), (1.0, 0.75))}),
])
def test_a_saddle_is_cut_the_way_its_centre_lies(corners, expected):
    ac, bd = corners
    values = np.array([[ac, bd], [bd, ac]])  # a b / d c, rows are ys
    segments = contour(Plane(np.array([0.0, 1.0]), np.array([0.0, 1.0])), values, 0.0)
    found = {tuple(sorted(tuple(float(round(v, 12)) for v in end) for end in segment)) for segment in segments}
    assert found == expected
