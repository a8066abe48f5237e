"""The training session: the hand-written and the torch trajectories from one start, with undo and redo.

The session's whole state at any moment is one immutable SessionState (core.state). Every action makes a new one
(core.edits, core.stepping) and keeps the old one for undo (core.history); nothing is copied except torch's
tensors after each torch step. The torch engine is a live object that is (re)loaded from the current state's
torch EngineState only when that state changed under it.
"""

from dataclasses import dataclass

import numpy as np

from core import edits, stepping
from core.data import Batching, Data
from core.edit_marks import marked
from core.engine_state import EngineState
from core.evaluation import Evaluation, evaluate
from core.history import DEFAULT_UNDO_LIMIT, History
from core.hyperparams import OPTIMIZERS
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.init import Init
from core.mistakes import Mistake
from core.network import MAX_WIDTH, NetworkSpec, Params
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.state import SessionState, default_state

# Undo labels and divergence advice: English here, translated by the window (core.i18n)
STEP = QT_TRANSLATE_NOOP("core", "Step")
STEPS = QT_TRANSLATE_NOOP("core", "{n} steps")
DIVERGING_STEP = QT_TRANSLATE_NOOP("core", "Diverging step")
EDIT_W = QT_TRANSLATE_NOOP("core", "Edit W[{i},{j}]")
EDIT_PARAMETER = QT_TRANSLATE_NOOP("core", "Edit {entry}")
SET_W = QT_TRANSLATE_NOOP("core", "Set W")
SET_PARAMETERS = QT_TRANSLATE_NOOP("core", "Set the parameters")
EDIT_X = QT_TRANSLATE_NOOP("core", "Edit x[{j}]")
EDIT_Y = QT_TRANSLATE_NOOP("core", "Edit y[{i}]")
EDIT_DATA = QT_TRANSLATE_NOOP("core", "Edit {part}[{sample},{column}]")
SET_DATA = QT_TRANSLATE_NOOP("core", "Set x and y")
NEW_DATA = QT_TRANSLATE_NOOP("core", "New data")
NEW_DATA_NETWORK = QT_TRANSLATE_NOOP("core", "New data, network {network}")
ADD_SAMPLE = QT_TRANSLATE_NOOP("core", "Add sample {sample}")
REMOVE_SAMPLE = QT_TRANSLATE_NOOP("core", "Remove sample {sample}")
REMOVE_SAMPLES = QT_TRANSLATE_NOOP("core", "Remove {count} samples")
PASTE = QT_TRANSLATE_NOOP("core", "Paste {rows}×{columns} at [{sample},{column}]")
RESIZE = QT_TRANSLATE_NOOP("core", "Resize")
NETWORK = QT_TRANSLATE_NOOP("core", "Network {network}")
ACTIVATION = QT_TRANSLATE_NOOP("core", "Activation {name}")
BATCHING = QT_TRANSLATE_NOOP("core", "Batches")
MISTAKE = QT_TRANSLATE_NOOP("core", "Break the backward: {mistake}")
REPAIR = QT_TRANSLATE_NOOP("core", "Repair the backward")
PRECISION = QT_TRANSLATE_NOOP("core", "Precision {name}")
TWIN_ON = QT_TRANSLATE_NOOP("core", "Forgetful twin on")
TWIN_OFF = QT_TRANSLATE_NOOP("core", "Forgetful twin off")
SETTINGS = QT_TRANSLATE_NOOP("core", "{optimizer} settings")
RANDOMIZE = QT_TRANSLATE_NOOP("core", "Randomize (seed {seed})")
INITIALIZE = QT_TRANSLATE_NOOP("core", "Initialize ({scheme}, seed {seed})")
RESET = QT_TRANSLATE_NOOP("core", "Reset")
OPEN = QT_TRANSLATE_NOOP("core", "Open")
# what an edit mark may be named (a session file names its edits by these templates)
EDIT_LABELS = frozenset({EDIT_W, SET_W, EDIT_X, EDIT_Y, SET_DATA, ACTIVATION, PRECISION, SETTINGS, EDIT_PARAMETER,
                         SET_PARAMETERS, EDIT_DATA, NEW_DATA, ADD_SAMPLE, REMOVE_SAMPLE, REMOVE_SAMPLES, PASTE,
                         BATCHING, MISTAKE, REPAIR,
                         *(kind.label for kind in OPTIMIZERS.values())})
