"""Hats drawn over their letters, in the fonts the window uses (DejaVu Sans; Noto Sans CJK for Chinese)."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from gui.formula import HAT, hatted_letter, plain, rich


def ink(image: QImage) -> np.ndarray:
    """(height, width) True where the image is not transparent."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return pixels[:, : image.width(), 3] > 64  # alpha, little-endian BGRA


def letter_alone(letter: str, font: QFont, like: QImage) -> QImage:
    """`letter` drawn as hatted_letter draws it (baseline at the bottom edge), without the hat."""
    image = QImage(like.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPointF(0, image.height()), letter)
    painter.end()
    return image


@pytest.mark.parametrize("family", ["DejaVu Sans", "Noto Sans CJK SC"])
@pytest.mark.parametrize("pixels", [12, 33])  # at the desk, projected
@pytest.mark.parametrize("bold", [False, True])  # formulas, captions
@pytest.mark.parametrize("letter", ["m", "v"])
def test_the_hat_sits_centred_over_its_letter_with_a_gap(qapp, family, pixels, bold, letter):
    font = QFont(family)
    font.setPixelSize(pixels)
    font.setBold(bold)
    image = hatted_letter(letter, font, QColor("black"))
    metrics = QFontMetricsF(font)
    assert image.width() >= metrics.horizontalAdvance(letter) and image.height() >= metrics.ascent()
    drawn, glyph = ink(image), ink(letter_alone(letter, font, image))
    assert (drawn | glyph == drawn).all()  # the letter is all there, untouched
    hat = drawn & ~glyph
    hat_rows, glyph_rows = np.flatnonzero(hat.any(axis=1)), np.flatnonzero(glyph.any(axis=1))
    assert hat_rows.size and hat_rows[0] > 0  # a hat, not cut at the top
    assert hat_rows[-1] < glyph_rows[0] - 1  # above the letter, an empty row between
    hat_columns, glyph_columns = np.flatnonzero(hat.any(axis=0)), np.flatnonzero(glyph.any(axis=0))
    middle = lambda columns: (columns[0] + columns[-1]) / 2  # noqa: E731
    assert abs(middle(hat_columns) - middle(glyph_columns)) <= 1.0  # centred on the letter
    assert hat_columns[-1] - hat_columns[0] <= glyph_columns[-1] - glyph_columns[0]  # no wider than it


def test_rich_text_draws_every_hat_and_plain_text_spells_it_out(qapp):
    text = f"w ← w − s·m / d   (= w − lr·m{HAT} / (√v{HAT} + ε))"
    shown = rich(text, QFont("DejaVu Sans"), QColor("black"))
    assert HAT not in shown and shown.count("<img src='data:image/png;base64,") == 2
    assert shown.startswith("w ← w − s·m / d   (= w − lr·<img") and shown.endswith(" + ε))")
    assert plain(f"m{HAT} hand, v{HAT} torch") == "m_hat hand, v_hat torch"
