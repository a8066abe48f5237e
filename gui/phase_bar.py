"""One sentence of narration per phase while stepping in phases."""

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from gui.banner import paint_strip


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

    def show_phase(self, names: list[str], current: int, narration: str) -> None:
        """`names` of the phases in order, `current` highlighted (-1: none yet), and what just happened."""
        self.steps.setText("  →  ".join(f"<b style='color:#0b3d91'>[{n}]</b>" if k == current else n
                                        for k, n in enumerate(names)))
        self.narration.setText(narration)

    def paintEvent(self, event) -> None:
        paint_strip(self, "#eef4ff", "#7a9cd6")
