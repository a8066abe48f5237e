"""Ready-made sessions for a lecture, each one click from the Scenarios menu."""

from typing import Callable, NamedTuple

from core.datasets import generate
from core.i18n import QT_TRANSLATE_NOOP
from core.init import Init
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.state import SessionState, default_state


class Scenario(NamedTuple):
    name: str  # key, for tests and the command line
    title: str  # menu text (translatable)
    description: str  # what it shows, one or two sentences (translatable)
    make: Callable[[], SessionState]
    log_loss: bool = False  # the loss axis its point needs: log where losses fall by orders of magnitude
    view: str = "loss"  # the plot its point needs: "loss", "decision" (the boundary) or "norms" (per layer)


def _network(widths: list[int], activation: str, loss: str, data: str, optimizer: OptimizerSpec,
             init: Init = Init()) -> SessionState:
    """A layered network with bias on a generated data set (its default samples and noise, seed 0)."""
    problem = Problem(NetworkSpec.create(widths, activation, bias=True, loss=loss), generate(data), "float32")
    return SessionState.drawn(problem, optimizer, init)


# XOR with tanh and Adam at lr = 0.05: from torch's seed 5, two hidden units settle with two corners right and two
# at p = ½ (loss ½·ln 2 for good); four hidden units from the same seed solve it
XOR_SEED = 5


def _state(x, y, activation: str, optimizer: OptimizerSpec, weight=None, forgetful: bool = False,
           dtype: str = "float32") -> SessionState:
    problem = Problem.one_layer(x, y, activation, dtype)
    if weight is None:
        return SessionState.drawn(problem, optimizer, forgetful=forgetful)
    return SessionState.start_at(problem, optimizer, {"W1": weight}, forgetful=forgetful)


