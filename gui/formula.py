"""Formulas with hats (m̂, v̂) that look right in any font: the hat is drawn, not typeset.

Core writes a bias-corrected moment as a letter and a combining circumflex (U+0302). Fonts place that mark badly:
DejaVu Sans, our Latin font, loses it, and in Qt's rich text it floated onto the line above and clipped what
followed. So no text given to Qt holds it: rich text shows the letter and its hat as a small picture in the
label's font and colour, standing on the baseline like the letters around it, and plain text (tooltips, accessible
names) spells it out as m_hat.
"""

import base64
import math
import re
from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

HAT = "\u0302"  # combining circumflex accent
_HATTED = re.compile(f"(\\w){HAT}")


def plain(text: str) -> str:
    """`text` with m̂ written m_hat: for plain-text places, where nothing can be drawn."""
    return _HATTED.sub(r"\1_hat", text)


def rich(text: str, font: QFont, colour: QColor, ratio: float = 1.0) -> str:
    """`text` (rich text) with each hatted letter as an <img> of it drawn in `font` and `colour`, at `ratio`
    device pixels per pixel."""
    return _HATTED.sub(lambda match: _image_tag(match.group(1), font.toString(), colour.name(), ratio), text)


@lru_cache(maxsize=64)
def _image_tag(letter: str, font: str, colour: str, ratio: float) -> str:
    """The <img> of a hatted letter, its picture inline as PNG data (made once per letter, font and colour)."""
    image = hatted_letter(letter, _font(font), QColor(colour), ratio)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    width, height = round(image.width() / ratio), round(image.height() / ratio)
    source = "data:image/png;base64," + base64.b64encode(bytes(data)).decode("ascii")
    return f"<img src='{source}' width='{width}' height='{height}'>"


def _font(description: str) -> QFont:
    """The font QFont.toString() described (a string, so the cache can key on it)."""
    font = QFont()
    font.fromString(description)
    return font


def hatted_letter(letter: str, font: QFont, colour: QColor, ratio: float = 1.0) -> QImage:
    """`letter` with a circumflex over it: as wide as the letter's advance, as tall as the font's ascent, the
    letter's baseline at the bottom edge (a rich-text image stands on the baseline). For letters without
    descenders, as m and v are."""
    metrics = QFontMetricsF(font)
    width, height = math.ceil(metrics.horizontalAdvance(letter)), math.ceil(metrics.ascent())
    image = QImage(math.ceil(width * ratio), math.ceil(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QPointF(0, height), letter)
    glyph = metrics.tightBoundingRect(letter).translated(0, height)  # the letter's ink, in the image
    x_height = metrics.xHeight()
    stroke = max(1.0, 0.1 * x_height) * (1.5 if font.bold() else 1.0)
    gap = max(0.2 * x_height, 1.5 + stroke / 2)  # a clear row of pixels between the hat and the letter
    rise = min(0.34 * x_height, glyph.top() - stroke / 2 - 1.0 - gap)  # small fonts: a flatter hat, never cut
    centre, base, half = glyph.center().x(), glyph.top() - gap, 0.32 * x_height
    hat = QPainterPath(QPointF(centre - half, base))
    hat.lineTo(centre, base - rise)
    hat.lineTo(centre + half, base)
    painter.setPen(QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(hat)
    painter.end()
    return image
