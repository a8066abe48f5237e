"""Session files: versioned JSON (never pickle) holding everything needed to continue exactly.

Weights and optimizer state are nested lists of floats (float32 values are exact in a JSON double); the loss
history, which can hold a million steps, is packed as base64 little-endian float64 so it stays small and exact, as
are the weights of the landscape's path (at most 2048 points of each trajectory's W, fewer for a large W). Edit
marks name their edits by template and values, so a file's marks read in any language.
"""

import base64
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from core.edit_marks import EditMark, losses_before
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.optimizer_spec import OptimizerSpec
from core.path import ENGINES, WeightPath, max_points
from core.problem import Problem, cast_finite
from core.session import EDIT_LABELS, SessionState, checked_weight
from core.trace import LossTrace

FORMAT = "backprop-stepper-session"
VERSION = 1
# A million steps of loss history is about 22 MB (32 with the forgetful twin); the landscape's path at most 2.1 MB
# (core.path.MAX_WEIGHTS for each of three trajectories)
MAX_FILE_BYTES = 64 * 2**20

# Refusals, in English here; the window shows them translated (core.i18n)
CANNOT_OPEN = QT_TRANSLATE_NOOP("core", "Cannot open {path}: {reason}")
NOT_SAVEABLE = QT_TRANSLATE_NOOP("core", "the {what} is NaN or infinite; undo to the last finite state before "
                                 "saving")
FOLDER = QT_TRANSLATE_NOOP("core", "it is a folder, not a file")
TOO_LARGE = QT_TRANSLATE_NOOP("core", "it is {size} MB; session files are at most {most} MB")
NOT_TEXT = QT_TRANSLATE_NOOP("core", "it is not a text file")
NOT_JSON = QT_TRANSLATE_NOOP("core", "it is not valid JSON ({error} at line {line})")
TOO_DEEP = QT_TRANSLATE_NOOP("core", "it is nested too deeply to be a session file")
NOT_OURS = QT_TRANSLATE_NOOP("core", "it is not a backprop stepper session file")
VERSION_MISMATCH = QT_TRANSLATE_NOOP("core", "it has format version {found}; this program reads version {version}")
STEP_NEGATIVE = QT_TRANSLATE_NOOP("core", "step must be 0 or more")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("core", "loss_history has an unknown encoding")
LOSSES_PER_STEP = QT_TRANSLATE_NOOP("core", "loss_history must hold one loss per step ({step}) for each engine")
TWIN_LOSSES_PER_STEP = QT_TRANSLATE_NOOP("core", "the forgetful losses must hold one loss per step ({step})")
STATE_KEYS = QT_TRANSLATE_NOOP("core", "the {engine} optimizer state must be empty or hold exactly {keys} for "
                               "{optimizer}")
STATE_STEP_NEGATIVE = QT_TRANSLATE_NOOP("core", "the {engine} optimizer step must be 0 or more")
STATE_SHAPE = QT_TRANSLATE_NOOP("core", "the {engine} optimizer's {key} must have W's shape {shape}")
MISSING_KEY = QT_TRANSLATE_NOOP("core", "it has no {key}")
NUMBERS_ONLY = QT_TRANSLATE_NOOP("core", "{key} must hold numbers only")
LIST_OF_NUMBERS = QT_TRANSLATE_NOOP("core", "{key} must be a list of numbers")
MATRIX_OF_NUMBERS = QT_TRANSLATE_NOOP("core", "{key} must be a matrix of numbers")
TOO_LARGE_NUMBER = QT_TRANSLATE_NOOP("core", "{key} holds a number too large to represent")
NOT_BASE64 = QT_TRANSLATE_NOOP("core", "{key} is not valid base64")
NOT_FLOAT64S = QT_TRANSLATE_NOOP("core", "{key} is not a whole number of float64 values")
NOT_FINITE_CONSTANT = QT_TRANSLATE_NOOP("core", "it holds {name}, which is not a finite number")
PATH_STRIDE = QT_TRANSLATE_NOOP("core", "the path's stride must be 1 or more")
PATH_STEPS = QT_TRANSLATE_NOOP("core", "the path's steps must be 1 to {most} whole numbers from 0 to {step}, in "
                               "order")
