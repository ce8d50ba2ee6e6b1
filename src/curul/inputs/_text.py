"""Reading a user's file as text: regular files only (``-`` is standard input, explicitly), bounded in
size, decoded as UTF-8 (a byte-order mark is accepted) with a bad byte reported at its line and column.

A FIFO, a device or a socket is refused before anything is read, so a mistaken path cannot hang the
program; the check is made on the opened file itself, so the path cannot be swapped in between.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from curul.errors import InputError
from curul.inputs._limits import LIMITS, Limits

STDIN = "-"
BOM = "\ufeff"


@dataclass(frozen=True)
class UserText:
    """A user's file as text, with the name errors should give it (``<stdin>`` for standard input)."""

    name: str
    text: str


def _read_bounded(handle: BinaryIO, name: str, limits: Limits) -> bytes:
    data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InputError(name, f"file too large (more than {limits.max_bytes:,} bytes)")
    return data


def _open_regular(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file (a FIFO, device or socket)"
        raise InputError(path, f"is {kind}; give a file, or - for standard input")
    os.set_blocking(fd, True)
    return fd


def read_bytes(path: str | Path, *, limits: Limits = LIMITS) -> tuple[str, bytes]:
    """The name to report and the bytes of ``path`` (``-``: standard input), within ``limits``."""
    if str(path) == STDIN:
        return "<stdin>", _read_bounded(sys.stdin.buffer, "<stdin>", limits)
    path = Path(path)
    fd = _open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > limits.max_bytes:
            raise InputError(path, f"file too large (more than {limits.max_bytes:,} bytes)")
        return str(path), _read_bounded(handle, str(path), limits)


def decode(name: str, data: bytes) -> str:
    """UTF-8 text without its byte-order mark; a byte that is not UTF-8 is reported where it is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            name, f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be read", line=line, column=column
        ) from None
    return text[1:] if text.startswith(BOM) else text


def read_text(path: str | Path, *, limits: Limits = LIMITS) -> UserText:
    """A user's file (or ``-``, standard input) as UTF-8 text, refused with a one-line error otherwise."""
    name, data = read_bytes(path, limits=limits)
    return UserText(name, decode(name, data))
