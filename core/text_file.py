"""Reading a text file the user chose (a session, a data set), with one clear refusal for every way it can fail."""

import math
import os
import stat
from pathlib import Path
from typing import Callable, TypeVar

from core.i18n import QT_TRANSLATE_NOOP, Message

T = TypeVar("T")

CANNOT_OPEN = QT_TRANSLATE_NOOP("core", "Cannot open {path}: {reason}")
FOLDER = QT_TRANSLATE_NOOP("core", "it is a folder, not a file")
NOT_A_FILE = QT_TRANSLATE_NOOP("core", "it is not a regular file")
TOO_LARGE = QT_TRANSLATE_NOOP("core", "it is {size} MB; {kind} are at most {most} MB")
NOT_TEXT = QT_TRANSLATE_NOOP("core", "it is not a text file")


def read_text(path: str | os.PathLike, most_bytes: int, kind: str, parse: Callable[[str], T],
              error: type[ValueError]) -> T:
    """parse(the file's UTF-8 text); any failure, the parser's included, is `error` naming the file and the
    problem. `kind` names such files in a refusal ("session files", "data files")."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error(Message(FOLDER))
        if not stat.S_ISREG(info.st_mode):  # a device or a pipe could block or never end
            raise error(Message(NOT_A_FILE))
        if info.st_size > most_bytes:
            raise error(Message(TOO_LARGE, size=math.ceil(info.st_size / 2**20), kind=kind, most=most_bytes // 2**20))
        return parse(path.read_bytes().decode("utf-8"))
    except error as e:
        raise error(Message(CANNOT_OPEN, path=str(path), reason=e.args[0])) from None
    except OSError as e:
        raise error(Message(CANNOT_OPEN, path=str(path), reason=e.strerror or str(e))) from None
    except UnicodeDecodeError:
        raise error(Message(CANNOT_OPEN, path=str(path), reason=Message(NOT_TEXT))) from None
