"""The step loop: updates of every engine from one state, each on the batch its turn takes, stopping at the first
state that is not finite."""

from dataclasses import dataclass

import numpy as np

from core import optimizers
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.metrics import accuracy, gradient_norms
from core.network import Forward, Params, backward, flatten, forward
from core.state import SessionState

# Why stepping stopped (English here, translated by the window: core.i18n)
NOT_FINITE = QT_TRANSLATE_NOOP("core", "the {what} is NaN or infinite")
LOSS_NOT_FINITE = QT_TRANSLATE_NOOP("core", "the {engine} loss at step {step} is NaN or infinite")
BECAME_NOT_FINITE = QT_TRANSLATE_NOOP("core", "step {step}: the {what} became NaN or infinite")
TORCH_REFUSED = QT_TRANSLATE_NOOP("core", "torch refused step {step}: {error}")


@dataclass(frozen=True)
class Run:
    """What a run of updates reached."""

    state: SessionState  # the newest state
    taken: int  # updates applied
    reason: str | None = None  # why it stopped early, if it did
    last_finite: SessionState | None = None  # the state before the one that is not finite, when there is one
    torch_holds_state: bool = True  # the torch engine holds state.torch (not a half-taken or refused step)


def manual_update(state: SessionState, engine: EngineState, X: np.ndarray, targets: np.ndarray,
                  forget: bool = False) -> tuple[EngineState, Forward, Params]:
    """One hand-written update of `engine` on the batch (X, targets): its next state, and the forward pass and the
    gradients it took. With `forget`, the optimizer is made afresh for the step and its state dropped after: the
    forgetful twin."""
    p = state.problem
    fwd = forward(p.network, engine.params, X, targets)
    grads = backward(p.network, engine.params, fwd, targets, p.mistake).grads
    if forget:
        return EngineState(optimizers.forgetful_step_all(state.optimizer, engine.params, grads),
                           engine.optimizer_state), fwd, grads
    return EngineState(*optimizers.step_all(state.optimizer, engine.params, grads, engine.optimizer_state)), fwd, grads


def run(state: SessionState, count: int, torch_engine) -> Run:
    """Up to `count` updates of every engine from `state`; `torch_engine` holds state.torch when called."""
    bad = state.first_non_finite()
    if bad:
        return Run(state, 0, Message(NOT_FINITE, what=bad))
    taken, previous = 0, None

    def stopped(reason: str, torch_holds_state: bool = True) -> Run:
        return Run(state, taken, reason, previous, torch_holds_state)

    while taken < count:
        X, targets = state.batch()
        manual, fwd, grads = manual_update(state, state.manual, X, targets)
        loss = fwd.loss
        if not np.isfinite(loss):  # the last update overflowed the loss, not yet the parameters
            return stopped(Message(LOSS_NOT_FINITE, engine="manual", step=state.step))
        try:
            torch_loss = torch_engine.step(state.problem, X, targets)
        except RuntimeError as e:  # torch refuses some overflows (a step size beyond float32) outright
            return stopped(Message(TORCH_REFUSED, step=state.step, error=str(e)), torch_holds_state=False)
        if not np.isfinite(torch_loss):
            return stopped(Message(LOSS_NOT_FINITE, engine="torch", step=state.step), torch_holds_state=False)
        torch_state = torch_engine.export()
        forgetful, forgetful_loss = None, np.nan
        if state.forgetful is not None:
            forgetful, twin_fwd, _ = manual_update(state, state.forgetful, X, targets, forget=True)
            forgetful_loss = twin_fwd.loss
        twin = None if forgetful is None else flatten(forgetful.params)
        net = state.problem.network
        previous, state = state, state.replace(
            step=state.step + 1, cursor=state.cursor + 1,
            trace=state.trace.appended(loss, torch_loss, forgetful_loss),
            metrics=state.metrics.appended(accuracy(net.loss, fwd.output, targets), gradient_norms(net, grads)),
            manual=manual, torch=torch_state, forgetful=forgetful,
            path=state.path.appended(state.step + 1, flatten(manual.params), flatten(torch_state.params), twin))
        taken += 1
        bad = state.first_non_finite()
        if bad:
            return stopped(Message(BECAME_NOT_FINITE, step=state.step, what=bad))
    return Run(state, taken)
