import json

import pytest

from neonum import health

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_each_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "queue": "ok"},
    }


def test_a_failing_check_answers_503_naming_it_without_its_message(client, monkeypatch):
    def queue():
        raise ConnectionError("password=hunter2 host=10.0.0.5")

    monkeypatch.setitem(health.CHECKS, "queue", queue)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "fail"
    assert body["checks"]["queue"] == "fail: ConnectionError"
    assert body["checks"]["database"] == "ok"
    assert b"hunter2" not in response.content and b"10.0.0.5" not in response.content


def test_unapplied_migrations_make_the_site_unhealthy(monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("actors", False)]
    )
    with pytest.raises(RuntimeError, match="1 migrations not applied"):
        health.migrations()


def test_a_cache_that_keeps_nothing_is_unhealthy(monkeypatch):
    monkeypatch.setattr(health.default_cache, "get", lambda key: None)
    with pytest.raises(RuntimeError):
        health.cache()
