"""Marking core's visible text for translation without importing Qt.

Qt's lupdate finds calls named QT_TRANSLATE_NOOP in any Python file and puts their text in the translation
files; here the call does nothing, and the window translates the text under the same context when it shows it
(gui.i18n.core_text). Templates keep their {placeholders}, filled in after translating.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


class Message(str):
    """English text that keeps the template and values it was made from, so a window can show it translated.

    It is a str (the English), so everything that prints, compares or writes it is unchanged. Values may be
    Messages themselves; gui.i18n.core_text translates those too.
    """

    template: str
    values: dict

    def __new__(cls, template: str, **values) -> "Message":
        message = super().__new__(cls, template.format(**values))
        message.template, message.values = template, values
        return message
