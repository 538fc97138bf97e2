"""The example configurations of deploy/ are valid and name what exists: nginx and systemd
check their own files; the rest is read against the code, bin/pg and the README."""

import configparser
import importlib.util
import re
import shlex
import shutil
import subprocess

import pytest
from django.core.management import get_commands
from django.db import connection

from contributions.images import MAX_BYTES as LOGO_BYTES
from opendata.forms import MAX_UPLOAD_BYTES
from tests.support.gunicorn import ROOT

DEPLOY = ROOT / "deploy"
INSTALLED_AT = "/srv/neonum"
README = (ROOT / "README.md").read_text()


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((DEPLOY / name).read_text())
    return parser


def nginx_config(tmp_path):
    """deploy/nginx.conf in a minimal nginx.conf, with a throwaway certificate."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx.conf").read_text()
    site = re.sub(r"ssl_certificate (\S+);", f"ssl_certificate {tmp_path}/cert.pem;", site)
    site = re.sub(r"ssl_certificate_key (\S+);", f"ssl_certificate_key {tmp_path}/key.pem;", site)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "logs").mkdir()
    main = tmp_path / "main.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/logs/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; include {tmp_path}/site.conf; }}\n"
    )
    return main


def test_nginx_accepts_the_proxy_configuration(tmp_path):
    assert shutil.which("nginx"), "nginx is missing: bin/system-deps --test installs it"
    main = nginx_config(tmp_path)
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr, result.stderr


def test_nginx_passes_what_django_reads_and_accepts_the_largest_upload():
    site = (DEPLOY / "nginx.conf").read_text()
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Request-ID", "Host"):
        assert re.search(rf"proxy_set_header {header} \$", site), header
    size = re.search(r"client_max_body_size (\d+)m;", site)
    assert int(size[1]) * 1024 * 1024 > max(MAX_UPLOAD_BYTES, LOGO_BYTES)
    assert "server 127.0.0.1:8000;" in site  # gunicorn's default bind (neonum/gunicorn_conf.py)
    assert re.search(r"location /media/ \{\s*alias /srv/neonum/var/media/;", site)


@pytest.mark.parametrize("name", ["neonum-web.service", "neonum-worker.service"])
def test_systemd_accepts_the_units(tmp_path, name):
    """Checked where this checkout stands in for /srv/neonum, so that commands resolve."""
    systemd_analyze = shutil.which("systemd-analyze")
    if not systemd_analyze:
        pytest.skip("systemd-analyze is not installed (the units are still read below)")
    copy = tmp_path / name
    copy.write_text((DEPLOY / name).read_text().replace(INSTALLED_AT, str(ROOT)))
    result = subprocess.run([systemd_analyze, "verify", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert name not in result.stderr, result.stderr  # unknown keys are only warned about


def command(name):
    service = unit(name)["Service"]
    assert service["WorkingDirectory"] == INSTALLED_AT
    environment = (DEPLOY / name).read_text()
    assert "Environment=DJANGO_SETTINGS_MODULE=neonum.settings.prod\n" in environment
    assert importlib.util.find_spec("neonum.settings.prod")
    return shlex.split(service["ExecStart"].replace(INSTALLED_AT + "/", ""))


def test_the_web_unit_starts_gunicorn_with_the_project_configuration():
    assert command("neonum-web.service") == [
        ".venv/bin/gunicorn", "--config", "python:neonum.gunicorn_conf", "neonum.wsgi",
    ]  # fmt: skip
    assert importlib.util.find_spec("neonum.gunicorn_conf")


def test_the_worker_unit_runs_the_task_queue_worker():
    argv = command("neonum-worker.service")
    assert argv[:3] == [".venv/bin/python", "manage.py", "procrastinate"]
    if not importlib.util.find_spec("procrastinate"):
        pytest.skip("procrastinate is not installed yet: its command cannot be looked up")
    assert argv[2] in get_commands()


def test_every_variable_of_the_example_environment_is_documented():
    names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "env.example").read_text(), re.MULTILINE)
    assert "SECRET_KEY" in names and "ALLOWED_HOSTS" in names
    start = README.index("## Configuration")
    table = README[start : README.index("\n## ", start + 1)]
    missing = [name for name in names if f"`{name}`" not in table]
    assert not missing, f"not in the README's configuration table: {missing}"


def recommended_settings():
    text = (DEPLOY / "postgresql.conf").read_text()
    return dict(re.findall(r"^(\w+) = (\S+)", text, re.MULTILINE))


@pytest.mark.django_db
def test_postgresql_settings_exist_and_match_the_development_cluster():
    recommended = recommended_settings()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_settings WHERE name = ANY(%s)", [list(recommended)])
        known = {row[0] for row in cursor.fetchall()}
    assert known == set(recommended)
    bin_pg = (ROOT / "bin" / "pg").read_text()
    for name in ("random_page_cost", "work_mem", "jit"):
        assert f"-c {name}={recommended[name]}" in bin_pg, name


def test_the_development_cluster_has_as_many_parallel_workers_as_cores():
    """The production example names the setting; bin/pg counts the machine's cores."""
    assert "max_parallel_workers" in recommended_settings()
    assert "-c max_parallel_workers=$(nproc)" in (ROOT / "bin" / "pg").read_text()