PATH_WEIGHTS = QT_TRANSLATE_NOOP("core", "the path's weights must hold three W of shape {shape} (by hand, torch, "
                                 "forgetful) for each of its steps")
EDIT_STEPS = QT_TRANSLATE_NOOP("core", "the edits must be at whole steps from 1 to {step}, in order, each with a "
                               "list of what was edited and three losses before it")
EDIT_NAME = QT_TRANSLATE_NOOP("core", "an edit is named {name}, which is not an edit this program makes")
MALFORMED = QT_TRANSLATE_NOOP("core", "it is malformed ({error})")


class SessionFileError(ValueError):
    """A file that cannot be loaded; the message names the file and the problem."""


def dumps(state: SessionState) -> str:
    """The session as JSON text; ValueError if it holds non-finite numbers (a diverged state)."""
    bad = state.first_non_finite()
    if bad:
        raise ValueError(Message(NOT_SAVEABLE, what=bad))
    p = state.problem
    data = {
        "format": FORMAT,
        "version": VERSION,
        "problem": {"x": p.x.tolist(), "y": p.y.tolist(), "activation": p.activation, "dtype": p.dtype},
        "optimizer": {"kind": state.optimizer.kind, "hyperparameters": state.optimizer.as_dict()},
        "start_weight": state.start_weight.tolist(),
        "step": state.step,
        "loss_history": {"encoding": "float64-le-base64",
                         "manual": _pack(state.trace.manual), "torch": _pack(state.trace.torch)},
        "engines": {name: {"weight": e.weight.tolist(),
                           "optimizer_state": {k: v if k == "step" else v.tolist() for k, v in e.optimizer.items()}}
                    for name, e in (("manual", state.manual), ("torch", state.torch))},
    }
    if state.forgetful is not None:  # optional, so files without the twin read as before
        data["forgetful"] = {"weight": state.forgetful.weight.tolist(), "losses": _pack(state.trace.forgetful)}
    data["path"] = {"stride": state.path.stride, "steps": state.path.steps.tolist(),
                    "weights": _pack(state.path.weights())}
    data["edits"] = {"steps": [m.step for m in state.edits],
                     "labels": [[_label(label) for label in m.labels] for m in state.edits],
                     "losses_before": _pack(losses_before(state.edits))}
    return json.dumps(data, allow_nan=False, indent=1)


def _label(label: str) -> dict:
    """An edit's name as its template and values (an optimizer's name is a template without values)."""
    return {"template": label.template, "values": label.values} if isinstance(label, Message) else \
        {"template": str(label), "values": {}}


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
    path = Path(path)
    try:
        if path.is_dir():
            raise SessionFileError(Message(FOLDER))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SessionFileError(Message(TOO_LARGE, size=f"{size / 2**20:.0f}",
                                           most=f"{MAX_FILE_BYTES / 2**20:.0f}"))
        text = path.read_text(encoding="utf-8")
        return loads(text)
    except SessionFileError as e:
        raise SessionFileError(Message(CANNOT_OPEN, path=str(path), reason=e.args[0])) from None
    except OSError as e:
        raise SessionFileError(Message(CANNOT_OPEN, path=str(path), reason=e.strerror or str(e))) from None
    except UnicodeDecodeError:
        raise SessionFileError(Message(CANNOT_OPEN, path=str(path), reason=Message(NOT_TEXT))) from None


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
    _require(data.get("version") == VERSION, Message(VERSION_MISMATCH, found=repr(data.get("version")),
                                                     version=VERSION))
    p = _field(data, "problem", dict)
    problem = Problem(x=_numbers(p, "x", 1), y=_numbers(p, "y", 1), activation=_field(p, "activation", str),
                      dtype=_field(p, "dtype", str))
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
        forgetful = EngineState(cast_finite(checked_weight(_numbers(twin, "weight", 2), problem), problem.np_dtype,
                                            "the forgetful weight"), {})
        forgetful_losses = _unpack(twin, "forgetful", "losses")  # NaN at steps taken before the twin was added
        _require(forgetful_losses.size == step, Message(TWIN_LOSSES_PER_STEP, step=step))
    start_weight = checked_weight(_numbers(data, "start_weight", 2), problem)
    return SessionState(
        problem=problem,
        optimizer=spec,
        start_weight=start_weight,
        step=step,
        trace=LossTrace.from_arrays(manual_losses, torch_losses, forgetful_losses),
        manual=_engine(engines, "manual", problem, spec),
        torch=_engine(engines, "torch", problem, spec),
        forgetful=forgetful,
        # optional: files written before the landscape kept a path start one at the saved step
        path=_path(_field(data, "path", dict), step, start_weight.shape) if "path" in data else None,
        edits=_edits(_field(data, "edits", dict), step) if "edits" in data else (),  # optional, as the path
    )


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


