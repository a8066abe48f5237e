"""A network's starting parameters, drawn as torch draws them, reproduced in numpy without importing torch.

torch.manual_seed(s) seeds a 32-bit Mersenne Twister with init_genrand(s mod 2³²), as numpy's legacy
RandomState(s) does; the draws here come from Python's own Mersenne Twister (random.Random) put in that state,
which costs no import at start-up (numpy.random takes ~10 ms). Every initializer here is torch's float32
uniform_(−b, b): b is computed in double exactly as torch.nn.init computes it, then rounded to float32 bounds; each
value takes 24 bits of one 32-bit draw, u = bits·2⁻²⁴, and is u·(to − from) + from computed in double (to − from in
float32), rounded to float32. The CPU kernel draws serially, one draw per value whatever the tensor's size, and
tensors draw one after another from the same generator, in order. tests/test_init.py checks this bit for bit
against torch, up to six 16×16 layers.
"""

import math
import random
from dataclasses import dataclass
from numbers import Integral
from typing import Sequence

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP, Message
from core.network import check_widths

MAX_SEED = 2**64 - 1  # torch.manual_seed accepts 0 .. 2⁶⁴ − 1

SCHEMES = ("torch", "zeros", "xavier", "he")
SCHEME_LABELS = {  # shown in menus (translatable)
    "torch": QT_TRANSLATE_NOOP("core", "torch's default"),
    "zeros": QT_TRANSLATE_NOOP("core", "Zeros"),
    "xavier": QT_TRANSLATE_NOOP("core", "Xavier (Glorot) uniform"),
    "he": QT_TRANSLATE_NOOP("core", "He (Kaiming) uniform"),
}
SCHEME_HELP = {  # one line for tooltips and --help (translatable)
    "torch": QT_TRANSLATE_NOOP("core", "weights and biases uniform in ±1/√fan_in, exactly as nn.Linear draws "
                                       "them after torch.manual_seed(seed)"),
    "zeros": QT_TRANSLATE_NOOP("core", "every weight and bias 0: the units of each hidden layer start identical "
                                       "and stay identical while training"),
    "xavier": QT_TRANSLATE_NOOP("core", "weights uniform in ±√(6 / (fan_in + fan_out)), as "
                                        "torch.nn.init.xavier_uniform_ draws them after torch.manual_seed(seed); "
                                        "biases 0"),
    "he": QT_TRANSLATE_NOOP("core", "weights uniform in ±√(6 / fan_in), as torch.nn.init.kaiming_uniform_ for "
                                    "relu draws them after torch.manual_seed(seed); biases 0"),
}


def _kaiming_bound(fan_in: int, negative_slope: float) -> float:
    """kaiming_uniform_'s bound in fan_in mode for leaky_relu's slope, in torch's order of operations."""
    gain = math.sqrt(2.0 / (1 + negative_slope**2))  # relu's √2 is the slope 0
    return math.sqrt(3.0) * (gain / math.sqrt(fan_in))


def _xavier_bound(fan_in: int, fan_out: int) -> float:
    """xavier_uniform_'s bound for gain 1, in torch's order of operations."""
    return math.sqrt(3.0) * (1 * math.sqrt(2.0 / float(fan_in + fan_out)))


_WEIGHT_BOUNDS = {  # scheme -> bound b of its uniform(−b, b) weights, from (n_in, n_out); zeros draws none
    "torch": lambda n_in, n_out: _kaiming_bound(n_in, math.sqrt(5)),  # nn.Linear's kaiming_uniform_(a=√5)
    "xavier": _xavier_bound,
    "he": lambda n_in, n_out: _kaiming_bound(n_in, 0.0),  # kaiming_uniform_(nonlinearity="relu")
}


def _mersenne_twister(seed: int) -> random.Random:
    """A Mersenne Twister in the state init_genrand(seed) leaves it, as torch.manual_seed(seed) does (Python's own
    seeding, init_by_array, would give another)."""
    state = [seed & 0xFFFFFFFF]
    for i in range(1, 624):
        previous = state[-1]
        state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
    twister = random.Random()
    twister.setstate((3, (*state, 624), None))  # 624: the next draw regenerates the whole state first
    return twister


