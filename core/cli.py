"""python main.py --headless: the seed's comparison, laid out clearly; also the scripting interface (--json)."""

import argparse
import json
import sys

import numpy as np

from core.activations import ACTIVATIONS
from core.data import Batching, Data
from core.data_csv import CsvError, load_csv
from core.datasets import DATASETS, generate
from core.hyperparams import OPTIMIZERS
from core.init import MAX_SEED, SCHEME_HELP, SCHEMES, Init
from core.losses import LOSSES
from core.losses import loss as loss_named
from core.mistakes import MISTAKE_KINDS, Mistake
from core.network import MAX_LAYERS, MAX_WIDTH, NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.parse import parse_list, parse_number
from core.problem import DTYPES, Problem
from core.session import Session
from core.session_file import SessionFileError, load, save
from core.state import SessionState, default_state

EXIT_BAD_ARGUMENTS = 2
EXIT_DIVERGED = 3

# option name -> (hyperparameter names it sets)
_HYPER_OPTIONS = {
    "lr": ("lr",), "momentum": ("momentum",), "dampening": ("dampening",), "weight_decay": ("weight_decay",),
    "eps": ("eps",), "alpha": ("alpha",), "lr_decay": ("lr_decay",),
    "initial_accumulator_value": ("initial_accumulator_value",), "betas": ("beta1", "beta2"),
    "nesterov": ("nesterov",), "amsgrad": ("amsgrad",), "centered": ("centered",),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """One clear line and status 2, instead of argparse's usage block."""
        self.exit(EXIT_BAD_ARGUMENTS, f"{self.prog}: error: {message}\n")


def _converter(parse, *args):
    def convert(text: str):
        try:
            return parse(text, *args)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    return convert


def _whole(text: str, what: str, low: int, high: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a whole number") from None
    if not low <= value <= high:
        raise ValueError(f"{what} must be from {low} to {high}, not {value}")
    return value


def _widths(text: str) -> list[int]:
    return [_whole(part, "--layers width", 1, MAX_WIDTH) for part in text.split(",")]


def _names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",")]
    for name in names:
        if name not in ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}")
    return names


def _defaults(option: str) -> str:
    """Each optimizer's default for a hyperparameter option, as --help says it: 0.001 for Adam, AdamW; …"""
    by_value: dict[str, list[str]] = {}
    for kind in OPTIMIZERS.values():
        values = [h.default for name in _HYPER_OPTIONS[option] for h in kind.hyperparameters if h.name == name]
        if values:
            shown = ",".join("on" if v is True else "off" if v is False else f"{v:g}" for v in values)
            by_value.setdefault(shown, []).append(kind.label)
    return "; ".join(f"{value} for {', '.join(labels)}" for value, labels in by_value.items())


