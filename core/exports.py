"""Exports: the loss history as CSV, the current state as Markdown or LaTeX tables, a standalone Python script."""

import inspect
import io
import re

import numpy as np

from core import activations, data, losses, network, optimizers
from core.evaluation import Evaluation
from core.state import SessionState


def loss_csv(state: SessionState, current: Evaluation) -> str:
    """step,manual,torch: the loss of every state so far (each on the batch its update took), the current last."""
    out = io.StringIO()
    out.write("step,loss_manual,loss_torch\n")
    for k, (m, t) in enumerate(zip(state.trace.manual, state.trace.torch)):
        out.write(f"{k},{float(m)!r},{float(t)!r}\n")
    torch_loss = current.torch.loss if current.torch is not None else float("nan")
    out.write(f"{state.step},{current.forward.loss!r},{torch_loss!r}\n")
    return out.getvalue()


def _rows(matrix: np.ndarray, left_out: str) -> list[list[str]]:
    """Each entry to 6 digits; `left_out` where a masked array hides one (central differences left it out)."""
    matrix = np.ma.atleast_2d(np.ma.asarray(matrix))
    return [[left_out if np.ma.is_masked(v) else f"{v:.6g}" for v in row] for row in matrix]


def _tables(state: SessionState, e: Evaluation) -> list[tuple[str, np.ndarray]]:
    """Titled matrices; central differences taken at a sample of entries are a masked array, the rest hidden."""
    p = state.problem
    tables = []
    if p.m == 1:
        tables += [("x", p.x[None, :]), ("y", p.y[None, :])]
    for name, value in state.manual.params.items():
        tables.append((f"{name} (by hand)", value))
        if e.torch is not None:
            tables.append((f"{name} (torch)", state.torch.params[name]))
    if p.m == 1:
        for l, (z, a) in enumerate(zip(e.forward.zs, e.forward.activations[1:]), start=1):
            suffix = "" if p.network.layers == 1 else str(l)
            tables += [(f"z{suffix}", z), (f"a{suffix}", a)]
    for name in state.manual.params:
        tables.append((f"dL/d{name} by hand", e.grads[name]))
        if e.autograd is not None:
            tables.append((f"dL/d{name} by torch autograd", e.autograd.grads[name]))
        computed = e.numeric.computed[name]
        sampled = "" if computed.all() else f", at {computed.sum()} of {computed.size} entries (— not computed)"
        tables.append((f"dL/d{name} by central differences{sampled}",
                       np.ma.masked_array(e.numeric.grads[name], mask=~computed)))
    return tables


def _caption(state: SessionState, e: Evaluation) -> str:
    p = state.problem
    data = "" if p.m == 1 else f", {p.m} samples, batches of {p.batch_size}"
    return (f"Step {state.step}, {state.optimizer.describe()}, {p.network.describe()}, {p.dtype}{data}; "
            f"loss {e.forward.loss:.10g} by hand" + (f", {e.torch.loss:.10g} by torch" if e.torch else ""))


def markdown(state: SessionState, e: Evaluation) -> str:
    """The current state as Markdown tables, for lecture notes."""
    parts = [_caption(state, e), ""]
    for title, matrix in _tables(state, e):
        rows = _rows(matrix, "—")
        parts += [f"**{title}**", "", "| " + " | ".join(f"j={j + 1}" for j in range(len(rows[0]))) + " |",
                  "|" + "---:|" * len(rows[0])]
        parts += ["| " + " | ".join(r) + " |" for r in rows] + [""]
    return "\n".join(parts)


