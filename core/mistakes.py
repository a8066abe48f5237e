"""Deliberate mistakes the hand-written backward pass can carry, for teaching gradient checking.

Each is a bug people really write. The three-way check (hand against autograd and against finite differences)
catches it exactly at the parameters whose gradient it changes; `affected` names them, for the banner that says
what the check should find.
"""

from dataclasses import dataclass

from core.i18n import QT_TRANSLATE_NOOP, Message
from core.notation import sub


@dataclass(frozen=True)
class MistakeKind:
    """One kind of mistake: its key, how a menu names it, what it does, and whether it is made in one layer."""

    name: str  # key for the CLI and session files
    label: str  # menu text (translatable)
    description: str  # what the code does wrong, as a banner says it (translatable)
    in_layer: bool  # made in one chosen layer's δ (else everywhere it can be)


MISTAKE_KINDS: dict[str, MistakeKind] = {
    k.name: k
    for k in (
        MistakeKind("forget_derivative", QT_TRANSLATE_NOOP("core", "Forget f′ in a layer's δ"),
                    QT_TRANSLATE_NOOP("core", "δ{layer} is taken without the factor f′(z{layer}): dL/da instead of "
                                      "dL/dz."), True),
        MistakeKind("no_transpose", QT_TRANSLATE_NOOP("core", "Propagate δ without the transpose"),
                    QT_TRANSLATE_NOOP("core", "δ{layer} is δ{above}·W{above}ᵀ instead of δ{above}·W{above} (in "
                                      "column form Wδ instead of Wᵀδ), which only fits when the two layers are "
                                      "equally wide."), True),
        MistakeKind("batch_sum", QT_TRANSLATE_NOOP("core", "Sum over the batch instead of averaging"),
                    QT_TRANSLATE_NOOP("core", "The gradient is summed over the batch's samples instead of averaged: "
                                      "every gradient is B times too large."), False),
        MistakeKind("bias_first_sample", QT_TRANSLATE_NOOP("core", "Bias gradient from the first sample only"),
                    QT_TRANSLATE_NOOP("core", "dL/db is δ of the batch's first sample instead of δ summed over the "
                                      "batch."), False),
        MistakeKind("drop_two", QT_TRANSLATE_NOOP("core", "Drop the 2 of the squared error"),
                    QT_TRANSLATE_NOOP("core", "dL/da is (a − y)/n instead of 2(a − y)/n: every gradient is half "
                                      "what it should be."), False),
    )
}

NEEDS_LAYER = QT_TRANSLATE_NOOP("core", "{mistake} is made in one layer: name it (1 to {layers})")
NO_LAYER = QT_TRANSLATE_NOOP("core", "{mistake} is made everywhere at once; it takes no layer")
NO_SUCH_LAYER = QT_TRANSLATE_NOOP("core", "the network has no layer {layer}; its layers are 1 to {layers}")
NOTHING_BELOW = QT_TRANSLATE_NOOP("core", "δ is propagated from layer {above} down to layer {layer}; the last layer, "
                                  "{layer}, has no layer above it: choose a layer from 1 to {below}")
SINGLE_LAYER = QT_TRANSLATE_NOOP("core", "with a single layer there is no δ to propagate, so there is no transpose "
                                 "to forget")
SHAPES = QT_TRANSLATE_NOOP("core", "δ{above}·W{above}ᵀ needs layers {layer} and {above} equally wide, but they are "
                           "{width} and {above_width} wide")
LINEAR = QT_TRANSLATE_NOOP("core", "layer {layer} is linear: its f′ is 1, so forgetting it changes nothing; "
                            "choose a layer with an activation")
OWN_TRANSPOSE = QT_TRANSLATE_NOOP("core", "W{above} is 1 × 1, its own transpose: there is no transpose to forget")
MSE_ONLY = QT_TRANSLATE_NOOP("core", "only the squared error has a 2 to drop; this network's loss is {loss}")
NO_BIAS = QT_TRANSLATE_NOOP("core", "the network has no bias, so there is no bias gradient to get wrong")


