"""Hand-written optimizers in numpy, following torch.optim's update rules in torch's order of operations.

torch's CPU kernels fuse a multiply and an add into one rounding (addcmul, lerp, add with alpha). RMSprop does so too
(_fused): centered, its E[g²] − E[g]² cancels, and there one rounding more decides the step. SGD, Adam and Adagrad
keep the two roundings the one-layer tool stepped with (its saved sessions continue bit for bit), an ulp apart from
torch now and then. torch's float32 square root (Intel MKL's, an ulp off now and then) is not copied: numpy's is the
correctly rounded one.

Each step function takes (W, dL/dW, state) and returns (new W, new state) without modifying its arguments, so an
old state stays valid for undo. State dicts use torch's keys ("step", "exp_avg", ...) and, like torch, start empty
and fill on the first step (Adagrad fills at construction). Hyperparameters are Python floats: under NumPy 2's
promotion rules they take the arrays' dtype, as torch casts its scalars to the parameter's dtype.

Given `note`, a step reports each intermediate it computes as note(formula, value), in the order it computes
them: the optimizer-state view writes an update out from these, so the explanation is the code that steps.
"""

from typing import Callable

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP
from core.optimizer_spec import OptimizerSpec

State = dict[str, "np.ndarray | int"]
Note = Callable[[str, "np.ndarray | float"], None] | None


def _get(state: State, key: str, like: np.ndarray) -> np.ndarray:
    """state[key], or zeros shaped like `like` before the first step."""
    return state[key] if key in state else np.zeros_like(like)


def _fused(a, b, c) -> np.ndarray:
    """a·b + c rounded once, as torch's CPU kernels compute addcmul, lerp and add(…, alpha=…): a fused multiply-add.
    In float32 the product of two float32 numbers is exact in float64, so the sum rounded to float64 and then to
    float32 is torch's; numpy has no fused multiply-add for float64, where a·b + c keeps its two roundings."""
    dtype = np.result_type(a, b, c)  # a Python float takes the arrays' dtype, as torch casts its scalars
    if dtype == np.float64:
        return a * b + c
    wide = [np.asarray(v, dtype=dtype).astype(np.float64) for v in (a, b, c)]
    return (wide[0] * wide[1] + wide[2]).astype(dtype)


def _lerp(start: np.ndarray, end: np.ndarray, weight: float, fused: bool = False) -> np.ndarray:
    """torch.lerp's formula, which switches form at weight 0.5 for accuracy; `fused`: rounded once, as torch's CPU
    kernel computes it."""
    weight = np.result_type(start, end).type(weight)  # as torch takes it: in float32, 1 − 0.5000000000000001 is ½
    if abs(weight) < 0.5:
        coefficient, base = weight, start  # start + weight·(end − start)
    else:
        coefficient, base = weight - 1, end  # end − (1 − weight)·(end − start)
    return _fused(coefficient, end - start, base) if fused else coefficient * (end - start) + base


def sgd(w, g, state: State, *, lr, momentum, dampening, weight_decay, nesterov,
        note: Note = None) -> tuple[np.ndarray, State]:
    if weight_decay != 0:
        g = g + weight_decay * w
        note and note("g ← g + λ·w", g)
    if momentum != 0:
        buf = state.get("momentum_buffer")
        if buf is None:
            buf = g.copy()
            note and note(QT_TRANSLATE_NOOP("core", "b ← g   (first step)"), buf)
        else:
            buf = buf * momentum + (1 - dampening) * g
            note and note("b ← μ·b + (1 − τ)·g", buf)
        state = {"momentum_buffer": buf}
        g = g + momentum * buf if nesterov else buf
        note and note("g ← g + μ·b" if nesterov else "g ← b", g)
    w = w - lr * g
    note and note("w ← w − lr·g", w)
    return w, state


def adam(w, g, state: State, *, lr, beta1, beta2, eps, weight_decay, amsgrad,
         decoupled_weight_decay=False, note: Note = None) -> tuple[np.ndarray, State]:
    t = state.get("step", 0) + 1
    note and note("t ← t + 1", t)
    m = _get(state, "exp_avg", w)
    v = _get(state, "exp_avg_sq", w)
    if weight_decay != 0:
        if decoupled_weight_decay:
            w = w * (1 - lr * weight_decay)  # AdamW: decay the weight itself, not the gradient
            note and note("w ← w·(1 − lr·λ)", w)
        else:
            g = g + weight_decay * w
            note and note("g ← g + λ·w", g)
    m = _lerp(m, g, 1 - beta1)  # β₁·m + (1 − β₁)·g
    note and note("m ← β₁·m + (1 − β₁)·g", m)
    v = v * beta2 + (1 - beta2) * g * g  # β₂·v + (1 − β₂)·g²
    note and note("v ← β₂·v + (1 − β₂)·g²", v)
    new_state = {"step": t, "exp_avg": m, "exp_avg_sq": v}
    step_size = lr / (1 - beta1**t)  # lr / bias correction of m
    note and note("s = lr / (1 − β₁ᵗ)", step_size)
    bias_correction2_sqrt = (1 - beta2**t) ** 0.5
    note and note("√(1 − β₂ᵗ)", bias_correction2_sqrt)
    if amsgrad:
        v_max = np.maximum(_get(state, "max_exp_avg_sq", w), v)
        note and note("v_max ← max(v_max, v)", v_max)
        new_state["max_exp_avg_sq"] = v_max
        denom = np.sqrt(v_max) / bias_correction2_sqrt + eps
        note and note("d = √v_max / √(1 − β₂ᵗ) + ε", denom)
    else:
        denom = np.sqrt(v) / bias_correction2_sqrt + eps  # √v̂ + ε
        note and note("d = √v / √(1 − β₂ᵗ) + ε   (= √v̂ + ε)", denom)
    w = w + (-step_size * m) / denom  # addcdiv: w + value·m / denom
    note and note("w ← w − s·m / d   (= w − lr·m̂ / (√v̂ + ε))", w)
    return w, new_state


