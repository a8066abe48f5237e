"""The reference: the same network as torch.nn.Sequential of nn.Linear and activation modules, torch's own loss
functions, autograd and torch.optim.

The only module under core/ that imports torch; the session loads it lazily so a window can open before torch has
finished importing. Every name it needs comes from core's registries: the activation's torch.nn module, the loss's
torch.nn.functional, the optimizer's torch.optim class.
"""

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.activations import activation
from core.engine_state import EngineState
from core.losses import loss as loss_named
from core.network import NetworkSpec, Params, bias_name, weight_name
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem

TORCH_DTYPES = {"float32": torch.float32, "float64": torch.float64}

# The reference's tensors are tiny (at most 16 wide, a batch of at most 10,000): one thread computes them faster
# than several, which spend more on handing work over than on the work, and on a shared machine wait for each
# other — measured 0.8 ms a step of XOR 2-4-1 with one thread against 8–16 ms with two on two busy cores.
torch.set_num_threads(1)


@dataclass(frozen=True, eq=False)
class TorchPass:
    """Torch's own trajectory on a batch: forward values and the loss at its parameters."""

    zs: list[np.ndarray]  # z_1 … z_L, each (B, N_l)
    activations: list[np.ndarray]  # a_1 … a_L
    loss: float

    @property
    def z(self) -> np.ndarray:
        """The first sample's z of the last layer, for the one-layer views."""
        return self.zs[-1][0]

    @property
    def a(self) -> np.ndarray:
        """The first sample's a of the last layer, for the one-layer views."""
        return self.activations[-1][0]


@dataclass(frozen=True, eq=False)
class AutogradPass:
    """Autograd at given parameters: the loss, every parameter's gradient and every layer's dL/dz (retain_grad)."""

    loss: float
    grads: Params  # in parameter order
    deltas: list[np.ndarray]  # dL/dz_l, l = 1 … L: each layer's δ as autograd finds it, (B, N_l)


def sequential(spec: NetworkSpec, dtype: torch.dtype) -> torch.nn.Sequential:
    """nn.Sequential(nn.Linear(N0, N1), f1, nn.Linear(N1, N2), f2, …), its parameters left uninitialised (they
    are always set from an EngineState, so nothing draws from torch's global generator)."""
    modules = []
    for l in range(1, spec.layers + 1):
        modules.append(torch.nn.utils.skip_init(torch.nn.Linear, spec.widths[l - 1], spec.widths[l], bias=spec.bias,
                                                dtype=dtype))
        modules.append(getattr(torch.nn, activation(spec.activations[l - 1]).torch_module)())
    return torch.nn.Sequential(*modules)


def module_names(spec: NetworkSpec) -> dict[str, str]:
    """Our parameter names and the Sequential's: W1 -> 0.weight, b1 -> 0.bias, W2 -> 2.weight, …"""
    names = {}
    for l in range(1, spec.layers + 1):
        names[weight_name(l)] = f"{2 * (l - 1)}.weight"
        if spec.bias:
            names[bias_name(l)] = f"{2 * (l - 1)}.bias"
    return names


