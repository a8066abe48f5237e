"""The gradient-check table and the Break the backward menu, standalone over a real session: what is drawn (texts,
colours, widths) against core's check, each mistake caught exactly where it should be, and repaired."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

import core.datasets
from core.data import Batching, Data
from core.evaluation import evaluate
from core.gradient_check import check_table
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import NetworkSpec
from core.notation import short_number
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.session_file import dumps, loads
from core.state import SessionState
from gui.banner import Banner
from gui.break_menu import BreakMenu, mistakes_of
from gui.controller import SessionController
from gui.gradient_check_view import (
    CLOSE,
    EXACT,
    MAX_ABS,
    RELATIVE,
    SHAPE,
    TENSOR,
    VERDICT,
    GradientCheckTable,
    GradientCheckView,
)
from gui.i18n import core_text
from gui.phases import EVERYTHING, Shown
from gui.style import CHECK_COLOURS
from tests.network_strategies import problems

Role = Qt.ItemDataRole
XOR = NetworkSpec.create([2, 4, 1], "tanh", bias=True, loss="bce")
DEEP = NetworkSpec.create([2, 3, 3, 1], "tanh", bias=True)  # three tanh layers, squared error
MARKS = {"good": "✔ good", "fine": "✔ fine", "doubtful": "? doubtful", "wrong": "✘ wrong", "kink": "⚠ kink"}


def xor_state() -> SessionState:
    return SessionState.drawn(Problem(XOR, core.datasets.generate("xor"), "float32"),
                              OptimizerSpec.create("adam", lr=0.05))


def deep_state() -> SessionState:
    rng = np.random.default_rng(7)
    data = Data(rng.normal(size=(6, 2)), rng.normal(size=(6, 1)))
    return SessionState.drawn(Problem(DEEP, data, "float64"), OptimizerSpec.create("sgd", lr=0.1))


class Parts:
    """A session with its controller, the check view and the menu, as the window would wire them."""

    def __init__(self, qtbot, state: SessionState, load_torch: bool = True):
        self.session = Session(state, load_torch=load_torch)
        self.controller = SessionController(self.session)
        self.view = GradientCheckView()
        qtbot.addWidget(self.view)
        self.menu = BreakMenu(self.controller)
        qtbot.addWidget(self.menu)
        self.reports: list[str] = []
        self.menu.reported.connect(self.reports.append)
        self.controller.changed.connect(self.show)
        self.show()

    def show(self, shown: Shown = EVERYTHING) -> None:
        self.view.show_state(self.session, self.session.evaluate(), shown)

    def choose(self, mistake: Mistake | None) -> None:
        self.menu.actions_by_mistake[mistake].trigger()

    def ticked(self) -> list[Mistake | None]:
        return [m for m, action in self.menu.actions_by_mistake.items() if action.isChecked()]


def texts(view: GradientCheckView) -> list[list[str]]:
    m = view.model
    return [[m.index(i, j).data() for j in range(m.columnCount())] for i in range(m.rowCount())]


def coloured(view: GradientCheckView, status: str) -> set[str]:
    """The tensors (check_table names) whose whole row is drawn in `status`'s colour."""
    m, rows = view.model, view.model.rows()
    return {rows[i].name for i in range(m.rowCount())
            if all(m.index(i, j).data(Role.BackgroundRole) == CHECK_COLOURS[status] for j in range(m.columnCount()))}


def test_the_table_is_a_sound_model(qtbot, qtmodeltester):
    parts = Parts(qtbot, deep_state())
    qtmodeltester.check(parts.view.model)
    parts.controller.perform(Session.set_network, NetworkSpec.create([2, 4, 1], "tanh", bias=False))
    qtmodeltester.check(parts.view.model)
    assert [r.name for r in parts.view.model.rows()] == ["W1", "W2", "δ1", "δ2"]


