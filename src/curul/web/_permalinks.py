"""Short permalinks for saved scenarios: ``POST /s`` stores a page's controls and answers with
``/s/<hash>``; ``GET /s/<hash>`` rebuilds the page from them (with a note of the curul version and data
it was saved with), ``/s/<hash>.json`` gives the stored row and the page's JSON."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from curul.report import Presentable
from curul.web._field_errors import FieldError
from curul.web._formats import Format, requested_format
from curul.web._negotiation import respond
from curul.web._pages import registry
from curul.web._params import Lang
from curul.web._store import HASH_LENGTH, ScenarioStore
from curul.web._templates import language_of

router = APIRouter()
MAX_PARAM = 1024 * 1024  # an uploaded votes file is kept whole; the request body bound is 2 MiB

Hash = Annotated[str, Path(pattern=f"^[0-9a-f]{{{HASH_LENGTH}}}$", description="A saved scenario's hash.")]


def _store(request: Request) -> ScenarioStore:
    store: ScenarioStore = request.app.state.store
    return store


async def save(request: Request) -> Response:
    """Save a page's controls (form fields ``page`` and the page's own parameters)."""
    form = await request.form()
    key = str(form.get("page") or "")
    page = registry().get(key)
    if page is None:
        raise FieldError(
            "page", f"unknown page {key!r} (pages: {', '.join(p.key for p in registry().pages)})"
        )
    params: dict[str, str] = {}
    for name in page.params:
        value = form.get(name)
        if isinstance(value, str) and value:
            if len(value) > MAX_PARAM:
                raise FieldError(name, f"too long to save (more than {MAX_PARAM:,} characters)")
            params[name] = value
    saved = _store(request).save(page.key, params)
    url = language_of(request).href(f"/s/{saved.hash}")
    if requested_format(request) is Format.JSON:
        return JSONResponse({"hash": saved.hash, "url": url, "saved": saved.as_dict()}, status_code=201)
    return RedirectResponse(url, status_code=303)


def saved_page(request: Request, key: Hash, lang: Lang = "es") -> Response:
    """A saved scenario's page, rebuilt from its stored controls."""
    saved = _store(request).get(key)
    if saved is None:
        raise FieldError(None, language_of(request).t("saved.missing", hash=key), status=404)
    page = registry().get(saved.page)
    if page is None:
        raise FieldError(None, f"the page {saved.page!r} of this scenario no longer exists", status=404)
    view = page.build(request, saved.params)
    if requested_format(request) is Format.JSON:
        data = view.data.as_dict() if isinstance(view.data, Presentable) else dict(view.data)
        view = replace(view, data={"saved": saved.as_dict(), "page": page.path, "result": data})
    return respond(request, replace(view, context={**view.context, "saved": saved}))


router.add_api_route("/s", save, methods=["POST"], name="save_scenario", response_class=Response)
# the .json route first: "/s/{key}" would otherwise take "<hash>.json" as its key
router.add_api_route("/s/{key}.json", saved_page, methods=["GET"], name="saved_scenario_json")
router.add_api_route("/s/{key}", saved_page, methods=["GET"], include_in_schema=False)
