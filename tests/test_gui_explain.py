"""The chain rule, computation graph and optimizer state views, each standalone over a real session: XOR 2-4-1
(bce), a 3-layer tanh regression (mse), a 3-arm spiral 2-8-8-3 (ce, mini-batches) and the seed's example; what they
draw is checked against core's numbers, phase by phase."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QScrollArea, QStyle, QTableView

from core import optimizers
from core.data import Batching, Data
from core.explain import Notation, state_quantities
from core.losses import LOSSES
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import NetworkSpec
from core.notation import short_number
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState
from core.torch_engine import module_names
from gui.chain_rule_view import ChainRuleView
from gui.gradient_check_view import GradientCheckView
from gui.graph_view import GraphView
from gui.i18n import core_text
from gui.optimizer_state_view import OptimizerStateView
from gui.phases import EVERYTHING, Shown
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR
from gui.text_grid import Cell, TextGrid
from gui.trajectory_panel import TrajectoryPanel
from tests.explain_cases import spiral_state, tanh_regression_state, wide_state, xor_state
from tests.network_strategies import DTYPES, specs, targets
from tests.test_optimizers import as_numpy_state

CASES = {"xor": (xor_state, 30), "tanh": (tanh_regression_state, 20), "spiral": (spiral_state, 10),
         "seed": (None, 5)}
READY, FORWARD = Shown(forward=False, backward=False), Shown(forward=True, backward=False)


@pytest.fixture(params=list(CASES))
def session(request) -> Session:
    make, steps = CASES[request.param]
    s = Session(make() if make else None)
    s.step(steps)
    return s


def shown_view(qtbot, view, session: Session, shown: Shown = EVERYTHING):
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    view.show_state(session, session.evaluate(), shown)
    return view


def cells(view: QTableView) -> list[str]:
    m = view.model()
    return [m.index(i, j).data() for i in range(m.rowCount()) for j in range(m.columnCount())]


def values(view: QTableView) -> np.ndarray:
    m = view.model()
    return np.array([[m.index(i, j).data(Qt.ItemDataRole.EditRole) for j in range(m.columnCount())]
                     for i in range(m.rowCount())])


def number(value: float, digits: int) -> str:
    return short_number(float(value), digits)


# ---- the chain rule


def test_the_chain_rule_writes_core_numbers_for_a_first_layer_weight(qtbot, session):
    view = ChainRuleView()
    view.choose("W1", (1, 0))
    view.choose_sample(1)
    shown_view(qtbot, view, session)
    e = session.evaluate()
    b = min(1, len(e.X) - 1)
    chain = e.explained.chain("W1", (1, 0) if session.problem.network.n_out > 1 or
                              session.problem.network.layers > 1 else (0, 0), b)
    assert view.chosen == (chain.name, chain.index) and view.sample == b
    table = view.table.text()
    for f in chain.factors:
        assert f.name in table and f.formula(core_text) in table and number(f.value, 6) in table
    assert view.table.rows[2][0] == Cell(number(chain.product, 6), bold=True)
    layered, batch = chain.notation.layers > 1, len(e.X)
    assert view.sum_table.isVisibleTo(view) == layered == view.chain_table.isVisibleTo(view)
    if layered:
        text = view.sum_table.text()
        for t in chain.terms:
            assert number(t.delta, 4) in text and number(t.weight, 4) in text and number(t.product, 4) in text
        assert Cell(f"Σ = {number(chain.factors[0].value, 6)}", bold=True) == view.sum_table.rows[-1][-1]
        steps = view.chain_table.text()
        assert chain.loss.formula(core_text) in steps
        for step in chain.above:
            assert "[" + ", ".join(number(v, 4) for v in step.delta[:3]) in steps
    assert view.batch_table.isVisibleTo(view) == (batch > 1) == view.sample_spin.isVisibleTo(view)
    if batch > 1:
        text = view.batch_table.text()
        assert view.batch_table.rows[1][-1] == Cell(number(chain.mean, 6), bold=True)
        check = view.batch_check.rows[0]
        assert check[0] == Cell("✔", colour=AGREE_COLOUR) and number(chain.gradient, 6) in check[1].text
        for g in chain.per_sample[:6]:
            assert number(g, 4) in text
        assert "…" in text or batch <= 6
        assert view.sample_spin.value() == b + 1 and view.sample_spin.maximum() == batch
        assert f"row {chain.row + 1} of the data" in view.sample_row.text()
    else:
        check = view.check.rows[0]
        assert check[0] == Cell("✔", colour=AGREE_COLOUR) and check[1].text.endswith(f"= {number(chain.gradient, 6)}")
    assert_allclose(values(view.findChild(QTableView, "deltaView")).ravel(), e.backward.deltas[0][b], rtol=0, atol=0)
    assert_allclose(values(view.findChild(QTableView, "inputRowView")).ravel(), e.X[b], rtol=0, atol=0)


def test_any_parameter_of_any_layer_can_be_chosen(qtbot):
    session = Session(xor_state())
    session.step(10)
    view = shown_view(qtbot, ChainRuleView(), session)
    e = session.evaluate()
    for name, shape in session.problem.network.shapes.items():
        for index in np.ndindex(shape):
            view.choose(name, index)
            chain = e.explained.chain(name, index, 0)
            assert chain.notation.entry(name, index) in view.heading.text()
            assert view.table.rows[2][0].text == number(chain.product, 6)
            assert view.input_view.isVisibleTo(view) != chain.is_bias
            assert view.sum_table.isVisibleTo(view) == (chain.layer == 1)
            assert_allclose(values(view.findChild(QTableView, "deltaView")).ravel(),
                            e.backward.deltas[chain.layer - 1][0], rtol=0, atol=0)
    view.choose("W7", (9, 9))  # no such parameter: the first layer's weight, its nearest entry
    assert view.chosen == ("W1", (3, 1))
    view.choose("W2", (3, 3))
    assert view.chosen == ("W2", (0, 3))


def test_the_spin_box_follows_another_sample(qtbot):
    session = Session(spiral_state())
    view = shown_view(qtbot, ChainRuleView(), session)
    view.choose("W2", (4, 5))
    view.sample_spin.setValue(20)
    e = session.evaluate()
    chain = e.explained.chain("W2", (4, 5), 19)
    assert view.sample == 19 and f"row {chain.row + 1} of the data" in view.sample_row.text()
    assert view.table.rows[2][0].text == number(chain.product, 6)
    assert Cell("20", bold=True) in view.batch_table.rows[0]  # the followed sample, past the first few, stands out


@pytest.mark.parametrize("shown", [READY, FORWARD])
def test_the_chain_rule_shows_only_what_the_phase_has_computed(qtbot, shown):
    session = Session(tanh_regression_state())
    session.step(3)
    view = ChainRuleView()
    view.choose("W2", (1, 2))
    shown_view(qtbot, view, session, shown)
    chain = session.evaluate().explained.chain("W2", (1, 2), 0)
    assert number(chain.product, 6) not in view.table.text() and "?" in view.table.text()
    assert number(chain.mean, 6) not in view.batch_table.text()
    assert set(cells(view.findChild(QTableView, "deltaView"))) == {"?"}
    assert ("?" in cells(view.findChild(QTableView, "inputRowView"))) != shown.forward  # a₁: the forward pass's
    view.choose("W1", (1, 0))
    assert "?" not in cells(view.findChild(QTableView, "inputRowView"))  # x: given


def test_a_deliberate_mistake_is_written_out_and_named(qtbot):
    session = Session(tanh_regression_state())
    session.set_mistake(Mistake("forget_derivative", 2))
    view = ChainRuleView()
    view.choose("W2", (0, 0))
    shown_view(qtbot, view, session)
    assert view.mistake_note.isVisibleTo(view) and "without the factor f′(z₂)" in view.mistake_note.text()
    assert Cell("∂a₂[1]/∂z₂[1]", struck=True) in view.table.rows[0] and "forgotten" in view.table.text()
    view.choose("W1", (0, 0))
    assert "(f′ forgotten)" in view.chain_table.text()
    session.set_mistake(None)
    view.show_state(session, session.evaluate(), EVERYTHING)
    assert not view.mistake_note.isVisibleTo(view) and "forgotten" not in view.chain_table.text()


def test_a_bias_from_the_first_sample_shows_as_not_the_mean(qtbot):
    session = Session(xor_state())
    session.set_mistake(Mistake("bias_first_sample"))
    view = ChainRuleView()
    view.choose("b1", (2,))
    shown_view(qtbot, view, session)
    check = view.batch_check.rows[0]
    assert check[0] == Cell("✘", colour=DISAGREE_COLOUR) and "not the mean" in check[1].text


# ---- the computation graph


def test_the_graph_draws_every_layer_with_core_numbers(qtbot, session):
    view = GraphView()
    view.choose_sample(1)
    shown_view(qtbot, view, session)
    e = session.evaluate()
    net = session.problem.network
    b = view.sample
    assert b == min(1, len(e.X) - 1)
    assert len(view._nodes) == 2 * net.layers + 2 and len(view._edges) == 2 * net.layers + 1
    wide = "… %1 in all"

    def entries(v):
        v = np.ravel(v)
        return [number(x, 4) for x in v] if v.size <= 6 else [number(x, 4) for x in v[:5]] + [
            wide.replace("%1", str(v.size))]

    assert view._nodes[0][1] == entries(e.X[b])
    for l in range(1, net.layers + 1):
        assert view._nodes[2 * l - 1][1] == entries(e.forward.zs[l - 1][b])
        assert view._nodes[2 * l][1] == entries(e.forward.activations[l][b])
        assert view._edges[2 * l - 1][1] == entries(e.backward.deltas[l - 1][b])
        into = view._edges[2 * l - 2][1]
        assert into[0] == f"max |·| {number(np.max(np.abs(e.grads[f'W{l}'])), 3)}"
        if l > 1:
            assert into[-len(entries(e.explained.incoming[l - 2][b])):] == entries(e.explained.incoming[l - 2][b])
        assert view._inputs[2 * l - 1] == Notation(net.layers).parameter(f"W{l}") + (
            f", {Notation(net.layers).parameter(f'b{l}')}" if net.bias else "")
    assert view._edges[-1][1] == entries(e.explained.incoming[-1][b])
    assert view._nodes[-1] == (LOSSES[net.loss].formula, [number(e.forward.loss, 6)])
    if net.layers == 1:  # the seed's picture, as before
        assert [name for name, _ in view._nodes] == ["x", "z = W·x", "a = σ(z)", "L = mean((a − y)²)"]
        assert [name for name, _ in view._edges] == ["∂L/∂W = δ xᵀ", "∂L/∂z = δ", "∂L/∂a"]
    assert not view.grab().isNull()


def test_the_graph_shows_only_what_the_phase_has_computed(qtbot):
    session = Session(xor_state())
    view = shown_view(qtbot, GraphView(), session, READY)
    assert "?" not in view._nodes[0][1] and "?" not in view._inputs[len(view._nodes) - 1]  # x and y: given
    assert all(values == ["?"] * len(values) for _, values in view._nodes[1:])
    gradients = [v for _, values in view._edges for v in values if not v.startswith("∂L/∂")]  # not the names
    assert len(gradients) > 10 and all("?" in v for v in gradients)
    view.show_state(session, session.evaluate(), FORWARD)
    assert not any("?" in v for _, values in view._nodes for v in values)
    assert all("?" in v for _, values in view._edges for v in values if not v.startswith("∂L/∂"))


def deep_state() -> SessionState:
    """Six sigmoid layers 16 wide: the largest network the core allows."""
    rng = np.random.default_rng(1)
    problem = Problem(NetworkSpec.create([16] * 7, "sigmoid", bias=True), Data(rng.normal(size=(50, 16)),
                                                                                rng.uniform(size=(50, 16))))
    return SessionState.drawn(problem, OptimizerSpec.create("sgd"))


def test_six_layers_scroll_and_no_label_overlaps_the_next_box(qtbot):
    view = GraphView()
    area = QScrollArea()
    area.setWidget(view)
    area.setWidgetResizable(True)
    qtbot.addWidget(area)
    area.resize(1280, 400)
    area.show()
    view.show_state(Session(deep_state()), Session(deep_state()).evaluate(), EVERYTHING)
    QApplication.processEvents()
    assert len(view._nodes) == 14 and view.width() > area.viewport().width()
    assert area.horizontalScrollBar().isVisible() and area.horizontalScrollBar().maximum() > 0
    assert all(len(v) <= 6 for _, v in view._nodes[1:-1]) and view._nodes[1][1][-1] == "… 16 in all"
    boxes, _ = view._layout()
    metrics = QFontMetricsF(view.font())
    for k, (name, lines) in enumerate(view._edges):  # each arrow's label between its two boxes
        room = boxes[k + 1].left() - boxes[k].right()
        assert max(metrics.horizontalAdvance(t) for t in [name, *lines]) + metrics.height() <= room + 1e-6
    for k, (name, lines) in enumerate(view._nodes):  # each node's text inside its box
        assert max(metrics.horizontalAdvance(t) for t in [name, *lines]) < boxes[k].width()
    bottom = boxes[0].center().y() + (max(len(v) for _, v in view._edges) + 1.2) * metrics.height()
    assert bottom <= view.height()  # the tallest arrow label is drawn inside the view


# ---- the optimizer state


def torch_state_of(session: Session, name: str) -> dict:
    """torch.optim's own state for parameter `name`, read from the live optimizer."""
    engine = session.torch_engine()
    params = dict(engine._model.named_parameters())
    return as_numpy_state(engine._optimizer.state[params[module_names(session.problem.network)[name]]])


