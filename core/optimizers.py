"""Hand-written optimizers in numpy, following torch.optim's update rules in torch's order of operations.

Each step function takes (W, dL/dW, state) and returns (new W, new state) without modifying its arguments, so an
old state stays valid for undo. State dicts use torch's keys ("step", "exp_avg", ...) and, like torch, start empty
and fill on the first step (Adagrad fills at construction). Hyperparameters are Python floats: under NumPy 2's
promotion rules they take the arrays' dtype, as torch casts its scalars to the parameter's dtype.
"""

from typing import Callable

import numpy as np

from core.optimizer_spec import OptimizerSpec

State = dict[str, "np.ndarray | int"]


def _get(state: State, key: str, like: np.ndarray) -> np.ndarray:
    """state[key], or zeros shaped like `like` before the first step."""
    return state[key] if key in state else np.zeros_like(like)


def _lerp(start: np.ndarray, end: np.ndarray, weight: float) -> np.ndarray:
    """torch.lerp's formula, which switches form at weight 0.5 for accuracy."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


def sgd(w, g, state: State, *, lr, momentum, dampening, weight_decay, nesterov) -> tuple[np.ndarray, State]:
    if weight_decay != 0:
        g = g + weight_decay * w
    if momentum != 0:
        buf = state.get("momentum_buffer")
        buf = g.copy() if buf is None else buf * momentum + (1 - dampening) * g
        state = {"momentum_buffer": buf}
        g = g + momentum * buf if nesterov else buf
    return w - lr * g, state


def adam(w, g, state: State, *, lr, beta1, beta2, eps, weight_decay, amsgrad,
         decoupled_weight_decay=False) -> tuple[np.ndarray, State]:
    t = state.get("step", 0) + 1
    m = _get(state, "exp_avg", w)
    v = _get(state, "exp_avg_sq", w)
    if weight_decay != 0:
        if decoupled_weight_decay:
            w = w * (1 - lr * weight_decay)  # AdamW: decay the weight itself, not the gradient
        else:
            g = g + weight_decay * w
    m = _lerp(m, g, 1 - beta1)  # β₁·m + (1 − β₁)·g
    v = v * beta2 + (1 - beta2) * g * g  # β₂·v + (1 − β₂)·g²
    new_state = {"step": t, "exp_avg": m, "exp_avg_sq": v}
    step_size = lr / (1 - beta1**t)  # lr / bias correction of m
    bias_correction2_sqrt = (1 - beta2**t) ** 0.5
    if amsgrad:
        v_max = np.maximum(_get(state, "max_exp_avg_sq", w), v)
        new_state["max_exp_avg_sq"] = v_max
        denom = np.sqrt(v_max) / bias_correction2_sqrt + eps
    else:
        denom = np.sqrt(v) / bias_correction2_sqrt + eps  # √v̂ + ε
    return w + (-step_size * m) / denom, new_state  # addcdiv: w + value·m / denom


def adamw(w, g, state: State, **hyper) -> tuple[np.ndarray, State]:
    return adam(w, g, state, decoupled_weight_decay=True, **hyper)


def rmsprop(w, g, state: State, *, lr, alpha, eps, weight_decay, momentum, centered) -> tuple[np.ndarray, State]:
    t = state.get("step", 0) + 1
    if weight_decay != 0:
        g = g + weight_decay * w
    square_avg = _get(state, "square_avg", w) * alpha + (1 - alpha) * g * g
    new_state = {"step": t, "square_avg": square_avg}
    if centered:
        grad_avg = _lerp(_get(state, "grad_avg", w), g, 1 - alpha)
        new_state["grad_avg"] = grad_avg
        avg = np.sqrt(square_avg + -1 * grad_avg * grad_avg) + eps  # √(E[g²] − E[g]²) + ε
    else:
        avg = np.sqrt(square_avg) + eps
    if momentum > 0:
        buf = _get(state, "momentum_buffer", w) * momentum + g / avg
        new_state["momentum_buffer"] = buf
        return w - lr * buf, new_state
    return w + (-lr * g) / avg, new_state


def adagrad(w, g, state: State, *, lr, lr_decay, weight_decay, initial_accumulator_value,
            eps) -> tuple[np.ndarray, State]:
    state = state or adagrad_initial_state(w, initial_accumulator_value)
    t = state["step"] + 1
    if weight_decay != 0:
        g = g + weight_decay * w
    clr = lr / (1 + (t - 1) * lr_decay)
    total = state["sum"] + 1 * g * g
    std = np.sqrt(total) + eps
    return w + (-clr * g) / std, {"step": t, "sum": total}


def adagrad_initial_state(w: np.ndarray, initial_accumulator_value: float) -> State:
    """Adagrad, unlike the others, makes its state when it is constructed."""
    return {"step": 0, "sum": np.full_like(w, initial_accumulator_value)}


def forgetful_adam(w, g, state: State, **hyper) -> tuple[np.ndarray, State]:
    """The blog post's diy_adam: it sets t = m = v = 0 on every call, so every step is Adam's first step."""
    new_w, _ = adam(w, g, {}, **hyper)
    return new_w, {}


STEPS: dict[str, Callable[..., tuple[np.ndarray, State]]] = {
    "sgd": sgd, "adam": adam, "adamw": adamw, "rmsprop": rmsprop, "adagrad": adagrad,
}


def step(spec: OptimizerSpec, w: np.ndarray, g: np.ndarray, state: State) -> tuple[np.ndarray, State]:
    """One update of `w` by the optimizer `spec` describes."""
    return STEPS[spec.kind](w, g, state, **spec.as_dict())


def initial_state(spec: OptimizerSpec, w: np.ndarray) -> State:
    """The state a freshly constructed optimizer has (torch's: empty except Adagrad's)."""
    if spec.kind == "adagrad":
        return adagrad_initial_state(w, spec["initial_accumulator_value"])
    return {}
