"""Which optimizers exist, their hyperparameters with torch's defaults, and what values each accepts."""

from dataclasses import dataclass
from typing import Callable

from core.i18n import QT_TRANSLATE_NOOP  # labels and help are shown in the window, translated there

Value = float | bool


def _non_negative(v: float) -> str | None:
    return None if v >= 0 else QT_TRANSLATE_NOOP("core", "must be 0 or more")


def _positive(v: float) -> str | None:
    return None if v > 0 else QT_TRANSLATE_NOOP("core", "must be more than 0")


def _below_one(v: float) -> str | None:
    return None if 0 <= v < 1 else QT_TRANSLATE_NOOP("core", "must be at least 0 and less than 1")


def _unit(v: float) -> str | None:
    return None if 0 <= v <= 1 else QT_TRANSLATE_NOOP("core", "must be between 0 and 1")


@dataclass(frozen=True)
class Hyperparameter:
    """One hyperparameter: torch's keyword, its default, and the values it accepts."""

    name: str  # torch's keyword (beta1/beta2 are torch's betas pair, split for editing)
    label: str  # shown in forms
    default: Value
    help: str  # one line for tooltips and --help
    check: Callable[[float], str | None] | None = None  # None for booleans

    @property
    def is_flag(self) -> bool:
        return isinstance(self.default, bool)


def _lr(default: float) -> Hyperparameter:
    return Hyperparameter("lr", QT_TRANSLATE_NOOP("core", "learning rate"), default,
                          QT_TRANSLATE_NOOP("core", "step size"),
                          _non_negative)


def _weight_decay(default: float = 0.0) -> Hyperparameter:
    return Hyperparameter("weight_decay", QT_TRANSLATE_NOOP("core", "weight decay"), default,
                          QT_TRANSLATE_NOOP("core", "L2 penalty added to the gradient"),
                          _non_negative)


def _eps(default: float) -> Hyperparameter:
    return Hyperparameter("eps", "eps", default,
                          QT_TRANSLATE_NOOP("core", "added to the denominator for numerical stability"),
                          _positive)


_BETAS = (
    Hyperparameter("beta1", "β₁", 0.9,
                   QT_TRANSLATE_NOOP("core", "decay of the running average of the gradient"),
                   _below_one),
    Hyperparameter("beta2", "β₂", 0.999,
                   QT_TRANSLATE_NOOP("core", "decay of the running average of the squared gradient"),
                   _below_one),
)
_AMSGRAD = Hyperparameter("amsgrad", QT_TRANSLATE_NOOP("core", "AMSGrad"), False,
                          QT_TRANSLATE_NOOP("core", "divide by the largest second moment seen so far"))
_MOMENTUM = Hyperparameter("momentum", QT_TRANSLATE_NOOP("core", "momentum"), 0.0,
                           QT_TRANSLATE_NOOP("core", "momentum factor"),
                           _non_negative)


@dataclass(frozen=True)
class OptimizerKind:
    """One torch.optim optimizer as this tool offers it."""

    name: str  # key: sgd, adam, ...
    label: str  # torch's class name
    hyperparameters: tuple[Hyperparameter, ...]

    def hyperparameter(self, name: str) -> Hyperparameter:
        for h in self.hyperparameters:
            if h.name == name:
                return h
        known = ", ".join(h.name for h in self.hyperparameters)
        raise ValueError(f"{self.label} has no hyperparameter {name!r}; it has: {known}")


OPTIMIZERS: dict[str, OptimizerKind] = {
    k.name: k
    for k in (
        OptimizerKind("sgd", "SGD", (
            _lr(1e-3),
            _MOMENTUM,
            Hyperparameter("dampening", QT_TRANSLATE_NOOP("core", "dampening"), 0.0,
                           QT_TRANSLATE_NOOP("core", "dampening for momentum"),
                           _unit),
            _weight_decay(),
            Hyperparameter("nesterov", QT_TRANSLATE_NOOP("core", "Nesterov"), False,
                           QT_TRANSLATE_NOOP("core", "Nesterov momentum (needs momentum > 0, dampening 0)")),
        )),
        OptimizerKind("adam", "Adam", (_lr(1e-3), *_BETAS, _eps(1e-8), _weight_decay(), _AMSGRAD)),
        OptimizerKind("adamw", "AdamW", (_lr(1e-3), *_BETAS, _eps(1e-8), _weight_decay(1e-2), _AMSGRAD)),
        OptimizerKind("rmsprop", "RMSprop", (
            _lr(1e-2),
            Hyperparameter("alpha", "α", 0.99,
                           QT_TRANSLATE_NOOP("core", "decay of the running average of the squared gradient"),
                           _unit),
            _eps(1e-8),
            _weight_decay(),
            _MOMENTUM,
            Hyperparameter("centered", QT_TRANSLATE_NOOP("core", "centered"), False,
                           QT_TRANSLATE_NOOP("core", "normalise by an estimate of the gradient's variance")),
        )),
        OptimizerKind("adagrad", "Adagrad", (
            _lr(1e-2),
            Hyperparameter("lr_decay", QT_TRANSLATE_NOOP("core", "lr decay"), 0.0,
                           QT_TRANSLATE_NOOP("core", "learning-rate decay per step"),
                           _non_negative),
            _weight_decay(),
            Hyperparameter("initial_accumulator_value", "initial accumulator", 0.0,
                           "starting value of the sum of squared gradients", _non_negative),
            _eps(1e-10),
        )),
    )
}


def optimizer_kind(name: str) -> OptimizerKind:
    """The optimizer called `name`, or a ValueError listing the known ones."""
    try:
        return OPTIMIZERS[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}") from None
