"""Edits: pure functions from a SessionState to the next, one per thing a user can change. Each checks its input
and raises a ValueError saying what is accepted, so a refused edit changes nothing."""

import numpy as np

from core import optimizers
from core.data import Batching, Data, one_hot
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.init import Init
from core.losses import loss as loss_named
from core.mistakes import Mistake
from core.network import NetworkSpec, Params
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem, cast_finite, check_dtype
from core.state import SessionState, SetAside, checked_parameters

NO_ENTRY = QT_TRANSLATE_NOOP("core", "{name} has no entry [{index}]; its shape is {shape}")
NO_PARAMETER = QT_TRANSLATE_NOOP("core", "the network has no parameter {name}; it has {names}")
NOT_FINITE_VALUE = QT_TRANSLATE_NOOP("core", "{what} must be a finite number, not {value}")
NO_SAMPLE = QT_TRANSLATE_NOOP("core", "there is no sample {sample}; there are {m}")
NO_COLUMN = QT_TRANSLATE_NOOP("core", "there is no {part} column {column}; there are {count}")
TARGETS_DO_NOT_CONVERT = QT_TRANSLATE_NOOP("core", "the targets do not fit the new network: {reason}")
NO_PLACE = QT_TRANSLATE_NOOP("core", "samples can go in at places 1 to {last}, not {place}")
SAMPLE_SHAPE = QT_TRANSLATE_NOOP("core", "a new sample needs inputs: {n_in}, targets: {n_targets}; found inputs: "
                                 "{inputs}, targets: {targets}")
KEEP_ONE = QT_TRANSLATE_NOOP("core", "the data keeps at least one sample")
NOTHING_CHOSEN = QT_TRANSLATE_NOOP("core", "choose the samples to remove")
BLOCK_TOO_WIDE = QT_TRANSLATE_NOOP("core", "the pasted block is {width} columns wide; from column {column} the table "
                                   "has {room}")


def _finite(value, what: str) -> float:
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(Message(NOT_FINITE_VALUE, what=what, value=repr(value)))
    return v


def entry_name(name: str, index: tuple[int, ...]) -> str:
    """W2[1,3] or b1[2]: 1-based, as on the board."""
    return f"{name}[{','.join(str(k + 1) for k in index)}]"


def _with_parameters(state: SessionState, change) -> SessionState:
    """Every trajectory's parameters passed through `change` (optimizer states kept, as torch keeps them when
    param.data changes); at step 0 the start too; the path shows the jump at this step."""
    engines = {name: engine.with_params(change(engine.params)) for name, engine in state.engines()}
    edited = state.replace(**engines, **({"start": change(state.start)} if state.step == 0 else {}))
    return edited.replace(path=state.path.appended(state.step, *edited.flat_parameters(), always=True))


def edit_parameter(state: SessionState, name: str, index: tuple[int, ...], value: float) -> SessionState:
    """One entry of one parameter (W2[i, j] or b1[i]) set in every trajectory."""
    shapes = state.problem.network.shapes
    if name not in shapes:
        raise ValueError(Message(NO_PARAMETER, name=name, names=", ".join(shapes)))
    index = tuple(int(k) for k in index)
    if len(index) != len(shapes[name]) or not all(0 <= k < n for k, n in zip(index, shapes[name])):
        raise ValueError(Message(NO_ENTRY, name=name, index=",".join(str(k + 1) for k in index),
                                 shape=str(shapes[name])))
    what = entry_name(name, index)
    value = float(cast_finite(_finite(value, what), state.problem.np_dtype, what))

    def change(params: Params) -> Params:
        edited = params[name].copy()
        edited[index] = value
        return {**params, name: edited}
    return _with_parameters(state, change)


def set_parameters(state: SessionState, params: Params) -> SessionState:
    """Every parameter set in every trajectory (checked against the network), optimizer states kept."""
    params = checked_parameters(params, state.problem.network)
    for name, p in params.items():
        cast_finite(p, state.problem.np_dtype, name)
    return _with_parameters(state, lambda current: {n: p.astype(current[n].dtype) for n, p in params.items()})


def _with_problem(state: SessionState, **changes) -> SessionState:
    return state.replace(problem=state.problem.replace(**changes))


def edit_data(state: SessionState, part: str, sample: int, column: int, value: float) -> SessionState:
    """One number of the data: an input (part "X") or a target ("Y") of one sample."""
    data = state.problem.data
    table = data.X if part == "X" else data.Y
    if not 0 <= sample < data.m:
        raise ValueError(Message(NO_SAMPLE, sample=sample + 1, m=data.m))
    if not 0 <= column < table.shape[1]:
        raise ValueError(Message(NO_COLUMN, part=part, column=column + 1, count=table.shape[1]))
    edited = table.copy()
    edited[sample, column] = _finite(value, f"{part}[{sample + 1},{column + 1}]")
    return _with_problem(state, data=data.replace(**{part: edited}))


