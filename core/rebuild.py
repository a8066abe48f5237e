"""A new architecture made from the current one: new widths or a new loss, or the network a data set needs. What
is not asked to change (activations, bias) is kept where it still applies."""

from typing import Sequence

from core.data import Data, fits
from core.losses import loss as loss_named
from core.network import NetworkSpec

HIDDEN_DEFAULT = "sigmoid"  # a new hidden layer's activation when no hidden layer had one (NetworkSpec.create's)


def rebuilt(net: NetworkSpec, widths: Sequence[int] | None = None, loss: str | None = None) -> NetworkSpec:
    """`net` with new widths and/or loss. Hidden layer k keeps its activation (a new one takes the last hidden
    layer's, or the output's unless that is linear); the output layer keeps its own, but is linear under bce and
    ce, which apply σ or softmax themselves. A ValueError if the result is no network."""
    widths = tuple(net.widths if widths is None else widths)
    loss = net.loss if loss is None else loss
    hidden = list(net.activations[:-1])
    fallback = hidden[-1] if hidden else net.activations[-1] if net.activations[-1] != "identity" else HIDDEN_DEFAULT
    layers = len(widths) - 1
    hidden = (hidden + [fallback] * layers)[:layers - 1]
    output = "identity" if loss_named(loss).on_logits else net.activations[-1]
    return NetworkSpec(widths, (*hidden, output), net.bias, loss)


def fitted(net: NetworkSpec, data: Data, classes: int) -> NetworkSpec:
    """`net` if it can learn `data` as it is; else `net` with the data's inputs and outputs and the loss its
    targets call for: mean squared error for values (classes = 0), binary cross-entropy with one output for two
    classes (cross-entropy if it had it already), cross-entropy with an output per class for more. The hidden
    layers stay."""
    if fits(data, net.n_in, net.n_out, net.loss) is None:
        return net
    if classes == 0:
        loss, n_out = "mse", data.n_targets
    elif classes == 2 and net.loss != "ce":
        loss, n_out = "bce", 1
    else:
        loss, n_out = "ce", classes
    return rebuilt(net, (data.n_in, *net.widths[1:-1], n_out), loss)
