"""A large network on many samples takes central differences at a sample of entries, and every view of them says so:
an entry left out shows "—", uncoloured, never a number, and a verdict names how many entries it compared."""

import re

import numpy as np
from numpy.testing import assert_allclose
from PySide6.QtCore import Qt

from core.mistakes import Mistake
from core.session import Session
from gui.gradient_check_view import RELATIVE, VERDICT, GradientCheckView
from gui.gradient_panel import GradientPanel
from tests.test_numeric import large_state

Role = Qt.ItemDataRole


def shown(qtbot, session: Session) -> tuple[GradientPanel, GradientCheckView]:
    """The gradient panel and the gradient check, showing the session's state."""
    panel, check = GradientPanel(), GradientCheckView()
    qtbot.addWidget(panel)
    qtbot.addWidget(check)
    evaluation = session.evaluate()
    panel.show_state(evaluation)
    check.show_state(session, evaluation)
    return panel, check


def test_the_third_witness_shows_only_the_entries_it_differenced_and_says_how_many(qtbot):
    session = Session(large_state())
    panel, _ = shown(qtbot, session)
    e = session.evaluate()
    numbers = entries = 0
    for name, block in panel.witnesses.items():
        model = block.models[2]
        cells = [[model.index(i, j) for j in range(model.columnCount())] for i in range(model.rowCount())]
        known = np.array([[cell.data() != "—" for cell in row] for row in cells]).reshape(e.grads[name].shape)
        assert known.any(), name  # every tensor is checked somewhere
        for cell in (cell for row in cells for cell in row if cell.data() == "—"):
            assert cell.data(Role.BackgroundRole) is None  # not coloured as a value would be
            assert "not computed" in cell.data(Role.ToolTipRole)
        # the numbers shown are central differences of the hand-written gradient's own entries
        assert_allclose(model.values().reshape(known.shape)[known], e.grads[name][known], rtol=1e-4, atol=1e-6)
        caption = block.captions[2].text()
        assert f"{known.sum()} of {known.size} entries" in caption if not known.all() else "of" not in caption
        numbers, entries = numbers + known.sum(), entries + known.size
    assert 0 < numbers <= entries // 10  # the budget: a small sample of 881 entries
    verdict = panel.numeric_verdict.text()
    assert "✔" in verdict and f"at {numbers} of {entries} entries, a sample" in verdict


def test_the_gradient_check_names_how_many_entries_each_row_compared(qtbot):
    session = Session(large_state())
    _, check = shown(qtbot, session)
    m = check.model
    for i, row in enumerate(m.rows()):
        assert m.index(i, VERDICT).data() in ("✔ good", "✔ fine")  # the verdict of the entries compared
        if row.name.startswith("δ"):  # against autograd, every entry
            assert "of" not in m.index(i, RELATIVE).data()
            continue
        found = re.search(r"\((\d+) of (\d+)\)$", m.index(i, RELATIVE).data())
        if found is None:  # a tensor small enough to difference whole
            assert row.name in ("W5", "b5"), row.name
            continue
        compared, size = map(int, found.groups())
        assert 0 < compared < size == int(np.prod(row.shape))
        assert f"at {compared} of {size} entries" in m.index(i, RELATIVE).data(Role.ToolTipRole)
    assert "of 881 entries, a sample" in check.note.text()
    check.show()  # and the column is as wide as its longest text
    room = check.table.horizontalHeader().sectionSize(RELATIVE) - 2 * check.table.cell_margin()
    metrics = check.table.fontMetrics()
    assert max(metrics.horizontalAdvance(m.index(i, RELATIVE).data()) for i in range(m.rowCount())) <= room


def test_a_sample_still_catches_a_broken_backward(qtbot):
    """f′ forgotten in layer 2's δ changes every entry of W₁, b₁, W₂ and b₂: the sample's entries too, so their
    relative errors against central differences turn doubtful or wrong, and only theirs."""
    session = Session(large_state())
    session.set_mistake(Mistake("forget_derivative", 2))
    _, check = shown(qtbot, session)
    parameters = [row for row in check.model.rows() if not row.name.startswith("δ")]
    assert {row.name for row in parameters if row.verdict in ("doubtful", "wrong")} == {"W1", "b1", "W2", "b2"}
    assert all(row.sampled is not None for row in parameters if row.name in ("W1", "b1", "W2", "b2"))
