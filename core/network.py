"""The network: layers z_l = a_{l−1}·W_lᵀ + b_l, a_l = f_l(z_l), and a loss on the last; forward and the
hand-derived backward pass in numpy, every factor kept so a view can show it.

Batch-first, as torch: a batch is B rows and a_0 = X is (B, N_0). The backward pass, from the last layer down:
    δ_L = dL/da_L ⊙ f_L′(z_L)             (under bce and ce f_L is the identity and dL/da_L is dL/dz_L)
    δ_l = (δ_{l+1} W_{l+1}) ⊙ f_l′(z_l)   the δ that flows down to layer l through the weights above it
    dL/dW_l = δ_lᵀ a_{l−1}                (N_l, B) @ (B, N_{l−1}): a sum over the batch of per-sample outer products
    dL/db_l = Σ_batch δ_l
The loss is a mean over the batch, so δ_L carries the 1/B and each sum over the batch is already the mean.

The forward pass also runs on stacks of parameter sets (a leading axis on every weight and bias of the layers from
some layer up, `start`): finite differences and the loss landscape evaluate thousands of nearby networks at once.
"""

import dataclasses
from dataclasses import dataclass
from numbers import Integral
from typing import NamedTuple, Sequence

import numpy as np

from core.activations import activation
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.losses import loss as loss_named
from core.mistakes import Mistake

MAX_LAYERS = 6  # weight layers
MAX_WIDTH = 16  # units in any layer, inputs included

Params = dict[str, np.ndarray]  # "W1", "b1", "W2", ... in the order of nn.Sequential(...).parameters()

WIDTHS = QT_TRANSLATE_NOOP("core", "a network has {fewest} to {most} widths (1 to {layers} layers), not {count}")
WIDTH_RANGE = QT_TRANSLATE_NOOP("core", "each width must be a whole number from 1 to {most}, not {width}")
ACTIVATION_COUNT = QT_TRANSLATE_NOOP("core", "give one activation per layer: {layers}, not {count}")
LOGITS_LAST = QT_TRANSLATE_NOOP("core", "under {loss} the last layer is linear (the loss applies {link} itself): "
                                "its activation must be identity, not {activation}")
CLASSES = QT_TRANSLATE_NOOP("core", "cross-entropy needs at least 2 outputs, one per class")
DESCRIPTION = QT_TRANSLATE_NOOP("core", "{widths}, {activations}, {loss}")  # 2-4-1, tanh/identity, bce
DESCRIPTION_WITH_BIAS = QT_TRANSLATE_NOOP("core", "{widths}, {activations}, bias, {loss}")


def check_widths(widths: Sequence[int]) -> tuple[int, ...]:
    """N0, …, NL as ints if there are 1 to MAX_LAYERS layers of 1 to MAX_WIDTH units each, or a ValueError."""
    if not 2 <= len(widths) <= MAX_LAYERS + 1:
        raise ValueError(Message(WIDTHS, fewest=2, most=MAX_LAYERS + 1, layers=MAX_LAYERS, count=len(widths)))
    for n in widths:
        if isinstance(n, bool) or not isinstance(n, Integral) or not 1 <= n <= MAX_WIDTH:
            raise ValueError(Message(WIDTH_RANGE, most=MAX_WIDTH, width=str(n)))
    return tuple(int(n) for n in widths)


def weight_name(layer: int) -> str:
    return f"W{layer}"


def bias_name(layer: int) -> str:
    return f"b{layer}"


