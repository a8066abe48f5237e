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


ACTIVATION_MODULES = {
    "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "leaky_relu": torch.nn.LeakyReLU,
    "identity": torch.nn.Identity,
}
LOSSES = {"mse": F.mse_loss, "bce": F.binary_cross_entropy_with_logits, "ce": F.cross_entropy}


def sequential(widths, activations, params: dict, dtype: str) -> torch.nn.Sequential:
    """nn.Sequential(Linear, activation, Linear, …) holding `params` ("W1", "b1", …), bias where "b1" is given."""
    bias = "b1" in params
    modules = []
    for l in range(1, len(widths)):
        linear = torch.nn.Linear(widths[l - 1], widths[l], bias=bias, dtype=getattr(torch, dtype))
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(np.asarray(params[f"W{l}"])))
            if bias:
                linear.bias.copy_(torch.tensor(np.asarray(params[f"b{l}"])))
        modules += [linear, ACTIVATION_MODULES[activations[l - 1]]()]
    return torch.nn.Sequential(*modules)


def torch_targets(targets, loss: str, dtype: str) -> torch.Tensor:
    if loss == "ce":
        return torch.tensor(np.asarray(targets), dtype=torch.int64)
    return torch.tensor(np.asarray(targets), dtype=getattr(torch, dtype))


def network_pass(widths, activations, loss: str, params: dict, X, targets, dtype: str):
    """torch's loss, every parameter's gradient (by name) and every layer's dL/dz (retain_grad), as numpy."""
    model = sequential(widths, activations, params, dtype)
    h = torch.tensor(np.asarray(X), dtype=getattr(torch, dtype))
    zs = []
    for module in model:
        h = module(h)
        if isinstance(module, torch.nn.Linear):
            h.retain_grad()
            zs.append(h)
    value = LOSSES[loss](h, torch_targets(targets, loss, dtype))
    value.backward()
    grads = {}
    for l, linear in enumerate((m for m in model if isinstance(m, torch.nn.Linear)), start=1):
        grads[f"W{l}"] = linear.weight.grad.numpy().copy()
        if linear.bias is not None:
            grads[f"b{l}"] = linear.bias.grad.numpy().copy()
    return value.item(), grads, [z.grad.numpy().copy() for z in zs]