def _hyper_help(option: str) -> str:
    first = _HYPER_OPTIONS[option][0]
    helps = {h.help for kind in OPTIMIZERS.values() for h in kind.hyperparameters if h.name == first}
    return f"{'; '.join(sorted(helps))} (default: {_defaults(option)})"


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py", description="Gradients of a network by hand (numpy chain rule), by torch autograd "
                "and by finite differences, and optimizer steps by hand-written numpy and by torch.optim. The "
                "default is the blog post's one layer a = sigmoid(W·x), 3×3 W, one sample, mean squared error. "
                "Lists take the form --x=-0.5,0.1,1.1 (with '=' so a leading minus is not read as an option).")
    p.add_argument("--headless", action="store_true", help="print to the terminal instead of opening the window")
    p.add_argument("--steps", type=_converter(_whole, "--steps", 0, 10**7), default=1,
                   help="updates to take (default 1)")
    p.add_argument("--json", action="store_true", help="one JSON object per line for each state 0..N")
    p.add_argument("--session", metavar="FILE", help="start from a saved session; other options change it")
    p.add_argument("--save", metavar="FILE", help="save the session after the steps")

    net = p.add_argument_group("network")
    net.add_argument("--layers", metavar="N0,...,NL", type=_converter(_widths),
                     help=f"widths: inputs, then each layer's units (1 to {MAX_LAYERS} layers, each 1 to "
                          f"{MAX_WIDTH} wide; default 3,3, or the sizes of --x and --y)")
    net.add_argument("--activation", metavar="A or A1,...,AL", type=_converter(_names),
                     help=f"one activation for every layer (under bce and ce every hidden layer; the last is "
                          f"linear) or one per layer: {', '.join(ACTIVATIONS)} (default sigmoid)")
    net.add_argument("--bias", action=argparse.BooleanOptionalAction,
                     help="a bias b_l in every layer: z = W·a + b (default off)")
    net.add_argument("--loss", choices=list(LOSSES),
                     help="mse: mean squared error; bce: binary cross-entropy on logits, targets in [0, 1]; "
                          "ce: softmax cross-entropy, targets class indices (default mse)")
    net.add_argument("--init", choices=SCHEMES, help="; ".join(f"{k}: {v}" for k, v in SCHEME_HELP.items())
                     + " (default torch)")
    net.add_argument("--seed", type=_converter(_whole, "--seed", 0, MAX_SEED),
                     help="torch.manual_seed for the initialization (default 0)")
    net.add_argument("--weights", type=_converter(parse_list, "W"),
                     help="W of a one-layer network, row-major: w11,w12,...,w_nm (default: as --init and --seed draw "
                          "it)")
    net.add_argument("--break", dest="mistake", metavar="MISTAKE", type=_converter(Mistake.parse),
                     help="a deliberate mistake in the hand-written backward, for gradient checking: "
                          + ", ".join(k + (":LAYER" if v.in_layer else "") for k, v in MISTAKE_KINDS.items())
                          + " (default none)")

    data = p.add_argument_group("data")
    data.add_argument("--x", type=_converter(parse_list, "x"), help="one sample's inputs (default -0.5,0.1,1.1)")
    data.add_argument("--y", type=_converter(parse_list, "y"), help="its targets (default 0.1,0.2,9.9)")
    data.add_argument("--data", metavar="FILE.csv", help="samples from a CSV file: inputs, then targets (one "
                      "class-index column for ce); a header line is allowed (default: the blog post's single sample)")
    data.add_argument("--dataset", choices=[d.name for d in DATASETS],
                      help="a generated data set (default: the blog post's single sample)")
    data.add_argument("--samples", type=_converter(_whole, "--samples", 1, 10_000),
                      help="samples of --dataset (default: the data set's own)")
    data.add_argument("--noise", type=_converter(parse_number, "--noise"),
                      help="standard deviation of the noise of --dataset (default: the data set's own)")
    data.add_argument("--data-seed", type=_converter(_whole, "--data-seed", 0, 2**63 - 1), default=0,
                      help="seed of --dataset's random numbers and of --shuffle's order (default 0)")
    data.add_argument("--batch-size", type=_converter(_whole, "--batch-size", 1, 10_000),
                      help="samples per step (default: all of them); epochs go through the data in order, the "
                           "last batch of each shorter, as torch's DataLoader(shuffle=False)")
    data.add_argument("--shuffle", action=argparse.BooleanOptionalAction,
                      help="shuffle each epoch: epoch e in the order "
                           "numpy.random.default_rng([SEED, e]).permutation(m), SEED from --data-seed")
    data.add_argument("--dtype", choices=list(DTYPES), help="precision of both engines (default float32)")

    hyper = p.add_argument_group("optimizer (torch's defaults unless given)")
    hyper.add_argument("--optimizer", choices=list(OPTIMIZERS), help="default adam")
    for name in ("lr", "momentum", "dampening", "weight_decay", "eps", "alpha", "lr_decay",
                 "initial_accumulator_value"):
        hyper.add_argument("--" + name.replace("_", "-"), dest=name, metavar=name.upper(),
                           type=_converter(parse_number, "value"), help=_hyper_help(name))
    hyper.add_argument("--betas", metavar="B1,B2", type=_converter(parse_list, "betas"), help=_hyper_help("betas"))
    for name in ("nesterov", "amsgrad", "centered"):
        hyper.add_argument("--" + name, action=argparse.BooleanOptionalAction, help=_hyper_help(name))
    return p


