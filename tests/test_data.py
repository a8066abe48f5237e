"""Data: checked read-only tables, whether they fit a network, and batches exactly as torch's DataLoader cuts them."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_array_equal
from torch.utils.data import DataLoader, TensorDataset

from core.data import MAX_SAMPLES, Batching, Data, batch_indices, batches_per_epoch, epoch_order, fits, one_hot
from core.i18n import Message


def test_data_holds_read_only_float64_copies_and_a_vector_y_is_one_column():
    X, y = np.array([[1, 2], [3, 4], [5, 6]]), [0, 1, 1]
    data = Data(X, y)
    X[0, 0] = 99
    assert (data.m, data.n_in, data.n_targets) == (3, 2, 1)
    assert data.X.dtype == data.Y.dtype == np.float64
    assert_array_equal(data.X, [[1, 2], [3, 4], [5, 6]])
    assert_array_equal(data.Y, [[0], [1], [1]])
    for a in (data.X, data.Y):
        with pytest.raises(ValueError, match="read-only"):
            a[0, 0] = 1.0
    other = data.replace(Y=[[0.5, 0.5]] * 3)
    assert other.n_targets == 2
    assert_array_equal(other.X, data.X)


@pytest.mark.parametrize("X, Y, message", [
    ([1.0, 2.0], [1.0, 2.0], r"X must be a table with one row per sample, not shape \(2,\)"),
    ([[1.0]], [[[1.0]]], r"Y must be a table with one row per sample, not shape \(1, 1, 1\)"),
    (np.zeros((0, 2)), np.zeros((0, 1)), "the data must hold 1 to 10000 samples, not 0"),
    (np.zeros((MAX_SAMPLES + 1, 1)), np.zeros(MAX_SAMPLES + 1), "the data must hold 1 to 10000 samples, not 10001"),
    (np.zeros((2, 17)), [0, 1], "X must have 1 to 16 columns, not 17"),
    (np.zeros((2, 1)), np.zeros((2, 0)), "Y must have 1 to 16 columns, not 0"),
    ([[1.0], [2.0]], [1.0], "samples in X: 2, in Y: 1; every sample needs its inputs and its targets"),
    ([[1.0, np.inf]], [1.0], "X must hold finite numbers only"),
    ([[1.0]], [np.nan], "Y must hold finite numbers only"),
    ([["a"]], [1.0], "X must hold numbers only"),
    ([[1.0], [2.0, 3.0]], [1.0, 2.0], "X must hold numbers only"),
    ([[10**400]], [1.0], "X must hold numbers only"),
])
def test_data_refuses_with_a_translatable_message(X, Y, message):
    with pytest.raises(ValueError, match=message) as refused:
        Data(X, Y)
    assert isinstance(refused.value.args[0], Message)


def test_labels_are_the_whole_numbers_of_one_column():
    labels = Data([[0.0]] * 4, [2.0, 0.0, -0.0, 15.0]).labels()
    assert labels.dtype == np.int64
    assert_array_equal(labels, [2, 0, 0, 15])


@pytest.mark.parametrize("Y", [[[0.0, 1.0]], [0.5], [1e300]])
def test_labels_refuse_fractions_huge_numbers_and_several_columns(Y):
    with pytest.raises(ValueError, match="one column of whole class indices"):
        Data([[0.0]], Y).labels()


def test_one_hot_puts_a_one_in_each_label_s_column():
    assert_array_equal(one_hot([2, 0, 1, 2], 3), [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]])
    assert one_hot(np.array([1]), 2).dtype == np.float64
    for labels in ([3], [-1]):
        with pytest.raises(ValueError, match="a class index is outside 0 to 2"):
            one_hot(labels, 3)


def _data(Y) -> Data:
    return Data(np.zeros((len(Y), 2)), Y)


@pytest.mark.parametrize("Y, n_in, n_out, loss, why", [
    ([[0.5, -3.0]] * 2, 2, 2, "mse", None),
    ([[0.5, -3.0]] * 2, 3, 2, "mse", "input columns in the data: 2; inputs of the network: 3"),
    ([[0.5, -3.0]] * 2, 2, 1, "mse", "target columns in the data: 2; outputs of the network: 1"),
    ([[0.0], [1.0], [0.25]], 2, 1, "bce", None),
    ([[0.0], [1.0], [0.25]], 2, 2, "bce", "target columns in the data: 1; outputs of the network: 2"),
    ([[0.0], [1.0000001], [-1.0]], 2, 1, "bce",
     "binary cross-entropy needs targets from 0 to 1; sample 2 has 1.0000001"),
    ([[0.0], [1.0], [-1.0]], 2, 1, "bce", "binary cross-entropy needs targets from 0 to 1; sample 3 has -1"),
    ([[0.0], [2.0], [1.0]], 2, 3, "ce", None),
    ([[0.0], [1.0]], 2, 2, "ce", None),
    ([[0.0, 1.0]], 2, 2, "ce", "cross-entropy needs one column of class indices; the data has 2 target columns"),
    ([[0.0]], 2, 1, "ce", "cross-entropy needs at least 2 outputs, one per class; the network has 1"),
    ([[0.0], [1.5]], 2, 3, "ce", "cross-entropy needs whole class indices; sample 2 has 1.5"),
    ([[0.0], [1.0], [3.0]], 2, 3, "ce", "sample 3 has class 3; with 3 outputs the classes are 0 to 2"),
    ([[0.0], [-1.0]], 2, 3, "ce", "sample 2 has class -1; with 3 outputs the classes are 0 to 2"),
    ([[0.0], [1e300]], 2, 3, "ce", "cross-entropy needs whole class indices; sample 2 has 1e+300"),
])
def test_fits_says_why_data_does_not_fit_a_network_and_loss(Y, n_in, n_out, loss, why):
    found = fits(_data(Y), n_in, n_out, loss)
    assert found == why
    assert why is None or isinstance(found, Message)


def test_fits_refuses_an_unknown_loss():
    with pytest.raises(ValueError, match="unknown loss 'hinge'; choose one of: mse, bce, ce"):
        fits(_data([[0.0]]), 2, 1, "hinge")


def test_one_hot_class_data_fits_mse():
    data = _data([[0.0], [2.0], [1.0]])
    assert fits(data.replace(Y=one_hot(data.labels(), 3)), 2, 3, "mse") is None


@pytest.mark.parametrize("changes, message", [
    (dict(size=0), "the batch size must be a whole number from 1 to 10000"),
    (dict(size=MAX_SAMPLES + 1), "the batch size must be a whole number from 1 to 10000"),
    (dict(size=2.0), "the batch size must be a whole number from 1 to 10000"),
    (dict(size=True), "the batch size must be a whole number from 1 to 10000"),
    (dict(seed=-1), "the shuffle seed must be a whole number, 0 or more"),
    (dict(seed=0.5), "the shuffle seed must be a whole number, 0 or more"),
])
def test_batching_refuses_sizes_and_seeds_that_are_not_whole_numbers_in_range(changes, message):
    with pytest.raises(ValueError, match=message) as refused:
        Batching(**changes)
    assert isinstance(refused.value.args[0], Message)


def test_batching_takes_numpy_integers_as_ints():
    batching = Batching(size=np.int64(4), shuffle=True, seed=np.uint32(7))
    assert batching == Batching(4, True, 7) and type(batching.size) is type(batching.seed) is int


def _torch_batches(m: int, size: int, epochs: int) -> list[np.ndarray]:
    """The index batches torch's DataLoader yields over `epochs` epochs of samples 0..m−1, in data order."""
    loader = DataLoader(TensorDataset(torch.arange(m)), batch_size=size, shuffle=False)
    return [batch.numpy() for _ in range(epochs) for (batch,) in loader]


