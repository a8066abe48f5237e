"""Every parameter's gradient three ways side by side, coloured by sign and size, with how far apart they are."""

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from core.compare import Difference
from core.evaluation import Evaluation
from core.network import NetworkSpec
from gui.array_model import ArrayModel
from gui.flow_layout import flowing, hold_focus, retire
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.network_panel import grid_name, unit_names
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR, short_number


class _Witness(QWidget):
    """One way of taking one parameter's gradient: a caption over its grid."""

    def __init__(self, model: ArrayModel, object_name: str, parent: QWidget):
        super().__init__(parent)
        self.caption = QLabel()
        self.view = Grid(model, object_name, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view)
        layout.addStretch(1)


class _Witnesses:
    """One parameter's gradient three ways, on one colour scale; each witness its own place in the flow, so a wide
    parameter's three grids wrap instead of running off the side."""

    def __init__(self, name: str, network: NetworkSpec, parent: QWidget):
        self.name = name
        is_weight = name.startswith("W")
        layer = network.layer_of(name)
        names = dict(coloured=True, row_names=unit_names(network, layer),
                     column_names=unit_names(network, layer - 1) if is_weight else (lambda _: name), parent=parent)
        self.models = [ArrayModel(f"dL/d{name} {how}", **names) for how in ("by hand", "by autograd",
                                                                             "by differences")]
        self.parts = [_Witness(model, grid_name(base, name, network), parent)
                      for model, base in zip(self.models, ("manualGradView", "torchGradView", "numericGradView"))]
        self.views = [part.view for part in self.parts]
        self.captions = [part.caption for part in self.parts]

    def show_numeric(self, on: bool) -> None:
        """The third witness, hidden in presentation mode."""
        self.parts[2].setVisible(on)


