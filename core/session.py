"""The training session: two trajectories (manual numpy, real torch) from one start, with undo and redo.

The session's whole state at any moment is one immutable SessionState. Every action makes a new one and keeps the
old one for undo; nothing is copied except torch's tensors after each torch step. The torch engine is a live
object that is (re)loaded from the current state's torch EngineState only when that state changed under it.
"""

import dataclasses
from collections import deque
from dataclasses import dataclass

import numpy as np

from core import optimizers
from core.backprop import backward, forward
from core.edit_marks import EditMark, marked
from core.engine_state import EngineState
from core.evaluation import Evaluation, evaluate
from core.hyperparams import OPTIMIZERS
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.init import linear_weight
from core.optimizer_spec import OptimizerSpec
from core.path import WeightPath
from core.problem import MAX_SIZE, Problem, cast_finite, check_dtype
from core.trace import LossTrace

DEFAULT_UNDO_LIMIT = 1000  # undo steps kept; each costs a few kB (two EngineStates) at n = 3


# Undo labels and divergence reasons: English here, translated by the window (core.i18n)
NOT_FINITE = QT_TRANSLATE_NOOP("core", "the {what} is NaN or infinite")
LOSS_NOT_FINITE = QT_TRANSLATE_NOOP("core", "the {engine} loss at step {step} is NaN or infinite")
BECAME_NOT_FINITE = QT_TRANSLATE_NOOP("core", "step {step}: the {what} became NaN or infinite")
STEP = QT_TRANSLATE_NOOP("core", "Step")
STEPS = QT_TRANSLATE_NOOP("core", "{n} steps")
DIVERGING_STEP = QT_TRANSLATE_NOOP("core", "Diverging step")
EDIT_W = QT_TRANSLATE_NOOP("core", "Edit W[{i},{j}]")
SET_W = QT_TRANSLATE_NOOP("core", "Set W")
EDIT_X = QT_TRANSLATE_NOOP("core", "Edit x[{j}]")
EDIT_Y = QT_TRANSLATE_NOOP("core", "Edit y[{i}]")
SET_DATA = QT_TRANSLATE_NOOP("core", "Set x and y")
RESIZE = QT_TRANSLATE_NOOP("core", "Resize")
ACTIVATION = QT_TRANSLATE_NOOP("core", "Activation {name}")
PRECISION = QT_TRANSLATE_NOOP("core", "Precision {name}")
TWIN_ON = QT_TRANSLATE_NOOP("core", "Forgetful twin on")
TWIN_OFF = QT_TRANSLATE_NOOP("core", "Forgetful twin off")
SETTINGS = QT_TRANSLATE_NOOP("core", "{optimizer} settings")
RANDOMIZE = QT_TRANSLATE_NOOP("core", "Randomize (seed {seed})")
RESET = QT_TRANSLATE_NOOP("core", "Reset")
OPEN = QT_TRANSLATE_NOOP("core", "Open")
TORCH_REFUSED = QT_TRANSLATE_NOOP("core", "torch refused step {step}: {error}")
# what an edit mark may be named (a session file names its edits by these templates)
EDIT_LABELS = frozenset({EDIT_W, SET_W, EDIT_X, EDIT_Y, SET_DATA, ACTIVATION, PRECISION, SETTINGS,
                         *(kind.label for kind in OPTIMIZERS.values())})
DIVERGENCE_ADVICE = QT_TRANSLATE_NOOP("core", "{reason}; undo to return to the last finite state, and try a smaller "
                                      "learning rate")


class TorchNotReady(RuntimeError):
    """Stepping needs the torch engine, which is still loading."""


