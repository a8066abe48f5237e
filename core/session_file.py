"""Session files: versioned JSON (never pickle) holding everything needed to continue exactly.

Parameters and optimizer state are nested lists of floats in torch's layout (float32 values are exact in a JSON
double), keyed by parameter name (W1, b1, …); the data (up to 10,000 samples), the loss history (which can hold a
million steps), the accuracy and each layer's gradient norm beside it, and the landscape's path (at most 2048
points of each trajectory's parameters, fewer for a large network) are packed as base64 little-endian float64, so
they stay small and exact.

Version 2 holds a network of layers and a data set; version-1 files (one layer a = f(W·x), one sample, no bias,
mean squared error) still open, as that network.
"""

import base64
import json
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from core.data import MAX_SAMPLES, Batching, Data
from core.datasets import generate
from core.edit_marks import EditMark, losses_before
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.init import Init
from core.mistakes import Mistake
from core.network import MAX_WIDTH, NetworkSpec, Params
from core.optimizer_spec import OptimizerSpec
from core.path import ENGINES, WeightPath, max_points
from core.problem import Problem, cast_finite
from core.session import EDIT_LABELS
from core.state import PARAMETER_NAMES, SessionState, SetAside, checked_parameters
from core.text_file import read_text
from core.trace import LossTrace, MetricTrace

FORMAT = "backprop-stepper-session"
VERSION = 2
READS = (1, 2)  # version 1: one layer, one sample
# A million steps of loss history is about 22 MB (32 with the forgetful twin), their accuracy and gradient norms
# 11 MB more for each layer and 11 MB for the accuracy (at most 77 MB); the landscape's path at most 2.1 MB
# (core.path.MAX_WEIGHTS for each of three trajectories)
MAX_FILE_BYTES = 160 * 2**20

# Refusals, in English here; the window shows them translated (core.i18n)
NOT_SAVEABLE = QT_TRANSLATE_NOOP("core", "the {what} is NaN or infinite; undo to the last finite state before "
                                 "saving")
NOT_JSON = QT_TRANSLATE_NOOP("core", "it is not valid JSON ({error} at line {line})")
TOO_DEEP = QT_TRANSLATE_NOOP("core", "it is nested too deeply to be a session file")
NOT_OURS = QT_TRANSLATE_NOOP("core", "it is not a backprop stepper session file")
VERSION_MISMATCH = QT_TRANSLATE_NOOP("core", "it has format version {found}; this program reads versions 1 and 2")
STEP_NEGATIVE = QT_TRANSLATE_NOOP("core", "step must be 0 or more")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("core", "loss_history has an unknown encoding")
LOSSES_PER_STEP = QT_TRANSLATE_NOOP("core", "loss_history must hold one loss per step ({step}) for each engine")
TWIN_LOSSES_PER_STEP = QT_TRANSLATE_NOOP("core", "the forgetful losses must hold one loss per step ({step})")
METRICS_PER_STEP = QT_TRANSLATE_NOOP("core", "the metrics must hold one accuracy per step ({step}) and one gradient "
                                     "norm per step for each of the {layers} layers")
STATE_KEYS = QT_TRANSLATE_NOOP("core", "the {engine} optimizer state must be empty or hold exactly {keys} for "
                               "{optimizer}")
STATE_STEP_NEGATIVE = QT_TRANSLATE_NOOP("core", "the {engine} optimizer step must be 0 or more")
STATE_SHAPE = QT_TRANSLATE_NOOP("core", "the {engine} optimizer's {key} must have the shape of its parameter, "
                               "{shape}")
