"""Generated data sets, after TensorFlow Playground's: each a short function of (samples, noise, random generator).

Classification sets give Y as one column of class indices 0..classes−1, the k-th sample of class k mod classes,
so classes are balanced and every batch of at least `classes` samples in data order holds each of them. Their
inputs lie within about [−1.5, 1.5]². Noise is the standard deviation of Gaussian jitter added to the inputs (to
the target for `sine`), drawn last from the same generator: the same seed gives the same points at every noise.
"""

from __future__ import annotations  # numpy.random (9 ms) is imported when data are drawn, not at start-up

from typing import Callable, NamedTuple

import numpy as np

from core.data import MAX_SAMPLES, Data, Generated, whole_number
from core.i18n import QT_TRANSLATE_NOOP, Message

MAX_NOISE = 10.0  # far beyond any useful jitter (a 2-D plot shows [−2, 2]), and safely finite

UNKNOWN = QT_TRANSLATE_NOOP("core", "unknown data set {name}; choose one of: {names}")
SAMPLES = QT_TRANSLATE_NOOP("core", "the number of samples must be a whole number from 1 to {most}")
NOISE = QT_TRANSLATE_NOOP("core", "the noise must be a number from 0 to {most}")
SEED = QT_TRANSLATE_NOOP("core", "the data seed must be a whole number, 0 or more")

Make = Callable[[int, float, "np.random.Generator | None"], tuple[np.ndarray, np.ndarray]]


class DataSet(NamedTuple):
    name: str  # key, for the command line and session files
    label: str  # menu text (translatable)
    description: str  # what it holds, one line (translatable)
    n_in: int
    n_targets: int  # 1 for classification: a column of class indices
    classes: int  # 0 for regression
    samples: int  # default sample count
    noise: float  # default noise
    make: Make  # (samples, noise, generator) -> X (m, n_in), Y (m, n_targets)


def _jitter(points: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    """`points` plus Gaussian noise of standard deviation `noise`, drawn even at 0 so the stream never shifts."""
    return points + noise * rng.standard_normal(points.shape)


def _labels(samples: int, classes: int) -> np.ndarray:
    """0, 1, …, classes−1, 0, 1, … : balanced and interleaved."""
    return np.arange(samples) % classes  # (m,)


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)  # (m,), (m,) -> (m, 2)


def _seed(samples: int, noise: float, rng: None):
    """The blog post's one sample, whatever is asked."""
    return np.array([[-0.5, 0.1, 1.1]]), np.array([[0.1, 0.2, 9.9]])