def session_from_args(args: argparse.Namespace) -> Session:
    """The session the options describe; ValueError (or SessionFileError, CsvError) says what is wrong."""
    base = load(args.session) if args.session else default_state()
    problem = _problem(args, base.problem)
    spec = _optimizer(args, base.optimizer)
    init = Init(args.init or base.init.scheme, base.init.seed if args.seed is None else args.seed)
    if args.weights is not None and (args.seed is not None or args.init is not None):
        raise ValueError("give --weights or --init/--seed, not both")
    params = _weights(args, problem) if args.weights is not None else None
    same_shape = problem.network.shapes == base.problem.network.shapes
    if args.session and params is None and args.seed is None and args.init is None and same_shape:
        session = Session(base)
        _apply_edits(session, problem, spec)
        return session
    if params is None and same_shape and args.seed is None and args.init is None:
        params = base.start
    if params is None:
        return Session(SessionState.drawn(problem, spec, init))
    return Session(SessionState.start_at(problem, spec, params, init))


def _problem(args: argparse.Namespace, base: Problem) -> Problem:
    """The network, data, batching, precision and mistake the options describe, on top of `base`."""
    data = _data(args, base)
    batching = Batching(args.batch_size if args.batch_size is not None else base.batching.size,
                        _flag(args.shuffle, base.batching.shuffle),
                        args.data_seed if args.shuffle is not None else base.batching.seed)
    mistake = args.mistake if args.mistake is not None else base.mistake
    return Problem(_network(args, base.network, data, data is not base.data), data, args.dtype or base.dtype,
                   batching, mistake)


def _network(args: argparse.Namespace, old: NetworkSpec, data: Data, new_data: bool) -> NetworkSpec:
    """The network the options describe: what they change of `old`, widths fitted to new data if not given."""
    loss = args.loss or old.loss
    bias = _flag(args.bias, old.bias)
    if args.layers is not None:
        widths = args.layers
    elif new_data or loss != old.loss:  # one layer from the data's inputs to as many outputs as it needs
        outputs = int(data.Y.max()) + 1 if loss == "ce" and data.n_targets == 1 else data.n_targets
        widths = [data.n_in, outputs]
    else:
        widths = list(old.widths)
    if args.activation is None:
        if len(widths) == len(old.widths) and loss == old.loss:
            return NetworkSpec(tuple(widths), old.activations, bias, loss)
        return NetworkSpec.create(widths, old.activations[0], bias, loss)
    if len(args.activation) == 1:
        return NetworkSpec.create(widths, args.activation[0], bias, loss)
    if len(args.activation) != len(widths) - 1:
        raise ValueError(f"--activation gives {len(args.activation)} activations for {len(widths) - 1} layers")
    return NetworkSpec(tuple(widths), tuple(args.activation), bias, loss)


def _flag(value: bool | None, default: bool) -> bool:
    return default if value is None else value


def _data(args: argparse.Namespace, base: Problem) -> Data:
    sources = [name for name, given in (("--data", args.data), ("--dataset", args.dataset),
                                        ("--x/--y", args.x is not None or args.y is not None)) if given]
    if len(sources) > 1:
        raise ValueError(f"give one source of data, not {' and '.join(sources)}")
    if args.dataset:
        return generate(args.dataset, args.samples, args.noise, args.data_seed)
    if args.samples is not None or args.noise is not None:
        raise ValueError("--samples and --noise shape a generated --dataset")
    if args.data:
        loss = args.loss or base.network.loss
        widths = args.layers or list(base.network.widths)
        return load_csv(args.data, widths[0], 1 if loss == "ce" else widths[-1])
    if args.x is not None or args.y is not None:
        x = args.x if args.x is not None else base.x
        y = args.y if args.y is not None else base.y
        return Data([x], [y])
    return base.data