class GradientPanel(Retranslatable, QGroupBox):
    """Every parameter's gradient by hand (numpy chain rule), by torch autograd and by central differences, all at
    the hand-written parameters, and how far apart they are."""

    parameterChosen = Signal(str, tuple)  # a cell of a gradient was selected: (parameter name, index)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._network: NetworkSpec | None = None
        self.witnesses: dict[str, _Witnesses] = {}
        self._numeric_shown = True
        self._holder = QVBoxLayout()
        self._holder.setContentsMargins(0, 0, 0, 0)
        self.torch_verdict = QLabel()
        self.torch_verdict.setObjectName("torchVerdict")
        self.numeric_verdict = QLabel()
        self.numeric_verdict.setObjectName("numericVerdict")
        layout = QVBoxLayout(self)
        layout.addLayout(self._holder)
        for verdict in (self.torch_verdict, self.numeric_verdict):
            verdict.setWordWrap(True)  # a long line would set the panel's width, not the grids
            layout.addWidget(verdict)
        layout.addStretch(1)
        self._pending = False
        self._running = False
        self._evaluation: Evaluation | None = None  # the one shown, to show again when pending ends
        self._sampled: dict[str, tuple[int, int]] = {}  # (entries differenced, entries) of a tensor sampled
        self.retranslate()

    @property
    def manual_view(self) -> Grid:
        """W₁'s gradient by hand (the one-layer tool's)."""
        return self.witnesses["W1"].views[0]

    @property
    def torch_view(self) -> Grid:
        return self.witnesses["W1"].views[1]

    @property
    def numeric_view(self) -> Grid:
        return self.witnesses["W1"].views[2]

    def _build(self, network: NetworkSpec) -> None:
        hold_focus(self)
        while self._holder.count():
            old = self._holder.takeAt(0).widget()
            retire(old)
        self._network = network
        self.witnesses = {name: _Witnesses(name, network, self) for name in network.parameter_names}
        for name, block in self.witnesses.items():
            for view in block.views:
                view.selectionModel().currentChanged.connect(
                    lambda index, _, n=name: index.isValid() and self.parameterChosen.emit(
                        n, (index.row(), index.column()) if n.startswith("W") else (index.row(),)))
            block.show_numeric(self._numeric_shown)
            for view in block.views:
                view.set_pending(self._pending)
        self._holder.addWidget(flowing([block.parts for block in self.witnesses.values()], spacing=12))
        self.retranslate()

    def retranslate(self) -> None:
        one = self._network is None or self._network.layers == 1
        if self._numeric_shown:
            self.setTitle(self.tr("dL/dW: three witnesses at the hand-written W") if one
                          else self.tr("Every parameter's gradient, three witnesses at the hand-written parameters"))
        else:  # projected: the central differences make room
            self.setTitle(self.tr("dL/dW by hand and by autograd at the hand-written W") if one
                          else self.tr("Every parameter's gradient by hand and by autograd at the hand-written "
                                       "parameters"))
        self.torch_verdict.setToolTip(self.tr(
            "autograd's gradient is taken at the hand-written W, like the other two, so only the arithmetic differs. "
            "torch's own trajectory, and how far it has drifted from the hand-written one, is on the Both "
            "trajectories tab."))
        for name, block in self.witnesses.items():
            texts = [self.tr("by hand: outer(δ, x)") if one and name == "W1" else
                     self.tr("dL/d%1 by hand").replace("%1", name), self.tr("by torch autograd"),
                     self._numeric_caption(name)]
            for label, text in zip(block.captions, texts):
                label.setText(text)
            for view, text in zip(block.views, [self.tr("Gradient by hand"), self.tr("Gradient by autograd"),
                                                 self.tr("Gradient by finite differences")]):
                view.setAccessibleName(text if one else f"{text} ({name})")

    def _numeric_caption(self, name: str) -> str:
        """The third witness's caption, with how many entries it took when it took a sample."""
        if name not in self._sampled:
            return self.tr("by central differences")
        computed, size = self._sampled[name]
        return self.tr("by central differences, %1 of %2 entries").replace("%1", str(computed)).replace(
            "%2", str(size))

    def views(self) -> list[Grid]:
        return [view for block in self.witnesses.values() for view in block.views]

    def show_numeric(self, on: bool) -> None:
        """The central differences shown, or hidden (presentation mode: two witnesses fit across the screen)."""
        self._numeric_shown = on
        for block in self.witnesses.values():
            block.show_numeric(on)
        self.numeric_verdict.setVisible(on)
        self.retranslate()

    def set_pending(self, pending: bool) -> None:
        """"?" for the gradients and their verdicts: not computed yet (stepping in phases)."""
        if pending != self._pending:
            self._pending = pending
            for view in self.views():
                view.set_pending(pending)
            if self._evaluation is not None:
                self.show_state(self._evaluation)

    def set_running(self, running: bool) -> None:
        """Stepping runs (Run or Play): central differences cost two forward passes per parameter entry, so they
        wait ("…") until it stops."""
        if running != self._running:
            self._running = running
            if not running and self._evaluation is not None:
                self.show_state(self._evaluation)

    def show_state(self, evaluation: Evaluation) -> None:
        self._evaluation = e = evaluation
        network = e.state.problem.network
        if network != self._network:
            self._build(network)
        if self._pending:
            self.torch_verdict.setText("?")
            self.numeric_verdict.setText("?")
            return
        differences = None if self._running else e.numeric
        self._sampled = {} if differences is None else {
            name: (int(computed.sum()), computed.size) for name, computed in differences.computed.items()
            if not computed.all()}
        left_out = self.tr("not computed: central differences were taken at a sample of this tensor's entries")
        for name, block in self.witnesses.items():
            manual = e.grads[name]
            numeric = differences.grads[name] if differences is not None else None
            autograd = e.autograd.grads[name] if e.autograd is not None else None
            grads = [g for g in (manual, numeric, autograd) if g is not None]
            with np.errstate(invalid="ignore"):
                scale = max(float(np.nanmax(np.abs(g))) if np.isfinite(g).any() else 0.0 for g in grads)
            block.models[0].set_values(manual, scale)
            if numeric is not None:
                block.models[2].set_values(numeric, scale, differences.computed[name], left_out)
            else:
                block.models[2].set_waiting(manual.shape)
            block.captions[2].setText(self._numeric_caption(name))
            if autograd is not None:
                block.models[1].set_values(autograd, scale)
            else:
                block.models[1].set_waiting(manual.shape)
        if e.autograd is not None:
            self.torch_verdict.setText(self._verdict(self.tr("hand vs autograd at the same W"), e.manual_vs_autograd))
        else:
            self.torch_verdict.setText(self.tr("hand vs autograd: <i>torch is loading…</i>"))
        if differences is None:
            self.numeric_verdict.setText(self.tr("hand vs differences: <i>central differences wait while stepping "
                                                 "runs</i>"))
        else:
            sampled = differences.note()
            self.numeric_verdict.setText(self._verdict(self.tr("hand vs differences at the same W"),
                                                       e.manual_vs_numeric)
                                         + ("" if sampled is None else "<br>" + core_text(sampled)))

    def _verdict(self, what: str, d: Difference) -> str:
        """✔ or ✘, what is compared, and the numbers the verdict is made of."""
        agree, disagree = self.tr("agree"), self.tr("disagree")
        mark = (f"<b style='color:{AGREE_COLOUR}'>✔ {agree}</b>" if d.agree
                else f"<b style='color:{DISAGREE_COLOUR}'>✘ {disagree}</b>")
        relative_to = (self.tr("%1: max |Δ| %2, relative error %3 (÷ %4, the largest |g|); tolerance %5")
                       if d.scale >= d.tolerance.floor else
                       self.tr("%1: max |Δ| %2, relative error %3 (÷ %4: every |g| is smaller); tolerance %5"))
        return mark + "  " + relative_to.replace("%1", what).replace("%2", short_number(d.max_abs, 3)).replace(
            "%3", short_number(d.relative, 3)).replace("%4", short_number(d.reference, 3)).replace(
            "%5", short_number(d.tolerance.rtol))
