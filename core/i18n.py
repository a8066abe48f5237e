"""Marking core's visible text for translation without importing Qt.

Qt's lupdate finds calls named QT_TRANSLATE_NOOP in any Python file and puts their text in the translation
files; here the call does nothing, and the window translates the text under the same context when it shows it
(gui.i18n.core_text). Templates keep their {placeholders}, filled in after translating.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text
