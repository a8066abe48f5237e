"""python main.py --headless: the seed's comparison, laid out clearly; also the scripting interface (--json)."""

import argparse
import json
import sys

import numpy as np

from core.activations import ACTIVATIONS
from core.hyperparams import OPTIMIZERS
from core.init import MAX_SEED, linear_weight
from core.optimizer_spec import OptimizerSpec
from core.parse import parse_list, parse_number
from core.problem import DTYPES, Problem
from core.session import Session, SessionState, default_state
from core.session_file import SessionFileError, load, save

EXIT_BAD_ARGUMENTS = 2
EXIT_DIVERGED = 3

# option name -> (hyperparameter names it sets, how to parse its text)
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


def _number(what: str):
    def convert(text: str) -> float:
        try:
            return parse_number(text, what)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    return convert


def _numbers(what: str):
    def convert(text: str) -> list[float]:
        try:
            return parse_list(text, what)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    return convert


def _whole(what: str, low: int, high: int):
    def convert(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} {text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
        return value
    return convert


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py", description="Gradients of a = f(W·x), L = mean((a − y)²) by hand, by torch autograd "
                "and by finite differences, and optimizer steps by hand-written numpy and by torch.optim. "
                "Lists take the form --x=-0.5,0.1,1.1 (with '=' so a leading minus is not read as an option).")
    p.add_argument("--headless", action="store_true", help="print to the terminal instead of opening the window")
    p.add_argument("--steps", type=_whole("--steps", 0, 10**7), default=1, help="updates to take (default 1)")
    p.add_argument("--seed", type=_whole("--seed", 0, MAX_SEED), help="W as nn.Linear has it after "
                   "torch.manual_seed(SEED) (default 0)")
    p.add_argument("--weights", type=_numbers("W"), help="W row-major: w11,w12,...,w_nm")
    p.add_argument("--x", type=_numbers("x"), help="input vector (default -0.5,0.1,1.1)")
    p.add_argument("--y", type=_numbers("y"), help="target vector (default 0.1,0.2,9.9)")
    p.add_argument("--activation", choices=list(ACTIVATIONS), help="default sigmoid")
    p.add_argument("--optimizer", choices=list(OPTIMIZERS), help="default adam")
    p.add_argument("--dtype", choices=list(DTYPES), help="precision of both engines (default float32)")
    hyper = p.add_argument_group("optimizer hyperparameters (torch's defaults unless given)")
    for name in ("lr", "momentum", "dampening", "weight_decay", "eps", "alpha", "lr_decay",
                 "initial_accumulator_value"):
        flag = "--" + name.replace("_", "-")
        hyper.add_argument(flag, dest=name, type=_number("value"))
    hyper.add_argument("--betas", type=_numbers("betas"), help="B1,B2 (Adam, AdamW)")
    for name in ("nesterov", "amsgrad", "centered"):
        hyper.add_argument("--" + name, action=argparse.BooleanOptionalAction)
    p.add_argument("--session", metavar="FILE", help="start from a saved session; other options change it")
    p.add_argument("--save", metavar="FILE", help="save the session after the steps")
    p.add_argument("--json", action="store_true", help="one JSON object per line for each state 0..N")
    return p


def session_from_args(args: argparse.Namespace) -> Session:
    """The session the options describe; ValueError (or SessionFileError) says what is wrong."""
    state = load(args.session) if args.session else default_state()
    problem = state.problem
    x = args.x if args.x is not None else problem.x
    y = args.y if args.y is not None else problem.y
    problem = Problem(x=x, y=y, activation=args.activation or problem.activation, dtype=args.dtype or problem.dtype)
    spec = _optimizer(args, state.optimizer)
    n_out, n_in = problem.n_out, problem.n_in
    if args.weights is not None and args.seed is not None:
        raise ValueError("give --weights or --seed, not both")
    if args.weights is not None:
        if len(args.weights) != n_out * n_in:
            raise ValueError(f"--weights has {len(args.weights)} numbers, but W is {n_out}×{n_in} "
                             f"(len(y) × len(x)) and needs {n_out * n_in}")
        weight = np.reshape(args.weights, (n_out, n_in))
    elif args.seed is not None or state.manual.weight.shape != (n_out, n_in):
        weight = linear_weight(args.seed or 0, n_out, n_in)
    else:
        weight = None
    if args.session and weight is None:
        session = Session(state)
        _apply_edits(session, problem, spec)
        return session
    return Session(SessionState.start(problem, spec, weight if weight is not None else state.start_weight))


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
                raise ValueError(f"{_flag(option)} does not apply to {spec.info.label}, which takes "
                                 f"{', '.join(_flags_of(spec))}")
            changes[name] = v
    return spec.replace(**changes)


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