@dataclass(frozen=True)
class NetworkSpec:
    """The shape of a network: widths N0 (inputs) … NL (outputs), an activation per layer, bias, the loss."""

    widths: tuple[int, ...]  # N0, N1, …, NL
    activations: tuple[str, ...]  # f_1 … f_L; under bce and ce f_L is identity (the loss applies σ or softmax)
    bias: bool = False
    loss: str = "mse"

    def __post_init__(self):
        widths, activations = check_widths(self.widths), tuple(self.activations)
        object.__setattr__(self, "widths", widths)
        object.__setattr__(self, "activations", activations)
        if len(activations) != len(widths) - 1:
            raise ValueError(Message(ACTIVATION_COUNT, layers=len(widths) - 1, count=len(activations)))
        for name in activations:
            activation(name)
        info = loss_named(self.loss)
        if info.on_logits and activations[-1] != "identity":
            raise ValueError(Message(LOGITS_LAST, loss=self.loss, link="σ" if self.loss == "bce" else "softmax",
                                     activation=activations[-1]))
        if info.takes_labels and widths[-1] < 2:
            raise ValueError(Message(CLASSES))

    @classmethod
    def create(cls, widths: Sequence[int], activations: str | Sequence[str] = "sigmoid", bias: bool = False,
               loss: str = "mse") -> "NetworkSpec":
        """One activation for every layer (under bce and ce, for every hidden layer: the last is linear), or one
        per layer."""
        layers = len(widths) - 1
        if isinstance(activations, str):
            activations = [activations] * layers
            if loss_named(loss).on_logits and layers >= 1:
                activations[-1] = "identity"
        return cls(tuple(widths), tuple(activations), bias, loss)

    def replace(self, **changes) -> "NetworkSpec":
        return dataclasses.replace(self, **changes)

    @property
    def layers(self) -> int:
        return len(self.widths) - 1

    @property
    def n_in(self) -> int:
        return self.widths[0]

    @property
    def n_out(self) -> int:
        return self.widths[-1]

    @property
    def shapes(self) -> dict[str, tuple[int, ...]]:
        """Each parameter's shape, in parameter order: W_l is (N_l, N_{l−1}) as torch keeps it, b_l is (N_l,)."""
        shapes = {}
        for l in range(1, self.layers + 1):
            shapes[weight_name(l)] = (self.widths[l], self.widths[l - 1])
            if self.bias:
                shapes[bias_name(l)] = (self.widths[l],)
        return shapes

    @property
    def parameter_names(self) -> list[str]:
        return list(self.shapes)

    @property
    def parameter_count(self) -> int:
        return sum(int(np.prod(shape)) for shape in self.shapes.values())

    @staticmethod
    def layer_of(name: str) -> int:
        """The layer a parameter belongs to: 2 for "W2" and "b2"."""
        return int(name[1:])

    def describe(self) -> Message:
        """2-4-1, tanh/identity, bias, bce: the network in one line (its words translatable; the functions' names
        are code, the same in every language)."""
        return Message(DESCRIPTION_WITH_BIAS if self.bias else DESCRIPTION, widths="-".join(map(str, self.widths)),
                       activations="/".join(self.activations), loss=self.loss)


class Forward(NamedTuple):
    """Values of the forward pass, for a batch (and for a stack of parameter sets: leading axes)."""

    zs: tuple[np.ndarray, ...]  # z_1 … z_L, each (…, B, N_l)
    activations: tuple[np.ndarray, ...]  # a_0 = X, a_1, …, a_L
    loss: "float | np.ndarray"  # the mean over the batch (one per parameter set when stacked)

    @property
    def output(self) -> np.ndarray:
        """a_L: the network's output (logits under bce and ce)."""
        return self.activations[-1]