@dataclass(frozen=True)
class Mistake:
    """A mistake in the hand-written backward: its kind and, for a mistake made in one layer, that layer (1-based)."""

    kind: str
    layer: int | None = None

    def __post_init__(self):
        kind = mistake_kind(self.kind)
        if kind.in_layer and self.layer is None:
            raise ValueError(Message(NEEDS_LAYER, mistake=self.kind, layers="L"))
        if not kind.in_layer and self.layer is not None:
            raise ValueError(Message(NO_LAYER, mistake=self.kind))

    @property
    def info(self) -> MistakeKind:
        return mistake_kind(self.kind)

    def refusal(self, spec) -> str | None:
        """Why this mistake cannot be made in the network `spec` (a NetworkSpec), or None if it can."""
        layers = spec.layers
        if self.layer is not None and not 1 <= self.layer <= layers:
            return Message(NO_SUCH_LAYER, layer=self.layer, layers=layers)
        if self.kind == "forget_derivative" and spec.activations[self.layer - 1] == "identity":
            return Message(LINEAR, layer=self.layer)
        if self.kind == "no_transpose":
            if layers == 1:
                return Message(SINGLE_LAYER)
            if self.layer == layers:
                return Message(NOTHING_BELOW, layer=layers, above=layers + 1, below=layers - 1)
            width, above_width = spec.widths[self.layer], spec.widths[self.layer + 1]
            if width != above_width:
                return Message(SHAPES, layer=self.layer, above=self.layer + 1, width=width, above_width=above_width)
            if width == 1:
                return Message(OWN_TRANSPOSE, above=self.layer + 1)
        if self.kind == "drop_two" and spec.loss != "mse":
            return Message(MSE_ONLY, loss=spec.loss)
        if self.kind == "bias_first_sample" and not spec.bias:
            return Message(NO_BIAS)
        return None

    def affected(self, spec) -> list[str]:
        """The parameters whose gradient the mistake changes (in a network where it changes anything: a batch of
        one sample sums and averages alike; an identity activation has f′ = 1)."""
        names = spec.parameter_names
        if self.kind in ("forget_derivative", "no_transpose"):  # δ_l is wrong, and every δ below it
            return [n for n in names if spec.layer_of(n) <= self.layer]
        if self.kind == "bias_first_sample":
            return [n for n in names if n.startswith("b")]
        return list(names)

    def affected_rows(self, spec) -> list[str]:
        """The gradient check's rows the mistake changes: its parameters, then the layers' δ it makes wrong (from
        its layer down for a mistake in one layer's δ, every layer's when dL/da is scaled; none for the bias)."""
        if self.kind == "bias_first_sample":
            layers = 0
        elif self.layer is not None:
            layers = self.layer
        else:
            layers = spec.layers
        return self.affected(spec) + [f"δ{l}" for l in range(1, layers + 1)]

    def describe(self) -> str:
        """What the code does wrong, in English (a Message the window translates)."""
        layer = self.layer or 0
        return Message(self.info.description, layer=sub(layer - 1), above=sub(layer))  # sub() counts from 0

    def key(self) -> str:
        """forget_derivative:2, batch_sum: how the CLI and files write it."""
        return self.kind if self.layer is None else f"{self.kind}:{self.layer}"

    @classmethod
    def parse(cls, text: str) -> "Mistake":
        """A mistake from its key; ValueError says what is accepted."""
        kind, _, layer = text.strip().partition(":")
        if layer:
            try:
                return cls(kind, int(layer))
            except ValueError as e:
                if kind in MISTAKE_KINDS and not layer.strip().isdigit():
                    raise ValueError(f"the layer of {kind} must be a whole number, not {layer!r}") from None
                raise e
        return cls(kind)


def mistake_kind(name: str) -> MistakeKind:
    """The mistake called `name`, or a ValueError listing the known ones."""
    try:
        return MISTAKE_KINDS[name]
    except KeyError:
        raise ValueError(f"unknown mistake {name!r}; choose one of: {', '.join(MISTAKE_KINDS)}") from None