def latex(state: SessionState, e: Evaluation) -> str:
    """The current state as LaTeX matrices (amsmath bmatrix), for lecture notes."""
    parts = [f"% {_caption(state, e)}"]
    for title, matrix in _tables(state, e):
        body = r" \\ ".join(" & ".join(r) for r in _rows(matrix, r"\text{---}"))
        parts.append(f"% {title}\n\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
    return "\n".join(parts) + "\n"


def _without_notes(source: str) -> str:
    """An optimizer's source without its reporting to the state view: the `note` parameter and its calls."""
    source = re.sub(r",\s*note: Note = None", "", source)
    return "".join(line for line in source.splitlines(keepends=True) if "note and note(" not in line)


def _sources(*functions) -> str:
    return "\n\n".join(inspect.getsource(f) for f in functions)


# What the script takes of core, as core has it: the network's one forward and backward, every activation and
# loss with the registries they are looked up in (reduced to what the network code reads), batching, optimizers.
_ACTIVATION_CODE = [activations.sigmoid, activations.sigmoid_derivative, activations.tanh,
                    activations.tanh_derivative, activations.relu, activations.relu_derivative, activations.leaky_relu,
                    activations.leaky_relu_derivative, activations.identity, activations.identity_derivative]
_LOSS_CODE = [losses._mean_square, losses._mse, losses._mse_gradient, losses._softplus_of_minus_abs, losses._bce,
              losses._bce_gradient, losses.softmax, losses._picked, losses._ce, losses.one_hot, losses._ce_gradient,
              losses._mean]
_NETWORK_CODE = [network.weight_name, network.bias_name, network.Forward, network.layers_from, network.forward,
                 network.Backward, network.backward]
_BATCH_CODE = [data.batch_size, data.batches_per_epoch, data.epoch_order, data._in_order, data._permutation]


def python_script(state: SessionState) -> str:
    """A standalone script (numpy and torch only) that replays this session from its start parameters for as many
    steps as it has taken, with its current network, data, batches, optimizer and precision, and prints both
    engines' losses.

    It matches the session exactly when nothing but steps happened since the start; edits made mid-run are not
    replayed (the script says so in its header).
    """
    p, spec, net = state.problem, state.optimizer, state.problem.network
    step_function = spec.kind if spec.kind != "adamw" else "adam"
    helpers = (optimizers._get, optimizers._fused, optimizers._lerp)
    optimizer_code = [_without_notes(inspect.getsource(f)) for f in (*helpers, getattr(optimizers, step_function))]
    if spec.kind == "adagrad":
        optimizer_code.insert(2, inspect.getsource(optimizers.adagrad_initial_state))
    hyper = dict(spec.as_dict(), **({"decoupled_weight_decay": True} if spec.kind == "adamw" else {}))
    initial = (f"adagrad_initial_state(w, {spec['initial_accumulator_value']!r})" if spec.kind == "adagrad"
               else "{}")
    mistake = None if p.mistake is None else (p.mistake.kind, p.mistake.layer)
    activation_table = ", ".join(f"{a!r}: Activation({a}, {a}_derivative, {activations.activation(a).torch_module!r})"
                                 for a in activations.ACTIVATIONS)
    loss_table = ", ".join(f"{k!r}: Loss(_{k}, _{k}_gradient, {v.torch_function!r})" for k, v in losses.LOSSES.items())
    start = {name: value.tolist() for name, value in state.start.items()}
    return f'''"""Replays a backprop stepper session: {state.step} steps of {spec.describe()}
on the network {net.describe()}, in {p.dtype}, {p.m} sample(s) in batches of {p.batch_size}, by a hand-written numpy
optimizer and by torch.optim, printing both losses of every step.
Exported from the current session; edits made in the middle of that session are not replayed.
Run: python this_file.py  (needs numpy and torch)
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
import torch
import torch.nn.functional as F

DTYPE = "{p.dtype}"
STEPS = {state.step}
WIDTHS = {list(net.widths)!r}
ACTIVATIONS = {list(net.activations)!r}
BIAS = {net.bias!r}
LOSS = {net.loss!r}
MISTAKE = {mistake!r}  # a deliberate mistake in the hand-written backward: (kind, layer), or None
START = {start!r}  # each parameter at step 0, torch layout
X = np.array({p.data.X.tolist()!r})  # (samples, inputs)
Y = np.array({p.data.Y.tolist()!r})  # (samples, targets): values, or one column of class indices for ce
BATCH_SIZE = {p.batching.size!r}  # None: every sample at every step
SHUFFLE = {p.batching.shuffle!r}
SHUFFLE_SEED = {p.batching.seed!r}
CURSOR = {state.cursor - state.step!r}  # the batch the first step takes, counted since the data last changed
HYPER = {hyper!r}
LEAKY_SLOPE = {activations.LEAKY_SLOPE!r}

State = dict
Params = dict


{_sources(*_ACTIVATION_CODE)}


class Activation(NamedTuple):
    function: object
    derivative: object
    torch_module: str


def activation(name):
    return {{{activation_table}}}[name]


{_sources(*_LOSS_CODE)}


class Loss(NamedTuple):
    value: object
    gradient: object
    torch_function: str

    @property
    def takes_labels(self):
        return self.torch_function == "cross_entropy"


def loss_named(name):
    return {{{loss_table}}}[name]


class NetworkSpec(NamedTuple):
    widths: list
    activations: list
    bias: bool
    loss: str

    @property
    def layers(self):
        return len(self.widths) - 1


class Mistake(NamedTuple):
    kind: str
    layer: object


{_sources(*_NETWORK_CODE)}


class Batching(NamedTuple):
    size: object
    shuffle: bool
    seed: int


{_sources(*_BATCH_CODE)}


def batch(X, targets, position):
    """The batch a step takes: every sample in order, or batch `position` of the epochs."""
    m, batching = X.shape[0], Batching(BATCH_SIZE, SHUFFLE, SHUFFLE_SEED)
    if batch_size(m, batching) >= m:
        return X, targets
    epoch, b = divmod(position, batches_per_epoch(m, batching))
    size = batch_size(m, batching)
    rows = epoch_order(m, batching, epoch)[b * size:(b + 1) * size]
    return X[rows], targets[rows]


{chr(10).join(optimizer_code)}

def main():
    spec = NetworkSpec(WIDTHS, ACTIVATIONS, BIAS, LOSS)
    mistake = None if MISTAKE is None else Mistake(*MISTAKE)
    x = X.astype(DTYPE)
    targets = Y[:, 0].astype(np.int64) if LOSS == "ce" else Y.astype(DTYPE)
    params = {{name: np.array(value).astype(DTYPE) for name, value in START.items()}}
    states = {{name: {initial} for name, w in params.items()}}
    modules = []
    for l in range(1, len(WIDTHS)):
        modules.append(torch.nn.Linear(WIDTHS[l - 1], WIDTHS[l], bias=BIAS, dtype=getattr(torch, DTYPE)))
        modules.append(getattr(torch.nn, activation(ACTIVATIONS[l - 1]).torch_module)())
    model = torch.nn.Sequential(*modules)
    with torch.no_grad():
        for value, param in zip(params.values(), model.parameters()):
            param.copy_(torch.tensor(value))
    torch_hyper = {{k: v for k, v in HYPER.items() if k not in ("beta1", "beta2", "decoupled_weight_decay")}}
    if "beta1" in HYPER:
        torch_hyper["betas"] = (HYPER["beta1"], HYPER["beta2"])
    optimizer = torch.optim.{spec.info.label}(model.parameters(), **torch_hyper)
    torch_loss_function = getattr(F, loss_named(LOSS).torch_function)
    print("step,loss_manual,loss_torch")
    for step in range(STEPS + 1):
        xb, tb = batch(x, targets, CURSOR + step)
        fwd = forward(spec, params, xb, tb)
        grads = backward(spec, params, fwd, tb, mistake).grads
        optimizer.zero_grad()
        loss = torch_loss_function(model(torch.tensor(xb)), torch.tensor(tb))
        print(f"{{step}},{{fwd.loss!r}},{{loss.item()!r}}")
        if step == STEPS:
            break
        for name in params:
            params[name], states[name] = {step_function}(params[name], grads[name], states[name], **HYPER)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
'''
