from tests.browser.contributions.conftest import empty_cache, people_tx  # noqa: F401