def _draws(twister: random.Random, shape: tuple[int, ...]) -> np.ndarray:
    """The twister's next raw 32-bit outputs, in order, as uint32 of `shape`: getrandbits(32·n) takes n outputs
    and puts the first in the lowest 32 bits."""
    n = math.prod(shape)
    return np.frombuffer(twister.getrandbits(32 * n).to_bytes(4 * n, "little"), dtype="<u4").reshape(shape)


def _uniform(twister: random.Random, shape: tuple[int, ...], bound: float) -> np.ndarray:
    """torch's float32 tensor.uniform_(−bound, bound) of `shape`, taking the generator's next draws."""
    bits = _draws(twister, shape)
    u = (bits & (2**24 - 1)).astype(np.float64) * 2.0**-24  # uniform on [0, 1) with 24 bits
    low, high = np.float32(-bound), np.float32(bound)
    return (u * np.float64(high - low) + np.float64(low)).astype(np.float32)


def check_seed(seed: int) -> int:
    """`seed` if torch.manual_seed accepts it, or a ValueError."""
    if isinstance(seed, bool) or not isinstance(seed, Integral) or not 0 <= seed <= MAX_SEED:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "seed must be a whole number from 0 to {most}, not "
                                                           "{seed}"), most=MAX_SEED, seed=str(seed)))
    return int(seed)


def check_scheme(scheme: str) -> str:
    """`scheme` if it is one of SCHEMES, or a ValueError naming them."""
    if scheme not in SCHEMES:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "unknown initialization {scheme}; choose one of: "
                                                           "{choices}"), scheme=repr(scheme),
                                 choices=", ".join(SCHEMES)))
    return scheme


def initial_parameters(widths: Sequence[int], bias: bool, scheme: str = "torch", seed: int = 0
                       ) -> dict[str, np.ndarray]:
    """W1, b1, W2, … (b_l only with `bias`) in float32, as torch draws them by `scheme` after manual_seed(seed).

    "torch" is nn.Sequential(nn.Linear(N0, N1, bias), act, nn.Linear(N1, N2, bias), …): each layer draws its
    weight, then its bias. "xavier" and "he" draw each weight in turn with torch.nn.init (fan_in mode for he)
    and leave the biases 0; "zeros" draws nothing.
    """
    widths, seed = check_widths(widths), check_seed(seed)
    check_scheme(scheme)
    twister = _mersenne_twister(seed % 2**32)
    parameters = {}
    for layer, (n_in, n_out) in enumerate(zip(widths, widths[1:]), start=1):
        parameters[f"W{layer}"] = (_uniform(twister, (n_out, n_in), _WEIGHT_BOUNDS[scheme](n_in, n_out))
                                   if scheme in _WEIGHT_BOUNDS else np.zeros((n_out, n_in), np.float32))
        if bias:
            # nn.Linear.reset_parameters draws its bias in ±1/√n_in right after its weight
            parameters[f"b{layer}"] = (_uniform(twister, (n_out,), 1 / math.sqrt(n_in)) if scheme == "torch"
                                       else np.zeros(n_out, np.float32))
    return parameters


def linear_weight(seed: int, n_out: int, n_in: int) -> np.ndarray:
    """The float32 weight (n_out, n_in) that nn.Linear(n_in, n_out, bias=False) has after torch.manual_seed(seed)."""
    return initial_parameters([n_in, n_out], False, "torch", seed)["W1"]


@dataclass(frozen=True)
class Init:
    """How a network's starting parameters are drawn: a scheme and torch's seed."""

    scheme: str = "torch"
    seed: int = 0

    def __post_init__(self):
        check_scheme(self.scheme)
        object.__setattr__(self, "seed", check_seed(self.seed))

    def parameters(self, widths: Sequence[int], bias: bool) -> dict[str, np.ndarray]:
        return initial_parameters(widths, bias, self.scheme, self.seed)