STATE_NAMES = QT_TRANSLATE_NOOP("core", "the {engine} optimizer state must name the parameters {names}")
DATA_SHAPE = QT_TRANSLATE_NOOP("core", "{key} must hold {rows} × {columns} numbers")
MISSING_KEY = QT_TRANSLATE_NOOP("core", "it has no {key}")
NUMBERS_ONLY = QT_TRANSLATE_NOOP("core", "{key} must hold numbers only")
LIST_OF_NUMBERS = QT_TRANSLATE_NOOP("core", "{key} must be a list of numbers")
MATRIX_OF_NUMBERS = QT_TRANSLATE_NOOP("core", "{key} must be a matrix of numbers")
TOO_LARGE_NUMBER = QT_TRANSLATE_NOOP("core", "{key} holds a number too large to represent")
NOT_BASE64 = QT_TRANSLATE_NOOP("core", "{key} is not valid base64")
NOT_FLOAT64S = QT_TRANSLATE_NOOP("core", "{key} is not a whole number of float64 values")
NOT_FINITE_CONSTANT = QT_TRANSLATE_NOOP("core", "it holds {name}, which is not a finite number")
EDIT_STEPS = QT_TRANSLATE_NOOP("core", "the edits must be at whole steps from 1 to {step}, in order, each with a "
                              "list of what was edited and three losses before it")
EDIT_NAME = QT_TRANSLATE_NOOP("core", "an edit is named {name}, which is not an edit this program makes")
ASIDE_SHAPE = QT_TRANSLATE_NOOP("core", "what was set aside holds {key} of the wrong size")
PATH_STRIDE = QT_TRANSLATE_NOOP("core", "the path's stride must be 1 or more")
PATH_STEPS = QT_TRANSLATE_NOOP("core", "the path's steps must be 1 to {most} whole numbers from 0 to {step}, in "
                               "order")
PATH_WEIGHTS = QT_TRANSLATE_NOOP("core", "the path's weights must hold three sets of {size} parameters (by hand, "
                                 "torch, forgetful) for each of its steps")
MALFORMED = QT_TRANSLATE_NOOP("core", "it is malformed ({error})")


class SessionFileError(ValueError):
    """A file that cannot be loaded; the message names the file and the problem."""


def dumps(state: SessionState) -> str:
    """The session as JSON text; ValueError if it holds non-finite numbers (a diverged state)."""
    bad = state.first_non_finite()
    if bad:
        raise ValueError(Message(NOT_SAVEABLE, what=bad))
    p, net = state.problem, state.problem.network
    data = {
        "format": FORMAT,
        "version": VERSION,
        "network": {"widths": list(net.widths), "activations": list(net.activations), "bias": net.bias,
                    "loss": net.loss},
        "data": {"samples": p.m, "X": _pack(p.data.X), "Y": _pack(p.data.Y),
                 **({"generated": p.data.generated._asdict()} if p.data.generated else {})},  # optional
        "batching": {"size": p.batching.size, "shuffle": p.batching.shuffle, "seed": p.batching.seed},
        "dtype": p.dtype,
        "mistake": None if p.mistake is None else p.mistake.key(),
        "init": {"scheme": state.init.scheme, "seed": state.init.seed},
        "optimizer": {"kind": state.optimizer.kind, "hyperparameters": state.optimizer.as_dict()},
        "start": _lists(state.start),
        "step": state.step,
        "cursor": state.cursor,
        "loss_history": {"encoding": "float64-le-base64",
                         "manual": _pack(state.trace.manual), "torch": _pack(state.trace.torch)},
        "engines": {name: {"parameters": _lists(e.params),
                           "optimizer_state": {n: {k: v if k == "step" else v.tolist() for k, v in saved.items()}
                                               for n, saved in e.optimizer_state.items()}}
                    for name, e in (("manual", state.manual), ("torch", state.torch))},
    }
    if state.forgetful is not None:  # optional, so files without the twin read as before
        data["forgetful"] = {"parameters": _lists(state.forgetful.params), "losses": _pack(state.trace.forgetful)}
    data["path"] = {"stride": state.path.stride, "steps": state.path.steps.tolist(),
                    "weights": _pack(state.path.weights())}
    data["metrics"] = {"accuracy": _pack(state.metrics.accuracy), "gradient_norms": _pack(state.metrics.norms)}
    data["edits"] = {"steps": [m.step for m in state.edits],
                     "labels": [[_label(label) for label in m.labels] for m in state.edits],
                     "losses_before": _pack(losses_before(state.edits))}
    if state.set_aside is not None:  # NaN where nothing was set aside: packed, where JSON has no NaN
        aside = state.set_aside
        data["set_aside"] = {"params": {n: _pack(v) for n, v in aside.params.items()}, "X": _pack(aside.X),
                             "Y": _pack(aside.Y)}
    return json.dumps(data, allow_nan=False, indent=1)


