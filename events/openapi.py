"""The agenda's part of the API's OpenAPI description (opendata.openapi adds it): its
parameters are read from the agenda's form, so the documentation follows what it accepts."""

from django.conf import settings
from django.utils.translation import gettext as _

from opendata.openapi import BOOLEAN, STRING, STRINGS, _download, _json, _ref

from .filters import AgendaForm
from .models import PlaceKind, Price

NULLABLE_STRING = {**STRING, "nullable": True}
TEXTS = {"type": "object", "properties": {"fr": STRING, "eu": STRING, "es": STRING}}
REPEATABLE = ("theme", "public", "commune", "actor")


def _parameters():
    found = []
    for name, field in AgendaForm.base_fields.items():
        if name in REPEATABLE:
            schema = {"type": "array", "items": STRING}
        elif name in ("since", "until"):
            schema = {**STRING, "format": "date"}
        elif name == "past":
            schema = BOOLEAN
        elif hasattr(field, "choices"):
            schema = {**STRING, "enum": [value for value, _label in field.choices if value]}
        else:
            schema = STRING
        parameter = {"name": name, "in": "query", "required": False, "schema": schema,
                     "description": str(field.label)}  # fmt: skip
        if name in REPEATABLE:
            parameter.update(style="form", explode=True)
        found.append(parameter)
    return found


def _event_schema():
    place = {
        "type": "object",
        "properties": {
            "kind": {**STRING, "enum": PlaceKind.values},
            "actor": NULLABLE_STRING,
            "street_address": STRING,
            "commune": STRING,
            "latitude": {"type": "number", "nullable": True},
            "longitude": {"type": "number", "nullable": True},
            "online_url": NULLABLE_STRING,
        },
    }
    return {
        "type": "object",
        "properties": {
            "slug": STRING, "url": STRING, "title": TEXTS, "summary": TEXTS, "description": TEXTS,
            "start": {**STRING, "description": _("ISO 8601 ; une date seule : toute la journée.")},
            "end": STRING, "all_day": BOOLEAN,
            "rrule": {**NULLABLE_STRING, "description": _("Règle de récurrence RFC 5545.")},
            "exdates": STRINGS, "place": place, "actor": STRING, "organisers": STRINGS,
            "registration_url": NULLABLE_STRING, "price": {**STRING, "enum": Price.values},
            "accessibility": STRING, "capacity": {"type": "integer", "nullable": True},
            "themes": STRINGS, "publics": STRINGS, "updated_at": STRING,
        },
    }  # fmt: skip


def extend(document):
    """Adds the agenda's paths and schemas to the API's document."""
    ok = _("Succès")
    filters = _parameters()
    paging = [
        {"name": "page", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "default": 1}},
        {"name": "page_size", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE,
                    "default": settings.API_PAGE_SIZE}},
    ]  # fmt: skip
    tags = [_("Agenda")]
    document["paths"].update(
        {
            "/api/v1/events/": {
                "get": {
                    "summary": _("Événements publiés ayant une date dans la période, paginés"),
                    "operationId": "list_events",
                    "tags": tags,
                    "parameters": [*filters, *paging],
                    "responses": {
                        "200": _json(_ref("EventPage"), ok),
                        "400": _json(_ref("Errors"), _("Paramètres invalides")),
                        "404": _json(_ref("Errors"), _("Page hors limites")),
                    },
                }
            },
            "/api/v1/events/{event}/": {
                "get": {
                    "summary": _("Un événement publié"),
                    "operationId": "get_event",
                    "tags": tags,
                    "parameters": [
                        {"name": "event", "in": "path", "required": True, "schema": STRING}
                    ],
                    "responses": {
                        "200": _json(_ref("Event"), ok),
                        "404": _json(_ref("Errors"), _("Introuvable")),
                    },
                }
            },
            "/export/agenda.ics": _download(
                _("L'agenda en iCalendar (RFC 5545)"), "agenda_ics", "text/calendar", filters
            ),
        }
    )
    schemas = document["components"]["schemas"]
    schemas["Event"] = _event_schema()
    schemas["EventPage"] = {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": NULLABLE_STRING,
            "previous": NULLABLE_STRING,
            "results": {"type": "array", "items": _ref("Event")},
        },
    }
    return document