@pytest.mark.parametrize("kind", ["adam", "rmsprop", "sgd"])
def test_each_parameters_state_beside_torchs_and_its_next_update(qtbot, kind):
    spec = {"adam": OptimizerSpec.create("adam", lr=0.05), "rmsprop": OptimizerSpec.create("rmsprop", centered=True),
            "sgd": OptimizerSpec.create("sgd", lr=0.1, momentum=0.9)}[kind]
    session = Session(xor_state(optimizer=spec))
    session.step(25)
    view = shown_view(qtbot, OptimizerStateView(), session)
    e, s = session.evaluate(), session.state
    combo = view.parameter_combo
    assert [combo.itemText(k) for k in range(combo.count())] == ["W1", "b1", "W2", "b2"]
    for name, shape in s.problem.network.shapes.items():
        index = tuple(n - 1 for n in shape)
        view.choose(name, index)
        assert combo.currentText() == name
        theirs = torch_state_of(session, name)
        for q in state_quantities(spec, s.manual, name):
            assert_allclose(view.models["hand", q.symbol].values().reshape(q.values.shape), q.values, rtol=0, atol=0)
            key = q.source.removeprefix("state['").removesuffix("']")
            if key in theirs:
                assert_allclose(view.models["torch", q.symbol].values().reshape(q.values.shape), theirs[key],
                                rtol=1e-5, atol=1e-7)
        change = "Δ" + name[0].lower()
        update = e.explained.next_update(name)
        assert_allclose(view.models["hand", change].values().reshape(shape), update.update, rtol=0, atol=0)
        for line in update.at(*index):
            assert f"&nbsp;&nbsp;{number(line.value, 6)}</td>" in view.lines.text()
        assert number(e.grads[name][index], 6) in view.lines.text()
    predicted = {name: e.explained.next_update(name).weight for name in s.manual.params}
    session.step(1)
    for name, weight in predicted.items():
        assert_allclose(session.state.manual.params[name], weight, rtol=0, atol=0)


