"""The interface language: English (the source text) or Simplified Chinese, switched at run time.

Installing a translator makes Qt send every widget a LanguageChange event; widgets then re-set their text
(gui.i18n.Retranslatable). Qt's own strings (standard dialog buttons) come from the qtbase catalogue that ships
with PySide6.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

TRANSLATIONS = Path(__file__).parent / "translations"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each named in its own language, so anyone can find theirs


class Language(QObject):
    """Which language is installed; set() switches, changed tells who keeps language-dependent state."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.code = "en"

    def set(self, code: str) -> None:
        """Switch to `code` (a key of LANGUAGES); ValueError if unknown or its catalogue is missing."""
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; choose one of: {', '.join(LANGUAGES)}")
        if code == self.code:
            return
        translators = []
        if code != "en":
            ours = QTranslator(self)
            if not ours.load(str(TRANSLATIONS / f"stepper_{code}.qm")):
                raise ValueError(f"the {LANGUAGES[code]} translation is missing from {TRANSLATIONS}")
            qt = QTranslator(self)
            if qt.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                translators.append(qt)
            translators.append(ours)
        app = QCoreApplication.instance()
        for old in self._translators:
            app.removeTranslator(old)
        for new in translators:
            app.installTranslator(new)
        self._translators = translators
        self.code = code
        self.changed.emit(code)