def _flags_of(spec: OptimizerSpec) -> list[str]:
    names = {h.name for h in spec.info.hyperparameters}
    return [_flag(option) for option, sets in _HYPER_OPTIONS.items() if set(sets) <= names]


def _apply_edits(session: Session, problem: Problem, spec: OptimizerSpec) -> None:
    """Bring a loaded session to the options given on top of it, keeping its progress."""
    if session.problem.dtype != problem.dtype:
        session.set_dtype(problem.dtype)
    session.set_data(problem.x, problem.y)
    session.set_activation(problem.activation)
    if spec != session.optimizer:
        session.set_optimizer(spec)


def _matrix(m: np.ndarray, indent: str = "    ") -> str:
    rows = [" ".join(f"{v: .9g}".rjust(16) for v in row) for row in np.atleast_2d(m)]
    return "\n".join(indent + r for r in rows)


def _max_abs(a, b) -> float:
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


def print_report(session: Session, steps: int, out) -> int:
    """The human-readable report: the start, the three gradients, and W after the steps."""
    s, e = session.state, session.evaluate()
    p = s.problem
    w = lambda line="": print(line, file=out)  # noqa: E731
    w(f"Network   a = {p.activation}(W·x), L = mean((a − y)²), {p.n_out}×{p.n_in}, {p.dtype}")
    w(f"Optimizer {s.optimizer.describe()}")
    w(f"x = {p.x.tolist()}")
    w(f"y = {p.y.tolist()}")
    w()
    w(f"W at step {s.step} (torch layout: W[i][j] connects input j to output i)")
    w(_matrix(s.manual.weight))
    w()
    w(f"Loss      manual {e.forward.loss:.12g}   torch {e.torch.loss:.12g}   "
      f"|difference| {abs(e.forward.loss - e.torch.loss):.3g}")
    w()
    w("dL/dW by hand (numpy chain rule: outer(δ, x), δ = (2/n)(a − y) ⊙ f′(z))")
    w(_matrix(e.chain.dL_dW))
    w("dL/dW by torch autograd, at the same W")
    w(_matrix(e.autograd))
    w("dL/dW by central differences (float64)")
    w(_matrix(e.numeric))
    for name, d in (("hand vs autograd   ", e.manual_vs_autograd), ("hand vs differences", e.manual_vs_numeric)):
        verdict = "agree" if d.agree else "DISAGREE"
        w(f"  max |{name}| = {d.max_abs:.3g}  (relative {d.relative:.3g}; {verdict} within "
          f"rtol {d.tolerance.rtol:g}, atol {d.tolerance.atol:g})")
    if steps == 0:
        return 0
    session.step(steps)
    s = session.state
    w()
    w(f"W after {s.step} step{'s' if s.step != 1 else ''} by hand (numpy {s.optimizer.info.label})")
    w(_matrix(s.manual.weight))
    w(f"W after {s.step} step{'s' if s.step != 1 else ''} by torch.optim.{s.optimizer.info.label}")
    w(_matrix(s.torch.weight))
    w(f"  max |hand − torch| = {_max_abs(s.manual.weight, s.torch.weight):.3g}")
    reason = session.divergence()
    if reason:
        return _diverged(reason)
    e = session.evaluate()
    w(f"Loss now  manual {e.forward.loss:.12g}   torch {e.torch.loss:.12g}")
    return 0


def state_record(session: Session) -> dict:
    """One --json line: loss, the three gradients and both weights at the current state."""
    s, e = session.state, session.evaluate()
    return {
        "step": s.step,
        "loss": {"manual": e.forward.loss, "torch": e.torch.loss},
        "grad": {"manual": e.chain.dL_dW.tolist(), "torch": e.autograd.tolist(), "numeric": e.numeric.tolist()},
        "weight": {"manual": s.manual.weight.tolist(), "torch": s.torch.weight.tolist()},
    }


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
    except SessionFileError as e:
        parser.error(str(e))
    except ValueError as e:
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