def _weights(args: argparse.Namespace, problem: Problem) -> dict:
    net = problem.network
    if net.layers != 1 or net.bias:
        raise ValueError("--weights sets W of a one-layer network without bias; use --init and --seed")
    n_out, n_in = net.n_out, net.n_in
    if len(args.weights) != n_out * n_in:
        raise ValueError(f"--weights has {len(args.weights)} numbers, but W is {n_out}×{n_in} "
                         f"(len(y) × len(x)) and needs {n_out * n_in}")
    return {"W1": np.reshape(args.weights, (n_out, n_in))}


def _optimizer(args: argparse.Namespace, current: OptimizerSpec) -> OptimizerSpec:
    kind = args.optimizer or current.kind
    spec = current if kind == current.kind else OptimizerSpec.create(kind)
    changes = {}
    for option, names in _HYPER_OPTIONS.items():
        value = getattr(args, option)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if len(values) != len(names):
            raise ValueError(f"--{option} takes {len(names)} numbers, not {len(values)}")
        for name, v in zip(names, values):
            if name not in dict(spec.values):
                raise ValueError(f"{_flag_name(option)} does not apply to {spec.info.label}, which takes "
                                 f"{', '.join(_flags_of(spec))}")
            changes[name] = v
    return spec.replace(**changes)


def _flag_name(option: str) -> str:
    return "--" + option.replace("_", "-")


def _flags_of(spec: OptimizerSpec) -> list[str]:
    names = {h.name for h in spec.info.hyperparameters}
    return [_flag_name(option) for option, sets in _HYPER_OPTIONS.items() if set(sets) <= names]


def _apply_edits(session: Session, problem: Problem, spec: OptimizerSpec) -> None:
    """Bring a loaded session to the options given on top of it, keeping its progress."""
    p = session.problem
    if p.dtype != problem.dtype:
        session.set_dtype(problem.dtype)
    if not (np.array_equal(p.data.X, problem.data.X) and np.array_equal(p.data.Y, problem.data.Y)):
        session.set_dataset(problem.data)
    if p.network != problem.network:
        session.set_activations(problem.network.activations)
    if p.batching != problem.batching:
        session.set_batching(problem.batching)
    if p.mistake != problem.mistake:
        session.set_mistake(problem.mistake)
    if spec != session.optimizer:
        session.set_optimizer(spec)


def _matrix(m: np.ndarray, indent: str = "    ", computed: np.ndarray | None = None) -> str:
    """Rows of numbers; "—" where `computed` is False (an entry central differences left out)."""
    shown = np.ones(np.shape(m), dtype=bool) if computed is None else computed
    rows = [" ".join((f"{v: .9g}" if known else "—").rjust(16) for v, known in zip(row, known_row))
            for row, known_row in zip(np.atleast_2d(m), np.atleast_2d(shown))]
    return "\n".join(indent + r for r in rows)


def _max_abs(a, b) -> float:
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


