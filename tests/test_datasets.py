"""Generated data sets: shapes, balance, reproducibility, noise, and each set's construction checked on its points."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from core.data import MAX_SAMPLES, Data, Generated, fits, one_hot
from core.datasets import BLOB_CENTRES, DATASETS, MAX_NOISE, dataset, generate
from core.i18n import Message

NAMES = [d.name for d in DATASETS]
CLASSIFIERS = [d.name for d in DATASETS if d.classes]
GENERATED = [name for name in NAMES if name != "seed"]  # the seed's one sample ignores count, noise and seed


def test_names_are_unique_and_each_set_has_a_label_and_a_one_line_description():
    assert len(set(NAMES)) == len(NAMES)
    assert {"seed", "xor", "circle", "moons", "spiral", "spiral3", "blobs", "sine"} <= set(NAMES)
    for d in DATASETS:
        assert d.label and d.description and "\n" not in d.description
        assert d.classes == 0 or d.n_targets == 1


@pytest.mark.parametrize("name", NAMES)
def test_defaults_give_the_registered_shapes_and_fit_a_matching_network(name):
    d = dataset(name)
    data = generate(name)
    assert data.m == d.samples and (data.n_in, data.n_targets) == (d.n_in, d.n_targets)
    if d.classes:
        assert fits(data, d.n_in, d.classes, "ce") is None
        assert fits(data.replace(Y=one_hot(data.labels(), d.classes)), d.n_in, d.classes, "mse") is None
        assert (d.classes == 2) == (fits(data, d.n_in, 1, "bce") is None)
    else:
        assert fits(data, d.n_in, d.n_targets, "mse") is None


@pytest.mark.parametrize("name", CLASSIFIERS)
@pytest.mark.parametrize("samples", [1, 2, 7, 100, 301])
def test_classes_are_balanced_and_interleaved(name, samples):
    classes = dataset(name).classes
    labels = generate(name, samples, 0.1, 1).labels()
    counts = np.bincount(labels, minlength=classes)
    assert counts.max() - counts.min() <= 1 and counts.sum() == samples
    if samples >= 4 * classes:  # each run of 4 (xor) or `classes` samples holds every class
        assert len(set(labels[:4].tolist())) == classes


@pytest.mark.parametrize("name", CLASSIFIERS)
def test_inputs_lie_where_a_plot_of_minus_two_to_two_shows_them(name):
    data = generate(name, 1000, dataset(name).noise, 4)
    assert np.abs(data.X).max() < 2.0


@pytest.mark.parametrize("name", GENERATED)
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(name):
    a, b, c = (generate(name, 40, 0.1, seed) for seed in (3, 3, 4))
    assert_array_equal(a.X, b.X)
    assert_array_equal(a.Y, b.Y)
    assert not (np.array_equal(a.X, c.X) and np.array_equal(a.Y, c.Y))


@pytest.mark.parametrize("name", GENERATED)
def test_noise_is_gaussian_jitter_of_that_standard_deviation_on_the_same_points(name):
    noisy = "Y" if dataset(name).classes == 0 else "X"  # regression's noise is on the target
    clean = getattr(generate(name, 2000, 0.0, 9), noisy)
    small, large = (getattr(generate(name, 2000, noise, 9), noisy) for noise in (0.05, 0.3))
    z = (small - clean) / 0.05
    assert_allclose((large - clean) / 0.3, z, atol=1e-9)  # one draw of N(0, 1), scaled
    assert abs(z.mean()) < 0.05 and abs(z.std() - 1) < 0.05
    kept = "X" if noisy == "Y" else "Y"
    assert_array_equal(getattr(generate(name, 2000, 0.3, 9), kept), getattr(generate(name, 2000, 0.0, 9), kept))


def test_the_seed_set_is_the_blog_post_s_one_sample_whatever_is_asked():
    for data in (generate("seed"), generate("seed", 500, 2.0, 8)):
        assert_array_equal(data.X, [[-0.5, 0.1, 1.1]])
        assert_array_equal(data.Y, [[0.1, 0.2, 9.9]])
    assert "do not apply" in dataset("seed").description


def test_xor_is_the_truth_table_and_more_samples_cycle_the_corners():
    data = generate("xor", 4, 0.0, 123)
    assert_array_equal(data.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert_array_equal(data.labels(), [0, 1, 1, 0])
    more = generate("xor", 10, 0.0, 5)
    assert_array_equal(more.X, np.tile(data.X, (3, 1))[:10])
    assert_array_equal(more.labels(), np.tile([0, 1, 1, 0], 3)[:10])
    assert_array_equal(generate("xor").X, data.X)  # the default is the table itself


def test_circle_puts_class_0_inside_and_class_1_in_the_ring_around_it():
    data = generate("circle", 1000, 0.0, 2)
    r, y = np.hypot(*data.X.T), data.labels()
    assert r[y == 0].max() <= 0.6 < 0.9 <= r[y == 1].min() and r[y == 1].max() <= 1.3
    assert r[y == 0].max() > 0.55 and r[y == 1].min() < 0.95  # filled to the edges


def test_moons_lie_on_their_half_circles_half_a_unit_apart():
    data = generate("moons", 1000, 0.0, 2)
    y = data.labels()
    for label, centre, side in ((0, [-0.5, -0.25], 1), (1, [0.5, 0.25], -1)):
        offset = data.X[y == label] - centre
        assert_allclose(np.hypot(*offset.T), 1.0, rtol=1e-12)
        assert (side * offset[:, 1] >= -1e-12).all()  # class 0's arch up, class 1's down
    assert _gap(data) > 0.49


@pytest.mark.parametrize("name", ["spiral", "spiral3"])
def test_spiral_arms_are_apart_each_point_on_its_own_arm(name):
    classes = dataset(name).classes
    data = generate(name, 600, 0.0, 2)
    r, angle, y = np.hypot(*data.X.T), np.arctan2(data.X[:, 1], data.X[:, 0]), data.labels()
    u = (r - 0.15) / 1.25
    turn = (angle - 1.75 * 2 * np.pi * u - 2 * np.pi * y / classes) / (2 * np.pi)  # whole turns on its own arm
    assert_allclose(turn, np.round(turn), atol=1e-9)
    assert _nearest_neighbour_accuracy(data) > 0.97


def test_blobs_gather_around_the_corners_of_a_triangle():
    data = generate("blobs", 3000, 0.0, 2)
    y = data.labels()
    for k in range(3):
        assert_allclose(data.X[y == k].mean(axis=0), BLOB_CENTRES[k], atol=0.03)
        assert_allclose(data.X[y == k].std(axis=0), [0.25, 0.25], atol=0.02)
    assert _nearest_neighbour_accuracy(generate("blobs", 300, 0.0, 2)) > 0.97


@pytest.mark.parametrize("name", ["xor", "circle", "moons", "spiral"])
def test_two_class_sets_keep_the_classes_apart_without_noise(name):
    assert _gap(generate(name, 400, 0.0, 6)) > 0.2


def test_sine_is_sin_x_over_one_period():
    data = generate("sine", 500, 0.0, 1)
    assert_allclose(data.Y[:, 0], np.sin(data.X[:, 0]), rtol=0, atol=0)
    assert -np.pi <= data.X.min() < -3.0 and 3.0 < data.X.max() <= np.pi


def _gap(data) -> float:
    """The smallest distance between a point of class 0 and one of class 1."""
    y = data.labels()
    a, b = data.X[y == 0], data.X[y == 1]
    return float(np.sqrt(((a[:, None] - b[None]) ** 2).sum(-1)).min())  # (m0, 1, 2) − (1, m1, 2) -> (m0, m1)


def _nearest_neighbour_accuracy(data) -> float:
    """How often a point's nearest other point has its class."""
    distance = ((data.X[:, None] - data.X[None]) ** 2).sum(-1)  # (m, m)
    np.fill_diagonal(distance, np.inf)
    y = data.labels()
    return float((y[distance.argmin(axis=1)] == y).mean())


