"""WSGI entry point (gunicorn neonum.wsgi). Production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "neonum.settings.prod")

application = get_wsgi_application()