def _xor(samples: int, noise: float, rng: np.random.Generator):
    """The corners (0,0), (0,1), (1,0), (1,1) in turn, labelled by exclusive or."""
    corner = np.arange(samples) % 4  # (m,)
    bits = np.stack([corner // 2, corner % 2], axis=1).astype(np.float64)  # (m, 2)
    return _jitter(bits, noise, rng), (bits[:, 0] != bits[:, 1]).astype(np.float64)


def _circle(samples: int, noise: float, rng: np.random.Generator):
    """Class 0 uniform in a disc of radius 0.6, class 1 uniform in the ring from 0.9 to 1.3."""
    y = _labels(samples, 2)
    inner, outer = np.where(y == 0, 0.0, 0.9), np.where(y == 0, 0.6, 1.3)  # (m,) radius ranges
    r = np.sqrt(rng.uniform(inner**2, outer**2))  # uniform over the area
    return _jitter(_polar(r, rng.uniform(0, 2 * np.pi, samples)), noise, rng), y.astype(np.float64)


def _moons(samples: int, noise: float, rng: np.random.Generator):
    """Two half circles of radius 1: class 0's arches up from centre (−0.5, −0.25), class 1's down from
    (0.5, 0.25); each ends inside the other's hollow, 0.5 from its arc."""
    y = _labels(samples, 2)
    centre = np.where(y[:, None] == 0, [-0.5, -0.25], [0.5, 0.25])  # (m, 2)
    angle = rng.uniform(0, np.pi, samples) + np.pi * y  # class 0 in [0, π], class 1 in [π, 2π]
    return _jitter(centre + _polar(np.ones(samples), angle), noise, rng), y.astype(np.float64)


def _spiral(classes: int) -> Make:
    """`classes` arms r = 0.15 + 1.25u, angle = 1.75 turns · u + the arm's offset 2π·k/classes, u uniform."""

    def make(samples: int, noise: float, rng: np.random.Generator):
        y = _labels(samples, classes)
        u = rng.uniform(0, 1, samples)
        points = _polar(0.15 + 1.25 * u, 1.75 * 2 * np.pi * u + 2 * np.pi * y / classes)
        return _jitter(points, noise, rng), y.astype(np.float64)

    return make


BLOB_CENTRES = _polar(np.ones(3), np.pi / 2 + 2 * np.pi * np.arange(3) / 3)  # (3, 2): a triangle's corners
BLOB_SPREAD = 0.25


def _blobs(samples: int, noise: float, rng: np.random.Generator):
    """Gaussian clouds of standard deviation 0.25 around the corners of a triangle of circumradius 1."""
    y = _labels(samples, 3)
    points = BLOB_CENTRES[y] + BLOB_SPREAD * rng.standard_normal((samples, 2))  # (m, 2)
    return _jitter(points, noise, rng), y.astype(np.float64)


def _sine(samples: int, noise: float, rng: np.random.Generator):
    """x uniform in [−π, π], y = sin(x) plus the noise."""
    x = rng.uniform(-np.pi, np.pi, (samples, 1))  # (m, 1)
    return x, _jitter(np.sin(x), noise, rng)


DATASETS: list[DataSet] = [
    DataSet("seed", QT_TRANSLATE_NOOP("core", "The blog post's sample"), QT_TRANSLATE_NOOP(
        "core", "One sample, x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9]; the sample count and noise do not apply."),
        3, 3, 0, 1, 0.0, _seed),
    DataSet("xor", QT_TRANSLATE_NOOP("core", "XOR"), QT_TRANSLATE_NOOP(
        "core", "The corners of the unit square, class 1 where exactly one input is 1; more samples repeat the "
        "corners."), 2, 1, 2, 4, 0.0, _xor),
    DataSet("circle", QT_TRANSLATE_NOOP("core", "Circle"), QT_TRANSLATE_NOOP(
        "core", "Class 0 inside a circle of radius 0.6, class 1 in a ring from 0.9 to 1.3 around it."),
        2, 1, 2, 200, 0.05, _circle),
    DataSet("moons", QT_TRANSLATE_NOOP("core", "Moons"), QT_TRANSLATE_NOOP(
        "core", "Two interleaving half circles of radius 1, one per class."), 2, 1, 2, 200, 0.1, _moons),
    DataSet("spiral", QT_TRANSLATE_NOOP("core", "Spiral"), QT_TRANSLATE_NOOP(
        "core", "Two spiral arms winding 1.75 times around the centre, one per class."), 2, 1, 2, 300, 0.0,
        _spiral(2)),
    DataSet("spiral3", QT_TRANSLATE_NOOP("core", "Spiral, three arms"), QT_TRANSLATE_NOOP(
        "core", "Three spiral arms winding 1.75 times around the centre, one per class."), 2, 1, 3, 300, 0.0,
        _spiral(3)),
    DataSet("blobs", QT_TRANSLATE_NOOP("core", "Blobs"), QT_TRANSLATE_NOOP(
        "core", "Three Gaussian clouds of standard deviation 0.25 around the corners of a triangle, one per class."),
        2, 1, 3, 150, 0.0, _blobs),
    DataSet("sine", QT_TRANSLATE_NOOP("core", "Sine"), QT_TRANSLATE_NOOP(
        "core", "Regression: y = sin(x) for x from −π to π; the noise is added to y."), 1, 1, 0, 64, 0.05, _sine),
]


def dataset(name: str) -> DataSet:
    """The data set called `name`, or a ValueError listing the known ones."""
    for d in DATASETS:
        if d.name == name:
            return d
    raise ValueError(Message(UNKNOWN, name=repr(name), names=", ".join(d.name for d in DATASETS)))


def generate(name: str, samples: int | None = None, noise: float | None = None, seed: int = 0) -> Data:
    """`samples` points of data set `name` with `noise`, from np.random.default_rng(seed) (None: the defaults),
    knowing what they are drawn with."""
    d = dataset(name)
    samples = d.samples if samples is None else whole_number(samples, 1, MAX_SAMPLES,
                                                             Message(SAMPLES, most=MAX_SAMPLES))
    noise = d.noise if noise is None else noise
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= MAX_NOISE:
        raise ValueError(Message(NOISE, most=f"{MAX_NOISE:g}"))
    seed = whole_number(seed, 0, None, Message(SEED))
    # the seed's one sample draws nothing, and start-up shows it: numpy.random is imported when data are drawn
    X, Y = d.make(samples, float(noise), None if d.name == "seed" else np.random.default_rng(seed))
    return Data(X, Y, Generated(name, samples, float(noise), seed))