@dataclass(frozen=True, eq=False)
class SessionState:
    """One point of a session's history: everything needed to continue exactly from it."""

    problem: Problem
    optimizer: OptimizerSpec
    start_weight: np.ndarray  # (n_out, n_in) W at step 0, float64; reset returns here
    step: int  # updates taken since the start
    trace: LossTrace  # losses of states 0 .. step − 1, both engines
    manual: EngineState
    torch: EngineState
    # a third trajectory, the same optimizer forgetting its state every step (the blog post's Adam), or None
    forgetful: EngineState | None = None
    path: WeightPath | None = None  # where the weights have been; made from the current weights if not given
    set_aside: "SetAside | None" = None  # what resizes left out, for growing back (not saved in files)
    edits: tuple[EditMark, ...] = ()  # steps at which an edit, not a step, changed the loss (core.edit_marks)

    def __post_init__(self):
        if self.path is None:
            path = WeightPath.start(self.step, self.manual.weight, self.torch.weight, _weight(self.forgetful))
            object.__setattr__(self, "path", path)

    @classmethod
    def start(cls, problem: Problem, optimizer: OptimizerSpec, weight, forgetful: bool = False) -> "SessionState":
        """Step 0 at `weight`, both engines equal, fresh optimizer state (and the forgetful twin if asked)."""
        weight = checked_weight(weight, problem)
        w = cast_finite(weight, problem.np_dtype, "W")
        engine = EngineState(w, optimizers.initial_state(optimizer, w))
        twin = EngineState(w, {}) if forgetful else None
        return cls(problem, optimizer, weight, 0, LossTrace(), engine, engine, twin)

    def replace(self, **changes) -> "SessionState":
        return dataclasses.replace(self, **changes)

    def restarted(self, weight=None) -> "SessionState":
        """Step 0 from `weight` (default: the start weight) with the current problem, optimizer, twin and what
        resizes set aside."""
        return SessionState.start(self.problem, self.optimizer, self.start_weight if weight is None else weight,
                                  self.forgetful is not None).replace(set_aside=self.set_aside)

    def engines(self) -> list[tuple[str, EngineState]]:
        """("manual", …), ("torch", …) and ("forgetful", …) when that trajectory is on."""
        twin = [("forgetful", self.forgetful)] if self.forgetful is not None else []
        return [("manual", self.manual), ("torch", self.torch)] + twin

    def first_non_finite(self) -> str | None:
        """What is NaN or infinite in any trajectory ("manual weight", "torch exp_avg", ...), or None."""
        for engine, state in self.engines():
            name = state.first_non_finite()
            if name:
                return f"{engine} {name}"
        return None


@dataclass(frozen=True, eq=False)
class SetAside:
    """x, y and W at the largest size, as of the last resize: what a shrink left out comes back when the network
    grows again. NaN where no value was ever set."""

    x: np.ndarray  # (MAX_SIZE,)
    y: np.ndarray  # (MAX_SIZE,)
    weight: np.ndarray  # (MAX_SIZE, MAX_SIZE) float64

    @classmethod
    def of(cls, state: SessionState) -> "SetAside":
        """The state's x, y and current W laid over what earlier resizes set aside."""
        old, p = state.set_aside, state.problem
        x = np.full(MAX_SIZE, np.nan) if old is None else old.x.copy()
        y = np.full(MAX_SIZE, np.nan) if old is None else old.y.copy()
        weight = np.full((MAX_SIZE, MAX_SIZE), np.nan) if old is None else old.weight.copy()
        x[: p.n_in], y[: p.n_out], weight[: p.n_out, : p.n_in] = p.x, p.y, state.manual.weight
        return cls(x, y, weight)

    def weight_for(self, n_out: int, n_in: int) -> np.ndarray:
        """(n_out, n_in) W: the values kept, torch's seed-0 weights of that shape where none was (or where a
        diverged run left a non-finite one)."""
        kept = self.weight[:n_out, :n_in]
        return np.where(np.isfinite(kept), kept, linear_weight(0, n_out, n_in))


@dataclass(frozen=True)
class StepOutcome:
    """What a call to step() did."""

    taken: int  # updates applied
    divergence: str | None = None  # why stepping stopped early, if it did


def default_state() -> SessionState:
    """The blog post's example: x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9], sigmoid, W from seed 0, Adam."""
    problem = Problem(x=[-0.5, 0.1, 1.1], y=[0.1, 0.2, 9.9], activation="sigmoid", dtype="float32")
    return SessionState.start(problem, OptimizerSpec.create("adam"), linear_weight(0, 3, 3))