@pytest.mark.parametrize("m, size", [(1, 1), (1, 5), (7, 1), (7, 2), (7, 3), (8, 4), (10, 3), (10, 10), (10, 11),
                                     (100, 32), (1000, 64)])
def test_batches_in_data_order_are_torch_data_loader_s(m, size):
    expected = _torch_batches(m, size, epochs=3)
    batching = Batching(size=size)
    assert batches_per_epoch(m, batching) * 3 == len(expected)
    for position, batch in enumerate(expected):
        assert_array_equal(batch_indices(m, batching, position), batch)


@settings(max_examples=40)
@given(m=st.integers(1, 60), size=st.integers(1, 70))
def test_batches_in_data_order_are_torch_data_loader_s_for_any_size(m, size):
    expected = _torch_batches(m, size, epochs=2)
    for position, batch in enumerate(expected):
        assert_array_equal(batch_indices(m, Batching(size=size), position), batch)


@pytest.mark.parametrize("shuffle", [False, True])
def test_a_full_batch_is_every_sample_each_step(shuffle):
    batching = Batching(shuffle=shuffle, seed=3)
    assert batches_per_epoch(37, batching) == 1
    for position in range(5):
        assert_array_equal(np.sort(batch_indices(37, batching, position)), np.arange(37))
    assert_array_equal(batch_indices(37, Batching(), 4), np.arange(37))


