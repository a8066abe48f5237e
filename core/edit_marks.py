"""Edit marks: the steps at which an edit, not training, changed the loss, so a plot never draws it as training.

An edit at step k (of W, x, y, the activation, the precision or the optimizer's settings) leaves the losses of
steps 0 .. k − 1 as they were, but step k's loss is now another one: a curve through the history would join a
loss of the old weights or loss function to one of the new, from step k − 1 to step k, as if a step had made the
difference. A mark keeps the losses step k had before its first edit (where training's curve ends) and what was
edited (for the plot's read-out). Marks are part of the immutable session state, so undo removes them with their
edits.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class EditMark:
    """The edits made at `step`, and the losses the state at `step` had before the first of them."""

    step: int  # 1 or more: an edit at step 0 starts the curve instead
    labels: tuple[str, ...]  # what was edited, oldest first: the undo entries' names (core.i18n Messages)
    before: tuple[float, float, float]  # losses by hand, torch and the forgetful twin; NaN where not known


def marked(marks: tuple[EditMark, ...], step: int, label: str, before) -> tuple[EditMark, ...]:
    """`marks` with an edit at `step` added; a second edit at the same step joins its mark and keeps its losses."""
    if marks and marks[-1].step == step:
        last = marks[-1]
        return (*marks[:-1], EditMark(step, (*last.labels, label), last.before))
    return (*marks, EditMark(step, (label,), tuple(float(v) for v in before)))


def steps(marks: tuple[EditMark, ...]) -> np.ndarray:
    """(marks,) the marked steps, in order."""
    return np.array([m.step for m in marks], dtype=np.int64)


def losses_before(marks: tuple[EditMark, ...]) -> np.ndarray:
    """(marks, 3) the losses before each mark's edits: by hand, torch, forgetful."""
    return np.array([m.before for m in marks], dtype=np.float64).reshape(len(marks), 3)
