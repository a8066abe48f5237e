"""The settings pane beside the plots: the optimizer, the network and the data a tab each; it keeps its width
whatever the network and the data, and is as tall as the tab on show."""

import numpy as np
import pytest
from PySide6.QtWidgets import QLineEdit

from core.data import Data
from core.network import NetworkSpec
from core.session import Session
from gui.controller import SessionController
from gui.settings_panel import SettingsPanel


@pytest.fixture
def pane(qtbot):
    pane = SettingsPanel(SessionController(Session(load_torch=False)))
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def hints(pane: SettingsPanel) -> list[tuple[int, int]]:
    """The pane's size hint with each tab on show."""
    sizes = []
    for k in range(pane.tabs.count()):
        pane.tabs.setCurrentIndex(k)
        sizes.append(pane.sizeHint().toTuple())
    return sizes


def test_the_pane_keeps_its_width_for_the_largest_network_and_data(qtbot, pane):
    default = hints(pane)
    widths = {w for w, _ in default}
    assert len(widths) == 1  # choosing a tab moves nothing sideways
    assert widths.pop() <= 50 * pane.fontMetrics().averageCharWidth()  # beside the plots (290 px before tabs)
    rng = np.random.default_rng(0)
    data = Data(rng.standard_normal((10_000, 16)), rng.standard_normal((10_000, 16)))
    controller = pane.data_panel._controller
    controller.perform(Session.set_data_and_network, data, NetworkSpec.create([16] * 7, "tanh", True))
    pane.show_state(controller.session)
    largest = hints(pane)
    assert [w for w, _ in largest] == [w for w, _ in default]
    data_tab = pane.tabs.indexOf(pane.data_panel)
    assert largest[data_tab][1] == default[data_tab][1]  # 10,000 rows of 32 columns scroll in the same table
    pane.tabs.setCurrentWidget(pane.network_editor)
    pane.resize(pane.sizeHint())
    qtbot.waitUntil(lambda: pane.network_editor.widths_edit.width() > 100)
    edit = pane.network_editor.findChild(QLineEdit, "layerWidthsEdit")
    assert edit.text() == "16, 16, 16, 16, 16, 16, 16"
    assert edit.width() - 8 >= edit.fontMetrics().horizontalAdvance(edit.text())  # shown whole (frame, margins)


def test_the_pane_is_as_tall_as_the_tab_on_show(pane):
    optimizer, network, data = (h for _, h in hints(pane))
    assert optimizer < data and network < data
    pane.tabs.setCurrentWidget(pane.data_panel)
    assert pane.sizeHint().height() == data
    assert pane.minimumSizeHint().height() < data  # in a short window the table gives up rows first
