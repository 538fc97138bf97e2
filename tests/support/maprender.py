"""The first map render (issue #14): from navigation to the results map's markers drawn, in
Debian's Chromium on the production stack, as `manage.py bench_map_render` measures it."""

import statistics
from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from actors.loadrun import BENCH_SERVER_ENV
from tests.support.gunicorn import start_gunicorn
from tests.support.pageweight import launch

VIEWPORT = {"width": 1366, "height": 900}
PAGES = {
    "home page": "/fr/",
    "near Bayonne": "/fr/?near=Bayonne&radius=5",
}
# performance.now() counts from the navigation's start; polled at every frame until the
# results map holds a marker (a point or a cluster), the moment it is drawn.
MARKERS_DRAWN = """() => document.querySelector('.leaflet-marker-pane .map-marker')
    ? performance.now() : false"""


@dataclass
class RenderTimes:
    page: str
    times_ms: list

    @property
    def median(self):
        return statistics.median(self.times_ms)

    def line(self):
        runs = ", ".join(f"{t:.0f}" for t in self.times_ms)
        return f"{self.page:<14} median {self.median:6.0f} ms (runs: {runs} ms)"


def first_render_ms(browser, url, timeout_ms=30000):
    """Milliseconds from navigation to the first marker drawn, in a fresh context (empty cache)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(MARKERS_DRAWN, polling="raf", timeout=timeout_ms)
        return handle.json_value()
    finally:
        context.close()


def measure_renders(runs=5, warmups=1, env=None):
    """[RenderTimes] for each of PAGES: `runs` navigations after `warmups` unmeasured ones."""
    results = []
    server_env = {**BENCH_SERVER_ENV, **(env or {})}
    with start_gunicorn(workers=None, env=server_env) as server, sync_playwright() as driver:
        browser = launch(driver)
        try:
            for name, path in PAGES.items():
                for _ in range(warmups):
                    first_render_ms(browser, server.url + path)
                times = [first_render_ms(browser, server.url + path) for _ in range(runs)]
                results.append(RenderTimes(name, times))
        finally:
            browser.close()
    return results
