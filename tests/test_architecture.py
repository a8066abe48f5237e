"""core/ never imports Qt; only core/torch_engine.py imports torch."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "qtpy", "shiboken6")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt():
    offenders = {p.name: _imports(p) & set(QT_MODULES) for p in (ROOT / "core").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_torch_engine_imports_torch_in_core():
    importers = sorted(p.name for p in (ROOT / "core").rglob("*.py") if "torch" in _imports(p))
    assert importers == ["torch_engine.py"]


def test_importing_the_session_loads_neither_qt_nor_torch():
    code = ("import sys, core.session, core.session_file, core.cli; "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES + ('torch',)!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
