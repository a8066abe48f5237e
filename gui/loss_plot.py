"""The live loss plot: both engines' loss per step, the current step marked, a hover read-out, log-y."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.evaluation import Evaluation
from core.session import Session
from gui.style import MANUAL_COLOUR, TEXT_COLOUR, TORCH_COLOUR, short_number


class LossPlot(QWidget):
    """Curves are made once and fed new data (views into the session's loss buffer), never rebuilt."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setObjectName("lossPlot")
        self.plot_widget.setAccessibleName(self.tr("Loss per step"))
        item = self.plot_widget.getPlotItem()
        item.setClipToView(True)  # draw only what is in view ...
        item.setDownsampling(auto=True, mode="peak")  # ... at most a few points per pixel, keeping the peaks
        item.showGrid(x=True, y=True, alpha=0.25)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(TEXT_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        item.setLabel("bottom", self.tr("step"), color=TEXT_COLOUR)
        item.setLabel("left", self.tr("loss L"), color=TEXT_COLOUR)
        item.addLegend(offset=(-10, 10), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(255, 255, 255, 220))
        # the hand-written curve is drawn wide and solid under torch's dashed one: where they agree, both show
        self._manual = item.plot(pen=pg.mkPen(MANUAL_COLOUR, width=5), name=self.tr("by hand (numpy)"))
        self._torch = item.plot(pen=pg.mkPen(TORCH_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                name=self.tr("torch.optim"))
        self._now = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k"), brush=pg.mkBrush(MANUAL_COLOUR))
        item.addItem(self._now)
        self._marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120), width=1, style=Qt.PenStyle.DotLine))
        item.addItem(self._marker)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.log_y = QCheckBox(self.tr("log scale"))
        self.log_y.setObjectName("logYCheck")
        self.log_y.toggled.connect(lambda on: item.setLogMode(y=on))
        self.readout = QLabel()
        self.readout.setObjectName("plotReadout")
        bar = QHBoxLayout()
        bar.addWidget(self.readout, 1)
        bar.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(bar)
        self._steps = np.arange(1024, dtype=np.float64)  # x values, grown by doubling
        self._manual_losses = np.empty(0)
        self._torch_losses = np.empty(0)

    def point_count(self) -> tuple[int, int]:
        """Points shown for the manual and the torch engine (past steps plus the current state)."""
        return self._manual_losses.size, self._torch_losses.size

    def show_state(self, session: Session, evaluation: Evaluation) -> None:
        s, e = session.state, evaluation
        manual, torch = s.trace.manual, s.trace.torch
        current_manual = e.forward.loss
        current_torch = e.torch.loss if e.torch is not None else np.nan
        n = len(s.trace) + 1
        while self._steps.size < n:
            self._steps = np.arange(2 * self._steps.size, dtype=np.float64)
        self._manual_losses = np.append(manual, current_manual)
        self._torch_losses = np.append(torch, current_torch) if e.torch is not None else np.empty(0)
        self._manual.setData(self._steps[:n], self._manual_losses)
        self._torch.setData(self._steps[: self._torch_losses.size], self._torch_losses)
        finite = [v for v in (current_manual, current_torch) if np.isfinite(v)]
        self._now.setData([s.step] * len(finite), finite)
        self._marker.setPos(s.step)

    def _on_mouse_moved(self, position) -> None:
        view = self.plot_widget.getPlotItem().vb
        if not view.sceneBoundingRect().contains(position) or not self._manual_losses.size:
            return
        step = int(round(view.mapSceneToView(position).x()))
        step = min(max(step, 0), self._manual_losses.size - 1)
        text = f"{self.tr('step')} {step}:  {self.tr('hand')} {short_number(self._manual_losses[step], 8)}"
        if step < self._torch_losses.size:
            text += f",  torch {short_number(self._torch_losses[step], 8)}"
        self.readout.setText(text)
