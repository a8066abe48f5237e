"""backprop stepper: `python main.py` opens the window; `python main.py --headless` prints to the terminal."""

import gc
import sys


def utf8_output() -> None:
    """Print in UTF-8 whatever the terminal's code page: on Windows a pipe or a file gets the ANSI one (cp1252),
    which cannot write '−', '⊙' or Chinese, and printing them would crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--headless" in argv:
        from core.cli import main as headless

        return headless(argv)
    # Start-up allocates about a million objects (modules, classes, the window) that live as long as the window: the
    # collector's passes over them would free nothing. It is off until the first paint (gui.app turns it back on).
    gc.disable()
    # numpy and core before Qt: PySide6 installs an import hook that reads the source of every module imported after
    # it, to see whether it uses PySide6. The ~130 modules of numpy and core never do; imported first, they skip that
    # (2% of the instructions start-up runs, measured with callgrind)
    import core.datasets  # noqa: F401
    import core.parse  # noqa: F401
    import core.scenarios  # noqa: F401
    import core.session  # noqa: F401
    from gui.app import main as window

    return window(argv)


if __name__ == "__main__":
    utf8_output()
    sys.exit(main())
