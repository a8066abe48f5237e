"""Torch's default weights for nn.Linear(n_in, n_out, bias=False), reproduced in numpy without importing torch.

torch.manual_seed(s) seeds a 32-bit Mersenne Twister with init_genrand(s mod 2³²), as numpy's legacy
RandomState(s) does. nn.Linear's kaiming_uniform_(a=√5) is uniform_(−b, b) with b = 1/√n_in; torch's float32
uniform_ takes 24 bits of one 32-bit draw per value, u = bits·2⁻²⁴, and returns u·(to − from) + from computed in
double from float32 bounds. tests/test_init.py checks this bit for bit against torch.
"""

import math

import numpy as np

MAX_SEED = 2**64 - 1  # torch.manual_seed accepts 0 .. 2⁶⁴ − 1


def linear_weight(seed: int, n_out: int, n_in: int) -> np.ndarray:
    """The float32 weight (n_out, n_in) that nn.Linear(n_in, n_out, bias=False) has after torch.manual_seed(seed)."""
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(f"seed must be a whole number from 0 to {MAX_SEED}, not {seed}")
    # legacy randint over the full uint32 range returns the generator's raw 32-bit draws, in order
    bits = np.random.RandomState(seed % 2**32).randint(0, 2**32, size=n_out * n_in, dtype=np.uint32)
    u = (bits & (2**24 - 1)).astype(np.float64) * 2.0**-24  # uniform on [0, 1) with 24 bits
    bound = 1 / math.sqrt(n_in)
    low, high = np.float32(-bound), np.float32(bound)
    return (u * np.float64(high - low) + np.float64(low)).astype(np.float32).reshape(n_out, n_in)