def _path(saved: dict, step: int, shape: tuple[int, int]) -> WeightPath:
    """The landscape's path. Its weights may be NaN (the forgetful twin's, where it was off) or infinite (a run
    that diverged and was then mended by an edit keeps the diverged point); the landscape leaves such points out."""
    stride = _field(saved, "stride", int)
    _require(stride >= 1, Message(PATH_STRIDE))
    steps = _field(saved, "steps", list)
    whole = all(isinstance(s, int) and not isinstance(s, bool) for s in steps)
    in_order = whole and all(a <= b for a, b in zip([0, *steps], [*steps, step]))  # 0 ≤ s₀ ≤ s₁ ≤ … ≤ step
    most = max_points(shape)
    _require(0 < len(steps) <= most and in_order, Message(PATH_STEPS, step=step, most=most))
    steps = np.array(steps, dtype=np.int64)
    weights = _unpack(saved, "path", "weights")
    _require(weights.size == steps.size * ENGINES * shape[0] * shape[1], Message(PATH_WEIGHTS, shape=str(shape)))
    return WeightPath.restored(steps, weights.reshape(steps.size, ENGINES, *shape), stride)


def _engine(engines: dict, name: str, problem: Problem, spec: OptimizerSpec) -> EngineState:
    e = _field(engines, name, dict)
    weight = cast_finite(checked_weight(_numbers(e, "weight", 2), problem), problem.np_dtype, f"the {name} weight")
    saved = _field(e, "optimizer_state", dict)
    layout = set(spec.state_layout())
    _require(not saved or set(saved) == layout, Message(STATE_KEYS, engine=name, keys=str(sorted(layout)),
                                                         optimizer=spec.info.label))
    state = {}
    for key in saved:
        if key == "step":
            state[key] = _field(saved, "step", int)
            _require(state[key] >= 0, Message(STATE_STEP_NEGATIVE, engine=name))
        else:
            v = cast_finite(_numbers(saved, key, 2), problem.np_dtype, f"the {name} optimizer's {key}")
            _require(v.shape == weight.shape, Message(STATE_SHAPE, engine=name, key=key, shape=str(weight.shape)))
            state[key] = v
    return EngineState(weight, state)


def _field(d: dict, key: str, kind: type):
    _require(key in d, Message(MISSING_KEY, key=repr(key)))
    v = d[key]
    ok = isinstance(v, kind) and not (kind is int and isinstance(v, bool))
    _require(ok, Message(_KIND_NAMES[kind], key=repr(key)))
    return v


_KIND_NAMES = {dict: QT_TRANSLATE_NOOP("core", "{key} must be an object"),
               str: QT_TRANSLATE_NOOP("core", "{key} must be text"),
               int: QT_TRANSLATE_NOOP("core", "{key} must be a whole number"),
               list: QT_TRANSLATE_NOOP("core", "{key} must be a list")}


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
