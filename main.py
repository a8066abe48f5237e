"""backprop stepper: `python main.py` opens the window; `python main.py --headless` prints to the terminal."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--headless" in argv:
        from core.cli import main as headless

        return headless(argv)
    from gui.app import main as window

    return window(argv)


if __name__ == "__main__":
    sys.exit(main())
