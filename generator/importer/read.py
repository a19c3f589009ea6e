"""Read an official text from disk and tell which form it is in."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.errors import Problem, UnstructurableTextError

Format = Literal["text", "pdf-text", "pdf"]
FORMATS: tuple[Format, ...] = ("text", "pdf-text", "pdf")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    data: bytes
    format: Format
    sha256: str

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")


_TEXT_LAYER = re.compile(rb"^\s*(?:[0-9]{2}-[0-9]{5}\s*\([A-Z]\)|\*[0-9]{7,}\*\s*$)", re.MULTILINE)


def detect_format(data: bytes) -> Format:
    """``pdf`` for a PDF, ``pdf-text`` for a PDF's raw text layer, ``text`` otherwise.

    A raw text layer betrays itself by its page furniture: form feeds between pages, the job
    number ``18-17962 (E)`` or the barcode ``*1817962*`` on a line of its own.
    """
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    head = data[:200_000]
    if b"\f" in head or _TEXT_LAYER.search(head):
        return "pdf-text"
    return "text"


def read_source(path: Path, forced: Format | None = None) -> SourceFile:
    """Read ``path``; fail with a clear message for a missing, empty or binary file."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnstructurableTextError([Problem(shown, 0, "no such file")]) from None
    except IsADirectoryError:
        raise UnstructurableTextError([Problem(shown, 0, "is a folder, not a file")]) from None
    except OSError as exc:
        raise UnstructurableTextError([Problem(shown, 0, f"cannot be read: {exc.strerror}")]) from None
    if not data.strip():
        raise UnstructurableTextError(
            [Problem(shown, 0, "the file is empty", hint="give the official text of a resolution")]
        )
    fmt = forced or detect_format(data)
    if fmt != "pdf":
        if b"\x00" in data[:8192]:
            raise UnstructurableTextError(
                [
                    Problem(
                        shown,
                        0,
                        "this is a binary file, not a text",
                        hint="give a text file (UTF-8) or the official PDF",
                    )
                ]
            )
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise UnstructurableTextError(
                [
                    Problem(
                        shown,
                        line,
                        "the text is not valid UTF-8",
                        repr(data[max(0, exc.start - 20) : exc.start + 20]),
                        "save the file as UTF-8",
                    )
                ]
            ) from None
    return SourceFile(path, data, fmt, hashlib.sha256(data).hexdigest())
