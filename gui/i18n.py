"""Translation helpers: core's marked text, and widgets that re-set their text when the language changes."""

from PySide6.QtCore import QCoreApplication, QEvent


def core_text(text: str) -> str:
    """`text` marked in core with QT_TRANSLATE_NOOP("core", ...), in the current language."""
    return QCoreApplication.translate("core", text)


class Retranslatable:
    """Mixin for a QWidget whose fixed text is set in retranslate(): called once by the subclass's constructor,
    then again whenever Qt announces a new language."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
