"""Windows and macOS as well as Linux: Chinese in each platform's Simplified Chinese font, no Unix-only paths."""

import ast
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication

from gui.style import CJK_FALLBACK, CJK_FAMILIES, with_cjk_fallback

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("platform, family", [("win32", "Microsoft YaHei"), ("darwin", "PingFang SC"),
                                              ("linux", "Noto Sans CJK SC")])
def test_chinese_falls_back_to_the_platforms_simplified_chinese_font(qapp, platform, family):
    base = QApplication.font()
    font = with_cjk_fallback(base, platform)
    assert font.families() == [QFontInfo(base).family(), family]
    assert QFontInfo(font).family() == QFontInfo(base).family()  # Latin text keeps its font


def test_chinese_text_is_drawn_in_simplified_chinese_forms_here(qapp):
    """On this machine Qt's own choice was Noto Sans CJK JP: Japanese forms of the shared characters."""
    expected = CJK_FAMILIES.get(sys.platform, CJK_FALLBACK)
    layout = QTextLayout("损失地形 loss", with_cjk_fallback(QApplication.font()))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    drawn = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert expected in drawn or not QFontDatabase.hasFamily(expected)  # where it is installed, it is used
    assert QFontInfo(QApplication.font()).family() in drawn  # and the Latin letters stay in the window's font


UNIX_ONLY = ("/tmp", "/usr", "/proc", "/home", "/etc", "~/", ".local/", ".config/", "DejaVu", "Noto Sans CJK JP")


def test_the_program_names_no_unix_only_paths_or_fonts():
    """Folders come from QStandardPaths and Path, fonts from gui.style's per-platform table."""
    found = []
    for path in [ROOT / "main.py", *sorted((ROOT / "core").glob("*.py")), *sorted((ROOT / "gui").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}  # docstrings may say so
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
                found += [f"{path.name}: {node.value!r}" for word in UNIX_ONLY if word in node.value]
    assert found == []