def adamw(w, g, state: State, **hyper) -> tuple[np.ndarray, State]:  # note passes through **hyper
    return adam(w, g, state, decoupled_weight_decay=True, **hyper)


def rmsprop(w, g, state: State, *, lr, alpha, eps, weight_decay, momentum, centered,
            note: Note = None) -> tuple[np.ndarray, State]:
    t = state.get("step", 0) + 1
    note and note("t ← t + 1", t)
    if weight_decay != 0:
        g = _fused(weight_decay, w, g)  # add(w, alpha=λ)
        note and note("g ← g + λ·w", g)
    square_avg = _fused((1 - alpha) * g, g, _get(state, "square_avg", w) * alpha)  # addcmul: α·v + ((1 − α)·g)·g
    note and note("v ← α·v + (1 − α)·g²", square_avg)
    new_state = {"step": t, "square_avg": square_avg}
    if centered:
        grad_avg = _lerp(_get(state, "grad_avg", w), g, 1 - alpha, fused=True)
        note and note("ḡ ← α·ḡ + (1 − α)·g", grad_avg)
        new_state["grad_avg"] = grad_avg
        # addcmul, then √: √(E[g²] − E[g]²) + ε, the difference rounded once (it cancels where g barely varies)
        avg = np.sqrt(_fused(-1 * grad_avg, grad_avg, square_avg)) + eps
        note and note("d = √(v − ḡ²) + ε", avg)
    else:
        avg = np.sqrt(square_avg) + eps
        note and note("d = √v + ε", avg)
    if momentum > 0:
        buf = _get(state, "momentum_buffer", w) * momentum + g / avg
        note and note("b ← μ·b + g / d", buf)
        new_state["momentum_buffer"] = buf
        w = _fused(-lr, buf, w)  # add(buf, alpha=−lr)
        note and note("w ← w − lr·b", w)
        return w, new_state
    w = w + (-lr * g) / avg
    note and note("w ← w − lr·g / d", w)
    return w, new_state


def adagrad(w, g, state: State, *, lr, lr_decay, weight_decay, initial_accumulator_value,
            eps, note: Note = None) -> tuple[np.ndarray, State]:
    state = state or adagrad_initial_state(w, initial_accumulator_value)
    t = state["step"] + 1
    note and note("t ← t + 1", t)
    if weight_decay != 0:
        g = g + weight_decay * w
        note and note("g ← g + λ·w", g)
    clr = lr / (1 + (t - 1) * lr_decay)
    note and note("lr_t = lr / (1 + (t − 1)·lr_decay)", clr)
    total = state["sum"] + 1 * g * g
    note and note("G ← G + g²", total)
    std = np.sqrt(total) + eps
    note and note("d = √G + ε", std)
    w = w + (-clr * g) / std
    note and note("w ← w − lr_t·g / d", w)
    return w, {"step": t, "sum": total}


def adagrad_initial_state(w: np.ndarray, initial_accumulator_value: float) -> State:
    """Adagrad, unlike the others, makes its state when it is constructed."""
    return {"step": 0, "sum": np.full_like(w, initial_accumulator_value)}


STEPS: dict[str, Callable[..., tuple[np.ndarray, State]]] = {
    "sgd": sgd, "adam": adam, "adamw": adamw, "rmsprop": rmsprop, "adagrad": adagrad,
}


def step(spec: OptimizerSpec, w: np.ndarray, g: np.ndarray, state: State,
         note: Note = None) -> tuple[np.ndarray, State]:
    """One update of `w` by the optimizer `spec` describes; `note` hears each intermediate (see the top)."""
    return STEPS[spec.kind](w, g, state, note=note, **spec.as_dict())


def initial_state(spec: OptimizerSpec, w: np.ndarray) -> State:
    """The state a freshly constructed optimizer has (torch's: empty except Adagrad's)."""
    if spec.kind == "adagrad":
        return adagrad_initial_state(w, spec["initial_accumulator_value"])
    return {}


def forgetful_step(spec: OptimizerSpec, w: np.ndarray, g: np.ndarray) -> np.ndarray:
    """One update by a freshly made optimizer, its state thrown away after: every step is a first step. For Adam
    this is the blog post's diy_adam (t = m = v = 0 on every call); for SGD with momentum, plain SGD."""
    new_w, _ = step(spec, w, g, initial_state(spec, w))
    return new_w


def step_all(spec: OptimizerSpec, params: dict[str, np.ndarray], grads: dict[str, np.ndarray],
             states: dict[str, State]) -> tuple[dict[str, np.ndarray], dict[str, State]]:
    """One update of every parameter, each with its own state, as torch.optim steps each of its params."""
    new_params, new_states = {}, {}
    for name, w in params.items():
        new_params[name], new_states[name] = step(spec, w, grads[name], states[name])
    return new_params, new_states


def initial_states(spec: OptimizerSpec, params: dict[str, np.ndarray]) -> dict[str, State]:
    """Each parameter's state in a freshly constructed optimizer."""
    return {name: initial_state(spec, w) for name, w in params.items()}


def forgetful_step_all(spec: OptimizerSpec, params: dict[str, np.ndarray],
                       grads: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """forgetful_step for every parameter."""
    return {name: forgetful_step(spec, w, grads[name]) for name, w in params.items()}
