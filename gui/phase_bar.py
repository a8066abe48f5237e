"""One sentence of narration per phase while stepping in phases: what the phase just computed, written for the
network on screen (the seed's a = f(W·x), or layers with their loss)."""

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from core.evaluation import Evaluation
from core.losses import loss as loss_named
from core.state import SessionState
from gui.banner import paint_strip
from gui.network_panel import layer_formula
from gui.phases import Phase
from gui.style import short_number


class PhaseBar(QFrame):
    """The three phases, the current one marked, and what it just computed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("phaseBar")
        self.steps = QLabel()
        self.steps.setObjectName("phaseSteps")
        self.narration = QLabel()
        self.narration.setObjectName("phaseNarration")
        self.narration.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.steps)
        layout.addWidget(self.narration, 1)
        self.hide()

    def show_phase(self, phase: Phase, state: SessionState, evaluation: Evaluation) -> None:
        """The phases in order, `phase` highlighted (none while READY), and what it just computed."""
        names = [self.tr("Forward"), self.tr("Backward"), self.tr("Update")]
        current = phase - 1  # READY: −1, none
        self.steps.setText("  →  ".join(f"<b style='color:#0b3d91'>[{n}]</b>" if k == current else n
                                        for k, n in enumerate(names)))
        self.narration.setText(self._narration(phase, state, evaluation))

    def _narration(self, phase: Phase, state: SessionState, evaluation: Evaluation) -> str:
        if phase == Phase.READY:
            return self.tr("Press Step for the forward pass.")
        net = state.problem.network
        loss = short_number(evaluation.forward.loss, 6)
        if net.layers == 1 and net.loss == "mse" and not net.bias:  # the seed's a = f(W·x)
            texts = {
                Phase.FORWARD: self.tr("Forward: z = W·x, a = f(z), and L = mean((a − y)²) = %1. Next, Step runs the "
                                       "backward pass.").replace("%1", loss),
                Phase.BACKWARD: self.tr("Backward: the chain rule gives dL/dW = δ xᵀ; torch autograd and central "
                                        "differences give the same. Next, Step updates W."),
                Phase.UPDATED: self.tr("Update: the hand-written %1 and torch.optim.%1 each moved W, now at step %2. "
                                       "Next, Step runs the forward pass at the new W."),
            }
        else:
            gradients = "dL/dW = δᵀ·a" + (self.tr(" and ") + "dL/db = Σ δ" if net.bias else "")
            texts = {
                Phase.FORWARD: self.tr("Forward: %3 and a = f(z), layer by layer from x, then %1 = %2. Next, Step "
                                       "runs the backward pass.").replace("%1", loss_named(net.loss).formula)
                .replace("%2", loss).replace("%3", layer_formula(net)),
                Phase.BACKWARD: self.tr("Backward: the chain rule, from the loss down, gives each layer's δ, then %1; "
                                        "torch autograd and central differences give the same. Next, Step updates "
                                        "every parameter.").replace("%1", gradients),
                Phase.UPDATED: self.tr("Update: the hand-written %1 and torch.optim.%1 each moved every parameter, now "
                                       "at step %2. Next, Step runs the forward pass at the new parameters."),
            }
        if phase == Phase.UPDATED:
            return texts[phase].replace("%1", state.optimizer.info.label).replace("%2", str(state.step))
        return texts[phase]

    def paintEvent(self, event) -> None:
        paint_strip(self, "#eef4ff", "#7a9cd6")
