"""The accuracy beside the loss: the fraction of each step's batch the network classified right (core.metrics),
for binary and categorical cross-entropy."""

import numpy as np
from PySide6.QtGui import QColor

from core.evaluation import Evaluation
from core.losses import loss as loss_named
from core.session import Session
from gui.i18n import core_text
from gui.phases import Shown
from gui.series_plot import SeriesPlot
from gui.style import MANUAL_COLOUR

ROOM = 0.06  # of the axis from 0 to 1, above and below it: the dots at 0 and 1 are drawn whole


class AccuracyPlot(SeriesPlot):
    """Accuracy on the batch of every step by hand, and the current state's on the next batch."""

    def __init__(self, parent=None):
        super().__init__("accuracyPlot", log_y=False, parent=parent)
        self._loss: str | None = None
        self.plot_widget.getPlotItem().vb.setYRange(-ROOM, 1 + ROOM, padding=0)
        self.plot_widget.getPlotItem().getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        self.retranslate()

    def retranslate(self) -> None:
        self.plot_widget.setAccessibleName(self.tr("Accuracy per step"))
        self._set_curves([self.tr("accuracy on the batch")], [QColor(MANUAL_COLOUR)])
        self._label_axes(self.tr("accuracy"))
        self.caption.setText(self.tr("The fraction of each step's batch the network classifies right (by hand); "
                                     "the dot: the current state on the batch the next step takes."))
        self.plot_widget.setToolTip(self.caption.text())  # the caption, when the strip hides it
        if self._loss == "mse":
            self._say_no_classes()

    def _say_no_classes(self) -> None:
        self._say(self.tr("Accuracy is counted for classification, under binary or categorical cross-entropy; "
                          "this network's loss is %1.").replace("%1", core_text(loss_named("mse").label).lower()))
        self.caption.setText("")

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The accuracies of the history, and the current state's once its forward pass is shown."""
        state = session.state
        loss = state.problem.network.loss
        if loss != self._loss:
            self._loss = loss
            self.retranslate()
        if loss == "mse":
            return
        current = evaluation.accuracy if shown.forward else np.nan
        self._show_series([state.metrics.accuracy], np.array([current]), state.edits)

    def _value_range(self, y: np.ndarray) -> None:
        return None  # always 0 to 1