def set_data(state: SessionState, data: Data) -> SessionState:
    """New data for the same network; batches start again from the first. Nothing of the old data stays set
    aside: its columns belong to its own samples."""
    return _with_samples(state, data, np.full(data.m, -1))


def _with_samples(state: SessionState, data: Data, rows) -> SessionState:
    """`data`, whose samples are the old ones `rows` (−1: new), with what was set aside for them; batches start
    again from the first."""
    aside = None if state.set_aside is None else state.set_aside.for_samples(rows)
    return _with_problem(state, data=data).replace(cursor=0, set_aside=aside)


def insert_samples(state: SessionState, at: int, X, Y) -> SessionState:
    """New samples X (k, n_in), Y (k, n_targets) placed before sample `at` (m: after the last)."""
    data = state.problem.data
    if not 0 <= at <= data.m:
        raise ValueError(Message(NO_PLACE, last=data.m + 1, place=at + 1))
    X, Y = np.atleast_2d(np.asarray(X, np.float64)), np.atleast_2d(np.asarray(Y, np.float64))  # (k, n_in), (k, n_t)
    if X.shape[1:] != (data.n_in,) or Y.shape[1:] != (data.n_targets,) or X.shape[0] != Y.shape[0]:
        raise ValueError(Message(SAMPLE_SHAPE, n_in=data.n_in, n_targets=data.n_targets, inputs=X.shape[-1],
                                 targets=Y.shape[-1]))
    rows = np.insert(np.arange(data.m), at, np.full(X.shape[0], -1))  # (m + k,) old sample or −1
    return _with_samples(state, Data(np.insert(data.X, at, X, axis=0), np.insert(data.Y, at, Y, axis=0)), rows)


def remove_samples(state: SessionState, samples) -> SessionState:
    """The samples at indices `samples` taken out of the data."""
    data = state.problem.data
    samples = np.unique(np.asarray(samples, dtype=np.int64))
    if samples.size == 0:
        raise ValueError(Message(NOTHING_CHOSEN))
    if samples[0] < 0 or samples[-1] >= data.m:
        bad = samples[0] if samples[0] < 0 else samples[-1]
        raise ValueError(Message(NO_SAMPLE, sample=int(bad) + 1, m=data.m))
    if samples.size == data.m:
        raise ValueError(Message(KEEP_ONE))
    rows = np.delete(np.arange(data.m), samples)  # (m − k,) the samples kept
    return _with_samples(state, Data(data.X[rows], data.Y[rows]), rows)


def paste_data(state: SessionState, sample: int, column: int, block) -> SessionState:
    """A block of numbers (rows, columns) laid over the table of inputs then targets from one cell: its rows past
    the last sample are new samples (0 where the block does not reach)."""
    data = state.problem.data
    block = np.atleast_2d(np.asarray(block, np.float64))  # (r, c)
    columns = data.n_in + data.n_targets
    if not 0 <= sample < data.m:
        raise ValueError(Message(NO_SAMPLE, sample=sample + 1, m=data.m))
    if not 0 <= column < columns:
        raise ValueError(Message(NO_COLUMN, part="X, Y", column=column + 1, count=columns))
    if column + block.shape[1] > columns:
        raise ValueError(Message(BLOCK_TOO_WIDE, width=block.shape[1], column=column + 1, room=columns - column))
    m = max(data.m, sample + block.shape[0])
    table = np.zeros((m, columns))  # (m, n_in + n_targets)
    table[:data.m] = np.hstack([data.X, data.Y])
    table[sample:sample + block.shape[0], column:column + block.shape[1]] = block
    rows = np.concatenate([np.arange(data.m), np.full(m - data.m, -1)])
    return _with_samples(state, Data(table[:, :data.n_in], table[:, data.n_in:]), rows)


def set_batching(state: SessionState, batching: Batching) -> SessionState:
    """New batch size or order; batches start again from the first."""
    return _with_problem(state, batching=batching).replace(cursor=0)


def set_activations(state: SessionState, activations: tuple[str, ...]) -> SessionState:
    """New activations; the trajectories go on from where they are, as with any edit of the loss function."""
    network = state.problem.network.replace(activations=tuple(activations))
    return _with_problem(state, network=network)


def set_mistake(state: SessionState, mistake: Mistake | None) -> SessionState:
    """A deliberate mistake in the hand-written backward (None repairs it)."""
    return _with_problem(state, mistake=mistake)


def set_dtype(state: SessionState, name: str) -> SessionState:
    """Both engines switch precision; parameters and optimizer states are cast (refused if any does not fit)."""
    dtype = check_dtype(name)
    problem = state.problem.replace(dtype=name)  # refuses data that does not fit
    for _, engine in state.engines():
        for pname, value in engine.params.items():
            cast_finite(value, dtype, pname)
        for pname, saved in engine.optimizer_state.items():
            for key, value in saved.items():
                if isinstance(value, np.ndarray):
                    cast_finite(value, dtype, f"the optimizer's {key} of {pname}")
    cast = {n: e.cast(dtype) for n, e in state.engines()}
    return state.replace(problem=problem, **cast)