class Session:
    """A session the user edits and steps; every action can be undone."""

    def __init__(self, state: SessionState | None = None, *, undo_limit: int = DEFAULT_UNDO_LIMIT,
                 load_torch: bool = True):
        self._state = state or default_state()
        self._undo: deque[tuple[str, SessionState]] = deque(maxlen=undo_limit)
        self._redo: list[tuple[str, SessionState]] = []
        self._commits = 0  # actions committed so far (undo and redo don't count): lets a view mirror the history
        self._torch = None  # TorchEngine once loaded
        self._torch_holds: tuple[EngineState, OptimizerSpec] | None = None  # what the torch engine was loaded with
        self._evaluation: tuple[SessionState, Evaluation] | None = None
        if load_torch:
            self.attach_torch()

    # ---- reading

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def problem(self) -> Problem:
        return self._state.problem

    @property
    def optimizer(self) -> OptimizerSpec:
        return self._state.optimizer

    @property
    def step_count(self) -> int:
        return self._state.step

    @property
    def undo_limit(self) -> int:
        return self._undo.maxlen

    @property
    def torch_ready(self) -> bool:
        return self._torch is not None

    def attach_torch(self) -> None:
        """Import torch and make the torch engine (slow the first time: about 1.5 s to import torch)."""
        if self._torch is None:
            from core.torch_engine import TorchEngine

            self._torch = TorchEngine()
            self._evaluation = None  # it was made without torch

    def torch_engine(self):
        """The torch engine, loaded with the current state (or TorchNotReady)."""
        if self._torch is None:
            raise TorchNotReady("the torch engine is still loading")
        s = self._state
        if self._torch_holds is None or self._torch_holds[0] is not s.torch or self._torch_holds[1] != s.optimizer:
            self._torch.load(s.torch, s.optimizer, s.problem)
            self._torch_holds = (s.torch, s.optimizer)
        return self._torch

    def evaluate(self) -> Evaluation:
        """Forward values and the three gradients at the current state (cached until it changes); autograd's is
        taken at the hand-written weight without moving the torch engine."""
        if self._evaluation is None or self._evaluation[0] is not self._state:
            s = self._state
            with np.errstate(over="ignore", invalid="ignore"):  # a diverged state shows its infinities as they are
                engine = self.torch_engine() if self.torch_ready else None
                self._evaluation = (s, evaluate(s.problem, s.manual, s.torch.weight, engine, _weight(s.forgetful)))
        return self._evaluation[1]

    def divergence(self) -> str | None:
        """Why the current state is not finite (weights, optimizer state, or either engine's loss), or None."""
        bad = self._state.first_non_finite()
        if bad:
            return Message(NOT_FINITE, what=bad)
        e = self.evaluate()
        losses = ([("manual", e.forward.loss)] + ([("torch", e.torch.loss)] if e.torch else [])
                  + ([("forgetful", e.forgetful_loss)] if e.forgetful_loss is not None else []))
        for engine, loss in losses:
            if not np.isfinite(loss):
                return Message(LOSS_NOT_FINITE, engine=engine, step=self._state.step)
        return None

    # ---- stepping

    def step(self, count: int = 1, *, label: str | None = None, extend: bool = False) -> StepOutcome:
        """Up to `count` updates of both engines as one undo entry; stops at the first non-finite state.

        With extend=True the updates join the newest undo entry instead of making one (a long run taken in
        chunks undoes in one go); `label` names the entry. Divergence adds an entry for the last finite state.
        """
        engine = self.torch_engine()
        with np.errstate(over="ignore", invalid="ignore"):  # non-finite values are detected and reported below
            return self._step(count, engine, label, extend and bool(self._undo))

    def _step(self, count: int, engine, label: str | None, extend: bool) -> StepOutcome:
        before = state = self._state
        taken, previous, last_finite = 0, None, None
        reason = before.first_non_finite()
        if reason:
            reason = Message(NOT_FINITE, what=reason)
        while taken < count and reason is None:
            p = state.problem
            manual, loss = _hand_update(state, state.manual)
            if not np.isfinite(loss):  # the last update overflowed the loss, not yet the weights
                reason = Message(LOSS_NOT_FINITE, engine="manual", step=state.step)
                last_finite = previous
                break
            try:
                torch_loss = engine.step(p)
            except RuntimeError as e:  # torch refuses some overflows (a step size beyond float32) outright
                self._torch_holds = None  # its state may be half updated: reload it before its next use
                reason = Message(TORCH_REFUSED, step=state.step, error=str(e))
                last_finite = previous
                break
            if not np.isfinite(torch_loss):
                self._torch_holds = None  # the engine stepped past `state`: reload it before its next use
                reason = Message(LOSS_NOT_FINITE, engine="torch", step=state.step)
                last_finite = previous
                break
            torch_state = engine.export()
            self._torch_holds = (torch_state, state.optimizer)
            forgetful, forgetful_loss = (None, np.nan) if state.forgetful is None else _hand_update(
                state, state.forgetful, forget=True)
            previous, state = state, state.replace(
                step=state.step + 1, trace=state.trace.appended(loss, torch_loss, forgetful_loss),
                manual=manual, torch=torch_state, forgetful=forgetful,
                path=state.path.appended(state.step + 1, manual.weight, torch_state.weight, _weight(forgetful)))
            taken += 1
            bad = state.first_non_finite()
            if bad:
                reason = Message(BECAME_NOT_FINITE, step=state.step, what=bad)
                last_finite = previous
        self._commit_run(before, state, taken, last_finite, label, extend)
        return StepOutcome(taken, reason and Message(DIVERGENCE_ADVICE, reason=reason))

    def _commit_run(self, before: SessionState, after: SessionState, taken: int, last_finite: SessionState | None,
                    label: str | None, extend: bool) -> None:
        if taken == 0:
            return
        label = label or (Message(STEP) if taken == 1
                          else Message(STEPS, n=taken))
        if last_finite is not None and last_finite is not before:
            self._record(label, last_finite, extend)  # undo from the non-finite state lands on the last finite one
            label, extend = Message(DIVERGING_STEP), False
        self._record(label, after, extend)

    def _record(self, label: str, state: SessionState, extend: bool) -> None:
        if extend:
            self._undo[-1] = (label, self._undo[-1][1])
            self._state = state
        else:
            self._commit(label, state)

    # ---- edits (each is one undo entry)

    def edit_weight(self, i: int, j: int, value: float) -> None:
        """Set W[i][j] in both engines; the optimizer state is kept, as torch keeps it when param.data changes."""
        _check_index(i, self.problem.n_out, "row of W")
        _check_index(j, self.problem.n_in, "column of W")
        value = float(cast_finite(_finite(value, f"W[{i + 1},{j + 1}]"), self.problem.np_dtype, f"W[{i + 1},{j + 1}]"))

        def edited(engine: EngineState) -> EngineState:
            w = engine.weight.copy()
            w[i, j] = value
            return engine.with_weight(w)
        s = self._state
        changes = {name: edited(engine) for name, engine in s.engines()}
        changes["path"] = s.path.appended(s.step, changes["manual"].weight, changes["torch"].weight,
                                          _weight(changes.get("forgetful")), always=True)
        if s.step == 0:
            start = s.start_weight.copy()
            start[i, j] = value
            changes["start_weight"] = start
        self._commit_edit(Message(EDIT_W, i=i + 1, j=j + 1), s.replace(**changes))

    def set_weight(self, weight) -> None:
        """Set all of W in both engines, keeping the optimizer state."""
        s = self._state
        weight = checked_weight(weight, s.problem)
        w = cast_finite(weight, s.problem.np_dtype, "W")
        changes = {name: engine.with_weight(w) for name, engine in s.engines()}
        changes["path"] = s.path.appended(s.step, w, w, _weight(changes.get("forgetful")), always=True)
        if s.step == 0:
            changes["start_weight"] = weight
        self._commit_edit(Message(SET_W), s.replace(**changes))

    def edit_input(self, j: int, value: float) -> None:
        _check_index(j, self.problem.n_in, "entry of x")
        x = self.problem.x.copy()
        x[j] = _finite(value, f"x[{j + 1}]")
        self._commit_edit(Message(EDIT_X, j=j + 1), self._state.replace(problem=self.problem.replace(x=x)))

    def edit_target(self, i: int, value: float) -> None:
        _check_index(i, self.problem.n_out, "entry of y")
        y = self.problem.y.copy()
        y[i] = _finite(value, f"y[{i + 1}]")
        self._commit_edit(Message(EDIT_Y, i=i + 1), self._state.replace(problem=self.problem.replace(y=y)))

    def set_data(self, x, y) -> None:
        """New x and y, possibly of new sizes: a new shape restarts at step 0 from W resized as resize() does."""
        s = self._state
        problem = s.problem.replace(x=x, y=y)
        if (problem.n_out, problem.n_in) == s.manual.weight.shape:
            self._commit_edit(Message(SET_DATA), s.replace(problem=problem))
            return
        aside = SetAside.of(s)
        weight = aside.weight_for(problem.n_out, problem.n_in)
        restarted = SessionState.start(problem, s.optimizer, weight, s.forgetful is not None)
        self._commit(Message(RESIZE), restarted.replace(set_aside=aside))

    def resize(self, n_out: int, n_in: int) -> None:
        """Change the network's shape as one action. x, y and the current W keep what fits; what a shrink leaves
        out is set aside and comes back when the size grows again; entries never set are 0 in x and y and
        torch's seed-0 weights in W. The session restarts at step 0 from that W."""
        if not (1 <= n_out <= MAX_SIZE and 1 <= n_in <= MAX_SIZE):
            raise ValueError(f"sizes must be from 1 to {MAX_SIZE}")
        aside = SetAside.of(self._state)
        x, y = aside.x[:n_in], aside.y[:n_out]
        self.set_data(np.where(np.isnan(x), 0.0, x), np.where(np.isnan(y), 0.0, y))

    def set_activation(self, name: str) -> None:
        self._commit_edit(Message(ACTIVATION, name=name),
                          self._state.replace(problem=self.problem.replace(activation=name)))

    def set_dtype(self, name: str) -> None:
        """Both engines switch precision; weights and optimizer state are cast."""
        dtype = check_dtype(name)
        s = self._state
        problem = s.problem.replace(dtype=name)  # refuses x or y that do not fit
        for _, engine in s.engines():
            for key, value in (("W", engine.weight), *engine.optimizer.items()):
                if isinstance(value, np.ndarray):
                    cast_finite(value, dtype, "the optimizer's " + key if key != "W" else "W")
        cast = {n: e.cast(dtype) for n, e in s.engines()}
        self._commit_edit(Message(PRECISION, name=name), s.replace(problem=problem, **cast))

    def set_forgetful(self, on: bool) -> None:
        """Add (from the current hand-written W) or remove the third trajectory, whose optimizer forgets its
        state every step: for Adam, the blog post's diy_adam; for SGD with momentum, plain SGD."""
        s = self._state
        if on == (s.forgetful is not None):
            return
        twin = EngineState(s.manual.weight, {}) if on else None
        path = s.path.appended(s.step, s.manual.weight, s.torch.weight, s.manual.weight, always=True) if on \
            else s.path  # the twin's path starts where it is added
        self._commit(Message(TWIN_ON if on else TWIN_OFF), s.replace(forgetful=twin, path=path))

    def set_optimizer(self, spec: OptimizerSpec) -> None:
        """A new optimizer or new hyperparameters. The state is kept when its layout stays the same (as when
        torch's param_groups are edited mid-run), and starts fresh otherwise (a new optimizer object)."""
        s = self._state
        if spec.kind == s.optimizer.kind and spec.state_layout() == s.optimizer.state_layout():
            changes = {}
        else:
            changes = {e: EngineState(getattr(s, e).weight, optimizers.initial_state(spec, getattr(s, e).weight))
                       for e in ("manual", "torch")}
        self._commit_edit(spec.info.label if spec.kind != s.optimizer.kind else
                          Message(SETTINGS, optimizer=spec.info.label),
                          s.replace(optimizer=spec, **changes))

    def randomize(self, seed: int) -> None:
        """Step 0 from the weights torch.nn.Linear has after torch.manual_seed(seed)."""
        p = self.problem
        self._commit(Message(RANDOMIZE, seed=seed), self._state.restarted(linear_weight(seed, p.n_out, p.n_in)))

    def reset(self) -> None:
        """Back to step 0 at the start weight, with the current data and optimizer and a fresh optimizer state."""
        self._commit(Message(RESET), self._state.restarted())

    def replace_state(self, state: SessionState, label: str = Message(OPEN)) -> None:
        """Replace everything (an opened file), undoably."""
        self._commit(label, state)

    # ---- history

    def _commit_edit(self, label: str, state: SessionState) -> None:
        """Commit an edit of the weights, the loss function or the optimizer; after step 0 it marks the step, with
        the losses the step had before, so the plot does not draw the change as training's."""
        s = self._state
        if s.step > 0:
            state = state.replace(edits=marked(s.edits, s.step, label, self._losses()))
        self._commit(label, state)

    def _losses(self) -> tuple[float, float, float]:
        """The current state's losses: by hand, torch's (NaN while torch loads), the twin's (NaN when off)."""
        e = self.evaluate()
        return (e.forward.loss, np.nan if e.torch is None else e.torch.loss,
                np.nan if e.forgetful_loss is None else e.forgetful_loss)

    def _commit(self, label: str, state: SessionState) -> None:
        self._undo.append((label, self._state))
        self._redo.clear()
        self._state = state
        self._commits += 1

    @property
    def commit_count(self) -> int:
        """How many actions have been committed (each made one undo entry); undo and redo leave it alone."""
        return self._commits

    def recent_labels(self, k: int) -> list[str]:
        """Labels of the newest `k` undo entries, oldest first."""
        return [label for label, _ in list(self._undo)[len(self._undo) - k:]] if k else []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1][0] if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1][0] if self._redo else None

    def undo(self) -> bool:
        if not self._undo:
            return False
        label, state = self._undo.pop()
        self._redo.append((label, self._state))
        self._state = state
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        label, state = self._redo.pop()
        self._undo.append((label, self._state))
        self._state = state
        return True


