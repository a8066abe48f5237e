"""English and Simplified Chinese: the catalogue is complete, current and compiled, and switching works live."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from core.session import Session
from gui.language import TRANSLATIONS, Language
from tools import translations

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = TRANSLATIONS / "stepper_zh_CN.ts"
PLACEHOLDERS = re.compile(r"%\d|\{\w*\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), m.findtext("source")): m.find("translation")
            for context in root.iter("context") for m in context.iter("message")}


def test_the_catalogue_holds_every_string_of_the_sources_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    translations.update(CATALOGUE, fresh)  # what lupdate finds in today's sources, with the committed translations
    ours, found = messages(CATALOGUE), messages(fresh)
    assert set(found) == set(ours), "run: python -m tools.translations update, translate, release"
    untranslated = [key for key, t in found.items() if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert untranslated == []
    assert len(found) > 250


def test_translations_keep_every_placeholder():
    for (context, source), translation in messages(CATALOGUE).items():
        assert sorted(PLACEHOLDERS.findall(translation.text)) == sorted(PLACEHOLDERS.findall(source)), (context,
                                                                                                      source)


def test_the_compiled_catalogue_is_the_committed_one(tmp_path):
    qm = tmp_path / "fresh.qm"
    translations.release(CATALOGUE, qm)
    assert qm.read_bytes() == CATALOGUE.with_suffix(".qm").read_bytes(), "run: python -m tools.translations release"


@pytest.fixture
def chinese(qapp):
    """Switch the application to Chinese for a test, and back to English whatever happens."""
    language = Language()
    yield language
    language.set("en")


def test_language_switches_core_text_too(chinese):
    from core.parse import parse_number
    from gui.i18n import core_text, error_text

    chinese.set("zh_CN")
    assert QCoreApplication.translate("core", "learning rate") == "学习率"
    with pytest.raises(ValueError) as refused:
        parse_number("abc", "W[1,2]")
    assert error_text(refused.value) == "W[1,2] 'abc' 不是数字：请输入例如 0.5 或 -1e-3"
    session = Session(load_torch=False)
    session.reset()
    assert core_text(session.undo_label) == "重置"
    from core.session_file import SessionFileError, loads

    with pytest.raises(SessionFileError) as bad_file:
        loads("{")
    assert error_text(bad_file.value).startswith("它不是有效的 JSON（第 1 行")
    chinese.set("en")
    assert error_text(refused.value) == str(refused.value)
    assert error_text(bad_file.value) == str(bad_file.value)
    with pytest.raises(ValueError, match="unknown language"):
        chinese.set("fr")


def window_texts(window) -> dict[str, str]:
    """The text of every action a user can reach (menus, sub-menus, tool bar, shortcuts) and every menu title."""
    found, seen = {}, set()

    def visit(actions, path):
        for k, a in enumerate(actions):
            if a.isSeparator() or id(a) in seen:
                continue
            seen.add(id(a))
            found[f"{path}/{a.objectName() or k}"] = a.text()
            if a.menu() is not None:
                visit(a.menu().actions(), f"{path}/{k}")

    window.files.recent_menu.aboutToShow.emit()  # as opening File → Open Recent fills it
    visit(window.menuBar().actions(), "menu")
    visit(window.training_bar.actions(), "tools")
    visit(window.actions(), "keys")
    return {k: v for k, v in found.items() if v}


def test_switching_language_changes_every_actions_text_and_back(qtbot, window):
    window.controller.step(3)
    english = window_texts(window)
    window.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: window.commands.step.text() == "单步", timeout=3000)
    QApplication.processEvents()
    chinese = window_texts(window)
    assert len(chinese) == len(english) > 40
    same = {english[name] for name in english if chinese.get(name) == english[name]}
    # a language's own name reads the same in every language; so does the language menu, named in both
    assert same <= {"English", "简体中文", "Language / 语言"}
    assert window.commands.undo.text() == "撤销 3 步"
    assert window.findChild(QAction, "language_zh_CN").isChecked()
    assert "损失" in window.loss_label.text()
    assert window.plot_tabs.tabText(window.plot_tabs.indexOf(window.landscape_page)) == "损失地形"
    window.findChild(QAction, "language_en").trigger()
    qtbot.waitUntil(lambda: window.commands.step.text() == "Step", timeout=3000)
    QApplication.processEvents()
    assert window_texts(window) == english


def test_lang_option_starts_in_chinese_and_is_remembered(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    own = ["--data-folder", str(tmp_path)]  # settings of its own, on every platform
    for args in (["--lang", "zh_CN"], []):
        result = subprocess.run([sys.executable, "main.py", "--quit-after", "300", *own, *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=120, env=env)
        assert result.returncode == 0, result.stderr
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        assert settings.value("ui/language") == "zh_CN"
    result = subprocess.run([sys.executable, "main.py", "--lang", "xx", *own], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_sentences_run_on_as_their_language_writes_them():
    from gui.i18n import sentences

    assert sentences("It diverged.", "Undo.") == "It diverged. Undo."
    assert sentences("它发散了。", "撤销。") == "它发散了。撤销。"
    assert sentences("", "Undo.", "") == "Undo."


def test_in_chinese_the_banner_and_the_plot_read_out_use_chinese_punctuation(qtbot, window):
    from PySide6.QtCore import QPointF

    from core.data import Batching
    from core.scenarios import scenario
    from tests.test_gui import settle

    window.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: window.commands.step.text() == "单步", timeout=3000)
    window.load_scenario(scenario("xor"))
    settle(qtbot, window)
    banner = window.banner.label.text()
    assert "。</b>" in banner and ".</b>" not in banner and "。 " not in banner
    window.controller.step(3)
    window.plot_tabs.setCurrentWidget(window.loss_page)
    settle(qtbot, window)
    view = window.loss_plot.plot_widget.getPlotItem().vb
    view.autoRange()
    middle = sum(view.viewRange()[1]) / 2  # (the read-out follows x; the scenario plots the loss on a log scale)
    window.loss_plot.plot_widget.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(2, middle)))
    text = window.loss_plot.readout.text()
    assert text.startswith("第 2 步：手算 ") and "，torch " in text and "," not in text
    loss_line = window.network_panel.loss_label.text()
    assert "手算 " in loss_line and "，torch 计算 " in loss_line and "," not in loss_line
    window.controller.session.set_batching(Batching(2))  # the boundary's caption gains a sentence on the ringed batch
    window.plot_tabs.setCurrentWidget(window.decision_page)
    settle(qtbot, window)
    caption = window.decision_plot.caption.text()
    assert caption.count("。") >= 2 and "。 " not in caption
    title = window.network_panel.title()  # the network's description: its words and commas in Chinese
    assert "2-4-1，tanh/identity，有偏置，bce" in title and "bias" not in title and "," not in title
    window.findChild(QAction, "language_en").trigger()
    qtbot.waitUntil(lambda: "2-4-1, tanh/identity, bias, bce" in window.network_panel.title(), timeout=3000)


def test_every_undo_entry_follows_the_language_whenever_it_was_made(qtbot, window, tmp_path):
    """Entries the window names itself (a run, a play, a scenario, an opened or restored file) as well as the
    core's: "撤销 运行 100 步" after switching, not "撤销 Run 100 steps"."""
    from core.scenarios import scenario
    from core.session_file import save
    from gui.autosave import Autosave

    def entries() -> list[str]:
        stack = window.controller.undo_stack
        return [stack.text(k) for k in range(stack.count())]

    def run(steps: int) -> None:
        window.run_count.setValue(steps)
        window.run()
        qtbot.waitUntil(lambda: not window._runner.running, timeout=20000)

    def switch(code: str, step: str) -> None:
        window.findChild(QAction, f"language_{code}").trigger()
        qtbot.waitUntil(lambda: window.commands.step.text() == step, timeout=3000)
        QApplication.processEvents()

    window.load_scenario(scenario("xor"))
    run(100)
    window.play(True)
    qtbot.waitUntil(lambda: window.controller.session.undo_label.startswith("Play"), timeout=10000)
    window.play(False)
    save(window.controller.session.state, tmp_path / "run.json")
    window.files.open(str(tmp_path / "run.json"))
    save(window.controller.session.state, tmp_path / "recovery.json")
    Autosave(window.controller, window, tmp_path / "recovery.json").offer_recovery(ask=False)
    try:
        switch("zh_CN", "单步")
        played = entries()[2]
        assert played.startswith("播放：") and played.endswith(" 步")
        assert entries() == ["XOR，四个隐藏单元：解决", "运行 100 步", played, "打开 run.json", "恢复"]
        assert window.commands.undo.text() == "撤销 恢复"
        run(1)  # made in Chinese: English after switching back
        assert entries()[-1] == "运行 1 步"
        switch("en", "Step")
        assert entries()[:2] + entries()[3:] == ["XOR with four hidden units: solved", "Run 100 steps", "Open run.json",
                                                 "Restore", "Run 1 step"]
        assert window.commands.undo.text() == "Undo Run 1 step"
    finally:
        window.language.set("en")
