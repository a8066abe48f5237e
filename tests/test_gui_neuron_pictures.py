"""The hidden units' pictures, tested by what they draw: each picture's pixels against the unit's activations over
the plane on its layer's scale, a click choosing the unit under it, and a large network wrapping and scrolling."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from core import datasets
from core.session import Session
from gui.neuron_pictures import NeuronPictures
from gui.phases import EVERYTHING
from gui.plane_colours import scaled
from tests.sessions import session, sine, spiral, xor


@pytest.fixture
def pictures(qtbot):
    view = NeuronPictures()
    qtbot.addWidget(view)
    view.resize(600, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(view: NeuronPictures, s: Session) -> None:
    view.show_state(s, s.evaluate(), EVERYTHING)


def image_pixels(image) -> np.ndarray:
    """(h, w, 3) uint8: the colours of a QImage."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(h, image.bytesPerLine())[:, : 3 * w].reshape(h, w, 3).copy()  # before the image goes


def test_each_hidden_unit_is_drawn_over_the_plane_on_its_layers_scale(pictures):
    s = xor()
    s.step(100)
    show(pictures, s)
    surface = s.evaluate().surface
    layers = pictures.pictures.layers
    assert [(layer.layer, layer.activation, layer.low, layer.high) for layer in layers] == [(1, "tanh", -1.0, 1.0)]
    assert len(layers[0].images) == 4
    for unit, image in enumerate(layers[0].images):
        expected = scaled(surface.hidden[0][..., unit], -1.0, 1.0)[::-1]  # the top row is the plane's highest x₂
        assert_array_equal(image_pixels(image), expected)
    assert len(pictures.pictures.places()) == 4
    assert "over the plane" in pictures.caption.text()


def test_on_screen_each_picture_shows_its_units_colours(pictures):
    s = spiral()
    s.step(30)
    show(pictures, s)
    surface = s.evaluate().surface
    shot = pictures.pictures.grab().toImage()
    for layer, unit, rect in pictures.pictures.places()[::5]:
        values = surface.hidden[layer - 1][..., unit]
        # the picture's centre pixel is the grid's middle, drawn scaled: near values[50, 50] (row 49 or 50 from top)
        centre = shot.pixelColor(rect.center())
        candidates = scaled(values[48:52, 48:52], -1.0, 1.0).reshape(-1, 3)
        assert np.min(np.abs(candidates - [centre.red(), centre.green(), centre.blue()]).max(axis=1)) <= 2


def test_clicking_a_picture_chooses_its_unit(pictures, qtbot):
    s = spiral()
    show(pictures, s)
    layer, unit, rect = [p for p in pictures.pictures.places() if p[:2] == (2, 5)][0]
    with qtbot.waitSignal(pictures.unitChosen) as chosen:
        qtbot.mouseClick(pictures.pictures, Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [2, 5] and pictures.pictures.chosen == (2, 5)
    with qtbot.assertNotEmitted(pictures.unitChosen):  # between pictures: nothing is chosen
        qtbot.mouseClick(pictures.pictures, Qt.MouseButton.LeftButton, pos=QPoint(rect.right() + 3, rect.top()))


def test_a_large_network_wraps_its_rows_and_scrolls_with_every_picture_readable(pictures, qtbot):
    s = session([2, 16, 16, 16, 16, 16, 1], "relu", "bce", datasets.generate("circle"))
    show(pictures, s)
    canvas = pictures.pictures
    places = canvas.places()
    assert len(places) == 5 * 16
    side = places[0][2].width()
    assert side >= 4 * canvas.fontMetrics().height() and side == places[0][2].height()
    width = pictures.scroll.viewport().width()
    assert all(0 <= rect.left() and rect.right() < width for _, _, rect in places)  # wrapped: no sideways scroll
    assert canvas.height() >= max(rect.bottom() for _, _, rect in places) + canvas.fontMetrics().height()
    assert pictures.scroll.verticalScrollBar().maximum() > 0  # more than fits: it scrolls
    rects = [rect for _, _, rect in places]
    assert not any(a.intersects(b) for k, a in enumerate(rects) for b in rects[k + 1:])
    for layer in canvas.layers:  # relu: a scale from 0 to the largest value of the layer
        assert layer.low == 0 and layer.high == pytest.approx(layer.values.max())


def test_one_input_draws_each_units_curve(pictures):
    s = sine()
    show(pictures, s)
    surface = s.evaluate().surface
    canvas = pictures.pictures
    assert_allclose(canvas.xs, surface.plane.xs, rtol=0, atol=0)
    assert_allclose(canvas.layers[0].values, surface.hidden[0], rtol=0, atol=0)
    assert canvas.layers[0].images == [] and len(canvas.places()) == 8
    assert not canvas.grab().isNull() and "along the input" in pictures.caption.text()


@pytest.mark.parametrize("make, says", [
    # the seed's: three inputs, but first of all no hidden layer (it said "this one has 3 inputs")
    (Session, "This network has no hidden layer: its one layer is the output."),
    (lambda: session([3, 4, 3], "sigmoid", "mse", datasets.generate("seed")), "one or two inputs only; this one "
                                                                                "has 3 inputs"),
    (lambda: session([2, 1], "identity", "bce", datasets.generate("xor")), "no hidden layer"),
])
def test_without_a_plane_or_a_hidden_layer_a_sentence_says_why(pictures, make, says):
    show(pictures, make())
    assert pictures.message.isVisible() and says in pictures.message.text()
    show(pictures, xor())
    assert pictures.scroll.isVisible() and len(pictures.pictures.places()) == 4


def test_a_chosen_unit_the_new_network_does_not_have_is_let_go(pictures):
    show(pictures, spiral())
    pictures.choose(2, 7)
    show(pictures, xor())
    assert pictures.pictures.chosen is None and len(pictures.pictures.places()) == 4