def test_the_combo_box_and_a_click_on_a_grid_choose_what_is_written_out(qtbot):
    session = Session(tanh_regression_state())
    session.step(5)
    view = shown_view(qtbot, OptimizerStateView(), session)
    view.parameter_combo.setCurrentIndex(1)
    view.parameter_combo.activated.emit(1)
    assert view.chosen == ("W2", (0, 0))
    grid = next(g for g in view.findChildren(QTableView) if g.model() is view.models["hand", "Δw"])
    grid.setCurrentIndex(grid.model().index(2, 4))
    assert view.chosen == ("W2", (2, 4)) and "W₂[3,5]" in view.lines.text()


def test_refreshing_the_state_view_steps_no_optimizer(qtbot, monkeypatch):
    session = Session(xor_state())
    session.step(3)
    view = shown_view(qtbot, OptimizerStateView(), session)
    calls = []
    step = optimizers.step
    monkeypatch.setattr(optimizers, "step", lambda *args, **kwargs: calls.append(1) or step(*args, **kwargs))
    for _ in range(10):
        view.show_state(session, session.evaluate(), EVERYTHING)
    assert calls == []  # the first show computed W1's next update; every refresh after takes it from core
    view.choose("b2", (0,))
    view.choose("b2", (0,))
    assert len(calls) == 1


