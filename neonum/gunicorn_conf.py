"""gunicorn's settings for every deployment: `gunicorn -c python:neonum.gunicorn_conf neonum.wsgi`
(bin/serve, deploy/neonum-web.service). Environment: HOST and PORT (where to listen),
WEB_CONCURRENCY (workers), LOG_LEVEL and LOG_FORMAT, as for the site (see README)."""

import multiprocessing
import os

from neonum.logs import gunicorn_logging

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One per core plus one, not gunicorn's two per core plus one: PostgreSQL runs on the same
# cores and a page's time is CPU, its own or PostgreSQL's, more than waiting. On two cores
# the load test gave 63-64 req/s with p95 241-262 ms with 3 workers, 49-57 req/s with p95
# 308-378 ms with 5: more workers only share the same cores among more requests at once
# (README "Load", tenth round).
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() + 1)
# A worker silent this long is killed and replaced; a request never needs that much.
timeout = 30
graceful_timeout = 20
# Replaced now and then, so that a slow leak in a dependency never grows.
max_requests = 2000
max_requests_jitter = 200
# No control socket: its one default path would be shared by every instance on the machine.
control_socket_disable = True
accesslog = "-"
logconfig_dict = gunicorn_logging(
    level=os.environ.get("LOG_LEVEL", "INFO"), style=os.environ.get("LOG_FORMAT", "json")
)