SCENARIOS: list[Scenario] = [
    Scenario("seed", QT_TRANSLATE_NOOP("core", "The blog post's example"), QT_TRANSLATE_NOOP(
        "core", "x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9], sigmoid, Adam. y₃ = 9.9 is out of sigmoid's reach, "
        "so the loss stalls far above 0."), default_state),
    Scenario("forgetful", QT_TRANSLATE_NOOP("core", "Adam that forgets its state (the post's mistake)"),
             QT_TRANSLATE_NOOP("core", "A third trajectory: Adam that starts afresh on every call, as the post's "
                               "diy_adam does. It agrees with torch on step 1 only; then every step is a first step "
                               "of size ≈ lr, and it jitters around the minimum where the real Adam settles."),
             lambda: _state([-0.5, 0.1, 1.1], [0.2, 0.5, 0.8], "sigmoid", OptimizerSpec.create("adam", lr=0.05),
                            forgetful=True), log_loss=True),  # Adam's 1e-15 against the twin's 4e-5
    Scenario("reachable", QT_TRANSLATE_NOOP("core", "A reachable target"), QT_TRANSLATE_NOOP(
        "core", "Every target inside sigmoid's range (0, 1): Adam drives the loss towards 0."),
        lambda: _state([-0.5, 0.1, 1.1], [0.2, 0.5, 0.8], "sigmoid", OptimizerSpec.create("adam", lr=0.05)),
        log_loss=True),
    Scenario("saturated", QT_TRANSLATE_NOOP("core", "A saturated start"), QT_TRANSLATE_NOOP(
        "core", "Large weights push sigmoid into its flat tails: σ′ ≈ 0, the gradient nearly vanishes, and plain "
        "SGD barely moves for many steps."),
        lambda: _state([1.0, -1.0, 2.0], [0.9, 0.1, 0.9], "sigmoid", OptimizerSpec.create("sgd", lr=1.0),
                       weight=[[-4.0, 4.0, -2.0], [4.0, -4.0, 2.5], [-3.0, 3.0, -1.5]])),
    Scenario("diverging", QT_TRANSLATE_NOOP("core", "A learning rate that diverges"), QT_TRANSLATE_NOOP(
        "core", "No activation and plain SGD with lr = 0.5: twice the largest stable step for this x. Each step "
        "overshoots further until the numbers overflow; stepping stops, one Undo from the last finite state."),
        lambda: _state([1.0, 2.0, 3.0], [1.0, 0.0, -1.0], "identity", OptimizerSpec.create("sgd", lr=0.5)),
        log_loss=True),  # growing tenfold every few steps: a straight line, not a wall
    Scenario("momentum", QT_TRANSLATE_NOOP("core", "Momentum against plain SGD"), QT_TRANSLATE_NOOP(
        "core", "SGD with momentum 0.9 beside a third trajectory that forgets its momentum every step, which is "
        "plain SGD with the same learning rate."),
        lambda: _state([0.5, -1.0, 0.8], [0.6, -0.4, 0.2], "tanh",
                       OptimizerSpec.create("sgd", lr=0.02, momentum=0.9), forgetful=True), log_loss=True),
    Scenario("xor-stuck", QT_TRANSLATE_NOOP("core", "XOR with two hidden units: stuck"), QT_TRANSLATE_NOOP(
        "core", "A 2-2-1 tanh network on XOR's four points, Adam. From this start it settles where two corners are "
        "right and the other two are left at p = ½, and the loss stays at ½·ln 2 ≈ 0.35: two units can draw XOR, "
        "but gradient descent does not always find how."),
        lambda: _network([2, 2, 1], "tanh", "bce", "xor", OptimizerSpec.create("adam", lr=0.05), Init("torch",
                                                                                                   XOR_SEED)),
        view="decision"),
    Scenario("xor", QT_TRANSLATE_NOOP("core", "XOR with four hidden units: solved"), QT_TRANSLATE_NOOP(
        "core", "The same start with four hidden units instead of two: the hidden layer bends the plane so that one "
        "line separates the classes, and the loss falls towards 0."),
        lambda: _network([2, 4, 1], "tanh", "bce", "xor", OptimizerSpec.create("adam", lr=0.05), Init("torch",
                                                                                                   XOR_SEED)),
        log_loss=True, view="decision"),
    Scenario("circle", QT_TRANSLATE_NOOP("core", "A circle, 2-4-1 tanh"), QT_TRANSLATE_NOOP(
        "core", "Points inside a circle against a ring around it: no line separates them, four tanh units learn a "
        "closed boundary."),
        lambda: _network([2, 4, 1], "tanh", "bce", "circle", OptimizerSpec.create("adam", lr=0.05)),
        view="decision"),
    Scenario("spiral", QT_TRANSLATE_NOOP("core", "Three spirals, 2-8-8-3 with cross-entropy"), QT_TRANSLATE_NOOP(
        "core", "Three interleaved spiral arms, one class each: two hidden layers of eight tanh units and a softmax "
        "output learn regions that wind with the arms."),
        lambda: _network([2, 8, 8, 3], "tanh", "ce", "spiral3", OptimizerSpec.create("adam", lr=0.02)),
        view="decision"),
    Scenario("zeros", QT_TRANSLATE_NOOP("core", "Zero initialization: symmetry"), QT_TRANSLATE_NOOP(
        "core", "A 1-4-1 network fitting a sine, every weight and bias starting at 0: the four sigmoid units compute "
        "the same thing, receive the same gradient and stay identical however long they train, so the fit is "
        "one sigmoid's shape. A random start breaks the symmetry."),
        lambda: SessionState.drawn(Problem(NetworkSpec((1, 4, 1), ("sigmoid", "identity"), True, "mse"),
                                           generate("sine"), "float32"), OptimizerSpec.create("adam", lr=0.05),
                                   Init("zeros", 0)),
        view="decision"),
    Scenario("deep-sigmoid", QT_TRANSLATE_NOOP("core", "Six sigmoid layers: vanishing gradients"),
             QT_TRANSLATE_NOOP("core", "A 2-8-8-8-8-8-1 sigmoid network with plain SGD. σ′ is at most ¼, and the "
                               "δ of each layer is the one above times W and σ′: the first layer's gradient is 10⁵ "
                               "times smaller than the last's, and the first layers hardly learn."),
             lambda: _network([2, 8, 8, 8, 8, 8, 1], "sigmoid", "bce", "circle", OptimizerSpec.create("sgd", lr=0.5)),
             view="norms"),
]


def scenario(name: str) -> Scenario:
    for s in SCENARIOS:
        if s.name == name:
            return s
    raise ValueError(f"unknown scenario {name!r}; choose one of: {', '.join(s.name for s in SCENARIOS)}")
