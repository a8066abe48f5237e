"""Break the backward: a menu of the deliberate mistakes the hand-written backward can carry, one undoable choice
each, ticked as the session stands; and the banner's words on what the gradient check made of it."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from core.evaluation import Evaluation
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import NetworkSpec
from core.session import Session
from gui.controller import SessionController
from gui.i18n import Retranslatable, core_text, sentences


def check_report_text(evaluation: Evaluation) -> str:
    """What the mistake is and how the gradient check caught it (or why nothing shows), in the current language."""
    from core.check_report import check_report  # (imported with the first mistake: start-up checks nothing)
    from core.gradient_check import check_table

    return sentences(*(core_text(sentence) for sentence in check_report(evaluation, check_table(evaluation))))


def mistakes_of(network: NetworkSpec) -> list[Mistake]:
    """Every mistake of MISTAKE_KINDS as the menu lists it: one per layer for those made in one layer."""
    return [Mistake(name, layer) for name, kind in MISTAKE_KINDS.items()
            for layer in (range(1, network.layers + 1) if kind.in_layer else [None])]


class BreakMenu(Retranslatable, QMenu):
    """None first, then each mistake (a submenu of layers for those made in one layer's δ); what the network cannot
    carry is disabled, its tooltip saying why. Choosing is one undo entry; the ticks follow undo, redo and files."""

    reported = Signal(str)  # the session's mistake changed: what it is and what the check shows, for a banner

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("breakMenu")
        self.setToolTipsVisible(True)
        self._controller = controller
        self._group = QActionGroup(self)  # exclusive: one mistake, or none, at a time
        self.none = self._action("breakNone", None)
        self.addAction(self.none)
        self.addSeparator()
        self.actions_by_mistake: dict[Mistake | None, QAction] = {None: self.none}
        self.submenus: dict[str, QMenu] = {}
        self._network: NetworkSpec | None = None
        self._mistake: Mistake | None = controller.session.problem.mistake
        controller.changed.connect(self._on_session_changed)
        self._build(controller.session.problem.network)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Break the backward"))
        self.none.setText(self.tr("None (the backward is right)"))
        self.none.setToolTip(self.tr("The hand-written backward as it should be"))
        self._describe()

    def _action(self, object_name: str, mistake: Mistake | None) -> QAction:
        action = QAction(self)
        action.setObjectName(object_name)
        action.setCheckable(True)
        action.triggered.connect(lambda _=False: self._choose(mistake))
        self._group.addAction(action)
        return action

    def _build(self, network: NetworkSpec) -> None:
        """Entries for `network`'s layers (rebuilt when their number changes), then each one's enabled state."""
        if self._network is None or self._network.layers != network.layers:
            for mistake, action in list(self.actions_by_mistake.items()):
                if mistake is not None:
                    self._group.removeAction(action)
                    self.removeAction(action)
                    action.deleteLater()
                    del self.actions_by_mistake[mistake]
            for submenu in self.submenus.values():
                self.removeAction(submenu.menuAction())
                submenu.deleteLater()
            self.submenus = {}
            for mistake in mistakes_of(network):
                action = self._action(f"break_{mistake.key().replace(':', '_')}", mistake)
                self.actions_by_mistake[mistake] = action
                if mistake.layer is None:
                    self.addAction(action)
                    continue
                if mistake.kind not in self.submenus:
                    submenu = self.submenus[mistake.kind] = self.addMenu("")
                    submenu.setObjectName(f"breakMenu_{mistake.kind}")
                    submenu.setToolTipsVisible(True)
                    submenu.menuAction().setCheckable(True)  # ticked when one of its layers is chosen
                submenu.addAction(action)
        self._network = network
        self._describe()
        self._tick()

    def _describe(self) -> None:
        """Texts and tooltips: what each mistake does, or why this network cannot carry it (and disabled)."""
        for mistake, action in self.actions_by_mistake.items():
            if mistake is None:
                continue
            refusal = mistake.refusal(self._network)
            action.setText(self.tr("Layer %1").replace("%1", str(mistake.layer)) if mistake.layer
                           else core_text(mistake.info.label))
            action.setEnabled(refusal is None)
            action.setToolTip(core_text(refusal if refusal is not None else mistake.describe()))
        for name, submenu in self.submenus.items():
            submenu.setTitle(core_text(MISTAKE_KINDS[name].label))
            layers = [a for m, a in self.actions_by_mistake.items() if m is not None and m.kind == name]
            enabled = any(a.isEnabled() for a in layers)
            submenu.menuAction().setEnabled(enabled)
            # a disabled submenu cannot be opened: its tooltip gives every layer's reason
            submenu.menuAction().setToolTip("" if enabled else "\n".join(f"{a.text()}: {a.toolTip()}" for a in layers))

    def _tick(self) -> None:
        """Tick the session's mistake, and the submenu it is in."""
        mistake = self._controller.session.problem.mistake
        self.actions_by_mistake[mistake].setChecked(True)
        for name, submenu in self.submenus.items():
            submenu.menuAction().setChecked(mistake is not None and mistake.kind == name)

    def _choose(self, mistake: Mistake | None) -> None:
        if mistake != self._controller.session.problem.mistake:
            self._controller.perform(Session.set_mistake, mistake)
        self._tick()  # a refusal leaves the session, and so the ticks, as they were

    def _on_session_changed(self) -> None:
        problem = self._controller.session.problem
        if problem.network != self._network:
            self._build(problem.network)
        else:
            self._tick()
        if problem.mistake != self._mistake:
            self._mistake = problem.mistake
            self.reported.emit(check_report_text(self._controller.session.evaluate()))