def _label(label: str) -> dict:
    """An edit's name as its template and values (an optimizer's name is a template without values)."""
    return {"template": label.template, "values": label.values} if isinstance(label, Message) else \
        {"template": str(label), "values": {}}


def _lists(params: Params) -> dict:
    return {name: value.tolist() for name, value in params.items()}


def save(state: SessionState, path: str | os.PathLike) -> None:
    """Write the session to `path` atomically."""
    write_atomically(path, dumps(state))


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """A temporary file in the same folder, then a rename over the target: a crash never leaves half a file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: str | os.PathLike) -> SessionState:
    """Read a session file; SessionFileError names the file and what is wrong with it."""
    return read_text(path, MAX_FILE_BYTES, QT_TRANSLATE_NOOP("core", "session files"), loads, SessionFileError)


def loads(text: str) -> SessionState:
    """Parse and check session JSON; SessionFileError says what is wrong."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise SessionFileError(Message(NOT_JSON, error=e.msg, line=e.lineno)) from None
    except RecursionError:
        raise SessionFileError(Message(TOO_DEEP)) from None
    try:
        return _from_json(data)
    except SessionFileError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as e:
        raise SessionFileError(_describe(e)) from None


def _from_json(data) -> SessionState:
    _require(isinstance(data, dict) and data.get("format") == FORMAT, Message(NOT_OURS))
    version = data.get("version")
    _require(version in READS and not isinstance(version, bool),
             Message(VERSION_MISMATCH, found=repr(version), version=VERSION))
    problem, init, start, read_params = (_version_1 if version == 1 else _version_2)(data)
    o = _field(data, "optimizer", dict)
    spec = OptimizerSpec.create(_field(o, "kind", str), **_field(o, "hyperparameters", dict))
    step = _field(data, "step", int)
    _require(step >= 0, Message(STEP_NEGATIVE))
    history = _field(data, "loss_history", dict)
    _require(history.get("encoding") == "float64-le-base64", Message(UNKNOWN_ENCODING))
    manual_losses = _unpack(history, "loss_history", "manual")
    torch_losses = _unpack(history, "loss_history", "torch")
    _require(manual_losses.size == torch_losses.size == step, Message(LOSSES_PER_STEP, step=step))
    engines = _field(data, "engines", dict)
    forgetful, forgetful_losses = None, None
    if "forgetful" in data:
        twin = _field(data, "forgetful", dict)
        params = _cast(read_params(twin), problem, "the forgetful")
        forgetful = EngineState(params, {name: {} for name in params})
        forgetful_losses = _unpack(twin, "forgetful", "losses")  # NaN at steps taken before the twin was added
        _require(forgetful_losses.size == step, Message(TWIN_LOSSES_PER_STEP, step=step))
    cursor = _field(data, "cursor", int) if version > 1 else step
    _require(cursor >= 0, Message(STEP_NEGATIVE))
    return SessionState(
        problem=problem,
        optimizer=spec,
        init=init,
        start=start,
        step=step,
        cursor=cursor,
        trace=LossTrace.from_arrays(manual_losses, torch_losses, forgetful_losses),
        manual=_engine(engines, "manual", problem, spec, read_params, version),
        torch=_engine(engines, "torch", problem, spec, read_params, version),
        forgetful=forgetful,
        # optional: files written before the landscape kept a path start one at the saved step
        path=(_path(_field(data, "path", dict), step, problem.network.parameter_count) if "path" in data
              else None),
        set_aside=_set_aside(_field(data, "set_aside", dict), problem) if "set_aside" in data else None,
        edits=_edits(_field(data, "edits", dict), step) if "edits" in data else (),  # optional, as the path
        # optional: files written before steps recorded them know no accuracy or gradient norms (NaN)
        metrics=(_metrics(_field(data, "metrics", dict), step, problem.network.layers) if "metrics" in data
                 else None),
    )


