"""Headless Chromium from Debian's package, driven by Playwright, against the live server.

Every request that does not go to the live server is refused and recorded, so a test can
assert that a page asked nothing of a third-party origin."""

import re
import socket
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.db import connection

from tests.support.tabs import Tabs
from tests.support.waiting import wait_until

# The tests drive Debian's chromium-headless-shell: Chromium's engine without the browser's
# own interface, which `chromium --headless` still runs in pages of its own. A third less CPU
# for the same pages (the four signup journeys: 91 s of CPU with the browser, 63 s with the
# shell). The benchmarks drive the browser itself, as visitors do (BROWSER).
CHROMIUM = "/usr/bin/chromium-headless-shell"
BROWSER = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # One renderer process for all of a test process's tabs. Four pages loaded and audited six
    # times in one tab, through about:blank as a kept tab goes: 12.6 to 13.7 s of Chromium's
    # CPU without, 8.5 to 9.0 s with; tests/browser on two clones run alternately, twice: 345
    # and 348 s of the machine's CPU without, 335 and 340 s with. Each test process runs one
    # test at a time, so its tabs never compete for that process's main thread.
    "--renderer-process-limit=1",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe-core as axe-playwright-python packages it. Only the violations are asked for and sent
# back: the passes' details, which axe otherwise computes and Playwright serialises, were
# most of an audit's time. An audit runs first without the CSS selectors that name the nodes
# of its results (`selectors: false`): 17 to 21 % less CPU on the home page and the API page.
# The same rules run on the same nodes; only a page that fails is audited again with the
# selectors, for the test's message.
AXE_SCRIPT = Axe().axe_script
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
AXE_COUNT = """options => axe.run(document, {...options, selectors: false}).then(
    results => results.violations.length)"""
AXE_RUN = """options => axe.run(document, options).then(results => results.violations.map(
    v => ({id: v.id, targets: v.nodes.map(node => node.target)})))"""


def elsewhere(base):
    """What is not the site's (base: scheme, host and port): what a Visit records, and what
    the benchmarks' tabs route to record and refuse (tests/support/pageweight.py)."""
    return re.compile(r"^(?!data:)(?!" + re.escape(base.rstrip("/")) + r"/)")


@contextmanager
def refusing_proxy():
    """The address of a proxy that refuses every connection: a port bound and never listened
    on, kept for as long as the browser runs."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{closed.getsockname()[1]}"


def only_to(site, proxy):
    """Chromium's switches for a browser that reaches the site (scheme, host and port) and
    nothing else: every other request, another port of the same host included (`<-loopback>`),
    goes to the refusing proxy and fails there, before any name is looked up. Refused by the
    network layer rather than routed by Playwright (`page.route`), a tab keeps its HTTP cache,
    which routing turns off: five pages loaded six times in a kept tab took 4.1–5.0 s of
    Chromium's and the driver's CPU routed, 2.5–3.0 s with the proxy."""
    return [f"--proxy-server={proxy}", f"--proxy-bypass-list=<-loopback>;{urlsplit(site).netloc}"]


# The sizes journeys are walked at: a phone and a laptop (a test parametrizes "size").
SIZES = {"phone": (360, 740), "laptop": (1366, 900)}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's, its answers other than static files marked `Cache-Control: no-cache`
    unless they say otherwise: tabs keep their HTTP cache from one test to the next, and an
    answer that carries a date (the API's Last-Modified) would otherwise be reused without
    asking, for a while, by a later test that changed the rows behind it. The static files do
    not change during a run; the rest is asked again (a 304 when unchanged)."""
    server = live_server.thread.httpd
    server.set_app(revalidated(server.get_app()))
    return live_server


def revalidated(app):
    static = settings.STATIC_URL

    def wsgi(environ, start_response):
        if environ.get("PATH_INFO", "").startswith(static):
            return app(environ, start_response)

        def start(status, headers, *args):
            if not any(name.lower() == "cache-control" for name, _value in headers):
                headers = [*headers, ("Cache-Control", "no-cache")]
            return start_response(status, headers, *args)

        return app(environ, start)

    return wsgi


@pytest.fixture(scope="session")
def browser(playwright, live_server):
    from tests.support.pageweight import launch  # it reads this module's constants

    with refusing_proxy() as proxy:
        browser = launch(playwright, switches=only_to(live_server.url, proxy))
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tabs(browser, live_server, django_db_setup, django_db_blocker):
    """Closed before the live server stops and the test database is dropped (both set up
    first for that): an open tab keeps its connections to the server (HTTP keep-alive), and
    the server's thread for each one keeps a database session, which would keep the database
    from being dropped. The threads end their sessions once the browser has closed its
    connections: the fixture waits for the sessions opened since it began, other than this
    thread's own."""
    with django_db_blocker.unblock():
        began = database_now()
    tabs = Tabs(browser)
    yield tabs
    tabs.close()
    with django_db_blocker.unblock():
        try:
            wait_until(lambda: sessions_since(began) == 0, message="a live server session stayed")
        finally:
            # While Playwright runs, this thread's connections are others than before it
            # started (Django keeps them per context): the database's teardown would not
            # close this one.
            connection.close()