@settings(max_examples=25)
@given(problems(max_layers=4, max_width=5, max_samples=6), st.data())
def test_every_row_shows_the_checks_numbers_and_is_coloured_by_its_verdict(qapp, case, data):
    spec, params, X, targets, dtype = case
    mistake = data.draw(st.sampled_from([None] + [m for m in mistakes_of(spec) if m.refusal(spec) is None]))
    running = data.draw(st.booleans())
    problem = Problem(spec, Data(X, targets), dtype, mistake=mistake)
    session = Session(SessionState.start_at(problem, OptimizerSpec.create("sgd"), params))
    view = GradientCheckView()
    view.set_running(running)
    evaluation = session.evaluate()
    view.show_state(session, evaluation)
    rows = check_table(evaluation, numeric=not running)
    assert ("numeric" in evaluation.__dict__) != running  # central differences only when stepping has stopped
    shown = texts(view)
    assert len(shown) == len(rows)
    m = view.model
    for i, (row, cells) in enumerate(zip(rows, shown)):
        unchecked = row.verdict == "unchecked"
        verdict = "—" if row.status == "unchecked" else MARKS[row.status] + (" ⚠" if row.kink and row.status != "kink"
                                                                              else "")
        assert cells == [row.label, " × ".join(map(str, row.shape)), "yes" if row.exact else "no",
                         "✔ yes" if row.close else "✘ no", short_number(row.max_abs, 3),
                         "—" if unchecked else short_number(row.relative, 3), verdict]
        colour = None if row.status == "unchecked" else CHECK_COLOURS[row.status]
        assert [m.index(i, j).data(Role.BackgroundRole) for j in range(m.columnCount())] == [colour] * len(cells)
        assert m.index(i, MAX_ABS).data(Role.ToolTipRole).endswith(repr(row.max_abs))  # every digit
        if not unchecked:
            assert m.index(i, RELATIVE).data(Role.ToolTipRole).startswith(repr(row.relative))
        # the colour says what the mark says
        assert (colour == CHECK_COLOURS["wrong"]) == cells[VERDICT].startswith("✘") == (row.status == "wrong")
    assert coloured(view, "wrong") | coloured(view, "doubtful") == {r.name for r in rows if r.flagged}
    view.deleteLater()


@pytest.mark.parametrize("state", [xor_state, deep_state], ids=["xor-2-4-1-bce", "tanh-2-3-3-1-mse"])
def test_each_mistake_turns_exactly_the_rows_it_changes_red_and_repairing_clears_them(qtbot, state):
    parts = Parts(qtbot, state())
    spec = parts.session.problem.network
    possible = [m for m in mistakes_of(spec) if m.refusal(spec) is None]
    assert len(possible) == {XOR: 3, DEEP: 7}[spec]  # every mistake these networks can carry is tried
    for mistake in possible:
        parts.choose(mistake)
        assert parts.session.problem.mistake == mistake and parts.ticked() == [mistake]
        red = coloured(parts.view, "wrong")
        assert red == set(mistake.affected_rows(spec)), mistake
        assert coloured(parts.view, "doubtful") == set()
        labels = [r.label for r in parts.view.model.rows() if r.name in red]
        assert parts.reports[-1].startswith(core_text(mistake.describe()))
        assert f"{', '.join(labels)} turned red, exactly the rows the mistake changes" in parts.reports[-1]
        parts.choose(None)  # repaired by choosing None
        assert parts.session.problem.mistake is None and parts.ticked() == [None]
        assert coloured(parts.view, "wrong") == set() and "no row of the gradient check is red" in parts.reports[-1]
        parts.controller.undo_stack.undo()  # broken again
        assert coloured(parts.view, "wrong") == red and parts.ticked() == [mistake]
        parts.controller.undo_stack.undo()  # repaired by Undo
        assert parts.session.problem.mistake is None and parts.ticked() == [None]
        assert coloured(parts.view, "wrong") == set()
        assert set(coloured(parts.view, "good") | coloured(parts.view, "fine")) == set(spec.parameter_names) | {
            f"δ{l}" for l in range(1, spec.layers + 1)}


