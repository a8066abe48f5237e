"""SessionState: one point of a session's history, everything needed to continue exactly from it."""

import dataclasses
from dataclasses import dataclass

import numpy as np

from core import optimizers
from core.data import Data
from core.edit_marks import EditMark
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.init import Init
from core.losses import loss as loss_named
from core.network import MAX_WIDTH, NetworkSpec, Params, flatten
from core.optimizer_spec import OptimizerSpec
from core.path import WeightPath
from core.problem import Problem, cast_finite
from core.trace import LossTrace, MetricTrace

SEED_X = [-0.5, 0.1, 1.1]  # the blog post's sample
SEED_Y = [0.1, 0.2, 9.9]

PARAMETER_NAMES = QT_TRANSLATE_NOOP("core", "the parameters must be {expected}, not {found}")
PARAMETER_SHAPE = QT_TRANSLATE_NOOP("core", "{name} must have shape {shape}, not {found}")
PARAMETER_FINITE = QT_TRANSLATE_NOOP("core", "{name} must hold finite numbers only")


@dataclass(frozen=True, eq=False)
class SessionState:
    """The problem, the optimizer, where training started and where both engines (and the forgetful twin) are."""

    problem: Problem
    optimizer: OptimizerSpec
    init: Init  # how the start parameters were drawn (Randomize draws anew with another seed)
    start: Params  # the parameters at step 0, float64; reset returns here
    step: int  # updates taken since the start
    cursor: int  # batches taken since the data or the batching last changed: the next update takes batch `cursor`
    trace: LossTrace  # losses of states 0 .. step − 1 (each on the batch its update took), every engine
    manual: EngineState
    torch: EngineState
    # a third trajectory, the same optimizer forgetting its state every step (the blog post's Adam), or None
    forgetful: EngineState | None = None
    path: WeightPath | None = None  # where the parameters have been; made from the current ones if not given
    set_aside: "SetAside | None" = None  # what changes of the network's widths left out, for growing back
    edits: tuple[EditMark, ...] = ()  # steps at which an edit, not a step, changed the loss (core.edit_marks)
    # the hand-written engine's accuracy and gradient norms beside `trace` (core.metrics); NaN where not known if
    # not given
    metrics: MetricTrace | None = None

    def __post_init__(self):
        if self.path is None:
            object.__setattr__(self, "path", WeightPath.start(self.step, *self.flat_parameters()))
        if self.metrics is None:
            object.__setattr__(self, "metrics", MetricTrace.unknown(self.step, self.problem.network.layers))

    @classmethod
    def start_at(cls, problem: Problem, optimizer: OptimizerSpec, params: Params, init: Init = Init(),
                 forgetful: bool = False) -> "SessionState":
        """Step 0 at `params`, both engines equal, fresh optimizer state (and the forgetful twin if asked)."""
        params = checked_parameters(params, problem.network)
        cast = {name: cast_finite(p, problem.np_dtype, name) for name, p in params.items()}
        engine = EngineState(cast, optimizers.initial_states(optimizer, cast))
        twin = EngineState(cast, {name: {} for name in cast}) if forgetful else None
        return cls(problem, optimizer, init, params, 0, 0, LossTrace(), engine, engine, twin)

    @classmethod
    def drawn(cls, problem: Problem, optimizer: OptimizerSpec, init: Init = Init(),
              forgetful: bool = False) -> "SessionState":
        """Step 0 at the parameters `init` draws for the problem's network."""
        net = problem.network
        return cls.start_at(problem, optimizer, init.parameters(net.widths, net.bias), init, forgetful)

    def replace(self, **changes) -> "SessionState":
        return dataclasses.replace(self, **changes)

    def restarted(self, params: Params | None = None, init: Init | None = None) -> "SessionState":
        """Step 0 from `params` (default: the start) with the current problem, optimizer, twin and what was set
        aside."""
        return SessionState.start_at(self.problem, self.optimizer, self.start if params is None else params,
                                     init or self.init, self.forgetful is not None).replace(set_aside=self.set_aside)

    @property
    def start_weight(self) -> np.ndarray:
        """W1 at step 0, for the one-layer views."""
        return self.start["W1"]

    def engines(self) -> list[tuple[str, EngineState]]:
        """("manual", …), ("torch", …) and ("forgetful", …) when that trajectory is on."""
        twin = [("forgetful", self.forgetful)] if self.forgetful is not None else []
        return [("manual", self.manual), ("torch", self.torch)] + twin

    def first_non_finite(self) -> str | None:
        """What is NaN or infinite in any trajectory ("manual W1", "torch b2 exp_avg", ...), or None."""
        for engine, state in self.engines():
            name = state.first_non_finite()
            if name:
                return f"{engine} {name}"
        return None

    def flat_parameters(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Each trajectory's parameters as one vector (the forgetful twin's None while it is off)."""
        twin = None if self.forgetful is None else flatten(self.forgetful.params)
        return flatten(self.manual.params), flatten(self.torch.params), twin

    def batch(self) -> tuple[np.ndarray, np.ndarray]:
        """The batch the next update takes: (X, targets) in the dtype."""
        return self.problem.batch(self.cursor)


@dataclass(frozen=True, eq=False)
class SetAside:
    """What narrowing the network left out, at the largest widths, so that widening it again brings it back: each
    parameter's entries and the data's input and target columns, float64, NaN where nothing was set aside."""

    params: dict[str, np.ndarray]  # W_l: (MAX_WIDTH, MAX_WIDTH), b_l: (MAX_WIDTH,)
    X: np.ndarray  # (m, MAX_WIDTH)
    Y: np.ndarray  # (m, MAX_WIDTH), target values (for losses that take class indices, nothing is set aside)

    @classmethod
    def of(cls, state: "SessionState") -> "SetAside":
        """The state's parameters (the hand-written trajectory's) and data laid over what was set aside before."""
        old, p = state.set_aside, state.problem
        params = {} if old is None else {n: v.copy() for n, v in old.params.items()}
        for name, value in state.manual.params.items():
            kept = params.setdefault(name, np.full((MAX_WIDTH,) * value.ndim, np.nan))
            kept[tuple(slice(0, n) for n in value.shape)] = value
        same_samples = old is not None and old.X.shape[0] == p.m
        X = old.X.copy() if same_samples else np.full((p.m, MAX_WIDTH), np.nan)
        Y = old.Y.copy() if same_samples else np.full((p.m, MAX_WIDTH), np.nan)
        X[:, :p.data.n_in] = p.data.X
        if not loss_named(p.network.loss).takes_labels:
            Y[:, :p.data.n_targets] = p.data.Y
        return cls(params, X, Y)

    def parameters(self, drawn: Params) -> Params:
        """`drawn` (float64) with every entry that was set aside and is finite put back (a diverged run's
        infinities are drawn afresh)."""
        params = {}
        for name, fresh in drawn.items():
            value = np.asarray(fresh, dtype=np.float64).copy()
            if name in self.params:
                kept = self.params[name][tuple(slice(0, n) for n in value.shape)]
                value = np.where(np.isfinite(kept), kept, value)
            params[name] = value
        return params

    def for_samples(self, rows) -> "SetAside":
        """What stays set aside when the data's samples become old samples `rows` in that order (−1: a new sample,
        with nothing set aside): the parameters' entries all stay."""
        rows = np.asarray(rows, dtype=np.int64)  # (m_new,)
        new = rows < 0
        X, Y = self.X[np.where(new, 0, rows)], self.Y[np.where(new, 0, rows)]  # (m_new, MAX_WIDTH) copies
        X[new], Y[new] = np.nan, np.nan
        return SetAside(self.params, X, Y)

    def columns(self, part: str, count: int) -> np.ndarray:
        """The first `count` columns of X or Y set aside, 0 where nothing was."""
        table = self.X if part == "X" else self.Y
        return np.nan_to_num(table[:, :count], nan=0.0)


def default_state() -> SessionState:
    """The blog post's example: x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9], sigmoid, W from seed 0, Adam."""
    problem = Problem(NetworkSpec.create([3, 3], "sigmoid"), Data([SEED_X], [SEED_Y]), "float32")
    return SessionState.drawn(problem, OptimizerSpec.create("adam"))


def checked_parameters(params: Params, network: NetworkSpec) -> Params:
    """`params` as float64 if they are exactly the network's (names, order, shapes) and finite, else a
    ValueError."""
    shapes = network.shapes
    if list(params) != list(shapes):
        raise ValueError(Message(PARAMETER_NAMES, expected=", ".join(shapes), found=", ".join(params) or "none"))
    checked = {}
    for name, value in params.items():
        value = np.array(value, dtype=np.float64)
        if value.shape != shapes[name]:
            raise ValueError(Message(PARAMETER_SHAPE, name=name, shape=str(shapes[name]), found=str(value.shape)))
        if not np.isfinite(value).all():
            raise ValueError(Message(PARAMETER_FINITE, name=name))
        checked[name] = value
    return checked
