from tests.browser.contributions.conftest import people_tx  # noqa: F401