def print_report(session: Session, steps: int, out) -> int:
    """The human-readable report: the start, the three gradients of every parameter, and the parameters after
    the steps."""
    s, e = session.state, session.evaluate()
    p = s.problem
    w = lambda line="": print(line, file=out)  # noqa: E731
    w(f"Network   {p.network.describe()}, {p.dtype}" + (f"; the hand-written backward breaks: {p.mistake.key()}"
                                                        if p.mistake else ""))
    w(f"Loss      {loss_named(p.network.loss).formula}")
    w("By hand   δ_L = dL/da_L ⊙ f′(z_L), δ_l = (δ_l+1 · W_l+1) ⊙ f′(z_l), dL/dW_l = δ_lᵀ · a_l−1, dL/db_l = Σ δ_l")
    w(f"Optimizer {s.optimizer.describe()}")
    if p.m == 1:
        w(f"x = {p.x.tolist()}")
        w(f"y = {p.y.tolist()}")
    else:
        w(f"Data      {p.m} samples, batches of {p.batch_size} (batch {s.cursor % p.batches_per_epoch + 1} of "
          f"{p.batches_per_epoch} next)")
    w()
    for name, value in s.manual.params.items():
        w(f"{name} at step {s.step} (torch layout" + (": W[i][j] connects input j to output i)" if
                                                       name.startswith("W") else ")"))
        w(_matrix(value))
    w()
    w(f"Loss      manual {e.forward.loss:.12g}   torch {e.torch.loss:.12g}   "
      f"|difference| {abs(e.forward.loss - e.torch.loss):.3g}")
    for name in s.manual.params:
        w()
        w(f"dL/d{name} by hand (numpy chain rule)")
        w(_matrix(e.grads[name]))
        w(f"dL/d{name} by torch autograd, at the same parameters")
        w(_matrix(e.autograd.grads[name]))
        computed = e.numeric.computed[name]
        w(f"dL/d{name} by central differences (float64)" + ("" if computed.all() else
                                                            f", at {computed.sum()} of {computed.size} entries"))
        w(_matrix(e.numeric.grads[name], computed=computed))
    w()
    if not e.numeric.complete:  # beyond core.numeric's budget
        w(f"{e.numeric.note()} (— not computed)")
    for label, d in (("hand vs autograd   ", e.manual_vs_autograd), ("hand vs differences", e.manual_vs_numeric)):
        verdict = "agree" if d.agree else "DISAGREE"
        w(f"  max |{label}| = {d.max_abs:.3g}  (relative {d.relative:.3g}; {verdict} within "
          f"rtol {d.tolerance.rtol:g}, atol {d.tolerance.atol:g})")
    if steps == 0:
        return 0
    session.step(steps)
    s = session.state
    plural = "s" if s.step != 1 else ""
    for name in s.manual.params:
        w()
        w(f"{name} after {s.step} step{plural} by hand (numpy {s.optimizer.info.label})")
        w(_matrix(s.manual.params[name]))
        w(f"{name} after {s.step} step{plural} by torch.optim.{s.optimizer.info.label}")
        w(_matrix(s.torch.params[name]))
        w(f"  max |hand − torch| = {_max_abs(s.manual.params[name], s.torch.params[name]):.3g}")
    reason = session.divergence()
    if reason:
        return _diverged(reason)
    e = session.evaluate()
    w(f"Loss now  manual {e.forward.loss:.12g}   torch {e.torch.loss:.12g}")
    return 0


def state_record(session: Session) -> dict:
    """One --json line: both engines' losses on the batch the next update takes and their parameters, and every
    parameter's three gradients at the hand-written parameters on that batch."""
    s, e = session.state, session.evaluate()
    record = {
        "step": s.step,
        "loss": {"manual": e.forward.loss, "torch": e.torch.loss},
        "params": {n: {"manual": s.manual.params[n].tolist(), "torch": s.torch.params[n].tolist()}
                   for n in s.manual.params},
        # the three witnesses at the hand-written parameters: torch autograd, so only the arithmetic differs;
        # central differences null where they took a sample and left the entry out
        "grads": {n: {"manual": e.grads[n].tolist(), "torch": e.autograd.grads[n].tolist(),
                      "numeric": np.where(e.numeric.computed[n], e.numeric.grads[n], None).tolist()}
                  for n in s.manual.params},
    }
    net = s.problem.network
    if net.layers == 1 and not net.bias:  # the one-layer form, as before networks had layers
        record["grad"] = record["grads"]["W1"]
        record["weight"] = record["params"]["W1"]
    return record


def _diverged(reason: str) -> int:
    print(f"main.py: diverged: {reason}; try a smaller learning rate", file=sys.stderr)
    return EXIT_DIVERGED


def print_json(session: Session, steps: int, out) -> int:
    """States 0..N, one JSON object per line; stops before the first non-finite state."""
    for k in range(steps + 1):
        if k > 0:
            session.step()
        reason = session.divergence()
        if reason:
            return _diverged(reason)
        print(json.dumps(state_record(session), allow_nan=False), file=out)
    return 0


def main(argv: list[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        session = session_from_args(args)
    except (SessionFileError, CsvError, ValueError) as e:
        parser.error(str(e))
    try:
        status = (print_json if args.json else print_report)(session, args.steps, out)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        sys.stdout = None
        return 0
    if args.save:
        try:
            save(session.state, args.save)
        except (OSError, ValueError) as e:
            print(f"main.py: error: cannot save {args.save}: {e}", file=sys.stderr)
            return status or 1
    return status
