"""EngineState: one trajectory's parameters and optimizer state, as plain numpy values."""

from dataclasses import dataclass

import numpy as np

from core.network import Params
from core.optimizers import State


@dataclass(frozen=True, eq=False)
class EngineState:
    """The parameters (W1, b1, …) and, for each, the optimizer's state (torch's keys; "step" is an int, the rest
    are arrays shaped like the parameter). An optimizer not yet stepped holds {} for each (Adagrad: its sum)."""

    params: Params
    optimizer_state: dict[str, State]

    @property
    def weight(self) -> np.ndarray:
        """W1: the one layer's weight, for the one-layer views."""
        return self.params["W1"]

    def cast(self, dtype: np.dtype) -> "EngineState":
        def conv(v):
            return v.astype(dtype) if isinstance(v, np.ndarray) else v

        return EngineState({n: conv(p) for n, p in self.params.items()},
                           {n: {k: conv(v) for k, v in s.items()} for n, s in self.optimizer_state.items()})

    def with_params(self, params: Params) -> "EngineState":
        return EngineState(params, self.optimizer_state)

    def first_non_finite(self) -> str | None:
        """The first quantity holding NaN or ±inf ("W1", "b2 exp_avg", …), or None if all are finite."""
        for name, value in self.params.items():
            if not np.isfinite(value).all():
                return name
        for name, state in self.optimizer_state.items():
            for key, value in state.items():
                if isinstance(value, np.ndarray) and not np.isfinite(value).all():
                    return f"{name} {key}"
        return None