def layers_from(spec: NetworkSpec, params: Params, h: np.ndarray, start: int = 1
                ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """z_l and a_l for l = start … L, given a_{start−1} = h. Any parameter may carry leading (stacking) axes."""
    zs, outs = [], []
    for l in range(start, spec.layers + 1):
        w = params[weight_name(l)]
        z = h @ np.swapaxes(w, -1, -2)  # (…, B, N_{l−1}) @ (…, N_{l−1}, N_l) -> (…, B, N_l)
        if spec.bias:
            z = z + params[bias_name(l)][..., None, :]  # (…, 1, N_l) broadcast over the batch
        h = activation(spec.activations[l - 1]).function(z)
        zs.append(z)
        outs.append(h)
    return zs, outs


def forward(spec: NetworkSpec, params: Params, X: np.ndarray, targets: np.ndarray) -> Forward:
    """Every layer's z and a for the batch X (B, N_0), and the loss against `targets` (see Problem.targets)."""
    zs, outs = layers_from(spec, params, X)
    return Forward(tuple(zs), (X, *outs), loss_named(spec.loss).value(outs[-1], targets))


class Backward(NamedTuple):
    """Every factor of the chain rule, by hand, layer by layer."""

    dL_dout: np.ndarray  # (B, N_L) dL/da_L: where the loss starts the backward pass
    derivatives: tuple[np.ndarray, ...]  # f_l′(z_l) for l = 1 … L, each (B, N_l)
    deltas: tuple[np.ndarray, ...]  # δ_l = dL/dz_l for l = 1 … L, each (B, N_l)
    grads: Params  # dL/dW_l = δ_lᵀ a_{l−1} and dL/db_l = Σ_batch δ_l, in parameter order


def backward(spec: NetworkSpec, params: Params, fwd: Forward, targets: np.ndarray,
             mistake: Mistake | None = None) -> Backward:
    """The chain rule from the loss down to the first layer; `mistake` makes one of the classic errors."""
    kind, at = (mistake.kind, mistake.layer) if mistake is not None else (None, None)
    batch = fwd.output.shape[-2]
    dL_dout = loss_named(spec.loss).gradient(fwd.output, targets)  # (B, N_L)
    if kind == "drop_two":
        dL_dout = 0.5 * dL_dout  # (a − y)/n instead of 2(a − y)/n; exact: halving only changes the exponent
    elif kind == "batch_sum":
        dL_dout = batch * dL_dout  # Σ over the batch instead of the mean
    L = spec.layers
    derivatives, deltas = [None] * L, [None] * L
    incoming = dL_dout  # dL/da_l, arriving from above
    for l in range(L, 0, -1):
        k = l - 1  # 0-based index of layer l
        derivatives[k] = activation(spec.activations[k]).derivative(fwd.zs[k], fwd.activations[l])
        deltas[k] = incoming if (kind == "forget_derivative" and at == l) else incoming * derivatives[k]
        if l > 1:
            w = params[weight_name(l)]  # (N_l, N_{l−1})
            # δ_l W_l: (B, N_l) @ (N_l, N_{l−1}) -> (B, N_{l−1}) is dL/da_{l−1}
            incoming = deltas[k] @ (w.T if (kind == "no_transpose" and at == l - 1) else w)
    grads = {}
    for l in range(1, L + 1):
        delta = deltas[l - 1]
        grads[weight_name(l)] = delta.T @ fwd.activations[l - 1]  # (N_l, B) @ (B, N_{l−1}) -> (N_l, N_{l−1})
        if spec.bias:
            grads[bias_name(l)] = delta[0].copy() if kind == "bias_first_sample" else np.sum(delta, axis=0)
    return Backward(dL_dout, tuple(derivatives), tuple(deltas), grads)


def gradient(spec: NetworkSpec, params: Params, X: np.ndarray, targets: np.ndarray,
             mistake: Mistake | None = None) -> tuple[float, Params]:
    """The loss and every parameter's gradient, by hand."""
    fwd = forward(spec, params, X, targets)
    return fwd.loss, backward(spec, params, fwd, targets, mistake).grads


def per_sample_gradients(fwd: Forward, bwd: Backward, layer: int) -> tuple[np.ndarray, np.ndarray]:
    """Each sample's own gradient of W_l and b_l, (B, N_l, N_{l−1}) and (B, N_l): what its loss alone would give.
    The batch gradient is their mean (the loss is the mean of the samples' losses)."""
    delta, below = bwd.deltas[layer - 1], fwd.activations[layer - 1]
    batch = delta.shape[0]
    scaled = batch * delta  # δ carries the batch's 1/B: a sample alone is a batch of one
    return scaled[:, :, None] * below[:, None, :], scaled  # (B, N_l, 1) * (B, 1, N_{l−1})


def entries(spec: NetworkSpec) -> list[tuple[str, tuple[int, ...]]]:
    """Every parameter entry, (name, index), in the order of the flat vector (see flatten)."""
    return [(name, index) for name, shape in spec.shapes.items() for index in np.ndindex(*shape)]


def cast(params: Params, dtype) -> Params:
    """Every parameter in `dtype`."""
    return {name: np.asarray(value).astype(dtype) for name, value in params.items()}


def flatten(params: Params) -> np.ndarray:
    """All parameters in one vector, in parameter order, each row-major (torch's parameters_to_vector)."""
    return np.concatenate([np.ravel(v) for v in params.values()])


def unflatten(spec: NetworkSpec, vector: np.ndarray) -> Params:
    """The parameters a flat vector (see flatten) holds; the inverse of flatten."""
    params, start = {}, 0
    for name, shape in spec.shapes.items():
        size = int(np.prod(shape))
        params[name] = vector[..., start:start + size].reshape(*vector.shape[:-1], *shape)
        start += size
    return params
