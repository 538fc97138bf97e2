import subprocess
import sys

import pytest

from tests.support.gunicorn import ROOT, production_env


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files collected once per test process with the production storage (hashed
    names, compressed copies): the smoke tests and the weight budget serve the same ones."""
    root = tmp_path_factory.mktemp("static")
    env = {**production_env(), "STATIC_ROOT": str(root)}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return root
