"""Translation helpers: core's marked text, and widgets that re-set their text when the language changes."""

from PySide6.QtCore import QCoreApplication, QEvent

from core.i18n import Message


def core_text(text: str) -> str:
    """`text` marked in core with QT_TRANSLATE_NOOP("core", ...), in the current language; a core Message is
    translated from its template, then filled in with its values (translated too, where they are Messages)."""
    if isinstance(text, Message):
        values = {k: core_text(v) if isinstance(v, Message) else v for k, v in text.values.items()}
        return QCoreApplication.translate("core", text.template).format(**values)
    return QCoreApplication.translate("core", text)


def error_text(error: Exception) -> str:
    """Why something failed, in the current language: the OS's reason for an OSError (already in the user's
    language), a core Message translated, else the exception's text."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return core_text(error.args[0]) if error.args and isinstance(error.args[0], str) else str(error)


CLOSING_PUNCTUATION = "。！？；："  # full-width: the next sentence follows without a space


def sentences(*parts: str) -> str:
    """Sentences run on as their language writes them: after a full-width full stop at once, else after a space."""
    text = ""
    for part in filter(None, parts):
        text += ("" if not text or text[-1] in CLOSING_PUNCTUATION else " ") + part
    return text


class Retranslatable:
    """Mixin for a QWidget whose fixed text is set in retranslate(): called once by the subclass's constructor,
    then again whenever Qt announces a new language."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
