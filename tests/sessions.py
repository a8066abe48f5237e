"""The sessions the views of the input plane and the step metrics are tested on."""

from core import datasets
from core.data import Batching, Data
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState


def session(widths, activation: str, loss: str, data: Data, batching: Batching = Batching(),
            bias: bool = True) -> Session:
    """A session of the network over `data`, Adam at lr 0.05, float32."""
    spec = NetworkSpec.create(widths, activation, bias, loss)
    return Session(SessionState.drawn(Problem(spec, data, "float32", batching), OptimizerSpec.create("adam", lr=0.05)))


def xor() -> Session:
    """XOR with 2-4-1, tanh, bce: every step takes all four corners."""
    return session([2, 4, 1], "tanh", "bce", datasets.generate("xor"))


def spiral() -> Session:
    """Three spiral arms with 2-8-8-3, tanh, ce, in shuffled batches of 32."""
    return session([2, 8, 8, 3], "tanh", "ce", datasets.generate("spiral3"), Batching(32, shuffle=True, seed=1))


def sine() -> Session:
    """The sine with 1-8-1, tanh, mse."""
    return session([1, 8, 1], "tanh", "mse", datasets.generate("sine"))
