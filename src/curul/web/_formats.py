"""Which form a request asks for (HTML, JSON or CSV), read from the path's suffix or the ``Accept``
header; kept apart from the rendering so error handlers and pages can both ask."""

from __future__ import annotations

from enum import Enum

from fastapi import Request

SUFFIXES = {".json": "json", ".csv": "csv"}


class Format(Enum):
    HTML = "html"
    JSON = "json"
    CSV = "csv"


def requested_format(request: Request) -> Format:
    """The form asked for: the path's suffix first, then the ``Accept`` header."""
    path = request.url.path
    for suffix, name in SUFFIXES.items():
        if path.endswith(suffix):
            return Format(name)
    accept = request.headers.get("accept", "")
    wanted = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if "application/json" in wanted and ("text/html" not in wanted or wanted[0] == "application/json"):
        return Format.JSON
    return Format.HTML


def base_path(path: str) -> str:
    """The page's path without its ``.json`` / ``.csv`` suffix."""
    for suffix in SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path