def _metrics(saved: dict, step: int, layers: int) -> MetricTrace:
    """The accuracy (step,) and gradient norms (step, layers, row-major) of every past state."""
    accuracy, norms = _unpack(saved, "metrics", "accuracy"), _unpack(saved, "metrics", "gradient_norms")
    _require(accuracy.size == step and norms.size == step * layers,
             Message(METRICS_PER_STEP, step=step, layers=layers))
    return MetricTrace.from_arrays(accuracy, norms.reshape(step, layers))


def _edits(saved: dict, step: int) -> tuple[EditMark, ...]:
    """The edit marks: at steps 1..step in order, each naming the edits made there, with the three losses before."""
    steps, labels = _field(saved, "steps", list), _field(saved, "labels", list)
    before = _unpack(saved, "edits", "losses_before")
    whole = all(isinstance(s, int) and not isinstance(s, bool) for s in steps)
    in_order = whole and all(a < b for a, b in zip([0, *steps], [*steps, step + 1]))  # 0 < s₀ < s₁ < … ≤ step
    named = all(isinstance(names, list) and names and all(isinstance(n, dict) for n in names) for names in labels)
    _require(in_order and named and len(labels) == len(steps) and before.size == 3 * len(steps),
             Message(EDIT_STEPS, step=step))
    before = before.reshape(len(steps), 3)
    return tuple(EditMark(s, tuple(_edit_name(name) for name in names), tuple(b))
                 for s, names, b in zip(steps, labels, before.tolist()))


def _edit_name(saved: dict) -> Message:
    """One edit's name, from a template this program uses and its values."""
    template, values = _field(saved, "template", str), _field(saved, "values", dict)
    plain = all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values.values())
    _require(template in EDIT_LABELS and plain, Message(EDIT_NAME, name=repr(template)))
    return Message(template, **values)


def _set_aside(saved: dict, problem: Problem) -> SetAside:
    """What narrowing the network set aside: any parameter names, each of the largest shape; NaN where nothing."""
    params = {}
    for name, packed in _field(saved, "params", dict).items():
        _require(re.fullmatch(r"[Wb][1-9]", name) is not None, Message(ASIDE_SHAPE, key=repr(name)))
        values = _unpack(saved["params"], "set_aside.params", name)
        shape = (MAX_WIDTH, MAX_WIDTH) if name[0] == "W" else (MAX_WIDTH,)
        _require(values.size == np.prod(shape), Message(ASIDE_SHAPE, key=repr(name)))
        params[name] = values.reshape(shape)
    tables = []
    for key in ("X", "Y"):
        values = _unpack(saved, "set_aside", key)
        _require(values.size == problem.m * MAX_WIDTH, Message(ASIDE_SHAPE, key=repr(key)))
        tables.append(values.reshape(problem.m, MAX_WIDTH))
    return SetAside(params, *tables)


