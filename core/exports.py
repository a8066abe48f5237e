"""Exports: the loss history as CSV, the current state as Markdown or LaTeX tables, a standalone Python script."""

import inspect
import io
import re

import numpy as np

from core import optimizers
from core.activations import LEAKY_SLOPE
from core.evaluation import Evaluation
from core.session import SessionState


def loss_csv(state: SessionState, current: Evaluation) -> str:
    """step,manual,torch: the loss of every state so far, the current one last."""
    out = io.StringIO()
    out.write("step,loss_manual,loss_torch\n")
    for k, (m, t) in enumerate(zip(state.trace.manual, state.trace.torch)):
        out.write(f"{k},{float(m)!r},{float(t)!r}\n")
    torch_loss = current.torch.loss if current.torch is not None else float("nan")
    out.write(f"{state.step},{current.forward.loss!r},{torch_loss!r}\n")
    return out.getvalue()


def _rows(matrix: np.ndarray) -> list[list[str]]:
    return [[f"{v:.6g}" for v in row] for row in np.atleast_2d(matrix)]


def _tables(state: SessionState, e: Evaluation) -> list[tuple[str, np.ndarray]]:
    tables = [("W (by hand)", state.manual.weight), ("x", state.problem.x[None, :]), ("y", state.problem.y[None, :]),
              ("z = W x", e.forward.z[None, :]), ("a", e.forward.a[None, :]),
              ("dL/dW by hand", e.chain.dL_dW), ("dL/dW by central differences", e.numeric)]
    if e.torch is not None:
        tables.insert(1, ("W (torch)", state.torch.weight))
        tables.append(("dL/dW by torch autograd", e.autograd))
    return tables


def _caption(state: SessionState, e: Evaluation) -> str:
    return (f"Step {state.step}, {state.optimizer.describe()}, {state.problem.activation}, {state.problem.dtype}; "
            f"loss {e.forward.loss:.10g} by hand" + (f", {e.torch.loss:.10g} by torch" if e.torch else ""))


def markdown(state: SessionState, e: Evaluation) -> str:
    """The current state as Markdown tables, for lecture notes."""
    parts = [_caption(state, e), ""]
    for title, matrix in _tables(state, e):
        rows = _rows(matrix)
        parts += [f"**{title}**", "", "| " + " | ".join(f"j={j + 1}" for j in range(len(rows[0]))) + " |",
                  "|" + "---:|" * len(rows[0])]
        parts += ["| " + " | ".join(r) + " |" for r in rows] + [""]
    return "\n".join(parts)


def latex(state: SessionState, e: Evaluation) -> str:
    """The current state as LaTeX matrices (amsmath bmatrix), for lecture notes."""
    parts = [f"% {_caption(state, e)}"]
    for title, matrix in _tables(state, e):
        body = r" \\ ".join(" & ".join(r) for r in _rows(matrix))
        parts.append(f"% {title}\n\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
    return "\n".join(parts) + "\n"


_NUMPY_ACTIVATIONS = {
    "sigmoid": ("np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))", "a * (1 - a)"),
    "tanh": ("np.tanh(z)", "1 - a * a"),
    "relu": ("np.maximum(z, 0)", "(z > 0).astype(z.dtype)"),
    "leaky_relu": (f"np.where(z > 0, z, z * {LEAKY_SLOPE})", f"np.where(z > 0, 1, {LEAKY_SLOPE}).astype(z.dtype)"),
    "identity": ("z", "np.ones_like(z)"),
}
_TORCH_ACTIVATIONS = {"sigmoid": "torch.sigmoid(z)", "tanh": "torch.tanh(z)", "relu": "torch.relu(z)",
                      "leaky_relu": f"F.leaky_relu(z, {LEAKY_SLOPE})", "identity": "z"}
_TORCH_CLASSES = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop", "adagrad": "Adagrad"}


def _without_notes(source: str) -> str:
    """An optimizer's source without its reporting to the state view: the `note` parameter and its calls."""
    source = re.sub(r",\s*note: Note = None", "", source)
    return "".join(line for line in source.splitlines(keepends=True) if "note and note(" not in line)


def python_script(state: SessionState) -> str:
    """A standalone script (numpy and torch only) that replays this session from its start weights for as many
    steps as it has taken, with its current data, activation, optimizer and precision, and prints both losses.

    It matches the session exactly when nothing but steps happened since the start; edits made mid-run are not
    replayed (the script says so in its header).
    """
    p, spec = state.problem, state.optimizer
    step_function = spec.kind if spec.kind != "adamw" else "adam"
    sources = [_without_notes(inspect.getsource(f))
               for f in (optimizers._get, optimizers._lerp, getattr(optimizers, step_function))]
    if spec.kind == "adagrad":
        sources.insert(2, inspect.getsource(optimizers.adagrad_initial_state))
    hyper = dict(spec.as_dict(), **({"decoupled_weight_decay": True} if spec.kind == "adamw" else {}))
    initial = ("adagrad_initial_state(w, " + repr(spec["initial_accumulator_value"]) + ")"
               if spec.kind == "adagrad" else "{}")
    f, df = _NUMPY_ACTIVATIONS[p.activation]
    return f'''"""Replays a backprop stepper session: {state.step} steps of {spec.describe()}
on a = {p.activation}(W·x), L = mean((a − y)²), in {p.dtype}, by a hand-written numpy optimizer and by torch.optim,
printing both losses.
Exported from the current session; edits made in the middle of that session are not replayed.
Run: python this_file.py  (needs numpy and torch)
"""

import numpy as np
import torch
import torch.nn.functional as F

DTYPE = "{p.dtype}"
STEPS = {state.step}
W0 = np.array({state.start_weight.tolist()!r})  # (n_out, n_in), torch layout
X = np.array({p.x.tolist()!r})
Y = np.array({p.y.tolist()!r})
HYPER = {hyper!r}

State = dict


{chr(10).join(sources)}

def manual_loss_and_gradient(w, x, y):
    z = w @ x
    a = {f}
    dL_da = (2.0 / a.size) * (a - y)
    delta = dL_da * ({df})
    return float(np.dot(a - y, a - y) / a.size), delta[:, None] * x[None, :]


def main():
    x, y, w = X.astype(DTYPE), Y.astype(DTYPE), W0.astype(DTYPE)
    state = {initial}
    layer = torch.nn.Linear(X.size, Y.size, bias=False, dtype=getattr(torch, DTYPE))
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(w))
    torch_hyper = {{k: v for k, v in HYPER.items() if k not in ("beta1", "beta2", "decoupled_weight_decay")}}
    if "beta1" in HYPER:
        torch_hyper["betas"] = (HYPER["beta1"], HYPER["beta2"])
    optimizer = torch.optim.{_TORCH_CLASSES[spec.kind]}(layer.parameters(), **torch_hyper)
    tx, ty = torch.tensor(x), torch.tensor(y)
    print("step,loss_manual,loss_torch")
    for step in range(STEPS + 1):
        manual_loss, grad = manual_loss_and_gradient(w, x, y)
        optimizer.zero_grad()
        z = layer(tx)
        loss = F.mse_loss({_TORCH_ACTIVATIONS[p.activation]}, ty)
        print(f"{{step}},{{manual_loss!r}},{{loss.item()!r}}")
        if step == STEPS:
            break
        w, state = {step_function}(w, grad, state, **HYPER)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
'''
