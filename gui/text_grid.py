"""Short texts in rows and columns, painted directly: for explanations whose numbers change with every step. A
rich-text table lays out every cell again on each change (milliseconds per table, tens for a wide layer's sum);
this measures each text once per shape and draws a few strings."""

from typing import NamedTuple

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

ZEROS = str.maketrans("123456789", "000000000")  # every digit as 0: as wide as any (tabular figures)
ALIGNMENTS = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
              "center": Qt.AlignmentFlag.AlignHCenter}


class TextWidths:
    """The widths of texts in a font, each measured with 0 for every digit and remembered: numbers change with
    every step, their shapes seldom."""

    def __init__(self):
        self._font = ""
        self._widths: dict[str, float] = {}

    def width(self, font: QFont, text: str) -> float:
        if font.key() != self._font:
            self._font, self._widths = font.key(), {}
        shape = text.translate(ZEROS)
        if shape not in self._widths:
            self._widths[shape] = QFontMetricsF(font).horizontalAdvance(shape)
        return self._widths[shape]


class Cell(NamedTuple):
    """One text of the grid and how it is drawn."""

    text: str
    bold: bool = False
    colour: str | None = None  # None: the palette's text colour
    struck: bool = False


class TextGrid(QWidget):
    """Rows of cells in columns as wide as their widest cell; its size is what they need."""

    def __init__(self, object_name: str, align: str = "center", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._align = ALIGNMENTS[align]
        self._rows: list[list[Cell]] = []
        self._columns: list[float] = []
        self._texts = TextWidths()

    @property
    def rows(self) -> list[list[Cell]]:
        return self._rows

    def text(self) -> str:
        """Every cell's text, a tab between cells and a line per row (for tests and screen readers)."""
        return "\n".join("\t".join(cell.text for cell in row) for row in self._rows)

    def set_rows(self, rows: list[list["Cell | str"]]) -> None:
        """Show `rows` (a str is a plain cell); only a change of size lays the parent out again."""
        cells = [[c if isinstance(c, Cell) else Cell(c) for c in row] for row in rows]
        if cells == self._rows:
            return
        before, same_shape = self.sizeHint(), [len(r) for r in cells] == [len(r) for r in self._rows]
        self._rows = cells
        self._measure(keep=same_shape)
        self.setAccessibleDescription(self.text())
        if self.sizeHint() != before:
            self.updateGeometry()
        self.update()

    def _font(self, cell: Cell) -> QFont:
        font = QFont(self.font())
        font.setBold(cell.bold)
        font.setStrikeOut(cell.struck)
        return font

    def _measure(self, keep: bool = False) -> None:
        """Each column as wide as its widest cell; with `keep`, never narrower than before: while the rows keep
        their shape (the same explanation, step after step) the table keeps its size instead of jittering."""
        columns = max((len(row) for row in self._rows), default=0)
        self._columns = list(self._columns) if keep else [0.0] * columns
        for row in self._rows:
            for k, cell in enumerate(row):
                self._columns[k] = max(self._columns[k], self._texts.width(self._font(cell), cell.text))

    def _padding(self) -> float:
        return 0.6 * QFontMetricsF(self.font()).height()

    def _row_height(self) -> float:
        return 1.5 * QFontMetricsF(self.font()).height()

    def sizeHint(self) -> QSize:
        pad = self._padding()
        width = sum(self._columns) + pad * (len(self._columns) + 1)
        return QSize(int(width) + 1, int(len(self._rows) * self._row_height()) + 1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._measure()  # afresh: the old widths were of the old font
            self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        pad, height = self._padding(), self._row_height()
        text = self.palette().windowText().color()
        for r, row in enumerate(self._rows):
            x = pad
            for k, cell in enumerate(row):
                painter.setFont(self._font(cell))
                painter.setPen(QColor(cell.colour) if cell.colour else text)
                rect = QRectF(x, r * height, self._columns[k], height)
                flags = self._align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip
                painter.drawText(rect, flags, cell.text)
                x += self._columns[k] + pad
        painter.end()
