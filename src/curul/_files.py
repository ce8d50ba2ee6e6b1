"""Writing files so that a reader sees the old content or the new, never a partial one.

Neutral on purpose: the library (charts, caches, poll imports), the command line and the web all write
through :func:`write_atomic`, and none of them needs the terminal to do it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, content: str | bytes, *, parents: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    The folder must exist: a mistyped output path is an error, not a new directory tree. Only the
    program's own folders (the cache) are created, with ``parents=True``.
    """
    path = Path(path)
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written file should look like any other
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(content)
        elif isinstance(content, str):
            with os.fdopen(fd, "w", encoding="utf-8") as text:
                text.write(content)
        else:
            os.close(fd)
            raise TypeError(f"write_atomic writes str or bytes, not {type(content).__name__}")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