def test_the_ticks_follow_undo_redo_and_opened_files(qtbot):
    parts = Parts(qtbot, deep_state())
    c = parts.controller
    assert parts.ticked() == [None]
    parts.choose(Mistake("forget_derivative", 2))
    assert c.undo_stack.count() == 1 and c.session.undo_label == "Break the backward: forget_derivative:2"
    assert parts.menu.submenus["forget_derivative"].menuAction().isChecked()
    parts.choose(Mistake("batch_sum"))
    assert parts.ticked() == [Mistake("batch_sum")]
    assert not parts.menu.submenus["forget_derivative"].menuAction().isChecked()
    c.undo_stack.undo()
    assert parts.ticked() == [Mistake("forget_derivative", 2)]
    c.undo_stack.redo()
    assert parts.ticked() == [Mistake("batch_sum")]
    parts.choose(Mistake("batch_sum"))  # the one already chosen: nothing to undo
    assert c.undo_stack.count() == 2 and parts.ticked() == [Mistake("batch_sum")]
    opened = loads(dumps(c.session.state.replace(problem=c.session.problem.replace(
        mistake=Mistake("no_transpose", 1)))))
    c.perform(Session.replace_state, opened)
    assert parts.ticked() == [Mistake("no_transpose", 1)]
    assert parts.menu.submenus["no_transpose"].menuAction().isChecked()
    assert core_text(Mistake("no_transpose", 1).describe()) in parts.reports[-1]


def test_a_mistake_the_network_cannot_carry_is_disabled_with_the_reason(qtbot):
    parts = Parts(qtbot, xor_state())
    menu, spec = parts.menu, XOR
    assert menu.actions()[0] is menu.none and menu.none.text() == "None (the backward is right)"
    for mistake in mistakes_of(spec):
        action, refusal = menu.actions_by_mistake[mistake], mistake.refusal(spec)
        assert action.isEnabled() == (refusal is None), mistake
        assert action.toolTip() == core_text(refusal if refusal else mistake.describe())
    assert "layer 2 is linear" in menu.actions_by_mistake[Mistake("forget_derivative", 2)].toolTip()
    assert "only the squared error" in menu.actions_by_mistake[Mistake("drop_two")].toolTip()
    transpose = menu.submenus["no_transpose"].menuAction()  # no layer can: the closed submenu says why for each
    assert not transpose.isEnabled()
    assert transpose.toolTip().splitlines() == [f"Layer {m.layer}: {core_text(m.refusal(spec))}"
                                                for m in mistakes_of(spec) if m.kind == "no_transpose"]
    # a deeper network without bias: a layer more in each submenu, the bias mistake refused
    parts.controller.perform(Session.set_network, NetworkSpec.create([2, 4, 4, 1], "tanh", loss="bce"))
    layers = [a.text() for a in menu.submenus["forget_derivative"].actions()]
    assert layers == ["Layer 1", "Layer 2", "Layer 3"]
    assert menu.actions_by_mistake[Mistake("no_transpose", 1)].isEnabled()
    bias = menu.actions_by_mistake[Mistake("bias_first_sample")]
    assert not bias.isEnabled() and "has no bias" in bias.toolTip()
    assert len(menu.actions()) == 2 + len(MISTAKE_KINDS)  # None, a separator, a mistake or submenu per kind
    assert sum(a.isChecked() for a in menu.actions_by_mistake.values()) == 1


def test_a_network_that_cannot_carry_the_mistake_drops_it_and_the_menu_says_so(qtbot):
    parts = Parts(qtbot, deep_state())
    parts.choose(Mistake("forget_derivative", 3))
    parts.controller.perform(Session.set_network, NetworkSpec.create([2, 3, 1], "tanh", bias=True))
    assert parts.session.problem.mistake is None and parts.ticked() == [None]
    assert parts.reports[-1] == "The backward is repaired: no row of the gradient check is red."


