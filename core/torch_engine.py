"""The reference: the same network as torch.nn.Linear(bias=False) + activation + mse_loss, autograd and torch.optim.

The only module under core/ that imports torch; the session loads it lazily so a window can open before torch has
finished importing.
"""

from dataclasses import dataclass
from functools import partial

import numpy as np
import torch
import torch.nn.functional as F

from core.activations import LEAKY_SLOPE
from core.engine_state import EngineState
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem

ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": partial(F.leaky_relu, negative_slope=LEAKY_SLOPE),
    "identity": lambda z: z,
}
OPTIMIZERS = {
    "sgd": torch.optim.SGD,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
    "rmsprop": torch.optim.RMSprop,
    "adagrad": torch.optim.Adagrad,
}
TORCH_DTYPES = {"float32": torch.float32, "float64": torch.float64}


@dataclass(frozen=True, eq=False)
class TorchPass:
    """Forward values and the loss of torch's own trajectory, at its weight."""

    z: np.ndarray  # (n_out,)
    a: np.ndarray  # (n_out,)
    loss: float


class TorchModel(torch.nn.Module):
    """a = f(W·x) with W held by nn.Linear(n_in, n_out, bias=False)."""

    def __init__(self, n_out: int, n_in: int, activation: str, dtype: torch.dtype):
        super().__init__()
        # skip_init: the weight is always set from an EngineState, so don't draw from torch's global RNG
        self.layer = torch.nn.utils.skip_init(torch.nn.Linear, n_in, n_out, bias=False, dtype=dtype)
        self.activation = activation

    def forward(self, x: torch.Tensor, weight: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """z and a at the layer's weight, or at `weight` (the layer is then left alone)."""
        # nn.Linear's own forward, without bias: (n_out, n_in) · (n_in,) -> (n_out,)
        z = F.linear(x, self.layer.weight if weight is None else weight)
        return z, ACTIVATIONS[self.activation](z)


class TorchEngine:
    """One torch trajectory: a TorchModel and a real torch.optim optimizer, loaded from and exported to EngineState."""

    def __init__(self):
        self._model: TorchModel | None = None
        self._optimizer: torch.optim.Optimizer | None = None
        self._inputs: tuple[Problem, torch.Tensor, torch.Tensor] | None = None

    def load(self, state: EngineState, spec: OptimizerSpec, problem: Problem) -> None:
        """Become `state`: a model of the problem's shape and dtype, a new `spec` optimizer holding state's state."""
        dtype = TORCH_DTYPES[problem.dtype]
        self._model = TorchModel(problem.n_out, problem.n_in, problem.activation, dtype)
        with torch.no_grad():
            self._model.layer.weight.copy_(torch.tensor(state.weight))
        self._optimizer = OPTIMIZERS[spec.kind](self._model.parameters(), **spec.torch_kwargs())
        if state.optimizer:
            saved = self._optimizer.state_dict()
            saved["state"] = {0: {k: _to_torch(k, v, dtype) for k, v in state.optimizer.items()}}
            self._optimizer.load_state_dict(saved)

    def export(self) -> EngineState:
        """A copy of the weight and of optimizer.state, as numpy."""
        param = self._model.layer.weight
        state = {k: _to_numpy(k, v) for k, v in self._optimizer.state[param].items() if v is not None}
        return EngineState(param.detach().numpy().copy(), state)

    def _loss(self, problem: Problem, weight: torch.Tensor | None = None
              ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        if self._inputs is None or self._inputs[0] is not problem:
            self._inputs = (problem, torch.from_numpy(problem.x_cast), torch.from_numpy(problem.y_cast))
        _, x, y = self._inputs
        self._model.activation = problem.activation
        z, a = self._model(x, weight)
        return z, a, F.mse_loss(a, y)

    def evaluate(self, problem: Problem) -> TorchPass:
        """Forward values and the loss at the engine's own weight; no gradient, the optimizer left alone."""
        with torch.no_grad():
            z, a, loss = self._loss(problem)
        return TorchPass(z.numpy().copy(), a.numpy().copy(), loss.item())

    def gradient(self, weight: np.ndarray, problem: Problem) -> np.ndarray:
        """autograd's dL/dW at `weight` (n_out, n_in), through the same model on a tensor of its own: the engine's
        weight, its .grad and its optimizer stay as they are."""
        w = torch.tensor(weight, requires_grad=True)
        _, _, loss = self._loss(problem, w)
        (grad,) = torch.autograd.grad(loss, w)
        return grad.numpy()

    def step(self, problem: Problem) -> float:
        """One optimizer.step() on autograd's gradient; returns the loss before the update."""
        self._optimizer.zero_grad()
        _, _, loss = self._loss(problem)
        loss.backward()
        self._optimizer.step()
        return loss.item()


def _to_torch(key: str, value, dtype: torch.dtype) -> torch.Tensor:
    if key == "step":
        return torch.tensor(float(value))  # torch keeps step as a float32 tensor of the default dtype
    return torch.tensor(value, dtype=dtype)


def _to_numpy(key: str, value: torch.Tensor):
    if key == "step":
        return int(value.item())
    return value.detach().numpy().copy()
