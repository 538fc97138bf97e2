"""Log formats shared by Django (settings.LOGGING) and gunicorn (neonum.gunicorn_conf).

Lines are JSON objects (python-json-logger) with the request's id: django-guid sets it in
Django's records; gunicorn's access lines read it back from the response's X-Request-ID."""

import logging

# Times in UTC (the "timestamp" field): gunicorn's master and Django's workers agree.
JSON_FORMAT = "%(levelname)s %(name)s %(message)s %(request_id)s"
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


def formatters():
    return {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": JSON_FORMAT,
            "rename_fields": {"levelname": "level"},
            "timestamp": True,
        },
        "text": {"format": TEXT_FORMAT},
    }


class RequestId(logging.Filter):
    """The id django-guid gave the current request, as `request_id`; '-' outside one."""

    def filter(self, record):
        from django_guid import get_guid

        record.request_id = get_guid() or "-"
        return True


class NoRequest(logging.Filter):
    """gunicorn's own lines belong to no request."""

    def filter(self, record):
        record.request_id = "-"
        return True


class AccessFields(logging.Filter):
    """Spreads a gunicorn access line's values into fields of their own."""

    FIELDS = {"method": "m", "path": "U", "query": "q", "status": "s", "bytes": "B",
              "duration_ms": "M", "client": "h", "request_id": "{x-request-id}o"}  # fmt: skip

    def filter(self, record):
        atoms = record.args if isinstance(record.args, dict) else {}
        for field, atom in self.FIELDS.items():
            setattr(record, field, atoms.get(atom, "-"))
        return True


def gunicorn_logging(level, style):
    access_format = {
        "json": {**formatters()["json"], "format": JSON_FORMAT + " %(method)s %(path)s "
                 "%(query)s %(status)s %(bytes)s %(duration_ms)s %(client)s %(process)d"},
        "text": formatters()["text"],
    }[style]  # fmt: skip
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "no_request": {"()": "neonum.logs.NoRequest"},
            "access": {"()": "neonum.logs.AccessFields"},
        },
        "formatters": {"default": formatters()[style], "access": access_format},
        "handlers": {
            "error": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["no_request"],
                "stream": "ext://sys.stderr",
            },
            "access": {
                "class": "logging.StreamHandler",
                "formatter": "access",
                "filters": ["access"],
                "stream": "ext://sys.stdout",
            },
        },  # fmt: skip
        "root": {"level": "WARNING", "handlers": ["error"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": ["error"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        },
    }
