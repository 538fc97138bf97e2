"""The browser tabs of a test process, kept from one test to the next.

A tab opened in a new context starts a renderer process of its own. Opening one, loading a
small page and closing it took 122 ms of CPU; loading the page again in a tab kept open, 43 ms,
or 68 ms going through about:blank as a tab given back here does. The browser tests opened
some 400 tabs a run.

A tab given back is left as a new one is: sent to about:blank first, so that no script of the
last test's page still runs against the next test's data nor sets a cookie again, its storage
emptied before that; then its routes removed (the test's and the fixtures'), the context's
cookies and permissions cleared, and the media emulated set back. The listeners a test adds go
through `Visit.on`, which removes them. A tab that cannot be emptied (closed, or its test
opened another tab in its context) is closed with its context instead of kept. Tests that need
other context options (a locale, a script run before the page's) open a context of their own."""

from playwright.sync_api import Error as PlaywrightError

LOCALE = "fr-FR"
# The size of a tab opened with no viewport given (Playwright's own default).
VIEWPORT = {"width": 1280, "height": 720}
# What a new context emulates (Playwright's defaults).
MEDIA = {
    "media": "null", "color_scheme": "light", "reduced_motion": "no-preference",
    "forced_colors": "none", "contrast": "no-preference",
}  # fmt: skip


class Tabs:
    def __init__(self, browser):
        self.browser = browser
        self.idle = {True: [], False: []}  # by whether JavaScript runs
        self.javascript = {}  # each tab taken → whether JavaScript runs in it

    def take(self, javascript=True, viewport=None):
        idle = self.idle[javascript]
        if idle:
            page = idle.pop()
        else:
            context = self.browser.new_context(locale=LOCALE, java_script_enabled=javascript)
            page = context.new_page()
        page.set_viewport_size(viewport or VIEWPORT)
        self.javascript[page] = javascript
        return page

    def give_back(self, page):
        javascript = self.javascript.pop(page)
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
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")

        def leave(dialog):  # the form a test left half-filled asks before it is left
            dialog.accept()

        page.on("dialog", leave)
        try:
            page.goto("about:blank")
        finally:
            page.remove_listener("dialog", leave)
        page.unroute_all(behavior="ignoreErrors")
        context = page.context
        context.clear_cookies()
        context.clear_permissions()
        page.emulate_media(**MEDIA)

    def close(self):
        """Every context of the browser closed, a failed test's own included: a context left
        open keeps its connections to the live server."""
        for context in self.browser.contexts:
            context.close()
        for pages in self.idle.values():
            pages.clear()
        self.javascript.clear()
