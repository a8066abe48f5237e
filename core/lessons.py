"""Warnings that teach: what about the current problem a class should notice, in one sentence each.

A lesson is a translatable template and its values; the window translates the template, then fills it in.
"""

from typing import NamedTuple

import numpy as np

from core.activations import activation
from core.i18n import QT_TRANSLATE_NOOP
from core.network import Backward
from core.notation import short_number, sub
from core.problem import Problem

SATURATION = 1e-3  # a unit whose f′(z) is below this learns a thousand times slower than an unsaturated one
_CLOSED_BELOW = {"relu"}  # relu reaches its lower end, 0; sigmoid and tanh only approach theirs
_FLATTENING = {"sigmoid", "tanh", "relu"}  # activations whose f′ goes to 0

DIVERGENCE = QT_TRANSLATE_NOOP(
    "core", "Why: each update overshot the minimum by more than it corrected, so the weights grew without bound. "
    "A smaller learning rate takes shorter steps.")


class Lesson(NamedTuple):
    kind: str  # "unreachable", "floor", "saturated" or "dead"
    template: str  # English, with {placeholders}; also the key for its translation
    values: dict[str, str]

    def text(self, translate=lambda template: template) -> str:
        return translate(self.template).format(**self.values)


def _range(low: float, high: float, closed_below: bool) -> str:
    return f"{'[' if closed_below else '('}{short_number(low, 4)}, {short_number(high, 4)})"


def unreachable(problem: Problem) -> np.ndarray:
    """Which targets (m, N_L) lie outside the values the last activation can output; none unless the loss is the
    squared error (cross-entropy's targets are probabilities and classes, which logits reach in the limit)."""
    Y = problem.data.Y
    if problem.network.loss != "mse":
        return np.zeros(Y.shape, dtype=bool)
    last = problem.network.activations[-1]
    low, high = activation(last).output_range
    above_low = Y >= low if last in _CLOSED_BELOW else Y > low
    return ~(above_low & (Y < high))


def loss_floor(problem: Problem) -> float:
    """The least squared error any parameters can reach: each unreachable target's distance to the range,
    squared, averaged over every sample and output."""
    low, high = activation(problem.network.activations[-1]).output_range
    Y = problem.data.Y
    gap = np.maximum(low - Y, 0) + np.maximum(Y - high, 0)
    return float(np.mean(gap * gap))


def saturated(problem: Problem, backward: Backward) -> list[np.ndarray]:
    """For each layer, which units have f′(z) below SATURATION for every sample of the batch (sigmoid and tanh
    flatten; relu is 0 for z ≤ 0): (N_l,) bools."""
    return [np.all(np.abs(d) < SATURATION, axis=0) if name in _FLATTENING else np.zeros(d.shape[1], dtype=bool)
            for name, d in zip(problem.network.activations, backward.derivatives)]


# (one layer, several layers): a unit of a layered network is named with its layer, and W with its index
DEAD = (QT_TRANSLATE_NOOP("core", "a{i} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W gets no gradient at all."),
        QT_TRANSLATE_NOOP("core", "a{i} of layer {layer} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W{layer} "
                          "gets no gradient at all."))
SATURATED = (QT_TRANSLATE_NOOP("core", "a{i} is saturated: {f}′(z{i}) = {d}, so row {row} of W gets almost no "
                               "gradient."),
             QT_TRANSLATE_NOOP("core", "a{i} of layer {layer} is saturated: {f}′(z{i}) = {d}, so row {row} of "
                               "W{layer} gets almost no gradient."))


def lessons(problem: Problem, backward: Backward) -> list[Lesson]:
    """Everything worth a sentence about the current state, most important first."""
    net = problem.network
    f = activation(net.activations[-1])
    found = []
    bad = unreachable(problem)
    range_text = _range(*f.output_range, net.activations[-1] in _CLOSED_BELOW)
    if problem.m == 1:
        for i in np.flatnonzero(bad[0]):
            found.append(Lesson("unreachable", QT_TRANSLATE_NOOP(
                "core", "y{i} = {y} is outside {f}'s range {range}: a{i} can never reach it."),
                {"i": sub(i), "y": short_number(problem.data.Y[0, i], 4), "f": f.symbol, "range": range_text}))
    elif bad.any():
        found.append(Lesson("unreachable", QT_TRANSLATE_NOOP(
            "core", "{count} of the targets lie outside {f}'s range {range}: the outputs can never reach them."),
            {"count": str(int(bad.sum())), "f": f.symbol, "range": range_text}))
    if bad.any():
        found.append(Lesson("floor", QT_TRANSLATE_NOOP(
            "core", "So the loss can never reach 0: L ≥ {floor} however long you train."),
            {"floor": short_number(loss_floor(problem), 4)}))
    layered = int(net.layers > 1)
    for layer, (units, derivatives) in enumerate(zip(saturated(problem, backward), backward.derivatives), start=1):
        name = net.activations[layer - 1]
        for i in np.flatnonzero(units):
            values = {"i": sub(i), "row": str(i + 1)} | ({"layer": str(layer)} if layered else {})
            if name == "relu":
                found.append(Lesson("dead", DEAD[layered], values))
            else:
                d = short_number(float(np.max(np.abs(derivatives[:, i]))), 4)
                found.append(Lesson("saturated", SATURATED[layered], values | {"f": activation(name).symbol, "d": d}))
    return found
