import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROD = {"DJANGO_SETTINGS_MODULE": "neonum.settings.prod"}
GOOD = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x9Zq" * 10,
    "ALLOWED_HOSTS": "carto.example.org",
}


def manage(*args, env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={**PROD, "ALLOWED_HOSTS": "carto.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env={**PROD, "SECRET_KEY": GOOD["SECRET_KEY"]})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={**PROD, **GOOD})
    assert result.returncode == 0, result.stdout + result.stderr


def test_database_url_points_everything_elsewhere():
    code = (
        "import django; from django.conf import settings; django.setup();"
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "neonum.settings.dev",
           "DATABASE_URL": "postgis://user:pw@db.example.org:5433/carto"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [
        "django.contrib.gis.db.backends.postgis", "db.example.org", "5433", "carto",
    ]  # fmt: skip