def _version_2(data: dict):
    """The problem, init, start parameters and how to read parameters, from a version-2 file."""
    n = _field(data, "network", dict)
    activations = _field(n, "activations", list)
    _require(all(isinstance(a, str) for a in activations), Message(_KIND_NAMES[str], key="'activations'"))
    network = NetworkSpec(tuple(_whole_numbers(n, "widths")), tuple(activations), _field(n, "bias", bool),
                          _field(n, "loss", str))
    d = _field(data, "data", dict)
    m = _field(d, "samples", int)
    _require(1 <= m <= MAX_SAMPLES, Message(DATA_SHAPE, key="'data.samples'", rows=f"1 to {MAX_SAMPLES}",
                                            columns="1"))
    X = _table(d, "X", m, network.n_in)
    Y = _table(d, "Y", m, 1 if network.loss == "ce" else network.n_out)
    b = _field(data, "batching", dict)
    size = b.get("size")
    _require(size is None or (isinstance(size, int) and not isinstance(size, bool)),
             Message(_KIND_NAMES[int], key="'size'"))
    batching = Batching(size, _field(b, "shuffle", bool), _field(b, "seed", int))
    mistake = data.get("mistake")
    _require(mistake is None or isinstance(mistake, str), Message(_KIND_NAMES[str], key="'mistake'"))
    problem = Problem(network, _data(X, Y, d.get("generated")), _field(data, "dtype", str), batching,
                      None if mistake is None else Mistake.parse(mistake))
    i = _field(data, "init", dict)
    init = Init(_field(i, "scheme", str), _field(i, "seed", int))

    def read_params(holder: dict, key: str = "parameters") -> Params:
        saved = _field(holder, key, dict)
        _require(list(saved) == list(network.shapes), Message(PARAMETER_NAMES, expected=", ".join(network.shapes),
                                                              found=", ".join(saved) or "none"))
        return checked_parameters({name: _numbers(saved, name, len(shape))
                                   for name, shape in network.shapes.items()}, network)
    return problem, init, read_params(data, "start"), read_params


def _data(X: np.ndarray, Y: np.ndarray, generated) -> Data:
    """The samples, known as the generated data set the file names if they are exactly that set."""
    try:
        drawn = generate(**generated)
    except (TypeError, ValueError):  # no such set (or none named): samples of the user's own
        return Data(X, Y)
    return drawn if np.array_equal(drawn.X, X) and np.array_equal(drawn.Y, Y) else Data(X, Y)


def _version_1(data: dict):
    """The same from a version-1 file: a = f(W·x), one sample, no bias, mean squared error."""
    p = _field(data, "problem", dict)
    problem = Problem.one_layer(_numbers(p, "x", 1), _numbers(p, "y", 1), _field(p, "activation", str),
                                _field(p, "dtype", str))

    def read_params(holder: dict, key: str = "weight") -> Params:
        return checked_parameters({"W1": _numbers(holder, key, 2)}, problem.network)
    return problem, Init(), read_params(data, "start_weight"), read_params


def _cast(params: Params, problem: Problem, owner: str) -> Params:
    return {name: cast_finite(v, problem.np_dtype, f"{owner} {name}") for name, v in params.items()}


def _table(d: dict, key: str, rows: int, columns: int) -> np.ndarray:
    values = _unpack(d, "data", key)
    _require(values.size == rows * columns, Message(DATA_SHAPE, key=f"'data.{key}'", rows=rows, columns=columns))
    return values.reshape(rows, columns)


def _whole_numbers(d: dict, key: str) -> list[int]:
    values = _field(d, key, list)
    _require(all(isinstance(v, int) and not isinstance(v, bool) for v in values), Message(
        LIST_OF_NUMBERS, key=repr(key)))
    return values


def _path(saved: dict, step: int, size: int) -> WeightPath:
    """The landscape's path. Its weights may be NaN (the forgetful twin's, where it was off) or infinite (a run
    that diverged and was then mended by an edit keeps the diverged point); the landscape leaves such points out."""
    stride = _field(saved, "stride", int)
    _require(stride >= 1, Message(PATH_STRIDE))
    steps = _field(saved, "steps", list)
    whole = all(isinstance(s, int) and not isinstance(s, bool) for s in steps)
    in_order = whole and all(a <= b for a, b in zip([0, *steps], [*steps, step]))  # 0 ≤ s₀ ≤ s₁ ≤ … ≤ step
    most = max_points(size)
    _require(0 < len(steps) <= most and in_order, Message(PATH_STEPS, step=step, most=most))
    steps = np.array(steps, dtype=np.int64)
    weights = _unpack(saved, "path", "weights")
    _require(weights.size == steps.size * ENGINES * size, Message(PATH_WEIGHTS, size=size))
    return WeightPath.restored(steps, weights.reshape(steps.size, ENGINES, size), stride)


