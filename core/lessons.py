"""Warnings that teach: what about the current problem a class should notice, in one sentence each.

A lesson is a translatable template and its values; the window translates the template, then fills it in.
"""

from typing import NamedTuple

import numpy as np

from core.activations import activation
from core.backprop import ChainRule, Forward
from core.i18n import QT_TRANSLATE_NOOP
from core.notation import short_number, sub
from core.problem import Problem

SATURATION = 1e-3  # a unit whose f′(z) is below this learns a thousand times slower than an unsaturated one
_CLOSED_BELOW = {"relu"}  # relu reaches its lower end, 0; sigmoid and tanh only approach theirs

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
    """Which targets y_i lie outside the values the activation can output."""
    low, high = activation(problem.activation).output_range
    y = problem.y
    above_low = y >= low if problem.activation in _CLOSED_BELOW else y > low
    return ~(above_low & (y < high))


def loss_floor(problem: Problem) -> float:
    """The least loss any W can reach: each unreachable target's distance to the range, squared, averaged."""
    low, high = activation(problem.activation).output_range
    gap = np.maximum(low - problem.y, 0) + np.maximum(problem.y - high, 0)
    return float(np.mean(gap * gap))


def saturated(problem: Problem, chain: ChainRule) -> np.ndarray:
    """Units whose f′(z) is below SATURATION (sigmoid and tanh flatten; relu is 0 for z ≤ 0)."""
    if problem.activation in ("sigmoid", "tanh", "relu"):
        return np.abs(chain.da_dz) < SATURATION
    return np.zeros(problem.n_out, dtype=bool)


def lessons(problem: Problem, fwd: Forward, chain: ChainRule) -> list[Lesson]:
    """Everything worth a sentence about the current state, most important first."""
    f = activation(problem.activation)
    found = []
    bad = unreachable(problem)
    for i in np.flatnonzero(bad):
        found.append(Lesson("unreachable", QT_TRANSLATE_NOOP(
            "core", "y{i} = {y} is outside {f}'s range {range}: a{i} can never reach it."),
            {"i": sub(i), "y": short_number(problem.y[i], 4), "f": f.symbol,
             "range": _range(*f.output_range, problem.activation in _CLOSED_BELOW)}))
    if bad.any():
        found.append(Lesson("floor", QT_TRANSLATE_NOOP(
            "core", "So the loss can never reach 0: L ≥ {floor} however long you train."),
            {"floor": short_number(loss_floor(problem), 4)}))
    for i in np.flatnonzero(saturated(problem, chain)):
        if problem.activation == "relu":
            found.append(Lesson("dead", QT_TRANSLATE_NOOP(
                "core", "a{i} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W gets no gradient at all."),
                {"i": sub(i), "row": str(i + 1)}))
        else:
            found.append(Lesson("saturated", QT_TRANSLATE_NOOP(
                "core", "a{i} is saturated: {f}′(z{i}) = {d}, so row {row} of W gets almost no gradient."),
                {"i": sub(i), "f": f.symbol, "d": short_number(chain.da_dz[i], 4), "row": str(i + 1)}))
    return found
