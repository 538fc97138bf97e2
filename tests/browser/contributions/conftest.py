import pytest

from tests.contributions.conftest import PASSWORD, make_user


@pytest.fixture
def people_tx(reference_tx):
    return {
        "other": make_user("autre@example.org"),
        "editor": make_user("editrice@example.org"),
        "owner": make_user("proprio@example.org"),
    }


def log_in(visit, email, password=PASSWORD):
    visit.page.context.clear_cookies()
    visit.goto("/fr/compte/login/")
    visit.page.fill("#id_login", email)
    visit.page.fill("#id_password", password)
    visit.page.click("main form [type=submit]")
    visit.page.wait_for_url("**/mon-espace/")