def _engine(engines: dict, name: str, problem: Problem, spec: OptimizerSpec, read_params, version: int
            ) -> EngineState:
    e = _field(engines, name, dict)
    params = _cast(read_params(e), problem, f"the {name}")
    saved = _field(e, "optimizer_state", dict)
    per_parameter = saved if version > 1 else {"W1": saved}  # version 1 held W's state alone
    _require(set(per_parameter) == set(params), Message(STATE_NAMES, engine=name, names=", ".join(params)))
    layout = set(spec.state_layout())
    states = {}
    for pname, value in params.items():
        saved_state = per_parameter.get(pname, {})
        _require(isinstance(saved_state, dict), Message(_KIND_NAMES[dict], key=repr(pname)))
        _require(not saved_state or set(saved_state) == layout,
                 Message(STATE_KEYS, engine=name, keys=str(sorted(layout)), optimizer=spec.info.label))
        state = {}
        for key in saved_state:
            if key == "step":
                state[key] = _field(saved_state, "step", int)
                _require(state[key] >= 0, Message(STATE_STEP_NEGATIVE, engine=name))
            else:
                v = cast_finite(_numbers(saved_state, key, value.ndim), problem.np_dtype,
                                f"the {name} optimizer's {key}")
                _require(v.shape == value.shape, Message(STATE_SHAPE, engine=name, key=key, shape=str(value.shape)))
                state[key] = v
        states[pname] = state
    return EngineState(params, states)


def _field(d: dict, key: str, kind: type):
    _require(key in d, Message(MISSING_KEY, key=repr(key)))
    v = d[key]
    ok = isinstance(v, kind) and not (kind is int and isinstance(v, bool))
    _require(ok, Message(_KIND_NAMES[kind], key=repr(key)))
    return v


_KIND_NAMES = {dict: QT_TRANSLATE_NOOP("core", "{key} must be an object"),
               str: QT_TRANSLATE_NOOP("core", "{key} must be text"),
               int: QT_TRANSLATE_NOOP("core", "{key} must be a whole number"),
               list: QT_TRANSLATE_NOOP("core", "{key} must be a list"),
               bool: QT_TRANSLATE_NOOP("core", "{key} must be true or false")}


def _numbers(d: dict, key: str, ndim: int) -> np.ndarray:
    """A finite float array of `ndim` dimensions from d[key]."""
    v = _field(d, key, list)
    _require(_all_numbers(v), Message(NUMBERS_ONLY, key=repr(key)))
    a = np.array(v, dtype=np.float64)
    _require(a.ndim == ndim and a.size > 0,
             Message(LIST_OF_NUMBERS if ndim == 1 else MATRIX_OF_NUMBERS, key=repr(key)))
    _require(bool(np.isfinite(a).all()), Message(TOO_LARGE_NUMBER, key=repr(key)))
    return a


def _all_numbers(v) -> bool:
    if isinstance(v, list):
        return all(_all_numbers(x) for x in v)
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _pack(values: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f8").tobytes()).decode("ascii")


def _unpack(d: dict, parent: str, key: str) -> np.ndarray:
    """The float64 array packed in d[key], which is in the file at parent.key."""
    text = _field(d, key, str)
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raise SessionFileError(Message(NOT_BASE64, key=f"'{parent}.{key}'")) from None
    _require(len(raw) % 8 == 0, Message(NOT_FLOAT64S, key=f"'{parent}.{key}'"))
    return np.frombuffer(raw, dtype="<f8").astype(np.float64)


def _reject_constant(name: str):
    raise SessionFileError(Message(NOT_FINITE_CONSTANT, name=name))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SessionFileError(message)


def _describe(e: Exception) -> str:
    if isinstance(e, ValueError) and str(e):
        return e.args[0]  # a core Message keeps its translation
    return Message(MALFORMED, error=f"{type(e).__name__}: {e}")