def test_a_batch_of_one_says_why_the_batch_mistakes_turn_nothing_red(qtbot):
    parts = Parts(qtbot, xor_state())
    parts.controller.perform(Session.set_batching, Batching(size=1))
    parts.choose(Mistake("batch_sum"))
    assert coloured(parts.view, "wrong") == set()
    assert "Nothing turned red" in parts.reports[-1] and "single sample" in parts.reports[-1]
    banner = Banner()
    qtbot.addWidget(banner)
    parts.menu.reported.connect(banner.inform)
    parts.choose(Mistake("bias_first_sample"))
    assert not banner.isHidden()
    assert banner.label.text() == parts.reports[-1] and "its first sample is all of it" in banner.label.text()


def test_while_torch_loads_the_checks_wait_with_an_ellipsis(qtbot):
    parts = Parts(qtbot, xor_state(), load_torch=False)
    for cells in texts(parts.view):
        assert cells[TENSOR] and cells[SHAPE] != "…"
        assert cells[EXACT:] == ["…"] * 5
    assert coloured(parts.view, "wrong") | coloured(parts.view, "good") | coloured(parts.view, "fine") == set()
    assert parts.view.note.text() == "torch is loading…"
    parts.controller.attach_torch()
    assert all("…" not in cells for cells in texts(parts.view))
    assert coloured(parts.view, "good") | coloured(parts.view, "fine") == {"W1", "b1", "W2", "b2", "δ1", "δ2"}


def test_in_phases_the_check_waits_for_the_backward_pass(qtbot):
    parts = Parts(qtbot, xor_state())
    parts.choose(Mistake("forget_derivative", 1))
    fresh = evaluate(parts.session.state, parts.session.torch_engine())  # as a phase first shows it
    for shown in (Shown(forward=False, backward=False), Shown(forward=True, backward=False)):
        parts.view.show_state(parts.session, fresh, shown)
        assert [cells[EXACT:] for cells in texts(parts.view)] == [["?"] * 5] * 6
        assert coloured(parts.view, "wrong") == set()
        assert "numeric" not in fresh.__dict__  # nothing of the backward's check computed before its phase
    parts.view.show_state(parts.session, fresh, EVERYTHING)
    assert coloured(parts.view, "wrong") == {"W1", "b1", "δ1"}


def test_while_stepping_runs_the_central_differences_wait_and_autograd_still_catches_the_mistake(qtbot):
    parts = Parts(qtbot, deep_state())
    parts.choose(Mistake("forget_derivative", 2))
    parts.view.set_running(True)
    parts.controller.step(3)  # a chunk of a run: the window refreshes
    during = parts.session.evaluate()
    assert "numeric" not in during.__dict__
    relative = {row.name: cells[RELATIVE] for row, cells in zip(parts.view.model.rows(), texts(parts.view))}
    assert {name for name, text in relative.items() if text == "—"} == set(DEEP.parameter_names)
    assert coloured(parts.view, "wrong") == {"W1", "b1", "W2", "b2", "δ1", "δ2"}  # they are off autograd's
    assert "wait while stepping runs" in parts.view.note.text()
    parts.view.set_running(False)  # stepping stopped: the same state, checked in full
    assert "numeric" in during.__dict__
    assert all(cells[RELATIVE] != "—" for cells in texts(parts.view))
    note = parts.view.note.text()  # and what each column measures against
    assert note.startswith("Step 3,") and "max |Δ| is by hand against autograd" in note
    assert "a parameter's against central differences and a δ's against autograd" in note


