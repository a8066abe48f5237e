"""The network and its training written directly against torch's API, independent of core/, for parity tests."""

import numpy as np
import torch
import torch.nn.functional as F

ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": F.leaky_relu,  # torch's default slope 0.01
    "identity": lambda z: z,
}
OPTIMIZERS = {
    "sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
    "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad,
}


def linear(weight: np.ndarray, dtype: str) -> torch.nn.Linear:
    n_out, n_in = weight.shape
    layer = torch.nn.Linear(n_in, n_out, bias=False, dtype=getattr(torch, dtype))
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weight))
    return layer


def loss_of(layer, x, y, activation: str, dtype: str) -> torch.Tensor:
    tx, ty = (torch.tensor(np.asarray(v), dtype=getattr(torch, dtype)) for v in (x, y))
    return F.mse_loss(ACTIVATIONS[activation](layer(tx)), ty)


def loss_and_grad(weight, x, y, activation: str, dtype: str) -> tuple[float, np.ndarray]:
    """mse_loss(f(Linear(x)), y) and autograd's dL/dW."""
    layer = linear(weight, dtype)
    loss = loss_of(layer, x, y, activation, dtype)
    loss.backward()
    return loss.item(), layer.weight.grad.numpy().copy()


def train(spec, weight, x, y, activation: str, dtype: str, steps: int):
    """`steps` updates by the real torch.optim class; returns the final weight and optimizer.state of it."""
    layer = linear(weight, dtype)
    optimizer = OPTIMIZERS[spec.kind](layer.parameters(), **spec.torch_kwargs())
    for _ in range(steps):
        optimizer.zero_grad()
        loss_of(layer, x, y, activation, dtype).backward()
        optimizer.step()
    return layer.weight.detach().numpy().copy(), optimizer.state[layer.weight]