@pytest.mark.parametrize("shown", [READY, FORWARD])
def test_the_state_is_known_and_the_update_waits_for_the_backward_pass(qtbot, shown):
    session = Session(xor_state())
    session.step(3)
    view = OptimizerStateView()
    view.choose("W2", (0, 1))
    shown_view(qtbot, view, session, shown)
    QApplication.processEvents()  # grids made while the view is shown are shown by the event loop
    hand = [g for g in view.findChildren(QTableView) if g.isVisibleTo(view)]
    update = next(g for g in hand if g.model() is view.models["hand", "Δw"])
    assert set(cells(update)) == {"?"}
    assert all("?" not in cells(g) for g in hand if g is not update)
    assert number(session.evaluate().grads["W2"][0, 1], 6) not in view.lines.text()


def test_every_number_of_a_layered_networks_next_step_is_whole(qtbot):
    session = Session(xor_state())
    session.step(100)
    view = OptimizerStateView()
    view.choose("W1", (3, 1))
    shown_view(qtbot, view, session)
    view.resize(1280, 420)
    QApplication.processEvents()
    lines = view.lines
    assert lines.width() >= lines.sizeHint().width() and lines.visibleRegion().boundingRect().width() == lines.width()
    assert "&nbsp;&nbsp;101</td>" in lines.text()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    for table in view.findChildren(QTableView):
        room = table.horizontalHeader().sectionSize(0) - 2 * margin
        assert all(table.fontMetrics().horizontalAdvance(text) <= room for text in cells(table)), table.objectName()