@pytest.mark.parametrize("pixels", [13, 33])
def test_every_number_is_shown_whole_and_every_digit_is_in_its_tooltip(qtbot, pixels):
    """Columns are as wide as the widest text they can hold, at the desk's type and at presentation size."""
    parts = Parts(qtbot, deep_state())
    parts.choose(Mistake("batch_sum"))
    font = QFont(parts.view.font())
    font.setPixelSize(pixels)
    parts.view.setFont(font)
    parts.view.show()
    table = parts.view.findChild(GradientCheckTable, "gradientCheckTable")
    room = [table.horizontalHeader().sectionSize(j) - 2 * table.cell_margin() for j in range(VERDICT + 1)]
    for j in range(VERDICT + 1):
        shown = [cells[j] for cells in texts(parts.view)] + table.model().widest_texts(j)
        assert max(table.fontMetrics().horizontalAdvance(t) for t in shown) <= room[j], j
    assert table.width() >= table.horizontalHeader().length()  # no column scrolled out of sight
    assert table.height() >= table.sizeHint().height()
    m = table.model()
    for i, row in enumerate(check_table(parts.session.evaluate())):
        assert m.index(i, MAX_ABS).data(Role.ToolTipRole).endswith(repr(row.max_abs))
        assert m.index(i, RELATIVE).data(Role.ToolTipRole).startswith(repr(row.relative))


def test_the_legend_and_the_headers_state_the_thresholds_the_colours_stand_for(qtbot):
    parts = Parts(qtbot, xor_state())
    legend = parts.view.legend.text()
    for status, bound in (("good", "1e−7"), ("fine", "1e−4"), ("doubtful", "1e−2"), ("wrong", "1e−2")):
        assert CHECK_COLOURS[status].name() in legend and bound in legend
    header = parts.view.model.headerData(VERDICT, Qt.Orientation.Horizontal, Role.ToolTipRole)
    assert all(bound in header for bound in ("1e−7", "1e−4", "1e−2"))
    close = parts.view.model.headerData(CLOSE, Qt.Orientation.Horizontal, Role.ToolTipRole)
    assert "1e−4 in float32" in close and "1e−9 in float64" in close


def test_a_new_language_reaches_the_table_and_the_menu(qtbot, monkeypatch):
    """Both re-set their texts on Qt's LanguageChange, the menu too although it has no parent window."""
    from PySide6.QtWidgets import QApplication

    from gui.language import Language

    parts = Parts(qtbot, xor_state())
    called = []
    for cls in (BreakMenu, GradientCheckView):
        original = cls.retranslate
        monkeypatch.setattr(cls, "retranslate", lambda self, original=original: called.append(type(self).__name__)
                            or original(self))
    language = Language()
    try:
        language.set("zh_CN")
        QApplication.processEvents()
        assert {"BreakMenu", "GradientCheckView"} <= set(called)
        assert len(texts(parts.view)) == 6
    finally:
        language.set("en")
        QApplication.processEvents()
    assert parts.menu.title() == "Break the backward" and parts.view.model.headerData(
        VERDICT, Qt.Orientation.Horizontal) == "verdict"


def test_batches_of_another_size_refit_the_shapes_without_rebuilding_the_table(qtbot):
    """Mini-batches of 300 from 1,000 XOR samples: every fourth step takes 100, so δ's shape changes under Play;
    and back to the full batch, a shape wider than the column's header."""
    parts = Parts(qtbot, xor_state().replace(problem=xor_state().problem.replace(
        data=core.datasets.generate("xor", samples=1000), batching=Batching(size=10))))
    c = parts.controller
    resets = []
    parts.view.model.modelReset.connect(lambda: resets.append(True))
    table = parts.view.table
    for act, batch in [(lambda: c.perform(Session.set_batching, Batching(size=300)), "300"),
                       (lambda: c.step(2), "300"), (lambda: c.step(1), "100"),
                       (lambda: c.perform(Session.set_batching, Batching()), "1000")]:
        act()
        shapes = {row.name: cells[SHAPE] for row, cells in zip(parts.view.model.rows(), texts(parts.view))}
        assert shapes == {"W1": "4 × 2", "b1": "4", "W2": "1 × 4", "b2": "1", "δ1": f"{batch} × 4",
                          "δ2": f"{batch} × 1"}
        room = table.horizontalHeader().sectionSize(SHAPE) - 2 * table.cell_margin()
        assert max(table.fontMetrics().horizontalAdvance(t) for t in shapes.values()) <= room, batch
    assert resets == []  # the same tensors: rows kept, only their texts changed
