"""The gradient check, one row per tensor in the style of the backprop-ninja's cmp(): every parameter's hand-written
gradient against autograd (bit for bit? within the precision's tolerance?) and against central differences, and
every layer's δ against autograd's retained gradient of z.

Verdicts follow the usual thresholds for a relative error (CS231n's gradient checking): below 1e-7 good, up to
1e-4 fine (float32's own rounding lands here), up to 1e-2 doubtful, above that wrong. A relu whose z lies within a
finite-difference step of its kink makes the central difference itself unreliable: such rows are marked, and
where autograd agrees their verdict is "kink", not a failure.

Central differences cost two forward passes per parameter entry: check_table(evaluation, numeric=False) leaves them
out, for a table that follows Run or Play; beyond core.numeric's budget they are taken at a sample of each tensor's
entries, and a row says how many of its entries it compared.
"""

from typing import NamedTuple

import numpy as np

from core.compare import TOLERANCES, difference
from core.notation import subscript

THRESHOLDS = ((1e-7, "good"), (1e-4, "fine"), (1e-2, "doubtful"))  # relative error up to -> verdict; above: wrong
KINK = 1e-3  # |z| below this: central differences (steps of ~6e-6 times the parameter) may straddle relu's kink
KINKED = {"relu", "leaky_relu"}


def verdict(relative: float) -> str:
    """good, fine, doubtful or wrong (NaN too) for a relative error."""
    for bound, word in THRESHOLDS:
        if relative <= bound:
            return word
    return "wrong"


class CheckRow(NamedTuple):
    """One tensor: how the hand-written values compare with autograd's and with central differences."""

    name: str  # W1, b1, …, or δ1, δ2, …
    shape: tuple[int, ...]
    exact: bool | None  # equal to autograd's bit for bit (None while torch loads)
    close: bool | None  # within the precision's tolerance of autograd's
    max_abs: float | None  # max |hand − autograd|
    relative: float  # against central differences for a parameter, against autograd for a δ (NaN: not known yet)
    # good, fine, doubtful or wrong; "kink" where only the central differences, straddling a relu's kink, are off;
    # "pending" while torch loads; "unchecked" for a parameter whose central differences were left out
    verdict: str
    kink: bool  # a relu at or above this tensor's layer has z within a step of 0: the differences may mislead
    # (entries compared with central differences, entries) when only a sample of a parameter's was differenced
    sampled: tuple[int, int] | None = None

    @property
    def status(self) -> str:
        """The row's verdict taken whole: "wrong" when the hand-written values are not within tolerance of
        autograd's, whatever the central differences say (or before they are computed), else the verdict."""
        return "wrong" if self.close is False else self.verdict

    @property
    def flagged(self) -> bool:
        """A failed check: not within tolerance of autograd, or a doubtful or wrong relative error."""
        return self.status in ("doubtful", "wrong")

    @property
    def label(self) -> str:
        return row_label(self.name)


def near_kinks(evaluation) -> list[bool]:
    """For each layer l, whether a relu-type unit at layer l or above has some |z| < KINK on the batch: the
    parameters of layer l move those z when perturbed."""
    net = evaluation.state.problem.network
    at = [name in KINKED and bool(np.min(np.abs(z)) < KINK) for name, z in zip(net.activations,
                                                                              evaluation.forward.zs)]
    return [any(at[l:]) for l in range(net.layers)]


def check_table(evaluation, numeric: bool = True) -> list[CheckRow]:
    """A row per parameter (W1, b1, W2, …), then per layer (δ1, δ2, …), for an Evaluation; without `numeric` the
    parameters are checked against autograd only (their relative error NaN, their verdict "unchecked")."""
    problem = evaluation.state.problem
    to_torch, to_numeric = TOLERANCES[problem.dtype, "torch"], TOLERANCES[problem.dtype, "numeric"]
    kinks = near_kinks(evaluation)
    auto = evaluation.autograd
    rows = []
    for name, grad in evaluation.grads.items():
        against_numeric, sampled = None, None
        if numeric:
            computed = evaluation.numeric.computed[name]
            against_numeric = difference(grad[computed], evaluation.numeric.grads[name][computed], to_numeric).relative
            sampled = None if computed.all() else (int(computed.sum()), computed.size)
        rows.append(_row(name, grad, None if auto is None else auto.grads[name], to_torch, against_numeric,
                         kinks[problem.network.layer_of(name) - 1])._replace(sampled=sampled))
    for l, delta in enumerate(evaluation.backward.deltas, start=1):
        theirs = None if auto is None else auto.deltas[l - 1]
        relative = np.nan if theirs is None else difference(delta, theirs, to_torch).relative
        rows.append(_row(f"δ{l}", delta, theirs, to_torch, relative, False))
    return rows


def _row(name: str, ours: np.ndarray, theirs: np.ndarray | None, tolerance, relative: float | None,
         kink: bool) -> CheckRow:
    """`relative` None: not computed (central differences left out)."""
    if theirs is None:
        return CheckRow(name, ours.shape, None, None, None, np.nan if relative is None else relative, "pending", kink)
    d = difference(ours, theirs, tolerance)
    exact = bool(np.array_equal(ours, theirs))
    if relative is None:
        return CheckRow(name, ours.shape, exact, d.agree, d.max_abs, np.nan, "unchecked", kink)
    word = verdict(relative)
    if kink and d.agree and word in ("doubtful", "wrong"):
        word = "kink"  # autograd agrees: it is the difference quotient that straddles the kink
    return CheckRow(name, ours.shape, exact, d.agree, d.max_abs, relative, word, kink)


def layer_of_row(name: str) -> int:
    """The layer a row is about: 2 for W2, b2 and δ2."""
    return int(name.lstrip("Wbδ"))


def row_label(name: str) -> str:
    """W₁, b₁, δ₁ for W1, b1, δ1: the name as the board writes it."""
    return subscript(name[0], layer_of_row(name) - 1)

