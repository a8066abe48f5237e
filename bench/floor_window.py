"""The start-up floor: a bare PySide6 program showing a QMainWindow with one pyqtgraph PlotWidget and one 3×3
table, which prints 'first paint' when it has painted and quits. bench/startup.py times it beside main.py."""

import sys

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QVBoxLayout, QWidget


class Floor(QMainWindow):
    def __init__(self):
        super().__init__()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(pg.PlotWidget())
        layout.addWidget(QTableWidget(3, 3))
        self.setCentralWidget(central)
        self._painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._report)

    def _report(self):
        print("first paint", flush=True)
        QApplication.instance().quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = Floor()
    window.resize(1280, 720)
    window.show()
    sys.exit(app.exec())
