"""The browser tabs of a test process, kept from one test to the next.

A tab opened in a new context starts a renderer process of its own. Opening one, loading a
small page and closing it took 122 ms of CPU; loading the page again in a tab kept open, 43 ms,
or 68 ms going through about:blank as a tab given back here does. The browser tests opened
some 400 tabs a run.

A tab given back is left as a new one is: its routes removed (the test's and the fixtures'),
the context's cookies and permissions cleared, the site's storage emptied, and the tab back at
about:blank, so that no script of the last test's page still runs against the next test's
data. The listeners a test adds go through `Visit.on`, which removes them. A tab that cannot
be emptied (closed, or its test opened another tab in its context) is closed with its context
instead of kept. Tests that need other context options (a locale, permissions, scripts run
before the page's) open a context of their own."""

from playwright.sync_api import Error as PlaywrightError

LOCALE = "fr-FR"
# The size of a tab opened with no viewport given (Playwright's own default).
VIEWPORT = {"width": 1280, "height": 720}
TIMEOUT_MS = 15_000


class Tabs:
    def __init__(self, browser):
        self.browser = browser
        self.idle = {True: [], False: []}  # by whether JavaScript runs

    def take(self, javascript=True, viewport=None):
        idle = self.idle[javascript]
        if idle:
            page = idle.pop()
        else:
            context = self.browser.new_context(locale=LOCALE, java_script_enabled=javascript)
            page = context.new_page()
        page.set_viewport_size(viewport or VIEWPORT)
        page.set_default_timeout(TIMEOUT_MS)
        return page

    def give_back(self, page, javascript=True):
        context = page.context
        try:
            if not page.is_closed() and context.pages == [page]:
                self._empty(page)
                self.idle[javascript].append(page)
                return
        except PlaywrightError:
            pass  # a tab that could not be emptied is not kept
        context.close()

    def _empty(self, page):
        page.unroute_all(behavior="ignoreErrors")
        context = page.context
        context.clear_cookies()
        context.clear_permissions()
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")

        def leave(dialog):  # the form a test left half-filled asks before it is left
            dialog.accept()

        page.on("dialog", leave)
        try:
            page.goto("about:blank")
        finally:
            page.remove_listener("dialog", leave)

    def close(self):
        for pages in self.idle.values():
            for page in pages:
                page.context.close()
            pages.clear()
