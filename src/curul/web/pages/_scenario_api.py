"""``/api/scenario``'s parameters: the What-if page's, under English names — ``date``, ``base``,
``example``, the readings by name, and for event ``i`` the library's field names (``e1_type``,
``e1_date``, ``e1_yes``…, :data:`curul.history.EVENT_FIELDS`) — declared for the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from curul.web.pages import _scenario_form as form

#: API name -> the page's parameter.
NAMES: dict[str, str] = (
    {"date": "fecha", "base": "base", "example": "ejemplo"}
    | {name: name for name in form.READING_NAMES}
    | {
        f"e{row}_{library}": form.event_param(row, page)
        for row in range(1, form.MAX_ROWS + 1)
        for library, page in form.FIELD_NAMES.items()
    }
)


def _model() -> type[BaseModel]:
    text = (str | None, Field(default=None, max_length=120))
    fields: dict[str, Any] = dict.fromkeys(NAMES, text)
    fields["date"] = (
        str | None,
        Field(default=None, max_length=10, description="Starting day (YYYY-MM-DD)."),
    )
    fields["example"] = (str | None, Field(default=None, max_length=64, description="An example's name."))
    model: type[BaseModel] = create_model("ScenarioApiQuery", __config__=ConfigDict(extra="ignore"), **fields)
    return model


Query = _model()


def page_params(given: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The page's parameters for the API's, and the page's field names back to the API's."""
    params = {NAMES[k]: v for k, v in given.items() if k in NAMES and isinstance(v, str)}
    return params, {page: api for api, page in NAMES.items()}
