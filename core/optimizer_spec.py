"""OptimizerSpec: which optimizer, with which hyperparameters; validated, immutable, hashable."""

import math
from dataclasses import dataclass

from core.hyperparams import OptimizerKind, Value, optimizer_kind
from core.i18n import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class OptimizerSpec:
    """An optimizer kind and a value for each of its hyperparameters."""

    kind: str
    values: tuple[tuple[str, Value], ...]  # in the kind's order

    @classmethod
    def create(cls, kind: str, **changes: Value) -> "OptimizerSpec":
        """Torch's defaults for `kind`, with `changes` applied; ValueError says what is wrong."""
        info = optimizer_kind(kind)
        spec = cls(kind, tuple((h.name, h.default) for h in info.hyperparameters))
        return spec.replace(**changes) if changes else spec

    @property
    def info(self) -> OptimizerKind:
        return optimizer_kind(self.kind)

    def __getitem__(self, name: str) -> Value:
        return dict(self.values)[name]

    def as_dict(self) -> dict[str, Value]:
        return dict(self.values)

    def replace(self, **changes: Value) -> "OptimizerSpec":
        """A copy with some values changed, each checked; ValueError says which and why."""
        values = self.as_dict()
        for name, value in changes.items():
            h = self.info.hyperparameter(name)
            values[name] = _checked(self.info.label, h.name, h.check, h.is_flag, value)
        spec = OptimizerSpec(self.kind, tuple((h.name, values[h.name]) for h in self.info.hyperparameters))
        spec._check_combination()
        return spec

    def switched_to(self, kind: str) -> tuple["OptimizerSpec", tuple[str, ...]]:
        """`kind` at torch's defaults, but every hyperparameter it shares by name with this optimizer (learning
        rate, weight decay, eps, momentum, betas, AMSGrad) keeps the value the user changed it to: what they tuned
        stays tuned, while values they never touched follow the new optimizer's defaults (Adagrad's eps 1e-10).
        Also the names kept."""
        new, defaults = OptimizerSpec.create(kind).as_dict(), OptimizerSpec.create(self.kind)
        kept = tuple(name for name, value in self.values if name in new and value != defaults[name])
        return OptimizerSpec.create(kind, **{name: self[name] for name in kept}), kept

    def _check_combination(self) -> None:
        if self.kind == "sgd" and self["nesterov"] and (self["momentum"] <= 0 or self["dampening"] != 0):
            raise ValueError(Message(QT_TRANSLATE_NOOP("core", "SGD: Nesterov momentum needs momentum > 0 and "
                                                                "dampening = 0")))

    def torch_kwargs(self) -> dict[str, Value]:
        """Keyword arguments for the torch.optim class (beta1, beta2 joined into betas)."""
        kwargs = {}
        for name, value in self.values:
            if name == "beta1":
                kwargs["betas"] = (value, self["beta2"])
            elif name != "beta2":
                kwargs[name] = value
        return kwargs

    def state_layout(self) -> tuple[str, ...]:
        """The state keys this optimizer keeps (torch's names). Changing spec keeps state only if this is equal."""
        if self.kind == "sgd":
            return ("momentum_buffer",) if self["momentum"] != 0 else ()
        if self.kind in ("adam", "adamw"):
            return ("step", "exp_avg", "exp_avg_sq") + (("max_exp_avg_sq",) if self["amsgrad"] else ())
        if self.kind == "rmsprop":
            return (("step", "square_avg")
                    + (("momentum_buffer",) if self["momentum"] > 0 else ())
                    + (("grad_avg",) if self["centered"] else ()))
        return ("step", "sum")  # adagrad

    def describe(self) -> str:
        """Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False), as torch would be called."""
        parts = [f"{k}={_show(v)}" for k, v in self.torch_kwargs().items()]
        return f"{self.info.label}({', '.join(parts)})"


def _show(v) -> str:
    if isinstance(v, tuple):
        return "(" + ", ".join(_show(x) for x in v) + ")"
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def _checked(owner: str, name: str, check, is_flag: bool, value) -> Value:
    if is_flag:
        if not isinstance(value, bool):
            raise ValueError(f"{owner} {name} must be true or false, not {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{owner} {name} must be a number, not {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{owner} {name} must be a finite number, not {value}")
    problem = check(value) if check else None
    if problem:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{owner} {name} {problem} (got {value})"), owner=owner,
                                 name=name, problem=Message(problem), value=f"{value:g}"))
    return value