def test_every_text_of_the_chain_rule_has_the_room_it_needs(qtbot):
    """The painted tables: each cell's text (in its own font, bold or struck) fits its column, and each table is
    given at least the width it asks for, for a 16-wide network whose sum runs over two rows."""
    session = Session(wide_state())
    session.step(2)
    view = ChainRuleView()
    view.choose("W1", (3, 5))
    shown_view(qtbot, view, session)
    QApplication.processEvents()
    grids = [g for g in view.findChildren(TextGrid) if g.isVisibleTo(view)]
    assert {g.objectName() for g in grids} == {"chainRuleTable", "chainRuleCheck", "chainRuleSum", "chainRuleChain",
                                               "chainRuleBatch", "chainRuleBatchCheck"}
    assert len(view.sum_table.rows) == 8  # 16 terms, 8 to a row
    for grid in grids:
        assert grid.width() >= grid.sizeHint().width() and grid.height() >= grid.sizeHint().height(), grid.objectName()
        for row in grid.rows:
            for k, cell in enumerate(row):
                font = QFont(grid.font())
                font.setBold(cell.bold)
                font.setStrikeOut(cell.struck)
                assert QFontMetricsF(font).horizontalAdvance(cell.text) <= grid._columns[k] + 1e-6, cell.text


@st.composite
def any_session(draw) -> Session:
    """Any network the core allows (1–6 layers, widths 1–16, bias or not, every loss, sometimes a deliberate
    mistake), on up to 40 samples in full or mini-batches, after a few steps of a drawn optimizer."""
    spec = draw(specs(max_layers=6, max_width=16))
    m = draw(st.integers(1, 40))
    X = draw(arrays(np.float64, (m, spec.n_in), elements=st.floats(-2, 2, width=32)))
    y = targets(draw, spec, m)
    problem = Problem(spec, Data(X, y[:, None] if spec.loss == "ce" else y), draw(st.sampled_from(DTYPES)),
                      Batching(draw(st.sampled_from([None, 1, 7]))))
    kind = draw(st.sampled_from([None, *MISTAKE_KINDS]))
    if kind is not None:
        mistake = Mistake(kind, draw(st.integers(1, spec.layers)) if MISTAKE_KINDS[kind].in_layer else None)
        problem = problem if mistake.refusal(spec) else problem.replace(mistake=mistake)
    optimizer = OptimizerSpec.create(draw(st.sampled_from(["sgd", "adam", "rmsprop", "adagrad"])))
    session = Session(SessionState.drawn(problem, optimizer))
    session.step(draw(st.integers(0, 3)))
    return session


