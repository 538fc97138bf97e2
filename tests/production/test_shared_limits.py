"""Two real gunicorn workers share every rate limit: concurrent requests, answered by both
workers, are let through exactly up to the limit."""

import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings
from django.db import connection

from contributions.services import logins
from contributions.services.suggestions import form_token
from tests.factories import ActorFactory
from tests.support.gunicorn import start_gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

REQUESTS = 14
WRONG = "L’adresse e-mail ou le mot de passe sont incorrects."
TOO_MANY = "Trop de tentatives de connexion échouées."


@pytest.fixture
def server(reference_tx):
    env = {
        # Test settings: static files from the source folders, no collectstatic needed.
        "DJANGO_SETTINGS_MODULE": "neonum.settings.test",
        "NEONUM_PG_DB": connection.settings_dict["NAME"],
        # The form's signed start time is made by this process.
        "SECRET_KEY": settings.SECRET_KEY,
        "SUGGESTIONS_PER_HOUR": "5",
    }
    with start_gunicorn(workers=2, env=env) as gunicorn:
        yield gunicorn.url, gunicorn


def in_parallel(function, count):
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(function, range(count)))


def workers_that_answered(gunicorn, path):
    """Worker processes named by gunicorn's access lines (JSON, neonum/logs.py) for `path`."""
    lines = [json.loads(line) for line in gunicorn.log().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["name"] == "gunicorn.access"]
    return len({line["process"] for line in access if path in line["path"]})


def test_suggestions_per_hour_hold_exactly_across_workers(server):
    url, access = server
    actor = ActorFactory(name="Atelier Partagé")
    page = f"{url}/fr/acteurs/{actor.slug}/suggerer/"

    def suggest(_):
        session = requests.Session()
        session.get(page, timeout=30)
        data = {
            "text": "Nouveaux horaires.",
            "started": form_token(time.time() - 10),
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        }
        return session.post(page, data=data, allow_redirects=False, timeout=30).status_code

    statuses = in_parallel(suggest, REQUESTS)
    assert sorted(statuses) == [302] * 5 + [400] * (REQUESTS - 5)
    assert workers_that_answered(access, "/suggerer/") == 2


def login_attempts(url, logins):
    page = f"{url}/fr/compte/login/"

    def attempt(index):
        session = requests.Session()
        session.get(page, timeout=30)
        data = {
            "login": logins[index],
            "password": "pas le bon mot de passe",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        }
        text = session.post(page, data=data, timeout=30).text
        return "throttled" if TOO_MANY in text else "wrong" if WRONG in text else text[:200]

    return in_parallel(attempt, len(logins))


def test_wrong_passwords_for_one_account_are_throttled_exactly_after_five(server):
    url, access = server
    answers = login_attempts(url, ["proprio@example.org"] * REQUESTS)
    free = logins.FREE
    assert sorted(answers) == ["throttled"] * (REQUESTS - free) + ["wrong"] * free
    assert workers_that_answered(access, "/compte/login/") == 2


def test_wrong_passwords_from_one_address_are_limited_exactly_whatever_the_account(server):
    url, _ = server
    answers = login_attempts(url, [f"inconnu{i}@example.org" for i in range(REQUESTS)])
    limit = logins.PER_ADDRESS
    assert sorted(answers) == ["throttled"] * (REQUESTS - limit) + ["wrong"] * limit
