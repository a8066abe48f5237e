"""The training tool bar: Step, Run N, Play at a speed, Undo and Redo named for what they undo, Reset, Randomize."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolBar,
    QToolButton,
    QWidget,
)

from gui.i18n import Retranslatable

PLAY_SPEEDS = [1, 5, 20, 100, 1000, None]  # steps per second; None = as fast as the engines go
MAX_RUN = 1_000_000
MAX_SEED = 2**31 - 1
NAME_CHARACTERS = 20  # Undo and Redo show this many average characters of what they undo and redo


class NameButton(QToolButton):
    """A tool button of one width whatever its action is called: Undo and Redo take the name of what they undo
    with every step, and must not push the buttons after them. A longer name is elided; the tooltip has it whole."""

    def __init__(self, action: QAction):
        super().__init__()
        self.setObjectName(f"{action.objectName()}Button")
        self.setDefaultAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)

    def _text_room(self) -> int:
        return NAME_CHARACTERS * self.fontMetrics().averageCharWidth()

    def sizeHint(self) -> QSize:
        """As QToolButton sizes itself, for a text of _text_room() (and a space either side) whatever the text."""
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        contents = QSize(self._text_room() + 2 * metrics.horizontalAdvance(" "), metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, option, contents, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def shown_text(self) -> str:
        room = self._text_room() + self.width() - self.sizeHint().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event) -> None:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


class TrainingBar(Retranslatable, QToolBar):
    """The window's actions for training, with the run count, the play speed and the seed beside them."""

    def __init__(self, actions, on_refused, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingToolBar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.run_count = QSpinBox()
        self.run_count.setObjectName("runCountSpin")
        self.run_count.setRange(1, MAX_RUN)
        self.run_count.setValue(100)
        self.speed = QComboBox()
        self.speed.setObjectName("playSpeedCombo")
        for s in PLAY_SPEEDS:
            self.speed.addItem("", s)
        self.speed.setCurrentIndex(2)
        self.seed = QSpinBox()
        self.seed.setObjectName("seedSpin")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setKeyboardTracking(False)  # a seed typed is drawn with once, when Enter or a click ends it
        for spin in (self.run_count, self.seed):  # a refused key says what the box accepts
            spin.findChild(QLineEdit).inputRejected.connect(lambda spin=spin: on_refused(spin.toolTip()))
        a = actions
        self.addAction(a.step)
        self.addSeparator()
        self.addAction(a.run)
        self.addWidget(self.run_count)
        self.addSeparator()
        self.addAction(a.play)
        self.addWidget(self.speed)
        self.addAction(a.cancel)
        self.addSeparator()
        for action in (a.undo, a.redo):
            self.addWidget(NameButton(action))
        self.addSeparator()
        self.addAction(a.reset)
        self.addAction(a.randomize)
        self.addWidget(self.seed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        self.run_count.setAccessibleName(self.tr("Steps to run"))
        self.run_count.setSuffix(self.tr(" steps"))
        self.run_count.setToolTip(self.tr("Steps to run: a whole number from 1 to %1").replace("%1", f"{MAX_RUN:,}"))
        self.speed.setAccessibleName(self.tr("Play speed"))
        for k, s in enumerate(PLAY_SPEEDS):
            self.speed.setItemText(k, (self.tr("%1 steps/s").replace("%1", str(s)) if s != 1 else self.tr("1 step/s"))
                                   if s else self.tr("full speed"))
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("Seed: a whole number from 0 to %1").replace("%1", f"{MAX_SEED:,}"))