@settings(max_examples=25)
@given(any_session(), st.data())
def test_every_view_shows_any_network_the_core_allows(qapp, session, data):
    net = session.problem.network
    name = data.draw(st.sampled_from(net.parameter_names))
    index = tuple(data.draw(st.integers(0, n - 1)) for n in net.shapes[name])
    sample, shown = data.draw(st.integers(0, 50)), data.draw(st.sampled_from([READY, FORWARD, EVERYTHING]))
    e = session.evaluate()
    chain, graph, state = ChainRuleView(), GraphView(), OptimizerStateView()
    for view in (chain, state):
        view.choose(name, index)
    for view in (chain, graph):
        view.choose_sample(sample)
    for view in (chain, graph, state):
        view.show_state(session, e, shown)
        assert not view.grab().isNull()
        view.deleteLater()
    assert chain.chosen == state.chosen == (name, index)
    assert chain.sample == graph.sample == min(sample, len(e.X) - 1)
    assert len(graph._nodes) == 2 * net.layers + 2


def test_ten_thousand_samples_in_one_batch(qtbot):
    rng = np.random.default_rng(2)
    problem = Problem(NetworkSpec.create([2, 16, 16, 1], "tanh", bias=True, loss="bce"),
                      Data(rng.normal(size=(10_000, 2)), rng.integers(0, 2, (10_000, 1))))
    session = Session(SessionState.drawn(problem, OptimizerSpec.create("adam")), load_torch=False)
    view = ChainRuleView()
    view.choose("W2", (15, 15))
    view.choose_sample(9_999)
    shown_view(qtbot, view, session)
    chain = session.evaluate().explained.chain("W2", (15, 15), 9_999)
    assert view.batch_table.rows[0][-3:] == [Cell("…"), Cell("10000", bold=True), Cell("mean")]
    assert_allclose(chain.mean, session.evaluate().grads["W2"][15, 15], rtol=1e-4, atol=1e-9)


@pytest.mark.parametrize("make", [ChainRuleView, GraphView, OptimizerStateView, TrajectoryPanel, GradientCheckView])
def test_a_view_shown_again_before_a_refresh_shows_the_session_as_it_now_stands(qtbot, make):
    """A sample chosen in the data table after a scenario had replaced XOR 2-4-1 with the seed, before the refresh:
    the chain rule showed its kept XOR evaluation against the seed's network and raised IndexError."""
    from core.scenarios import scenario

    session = Session(scenario("xor").make())
    session.step(3)
    view = shown_view(qtbot, make(), session)
    if isinstance(view, ChainRuleView):
        view.choose("W2", (0, 3))
    session.replace_state(scenario("seed").make())  # as the Scenarios menu does; the refresh comes after
    view._show_again()  # what choosing a sample, a cell, a language or a font does
    assert view._last[0].evaluate() is view._last[1]  # it showed the new state
    assert_allclose(view._last[1].forward.loss, session.evaluate().forward.loss, rtol=0)


def test_both_trajectories_name_rows_and_columns_as_the_network_panel_does(qtbot):
    """torch's side numbered its rows and columns 1, 2, 3 and called a bce output "a = id(z)" where the hand side
    says "p = σ(z)"."""
    from core.scenarios import scenario

    session = Session(scenario("xor").make())
    session.step(2)
    view = shown_view(qtbot, TrajectoryPanel(), session)
    view.choose("W2")
    torch_grid, forward, gap = (view.torch_model, view.forward_model, view.gap_model)
    for model in (torch_grid, gap):
        assert [model.headerData(j, Qt.Orientation.Horizontal) for j in range(4)] == ["a₁", "a₂", "a₃", "a₄"]
        assert model.headerData(0, Qt.Orientation.Vertical) == "a₁"
    assert [forward.headerData(j, Qt.Orientation.Horizontal) for j in range(2)] == ["z", "p = σ(z)"]
    z, p = forward.values()[0]
    assert_allclose(p, 1 / (1 + np.exp(-z)), rtol=1e-6)  # the probability, not the logit again
    assert forward.headerData(0, Qt.Orientation.Vertical) == "a₁"
    view.choose("W1")
    assert torch_grid.headerData(1, Qt.Orientation.Horizontal) == "x₂"
    view.choose("b1")
    assert torch_grid.headerData(0, Qt.Orientation.Horizontal) == "b1"