def _weight(engine: EngineState | None) -> np.ndarray | None:
    """The trajectory's W, or None for the forgetful twin while it is off."""
    return None if engine is None else engine.weight


def _hand_update(state: SessionState, engine: EngineState, forget: bool = False) -> tuple[EngineState, float]:
    """One hand-written update of `engine` (its next state) and its loss before it. With `forget`, the optimizer
    is made afresh for the step and its state dropped after: the forgetful twin."""
    p = state.problem
    fwd = forward(engine.weight, p.x_cast, p.y_cast, p.activation)
    grad = backward(fwd, p.x_cast, p.activation).dL_dW
    if forget:
        return EngineState(optimizers.forgetful_step(state.optimizer, engine.weight, grad), {}), fwd.loss
    return EngineState(*optimizers.step(state.optimizer, engine.weight, grad, engine.optimizer)), fwd.loss


def checked_weight(weight, problem: Problem) -> np.ndarray:
    """`weight` as float64 if it is finite and shaped (n_out, n_in) for `problem`, else a ValueError."""
    weight = np.array(weight, dtype=np.float64)
    if weight.shape != (problem.n_out, problem.n_in):
        raise ValueError(f"W must have shape (n_out, n_in) = ({problem.n_out}, {problem.n_in}), not {weight.shape}")
    if not np.isfinite(weight).all():
        raise ValueError("W must hold finite numbers only")
    return weight


def _check_index(k: int, size: int, what: str) -> None:
    if not 0 <= k < size:
        raise ValueError(f"there is no {what} number {k + 1}; there are {size}")


def _finite(value, what: str) -> float:
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    return v