@pytest.mark.parametrize("m, size", [(10, 3), (64, 16), (5, 5), (1, 1), (100, 7)])
def test_shuffled_epochs_are_the_documented_permutations_cut_into_batches(m, size):
    batching = Batching(size=size, shuffle=True, seed=11)
    n = batches_per_epoch(m, batching)
    assert n == -(-m // size)
    for epoch in range(4):
        order = np.random.default_rng([11, epoch]).permutation(m)
        batches = [batch_indices(m, batching, epoch * n + b) for b in range(n)]
        assert_array_equal(np.concatenate(batches), order)
        assert [len(b) for b in batches] == [size] * (n - 1) + [m - size * (n - 1)]
        assert_array_equal(np.sort(order), np.arange(m))  # each epoch visits every sample once


def test_shuffled_epochs_differ_from_each_other_and_across_seeds():
    orders = {tuple(epoch_order(10, Batching(size=4, shuffle=True, seed=5), e)) for e in range(20)}
    assert len(orders) == 20
    small = {tuple(epoch_order(3, Batching(size=1, shuffle=True, seed=5), e)) for e in range(12)}
    assert len(small) >= 4  # of the 6 orders of 3 samples
    a, b = (epoch_order(10, Batching(size=4, shuffle=True, seed=s), 0) for s in (5, 6))
    assert not np.array_equal(a, b)


def test_a_batch_depends_only_on_its_position_however_it_is_reached():
    from core import data as module

    batching = Batching(size=4, shuffle=True, seed=2)
    in_turn = [batch_indices(30, batching, k).copy() for k in range(40)]
    module._permutation.cache_clear()
    rng = np.random.default_rng(0)
    for k in rng.permutation(40):
        assert_array_equal(batch_indices(30, batching, int(k)), in_turn[k])
    module._permutation.cache_clear()
    assert_array_equal(batch_indices(30, batching, 37), in_turn[37])  # reached directly, nothing before it


def test_batches_are_read_only_so_the_shared_order_cannot_be_spoiled():
    for batching in (Batching(size=3), Batching(size=3, shuffle=True)):
        with pytest.raises(ValueError, match="read-only"):
            batch_indices(10, batching, 0)[0] = 5


def test_batch_indices_refuse_an_impossible_request():
    for m, position in ((0, 0), (MAX_SAMPLES + 1, 0), (5, -1)):
        with pytest.raises(ValueError, match="no batch"):
            batch_indices(m, Batching(), position)
