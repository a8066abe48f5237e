"""backprop stepper: `python main.py` opens the window; `python main.py --headless` prints to the terminal."""

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
    from gui.app import main as window

    return window(argv)


if __name__ == "__main__":
    utf8_output()
    sys.exit(main())