def set_forgetful(state: SessionState, on: bool) -> SessionState:
    """Add (from the current hand-written parameters) or remove the third trajectory, whose optimizer forgets its
    state every step: for Adam, the blog post's diy_adam; for SGD with momentum, plain SGD."""
    if on == (state.forgetful is not None):
        return state
    if not on:
        return state.replace(forgetful=None)
    twin = EngineState(state.manual.params, {name: {} for name in state.manual.params})
    with_twin = state.replace(forgetful=twin)
    return with_twin.replace(path=state.path.appended(state.step, *with_twin.flat_parameters(), always=True))


def set_optimizer(state: SessionState, spec: OptimizerSpec) -> SessionState:
    """A new optimizer or new hyperparameters. The state is kept when its layout stays the same (as when torch's
    param_groups are edited mid-run), and starts fresh otherwise (a new optimizer object)."""
    if spec.kind == state.optimizer.kind and spec.state_layout() == state.optimizer.state_layout():
        return state.replace(optimizer=spec)
    fresh = {e: EngineState(getattr(state, e).params, optimizers.initial_states(spec, getattr(state, e).params))
             for e in ("manual", "torch")}
    return state.replace(optimizer=spec, **fresh)


def randomize(state: SessionState, seed: int) -> SessionState:
    """Step 0 from the parameters the current scheme draws after torch.manual_seed(seed)."""
    init = Init(state.init.scheme, seed)
    net = state.problem.network
    return state.restarted(init.parameters(net.widths, net.bias), init)


def set_init(state: SessionState, init: Init) -> SessionState:
    """Step 0 from the parameters `init` draws."""
    net = state.problem.network
    return state.restarted(init.parameters(net.widths, net.bias), init)


def reset(state: SessionState) -> SessionState:
    """Back to step 0 at the start, with the current problem and optimizer and a fresh optimizer state."""
    return state.restarted()


def set_network(state: SessionState, network: NetworkSpec) -> SessionState:
    """A new architecture (widths, bias, loss, activations), as one step-0 restart. Every parameter keeps the
    entries that still fit (its top-left block) and what narrowing set aside before; new entries are drawn as
    the current scheme and seed draw them. The data keeps its columns that fit and what was set aside (new inputs
    0), and its targets are converted where the loss needs it (class indices ↔ one-hot rows). What a narrower
    network leaves out is set aside, to come back when it widens again."""
    aside = SetAside.of(state)
    data = adapted_data(state.problem.data, state.problem.network, network, aside)
    return _rebuilt(state, network, data, aside)


def set_data_and_network(state: SessionState, data: Data, network: NetworkSpec) -> SessionState:
    """New data and the network it needs, in one: the same network takes the data as set_data does; another one
    restarts at step 0 as set_network does, its parameters keeping what fits, and nothing of the old data set
    aside."""
    if network == state.problem.network:
        return set_data(state, data)
    aside = SetAside.of(state)
    return _rebuilt(state, network, data, aside.for_samples(np.full(data.m, -1)))


def _rebuilt(state: SessionState, network: NetworkSpec, data: Data, aside: SetAside) -> SessionState:
    """Step 0 of `network` learning `data`: the parameters drawn as the current scheme and seed draw them, with
    every entry set aside (or kept) laid over them."""
    params = aside.parameters(state.init.parameters(network.widths, network.bias))
    problem = state.problem.replace(network=network, data=data, mistake=_kept_mistake(state.problem, network))
    restarted = SessionState.start_at(problem, state.optimizer, params, state.init, state.forgetful is not None)
    return restarted.replace(set_aside=aside)


def _kept_mistake(problem: Problem, network: NetworkSpec) -> Mistake | None:
    """The mistake, if it can still be made in the new network."""
    m = problem.mistake
    return m if m is not None and m.refusal(network) is None else None


def adapted_data(data: Data, old: NetworkSpec, new: NetworkSpec, aside: SetAside) -> Data:
    """`data` for network `new`: input and target columns that fit kept, the others from what was set aside (0
    where nothing was), or targets converted between class indices (ce) and one-hot rows (mse, bce) — or a
    ValueError if they cannot be."""
    X = aside.columns("X", new.n_in)
    labels_before, labels_after = loss_named(old.loss).takes_labels, loss_named(new.loss).takes_labels
    if labels_before and not labels_after:
        Y = one_hot(data.labels(), new.n_out) if new.n_out > 1 else data.Y
    elif labels_after and not labels_before:
        Y = np.argmax(data.Y, axis=1)[:, None] if data.n_targets > 1 else data.Y
    elif labels_after:
        Y = data.Y
    else:
        Y = aside.columns("Y", new.n_out)
    if X.shape == data.X.shape and Y.shape == data.Y.shape and np.array_equal(X, data.X) and np.array_equal(Y, data.Y):
        return data  # the same data, not a copy: views know it by identity
    try:
        return Data(X, Y)
    except ValueError as e:
        raise ValueError(Message(TARGETS_DO_NOT_CONVERT, reason=e.args[0])) from None
