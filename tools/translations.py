"""Refresh the translation catalogues from the sources, and compile them: python -m tools.translations

    update   pyside6-lupdate: gui/translations/*.ts gain new strings (unfinished) and lose vanished ones
    release  pyside6-lrelease: compile each .ts into the .qm the program loads

Translate in between with Qt Linguist (pyside6-linguist) or any editor: a .ts file is XML. Both tools ship with
PySide6-Essentials. tests/test_translations.py checks that the catalogues are complete and compiled.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "gui" / "translations"
SOURCES = sorted(str(p.relative_to(ROOT)) for folder in ("core", "gui") for p in (ROOT / folder).glob("*.py"))


def tool(name: str) -> str:
    """A PySide6 tool from the environment running this script."""
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def update(ts: Path, output: Path | None = None) -> None:
    """Collect the sources' strings into `output` (default: `ts` itself), keeping the translations `ts` has."""
    target = output or ts
    if output is not None:
        target.write_bytes(ts.read_bytes())
    subprocess.run([tool("lupdate"), *SOURCES, "-no-obsolete", "-locations", "none", "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)


def release(ts: Path, qm: Path | None = None) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm or ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "release"])
    command = parser.parse_args().command
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        (update if command == "update" else release)(ts)
        print(f"{command}: {ts.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
