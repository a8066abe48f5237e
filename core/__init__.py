"""The model, its hand-derived backward pass, optimizers and the training session: numpy and torch only, no Qt."""
