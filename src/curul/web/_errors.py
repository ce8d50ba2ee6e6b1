"""How the dashboard answers a mistake or a failure.

* A user's mistake is a 422 that names the form field (a ``FieldError``, see ``_field_errors``);
  FastAPI's own validation (a parameter of the wrong type or out of range) names the parameter. Pages
  show the message in the layout; the JSON twin gives ``{"error": {"status", "field", "message"}}``.
* An unknown page is a 404 in the same layout.
* Anything else is a generic 500 page: the stack trace goes to the server's log, never to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

from curul.web._field_errors import FieldError, validation_problem
from curul.web._formats import Format, requested_format
from curul.web._security import MAX_BODY_BYTES, BodyTooLarge
from curul.web._templates import language_of, render

LOG = logging.getLogger("curul.web")


def _answer(request: Request, status: int, field: str | None, message: str, title_key: str) -> Response:
    error: dict[str, Any] = {"status": status, "field": field, "message": message}
    if requested_format(request) is not Format.HTML:
        return JSONResponse({"error": error}, status_code=status)
    language = language_of(request)
    context = {"error": error, "title": language.t(title_key)}
    template = "_error.html" if request.headers.get("hx-request") else "error.html"
    return render(request, template, context, status=status)


def _field_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FieldError)
    return _answer(request, exc.status, exc.field, exc.message, "error.invalid")


def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    field, message = validation_problem(exc.errors())
    return _answer(request, 422, field, message, "error.invalid")


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return _answer(request, 404, None, language_of(request).t("error.not_found"), "error.not_found")
    return _answer(request, exc.status_code, None, str(exc.detail), "error.invalid")


def _too_large(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(f"request body too large (more than {MAX_BODY_BYTES:,} bytes)\n", 413)


def _crash(request: Request, exc: Exception) -> Response:
    LOG.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    try:
        return _answer(request, 500, None, language_of(request).t("error.server"), "error.server_title")
    except Exception:  # the error page itself failed: a plain line, still without the trace
        return PlainTextResponse("internal error\n", status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(FieldError, _field_error)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(BodyTooLarge, _too_large)
    app.add_exception_handler(Exception, _crash)
