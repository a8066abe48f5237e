"""The colours of the input plane, as TensorFlow Playground draws it: one colour per class, and a blue–white–orange
scale (class 0's colour, white, class 1's) for probabilities and values. The plane itself is drawn paler than the
samples on it, so that a sample stands out even on its own class's region."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

# Okabe and Ito's colour-blind-safe set, then more for up to 16 classes (core.network.MAX_WIDTH outputs)
CLASS_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#7F7F7F",
                 "#8C564B", "#17BECF", "#9467BD", "#BCBD22", "#E377C2", "#2CA02C", "#D62728", "#1F3A93")
PALE = 0.55  # the plane shows at most this much of a colour, the rest white
LEVELS = 256


def _rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


WHITE = np.array([255.0, 255.0, 255.0])
_CLASSES = np.stack([_rgb(c) for c in CLASS_COLOURS])  # (16, 3)


def paler(rgb: np.ndarray, amount: np.ndarray | float = PALE) -> np.ndarray:
    """`rgb` (…, 3) mixed with white: `amount` of the colour is left (1: all of it, 0: white)."""
    return WHITE + np.asarray(amount)[..., None] * (rgb - WHITE)


def colour_map(pale: bool = True) -> pg.ColorMap:
    """Class 0's blue at the low end, white in the middle, class 1's orange at the high end."""
    ends = [paler(_CLASSES[0]) if pale else _CLASSES[0], WHITE, paler(_CLASSES[1]) if pale else _CLASSES[1]]
    return pg.ColorMap([0.0, 0.5, 1.0], [tuple(int(round(v)) for v in c) for c in ends])


LUT = colour_map().getLookupTable(0.0, 1.0, LEVELS, alpha=False)  # (256, 3) uint8, the plane's scale
FULL_LUT = colour_map(pale=False).getLookupTable(0.0, 1.0, LEVELS, alpha=False)  # the samples' scale


def levels(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Which of the scale's LEVELS colours each value takes on the scale from `low` to `high` (clipped at its ends),
    as pyqtgraph maps an image with these levels: uint8, the shape of `values`."""
    index = np.clip((np.asarray(values, dtype=np.float64) - low) * (LEVELS / (high - low)), 0, LEVELS - 1)
    return index.astype(np.uint8)


def scaled(values: np.ndarray, low: float, high: float, lut: np.ndarray = LUT) -> np.ndarray:
    """(…, 3) uint8: the colours of `values` on the scale from `low` to `high`."""
    return lut[levels(values, low, high)]


def class_colour(k: int) -> QColor:
    return QColor(CLASS_COLOURS[k % len(CLASS_COLOURS)])


def regions(classes: np.ndarray, confidence: np.ndarray, count: int) -> np.ndarray:
    """(…, 3) uint8: each point in its class's pale colour, paler still the less sure the network is there (white at
    probability 1/count, as pale as the plane goes at 1)."""
    sure = np.clip((confidence - 1.0 / count) / (1.0 - 1.0 / count), 0.0, 1.0)
    return paler(_CLASSES[classes % len(CLASS_COLOURS)], PALE * (0.25 + 0.75 * sure)).round().astype(np.uint8)
