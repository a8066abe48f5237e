"""Translation helpers: core's marked text, and widgets that re-set their text when the language changes."""

from PySide6.QtCore import QCoreApplication, QEvent

from core.i18n import Message


class Phrase(str):
    """Text the window makes for the core to keep, such as a run's undo entry: the English, with the context,
    source and values it was made from, so that core_text shows it in the language of the moment."""

    context: str
    source: str  # marked with QT_TRANSLATE_NOOP(context, ...), with %1, %2, … for the values
    values: tuple[str, ...]

    def __new__(cls, context: str, source: str, *values) -> "Phrase":
        values = tuple(map(str, values))
        phrase = super().__new__(cls, _filled(source, values))
        phrase.context, phrase.source, phrase.values = context, source, values
        return phrase


def _filled(text: str, values: tuple[str, ...]) -> str:
    """`text` with %1, %2, … replaced by `values`."""
    for k, value in enumerate(values, 1):
        text = text.replace(f"%{k}", value)
    return text


def core_text(text: str) -> str:
    """`text` marked in core with QT_TRANSLATE_NOOP("core", ...), in the current language; a core Message is
    translated from its template, then filled in with its values (translated too, where they are Messages); a
    Phrase from its own context."""
    if isinstance(text, Phrase):
        return _filled(QCoreApplication.translate(text.context, text.source), text.values)
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
