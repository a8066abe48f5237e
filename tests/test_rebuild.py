"""New architectures from the current one: typed widths and a new loss keep the activations that still apply, and
a data set gets the inputs, outputs and loss it needs."""

import pytest

from core.data import Data, fits
from core.datasets import DATASETS, generate
from core.network import NetworkSpec
from core.rebuild import fitted, rebuilt

SEED = NetworkSpec.create([3, 3], "sigmoid")


@pytest.mark.parametrize("net, widths, loss, expected", [
    (SEED, (2, 4, 1), None, NetworkSpec((2, 4, 1), ("sigmoid", "sigmoid"))),
    (SEED, None, "bce", NetworkSpec((3, 3), ("identity",), loss="bce")),  # the loss applies σ itself
    (NetworkSpec((2, 1), ("identity",), loss="bce"), (2, 4, 1), None,
     NetworkSpec((2, 4, 1), ("sigmoid", "identity"), loss="bce")),  # no hidden layer had one: the default
    (NetworkSpec((2, 8, 8, 3), ("relu", "tanh", "identity"), True, "ce"), (2, 5, 3), None,
     NetworkSpec((2, 5, 3), ("relu", "identity"), True, "ce")),
    (NetworkSpec((2, 8, 3), ("relu", "identity"), True, "ce"), (2, 8, 8, 8, 3), None,
     NetworkSpec((2, 8, 8, 8, 3), ("relu", "relu", "relu", "identity"), True, "ce")),
    (NetworkSpec((2, 4, 1), ("tanh", "identity"), loss="bce"), None, "mse",
     NetworkSpec((2, 4, 1), ("tanh", "identity"))),  # a linear output stays: regression's usual head
])
def test_rebuilt_keeps_what_still_applies(net, widths, loss, expected):
    assert rebuilt(net, widths, loss) == expected


def test_rebuilt_refuses_what_is_no_network():
    with pytest.raises(ValueError, match="at least 2 outputs"):
        rebuilt(NetworkSpec.create([2, 4, 1]), loss="ce")


@pytest.mark.parametrize("net, name, expected", [
    (SEED, "seed", SEED),  # it fits: nothing changes
    (SEED, "xor", NetworkSpec((2, 1), ("identity",), loss="bce")),
    (SEED, "blobs", NetworkSpec((2, 3), ("identity",), loss="ce")),
    (SEED, "sine", NetworkSpec((1, 1), ("sigmoid",))),  # values: mse, the activations as they were
    (NetworkSpec.create([2, 4, 1], "tanh"), "circle", NetworkSpec.create([2, 4, 1], "tanh")),  # 0/1 fit mse
    (NetworkSpec.create([3, 4, 1], "tanh"), "circle", NetworkSpec((2, 4, 1), ("tanh", "identity"), loss="bce")),
    (NetworkSpec.create([2, 8, 8, 3], "relu", True, "ce"), "moons", NetworkSpec.create([2, 8, 8, 3], "relu", True,
                                                                                       "ce")),
    (NetworkSpec.create([2, 8, 2], "relu", True, "ce"), "spiral3", NetworkSpec.create([2, 8, 3], "relu", True, "ce")),
    (NetworkSpec.create([2, 8, 1], "relu", True, "bce"), "spiral3", NetworkSpec.create([2, 8, 3], "relu", True,
                                                                                      "ce")),
    (NetworkSpec.create([2, 8, 3], "relu", True, "ce"), "sine", NetworkSpec((1, 8, 1), ("relu", "identity"), True)),
])
def test_a_data_set_gets_the_network_it_needs(net, name, expected):
    d = next(d for d in DATASETS if d.name == name)
    assert fitted(net, generate(name), d.classes) == expected


@pytest.mark.parametrize("name", [d.name for d in DATASETS])
@pytest.mark.parametrize("loss", ["mse", "bce", "ce"])
def test_every_data_set_fits_the_network_made_for_it_from_any_loss(name, loss):
    d = next(d for d in DATASETS if d.name == name)
    data: Data = generate(name)
    net = fitted(NetworkSpec.create([4, 5, 2], "tanh", False, loss), data, d.classes)
    assert fits(data, net.n_in, net.n_out, net.loss) is None and net.widths[1:-1] == (5,)