class TorchEngine:
    """One torch trajectory: a Sequential and a real torch.optim optimizer, loaded from and exported to
    EngineState."""

    def __init__(self):
        self._model: torch.nn.Sequential | None = None
        self._names: list[str] = []  # our parameter names, in the model's parameter order
        self._optimizer: torch.optim.Optimizer | None = None
        self._full: tuple[Problem, torch.Tensor, torch.Tensor] | None = None  # the problem's whole data as tensors

    def load(self, state: EngineState, spec: OptimizerSpec, problem: Problem) -> None:
        """Become `state`: a model of the problem's network and dtype, a new `spec` optimizer holding state's state
        (torch's state_dict numbers parameters 0 … P−1 in parameter order)."""
        dtype = TORCH_DTYPES[problem.dtype]
        self._model = sequential(problem.network, dtype)
        self._names = list(module_names(problem.network))
        with torch.no_grad():
            for name, param in zip(self._names, self._model.parameters()):
                param.copy_(torch.from_numpy(np.asarray(state.params[name])))
        self._optimizer = getattr(torch.optim, spec.info.label)(self._model.parameters(), **spec.torch_kwargs())
        if any(state.optimizer_state.values()):
            saved = self._optimizer.state_dict()
            saved["state"] = {k: {key: _to_torch(key, v, dtype) for key, v in state.optimizer_state[name].items()}
                              for k, name in enumerate(self._names) if state.optimizer_state[name]}
            self._optimizer.load_state_dict(saved)

    def export(self) -> EngineState:
        """A copy of the parameters and of optimizer.state, as numpy."""
        params, states = {}, {}
        for name, param in zip(self._names, self._model.parameters()):
            params[name] = param.detach().numpy().copy()
            states[name] = {k: _to_numpy(k, v) for k, v in self._optimizer.state[param].items() if v is not None}
        return EngineState(params, states)

    def _tensors(self, problem: Problem, X: np.ndarray, targets: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
        """The batch as tensors: the whole data (read-only in numpy) copied once per problem, a batch cut from it
        shared as it is."""
        if X is not problem.X:
            return torch.from_numpy(X), torch.from_numpy(targets)
        if self._full is None or self._full[0] is not problem:
            self._full = (problem, torch.tensor(X), torch.tensor(targets))
        return self._full[1], self._full[2]

    def _loss_function(self, problem: Problem):
        return getattr(F, loss_named(problem.network.loss).torch_function)

    def evaluate(self, problem: Problem, X: np.ndarray, targets: np.ndarray) -> TorchPass:
        """Forward values and the loss at the engine's own parameters; no gradient, the optimizer left alone."""
        h, t = self._tensors(problem, X, targets)
        zs, outs = [], []
        with torch.no_grad():
            for module in self._model:
                h = module(h)
                (zs if isinstance(module, torch.nn.Linear) else outs).append(_numpy(h))
            loss = self._loss_function(problem)(h, t)
        return TorchPass(zs, outs, loss.item())

    def autograd_at(self, params: Params, problem: Problem, X: np.ndarray, targets: np.ndarray) -> AutogradPass:
        """Autograd at other parameters (the hand-written trajectory's), through the engine's modules on tensors
        of their own: its parameters, their .grad and its optimizer stay as they are."""
        leaves = {n: torch.from_numpy(np.array(v)).requires_grad_() for n, v in params.items()}
        h, t = self._tensors(problem, X, targets)
        zs, l = [], 0
        for module in self._model:
            if isinstance(module, torch.nn.Linear):
                l += 1
                h = F.linear(h, leaves[weight_name(l)], leaves.get(bias_name(l)))
                zs.append(h)
            else:
                h = module(h)
        loss = self._loss_function(problem)(h, t)
        grads = torch.autograd.grad(loss, [*leaves.values(), *zs])
        return AutogradPass(loss.item(), {n: g.numpy().copy() for n, g in zip(leaves, grads)},
                            [g.numpy().copy() for g in grads[len(leaves):]])

    def step(self, problem: Problem, X: np.ndarray, targets: np.ndarray) -> float:
        """One optimizer.step() on autograd's gradient of the batch; returns the loss before the update."""
        self._optimizer.zero_grad()
        h, t = self._tensors(problem, X, targets)
        loss = self._loss_function(problem)(self._model(h), t)
        loss.backward()
        self._optimizer.step()
        return loss.item()


def _numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().numpy().copy()


def _to_torch(key: str, value, dtype: torch.dtype) -> torch.Tensor:
    if key == "step":
        return torch.tensor(float(value))  # torch keeps step as a float32 tensor of the default dtype
    return torch.tensor(value, dtype=dtype)


def _to_numpy(key: str, value: torch.Tensor):
    if key == "step":
        return int(value.item())
    return value.detach().numpy().copy()