def database_now():
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")
        return cursor.fetchone()[0]


def sessions_since(began):
    """The sessions on the test database opened after `began`, other than this thread's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            " AND backend_start > %s",
            [began],
        )
        return cursor.fetchone()[0]


class Visit:
    """A browser tab on the live server, with what it fetched."""

    def __init__(self, page, live_server_url, auditor=None):
        self.base = live_server_url
        self.page = page
        self.page.set_default_timeout(15_000)
        self.auditor = auditor
        self.foreign = []
        self.bodies = {}
        self.compressible = {}
        self.errors = []
        self.listeners = []
        self.cdp = None
        # The browser refuses what is not the site's (only_to): every such request fails.
        self.elsewhere = elsewhere(live_server_url)
        self.on("requestfailed", self._refused)
        self.on("pageerror", lambda error: self.errors.append(str(error)))
        self.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def on(self, event, listener):
        """Listens to the tab, until the test ends (the tab may serve the next test)."""
        self.page.on(event, listener)
        self.listeners.append((event, listener))

    def release(self):
        for event, listener in self.listeners:
            self.page.remove_listener(event, listener)
        self.listeners.clear()
        if self.cdp is not None:
            self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
            self.cdp.detach()
            self.cdp = None

    def record_bodies(self):
        """From now on, keep every response's body (for a page's weight): fetching them
        from the browser costs each request a round trip, so only tests that weigh ask. The
        tab's HTTP cache is off until the test ends: every page weighs what a first visit
        fetches, whatever the tab loaded before."""
        self.cdp = self.page.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.on("requestfinished", self._count)

    def _refused(self, request):
        if self.elsewhere.match(request.url):
            self.foreign.append(request.url)

    def _count(self, request):
        response = request.response()
        if response is None:
            return
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            body = b""
        kind = response.headers.get("content-type", "")
        self.bodies[request.url] = body
        self.compressible[request.url] = kind.startswith(("text/", "application/")) or "svg" in kind

    def reset(self):
        self.bodies.clear()
        self.compressible.clear()

    def goto(self, path):
        """At the load event: what a test then waits for (the map's markers, a script's
        result), it waits for by name, rather than for half a second without requests."""
        return self.page.goto(self.base + path)

    def axe_violations(self):
        # A click on a link returns once the next page is committed, before it has loaded:
        # audited then, the page is an empty document with neither title nor language.
        self.page.wait_for_load_state("load")
        page = self.page if self.auditor is None else self._audit_copy()
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_SCRIPT)
        found = page.evaluate(AXE_COUNT, AXE_OPTIONS)
        if found == 0:
            return []
        named = [(v["id"], v["targets"]) for v in page.evaluate(AXE_RUN, AXE_OPTIONS)]
        # The page changed between the two audits: what the first found still fails the test.
        return named or [("violations found by the first audit", found)]

    def _audit_copy(self):
        """axe is JavaScript: it cannot run in a page that has none. It audits a copy of
        this page's DOM, scripts removed, in a JavaScript-enabled tab at the same URL. Audited at
        its load event: without scripts nothing asks for more once the styles are in, and
        networkidle would only add half a second of quiet to every audit."""
        html = re.sub(r"<script\b.*?</script>", "", self.page.content(), flags=re.S | re.I)
        url = self.page.url
        self.auditor.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        self.auditor.goto(url, wait_until="load")
        return self.auditor


def visiting(tabs, live_server_url, javascript=True, viewport=None):
    """A Visit in a tab of the test process (tests.support.tabs), given back after the test;
    without JavaScript, with the JavaScript-enabled tab in which axe audits copies of its pages
    (Visit._audit_copy)."""
    page = tabs.take(javascript, viewport)
    auditor = None if javascript else tabs.take(True, viewport)
    visit = Visit(page, live_server_url, auditor=auditor)
    visit.js = javascript
    yield visit
    visit.release()
    tabs.give_back(page)
    if auditor is not None:
        tabs.give_back(auditor)


@pytest.fixture
def visit(tabs, live_server, reference_tx):
    yield from visiting(tabs, live_server.url)


@pytest.fixture
def visit_without_js(tabs, live_server, reference_tx):
    yield from visiting(tabs, live_server.url, javascript=False)


def submit(page, selector):
    """Clicks what sends a form and waits for the page it leads to to load (a click that
    leads nowhere fails the test at the timeout)."""
    with page.expect_navigation():
        page.click(selector)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def route_media(page):
    """The reverse proxy's part: /media/ from MEDIA_ROOT (Django does not serve it in tests)."""

    def fulfil(route):
        name = urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
        route.fulfill(path=Path(settings.MEDIA_ROOT) / name, content_type="image/webp")

    page.route("**/media/**", fulfil)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def tab(request, tabs, live_server, reference_tx):
    """A tab of the given size, JavaScript on or off (axe then audits a scripted copy)."""
    width, height = SIZES[request.node.callspec.params["size"]]
    viewport = {"width": width, "height": height}
    yield from visiting(tabs, live_server.url, javascript=request.param, viewport=viewport)
