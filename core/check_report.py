"""What a banner says when the backward is broken or repaired: the mistake, and how the gradient check caught it
(the rows it turned red, against the rows the mistake changes), or why nothing shows."""

import numpy as np

from core.gradient_check import THRESHOLDS, CheckRow, row_label
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.notation import power_text, sub

CAUGHT = QT_TRANSLATE_NOOP("core", "The gradient check caught it: {rows} turned red, exactly the rows the mistake "
                           "changes.")
RED = QT_TRANSLATE_NOOP("core", "The gradient check caught it: {rows} turned red.")
AMBER = QT_TRANSLATE_NOOP("core", "{rows} turned amber: a doubtful relative error, between {low} and {high}.")
CHANGES = QT_TRANSLATE_NOOP("core", "The mistake changes {rows}.")
TOO_LITTLE = QT_TRANSLATE_NOOP("core", "The mistake changes {rows}; {missing} changed too little on this batch to "
                               "show.")
NOTHING = QT_TRANSLATE_NOOP("core", "Nothing turned red, though the mistake changes {rows}: {reason}")
ONE_SAMPLE_SUM = QT_TRANSLATE_NOOP("core", "this batch holds a single sample, and the sum of one sample is its mean.")
ONE_SAMPLE_FIRST = QT_TRANSLATE_NOOP("core", "this batch holds a single sample, so its first sample is all of it.")
SLOPE_ONE = QT_TRANSLATE_NOOP("core", "f′(z{layer}) is 1 at every z of this batch, so forgetting it changes "
                              "nothing here.")
BELOW_RESOLUTION = QT_TRANSLATE_NOOP("core", "on this batch the change is too small for the check to resolve.")
WAITING = QT_TRANSLATE_NOOP("core", "The gradient check shows it once torch has loaded.")
REPAIRED = QT_TRANSLATE_NOOP("core", "The backward is repaired: no row of the gradient check is red.")
REPAIRED_BUT = QT_TRANSLATE_NOOP("core", "The backward is repaired, yet the gradient check still flags {rows}.")


def names(labels: list[str]) -> str:
    """W₁, b₁, δ₁."""
    return ", ".join(labels)


def check_report(evaluation, rows: list[CheckRow]) -> list[Message]:
    """Sentences for a banner about the evaluation's mistake (or its repair), from its gradient check `rows` (with
    the central differences: check_table(evaluation))."""
    problem = evaluation.state.problem
    mistake = problem.mistake
    if any(row.verdict == "pending" for row in rows):
        return ([] if mistake is None else [mistake.describe()]) + [Message(WAITING)]
    red = [row.label for row in rows if row.status == "wrong"]
    amber = [row.label for row in rows if row.status == "doubtful"]
    if mistake is None:
        return [Message(REPAIRED_BUT, rows=names(red + amber)) if red or amber else Message(REPAIRED)]
    expected = mistake.affected_rows(problem.network)
    labels = [row_label(name) for name in expected]
    report = [mistake.describe()]
    if not red and not amber:
        return report + [Message(NOTHING, rows=names(labels), reason=_why_nothing(evaluation))]
    if not amber and red == labels:
        return report + [Message(CAUGHT, rows=names(red))]
    report += [Message(RED, rows=names(red))] if red else []
    _, (fine, _), (doubtful, _) = THRESHOLDS
    report += [Message(AMBER, rows=names(amber), low=power_text(fine), high=power_text(doubtful))] if amber else []
    missing = [label for label in labels if label not in red + amber]
    return report + [Message(TOO_LITTLE, rows=names(labels), missing=names(missing)) if missing
                     else Message(CHANGES, rows=names(labels))]


def _why_nothing(evaluation) -> Message:
    """Why a mistake changed no gradient visibly on this batch."""
    mistake = evaluation.state.problem.mistake
    if evaluation.X.shape[0] == 1 and mistake.kind == "batch_sum":
        return Message(ONE_SAMPLE_SUM)
    if evaluation.X.shape[0] == 1 and mistake.kind == "bias_first_sample":
        return Message(ONE_SAMPLE_FIRST)
    if mistake.kind == "forget_derivative" and np.all(evaluation.backward.derivatives[mistake.layer - 1] == 1):
        return Message(SLOPE_ONE, layer=sub(mistake.layer - 1))
    return Message(BELOW_RESOLUTION)