@pytest.mark.parametrize("name", NAMES)
def test_the_largest_requests_are_finite_and_quiet(name):
    data = generate(name, MAX_SAMPLES, MAX_NOISE, 2**64)  # warnings are errors in the tests
    assert np.isfinite(data.X).all() and np.isfinite(data.Y).all()


@pytest.mark.parametrize("kwargs, message", [
    (dict(name="spirals"), "unknown data set 'spirals'; choose one of: seed, xor, circle, moons, spiral, spiral3, "
                           "blobs, sine"),
    (dict(name="xor", samples=0), "the number of samples must be a whole number from 1 to 10000"),
    (dict(name="xor", samples=MAX_SAMPLES + 1), "the number of samples must be a whole number from 1 to 10000"),
    (dict(name="xor", samples=2.5), "the number of samples must be a whole number from 1 to 10000"),
    (dict(name="xor", samples=True), "the number of samples must be a whole number from 1 to 10000"),
    (dict(name="xor", noise=-0.1), "the noise must be a number from 0 to 10"),
    (dict(name="xor", noise=np.nan), "the noise must be a number from 0 to 10"),
    (dict(name="xor", noise=np.inf), "the noise must be a number from 0 to 10"),
    (dict(name="xor", noise=10.5), "the noise must be a number from 0 to 10"),
    (dict(name="xor", noise="0.1"), "the noise must be a number from 0 to 10"),
    (dict(name="xor", seed=-1), "the data seed must be a whole number, 0 or more"),
])
def test_generate_refuses_with_a_translatable_message(kwargs, message):
    with pytest.raises(ValueError) as refused:
        generate(**kwargs)
    assert str(refused.value) == message
    assert isinstance(refused.value.args[0], Message)


def test_generated_data_know_the_set_and_parameters_they_were_drawn_with_and_other_samples_do_not():
    data = generate("circle", 50, 0.2, 7)
    assert data.generated == Generated("circle", 50, 0.2, 7)
    assert generate("xor").generated == Generated("xor", 4, 0.0, 0)  # the defaults, as drawn
    assert data.replace(Y=data.Y).generated is None  # other samples, even equal ones, are the user's own
    assert Data(data.X, data.Y).generated is None
