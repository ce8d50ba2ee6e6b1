"""The Jinja2 environment of the pages: autoescaped, strict about undefined names, loaded from the
package; every template sees the reader's language (``lang``), the page registry (``pages``) and the
request's path and controls, so the layout can build the navigation and the language switch."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from curul import __version__
from curul.web._formats import base_path
from curul.web._i18n import DEFAULT, LANGUAGES, Language
from curul.web._pages import registry


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("curul.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def language_of(request: Request) -> Language:
    """The language asked for with ``?lang=``; Spanish when none (or an unknown one) is given."""
    code = request.query_params.get("lang", DEFAULT)
    return Language(code if code in LANGUAGES else DEFAULT)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = language_of(request)
    path = base_path(request.url.path)
    params = dict(request.query_params)
    full = {
        "lang": lang,
        "t": lang.t,
        "path": path,
        "params": params,
        "pages": registry().pages,
        "switch_href": lang.switch_href(path, params),
        **context,
    }
    html = environment().get_template(template).render(full)
    return HTMLResponse(html, status_code=status)
