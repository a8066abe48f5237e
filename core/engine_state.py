"""EngineState: one trajectory's weight and optimizer state, as plain numpy values."""

from dataclasses import dataclass

import numpy as np

from core.optimizers import State


@dataclass(frozen=True, eq=False)
class EngineState:
    """W and the optimizer's state (torch's keys; "step" is an int, the rest are arrays shaped like W)."""

    weight: np.ndarray  # (n_out, n_in)
    optimizer: State

    def cast(self, dtype: np.dtype) -> "EngineState":
        def conv(v):
            return v.astype(dtype) if isinstance(v, np.ndarray) else v

        return EngineState(conv(self.weight), {k: conv(v) for k, v in self.optimizer.items()})

    def with_weight(self, weight: np.ndarray) -> "EngineState":
        return EngineState(weight, self.optimizer)

    def first_non_finite(self) -> str | None:
        """Name of the first quantity holding NaN or ±inf ("weight", "exp_avg", ...), or None if all are finite."""
        for name, v in (("weight", self.weight), *self.optimizer.items()):
            if isinstance(v, np.ndarray) and not np.isfinite(v).all():
                return name
        return None