NOT_FINITE = stepping.NOT_FINITE
LOSS_NOT_FINITE = stepping.LOSS_NOT_FINITE
DIVERGENCE_ADVICE = QT_TRANSLATE_NOOP("core", "{reason}; undo to return to the last finite state, and try a smaller "
                                      "learning rate")


class TorchNotReady(RuntimeError):
    """Stepping needs the torch engine, which is still loading."""


@dataclass(frozen=True)
class StepOutcome:
    """What a call to step() did."""

    taken: int  # updates applied
    divergence: str | None = None  # why stepping stopped early, if it did


class Session:
    """A session the user edits and steps; every action can be undone."""

    def __init__(self, state: SessionState | None = None, *, undo_limit: int = DEFAULT_UNDO_LIMIT,
                 load_torch: bool = True):
        self._history: History[SessionState] = History(state or default_state(), undo_limit)
        self._torch = None  # TorchEngine once loaded
        self._torch_holds: tuple[EngineState, OptimizerSpec] | None = None  # what the torch engine was loaded with
        self._evaluation: tuple[SessionState, Evaluation] | None = None
        if load_torch:
            self.attach_torch()

    # ---- reading

    @property
    def state(self) -> SessionState:
        return self._history.state

    @property
    def problem(self) -> Problem:
        return self.state.problem

    @property
    def optimizer(self) -> OptimizerSpec:
        return self.state.optimizer

    @property
    def step_count(self) -> int:
        return self.state.step

    @property
    def undo_limit(self) -> int:
        return self._history.limit

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
        s = self.state
        if self._torch_holds is None or self._torch_holds[0] is not s.torch or self._torch_holds[1] != s.optimizer:
            self._torch.load(s.torch, s.optimizer, s.problem)
            self._torch_holds = (s.torch, s.optimizer)
        return self._torch

    def evaluate(self) -> Evaluation:
        """Forward values and the gradients at the current state, on its batch (cached until it changes)."""
        if self._evaluation is None or self._evaluation[0] is not self.state:
            s = self.state
            with np.errstate(over="ignore", invalid="ignore"):  # a diverged state shows its infinities as they are
                engine = self.torch_engine() if self.torch_ready else None
                self._evaluation = (s, evaluate(s, engine))
        return self._evaluation[1]

    def divergence(self) -> str | None:
        """Why the current state is not finite (parameters, optimizer state, or any engine's loss), or None."""
        bad = self.state.first_non_finite()
        if bad:
            return Message(NOT_FINITE, what=bad)
        e = self.evaluate()
        losses = ([("manual", e.forward.loss)] + ([("torch", e.torch.loss)] if e.torch else [])
                  + ([("forgetful", e.forgetful_loss)] if e.forgetful_loss is not None else []))
        for engine, loss in losses:
            if not np.isfinite(loss):
                return Message(LOSS_NOT_FINITE, engine=engine, step=self.state.step)
        return None

    # ---- stepping

    def step(self, count: int = 1, *, label: str | None = None, extend: bool = False) -> StepOutcome:
        """Up to `count` updates of every engine as one undo entry; stops at the first non-finite state.

        With extend=True the updates join the newest undo entry instead of making one (a long run taken in
        chunks undoes in one go); `label` names the entry. Divergence adds an entry for the last finite state.
        """
        engine = self.torch_engine()
        before = self.state
        with np.errstate(over="ignore", invalid="ignore"):  # non-finite values are detected and reported by run()
            run = stepping.run(before, count, engine)
        self._torch_holds = (run.state.torch, run.state.optimizer) if run.torch_holds_state else None
        self._commit_run(before, run, label, extend and self._history.can_undo)
        return StepOutcome(run.taken, run.reason and Message(DIVERGENCE_ADVICE, reason=run.reason))

    def _commit_run(self, before: SessionState, run: stepping.Run, label: str | None, extend: bool) -> None:
        if run.taken == 0:
            return
        label = label or (Message(STEP) if run.taken == 1 else Message(STEPS, n=run.taken))
        if run.last_finite is not None and run.last_finite is not before:
            self._record(label, run.last_finite, extend)  # undo from the non-finite state lands on the last finite
            label, extend = Message(DIVERGING_STEP), False
        self._record(label, run.state, extend)

    def _record(self, label: str, state: SessionState, extend: bool) -> None:
        if extend:
            self._history.amend(label, state)
        else:
            self._history.commit(label, state)

    # ---- edits (each is one undo entry)

    def edit_parameter(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Set one entry of W_l or b_l in every trajectory; the optimizer state is kept, as torch keeps it when
        param.data changes."""
        self._commit_edit(Message(EDIT_PARAMETER, entry=edits.entry_name(name, index)),
                     edits.edit_parameter(self.state, name, index, value))

    def edit_weight(self, i: int, j: int, value: float) -> None:
        """Set W1[i][j] (the one-layer views' W)."""
        self.edit_parameter("W1", (i, j), value)

    def set_parameters(self, params: Params) -> None:
        """Set every parameter in every trajectory, keeping the optimizer state."""
        self._commit_edit(Message(SET_PARAMETERS), edits.set_parameters(self.state, params))

    def set_weight(self, weight) -> None:
        """Set W1 of a network of one layer without bias."""
        self._commit_edit(Message(SET_W), edits.set_parameters(self.state, {"W1": weight}))

    def edit_data(self, part: str, sample: int, column: int, value: float) -> None:
        """One input (part "X") or target ("Y") of one sample."""
        self._commit_edit(Message(EDIT_DATA, part=part, sample=sample + 1, column=column + 1),
                     edits.edit_data(self.state, part, sample, column, value))

    def edit_input(self, j: int, value: float) -> None:
        """x[j] of the first sample (the one-layer views' x)."""
        self._commit_edit(Message(EDIT_X, j=j + 1), edits.edit_data(self.state, "X", 0, j, value))

    def edit_target(self, i: int, value: float) -> None:
        """y[i] of the first sample (the one-layer views' y)."""
        self._commit_edit(Message(EDIT_Y, i=i + 1), edits.edit_data(self.state, "Y", 0, i, value))

    def set_dataset(self, data: Data) -> None:
        """New data for the current network."""
        self._commit_edit(Message(NEW_DATA), edits.set_data(self.state, data))

    def set_data_and_network(self, data: Data, network: NetworkSpec) -> None:
        """New data with the network it needs (see core.edits.set_data_and_network): with the same network this is
        set_dataset."""
        if network == self.problem.network:
            self.set_dataset(data)
        else:
            self._commit(Message(NEW_DATA_NETWORK, network=network.describe()),
                         edits.set_data_and_network(self.state, data, network))

    def insert_samples(self, at: int, X, Y) -> None:
        """Samples placed before sample `at` (0-based; m appends)."""
        self._commit_edit(Message(ADD_SAMPLE, sample=at + 1), edits.insert_samples(self.state, at, X, Y))

    def remove_samples(self, samples) -> None:
        """The samples at these (0-based) indices taken out."""
        samples = sorted({int(k) for k in samples})
        label = (Message(REMOVE_SAMPLE, sample=samples[0] + 1) if len(samples) == 1
                 else Message(REMOVE_SAMPLES, count=len(samples)))
        self._commit_edit(label, edits.remove_samples(self.state, samples))

    def paste_data(self, sample: int, column: int, block) -> None:
        """A block of numbers laid over the table of inputs then targets from one cell (see core.edits)."""
        rows, columns = np.atleast_2d(block).shape
        self._commit_edit(Message(PASTE, rows=rows, columns=columns, sample=sample + 1, column=column + 1),
                          edits.paste_data(self.state, sample, column, block))

    def set_data(self, x, y) -> None:
        """One sample x, y, possibly of new sizes: a new shape is a one-layer network of that shape, keeping what
        fits of W."""
        s = self.state
        x, y = np.atleast_1d(np.asarray(x, np.float64)), np.atleast_1d(np.asarray(y, np.float64))
        data = Data(x[None, :], y[None, :])
        if (y.size, x.size) == s.manual.weight.shape and s.problem.m == 1:
            self._commit_edit(Message(SET_DATA), edits.set_data(s, data))
            return
        network = s.problem.network.replace(widths=(x.size, y.size), activations=s.problem.network.activations[-1:])
        self._commit(Message(RESIZE), edits.set_data(edits.set_network(s, network), data))

    def resize(self, n_out: int, n_in: int) -> None:
        """Change the one-layer network's shape, keeping what fits of x, y and W."""
        if not (1 <= n_out <= MAX_WIDTH and 1 <= n_in <= MAX_WIDTH):
            raise ValueError(f"sizes must be from 1 to {MAX_WIDTH}")
        network = self.problem.network.replace(widths=(n_in, n_out))
        self._commit(Message(RESIZE), edits.set_network(self.state, network))

    def set_network(self, network: NetworkSpec) -> None:
        """A new architecture, keeping what fits (see core.edits.set_network)."""
        self._commit(Message(NETWORK, network=network.describe()), edits.set_network(self.state, network))

    def set_activation(self, name: str) -> None:
        """Every layer's activation (under bce and ce every hidden layer's)."""
        net = self.problem.network
        activations = NetworkSpec.create(net.widths, name, net.bias, net.loss).activations
        self._commit_edit(Message(ACTIVATION, name=name), edits.set_activations(self.state, activations))

    def set_activations(self, activations: tuple[str, ...]) -> None:
        self._commit_edit(Message(ACTIVATION, name="/".join(activations)), edits.set_activations(self.state,
                                                                                           activations))

    def set_batching(self, batching: Batching) -> None:
        self._commit_edit(Message(BATCHING), edits.set_batching(self.state, batching))

    def set_mistake(self, mistake: Mistake | None) -> None:
        label = Message(REPAIR) if mistake is None else Message(MISTAKE, mistake=mistake.key())
        self._commit_edit(label, edits.set_mistake(self.state, mistake))

    def set_dtype(self, name: str) -> None:
        """Both engines switch precision; parameters and optimizer states are cast."""
        self._commit_edit(Message(PRECISION, name=name), edits.set_dtype(self.state, name))

    def set_forgetful(self, on: bool) -> None:
        """Add or remove the third trajectory, whose optimizer forgets its state every step."""
        if on != (self.state.forgetful is not None):
            self._commit(Message(TWIN_ON if on else TWIN_OFF), edits.set_forgetful(self.state, on))

    def set_optimizer(self, spec: OptimizerSpec) -> None:
        """A new optimizer or new hyperparameters (see core.edits.set_optimizer)."""
        s = self.state
        label = spec.info.label if spec.kind != s.optimizer.kind else Message(SETTINGS, optimizer=spec.info.label)
        self._commit_edit(label, edits.set_optimizer(s, spec))

    def randomize(self, seed: int) -> None:
        """Step 0 from the parameters the current scheme draws after torch.manual_seed(seed)."""
        self._commit(Message(RANDOMIZE, seed=seed), edits.randomize(self.state, seed))

    def set_init(self, init: Init) -> None:
        self._commit(Message(INITIALIZE, scheme=init.scheme, seed=init.seed), edits.set_init(self.state, init))

    def reset(self) -> None:
        """Back to step 0 at the start, with the current data and optimizer and a fresh optimizer state."""
        self._commit(Message(RESET), edits.reset(self.state))

    def replace_state(self, state: SessionState, label: str = Message(OPEN)) -> None:
        """Replace everything (an opened file), undoably."""
        self._commit(label, state)

    # ---- history

    def _commit(self, label: str, state: SessionState) -> None:
        self._history.commit(label, state)

    def _commit_edit(self, label: str, state: SessionState) -> None:
        """Commit an edit of the parameters, the loss function or the optimizer; after step 0 it marks the step, with
        the losses the step had before, so the plot does not draw the change as training's."""
        s = self.state
        if s.step > 0:
            state = state.replace(edits=marked(s.edits, s.step, label, self._losses()))
        self._commit(label, state)

    def _losses(self) -> tuple[float, float, float]:
        """The current state's losses: by hand, torch's (NaN while torch loads), the twin's (NaN when off)."""
        e = self.evaluate()
        return (e.forward.loss, np.nan if e.torch is None else e.torch.loss,
                np.nan if e.forgetful_loss is None else e.forgetful_loss)

    @property
    def commit_count(self) -> int:
        """How many actions have been committed (each made one undo entry); undo and redo leave it alone."""
        return self._history.commit_count

    def recent_labels(self, k: int) -> list[str]:
        """Labels of the newest `k` undo entries, oldest first."""
        return self._history.recent_labels(k)

    @property
    def can_undo(self) -> bool:
        return self._history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._history.can_redo

    @property
    def undo_label(self) -> str | None:
        return self._history.undo_label

    @property
    def redo_label(self) -> str | None:
        return self._history.redo_label

    def undo(self) -> bool:
        return self._history.undo()

    def redo(self) -> bool:
        return self._history.redo()
