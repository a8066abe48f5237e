"""Each layer's gradient norm ‖∂L/∂W_l‖ over the steps, log scale: a vanishing gradient is a layer's line far below
the others, an exploding one a line shooting up (core.metrics)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from core.evaluation import Evaluation
from core.notation import sub
from core.session import Session
from gui.phases import Shown
from gui.series_plot import SeriesPlot

DECADE_ROOM = 0.15  # of a decade above and below the norms drawn


def layer_colours(layers: int) -> list[QColor]:
    """Dark (the first layer, nearest the inputs) to light (the last): the order the gradient flows back in."""
    ramp = pg.colormap.get("viridis")
    return [ramp.map(t, mode=pg.ColorMap.QCOLOR) for t in np.linspace(0.0, 0.8, layers)]


class GradNormPlot(SeriesPlot):
    """Every layer's ‖∂L/∂W_l‖ (by hand, on each step's batch) against the step, and the current state's."""

    def __init__(self, parent=None):
        super().__init__("gradNormPlot", log_y=True, parent=parent)
        self._layers = 0
        self._shown_range: tuple[float, float] | None = None  # log10 of the norms the axis shows
        self.retranslate()

    def retranslate(self) -> None:
        self.plot_widget.setAccessibleName(self.tr("Gradient norm of each layer per step"))
        self._label_axes(self.tr("‖∂L/∂W‖ (log scale)"))
        self.caption.setText(self.tr("The size of each layer's weight gradient (Frobenius norm, by hand) at every "
                                     "step. A layer far below the others learns slowly: its gradient vanishes; "
                                     "lines shooting up: the gradient explodes."))

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The norms of the history, and the current state's once its backward pass is shown."""
        state = session.state
        metrics = state.metrics
        if metrics.layers != self._layers:
            self._layers = metrics.layers
            self._set_curves([f"‖∂L/∂W{sub(l - 1)}‖" for l in range(1, metrics.layers + 1)],
                             layer_colours(metrics.layers))
            self._shown_range = None
        current = evaluation.gradient_norms if shown.backward else np.full(metrics.layers, np.nan)
        self._show_series([metrics.norm(l) for l in range(1, metrics.layers + 1)], current, state.edits)

    def _value_range(self, y: np.ndarray) -> tuple[float, float] | None:
        """log10 of the norms drawn, with room; moved only when one leaves it or they fill less than half of it."""
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(y)
        logs = logs[np.isfinite(logs)]  # a norm of exactly 0 has no place on a log axis
        if not logs.size:
            return None
        low, high = float(logs.min()), float(logs.max())
        span = max(high - low, 1.0)  # at least a decade, so the axis names one
        if self._shown_range is not None:
            y0, y1 = self._shown_range
            if y0 <= low and high <= y1 and span >= 0.5 * (y1 - y0 - 2 * DECADE_ROOM):
                return None
        middle = (low + high) / 2
        self._shown_range = (middle - span / 2 - DECADE_ROOM, middle + span / 2 + DECADE_ROOM)
        return self._shown_range
