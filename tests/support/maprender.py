"""The first map render (issue #14): from navigation to the results map's markers drawn, in
Debian's Chromium on the production stack, as `manage.py bench_map_render` measures it."""

import statistics
from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from actors.loadrun import BENCH_SERVER_ENV, BENCH_WORKERS
from tests.browser.conftest import BROWSER
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
# Milestones of the same navigation, for where the time goes: the page's HTML received, its
# scripts run (DOMContentLoaded), the last map data received.
MILESTONES = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const data = performance.getEntriesByType('resource')
        .filter(entry => entry.name.includes('donnees.geojson'));
    return {html: nav.responseEnd, ready: nav.domContentLoadedEventEnd,
            data: Math.max(0, ...data.map(entry => entry.responseEnd))};
}"""


@dataclass
class RenderTimes:
    page: str
    runs: list  # {"markers", "html", "ready", "data"}: ms from the navigation's start

    def median(self, milestone="markers"):
        return statistics.median(run[milestone] for run in self.runs)

    def line(self):
        runs = ", ".join(f"{run['markers']:.0f}" for run in self.runs)
        return (
            f"{self.page:<14} median {self.median():6.0f} ms (runs: {runs} ms); medians: HTML "
            f"{self.median('html'):.0f} ms, DOMContentLoaded {self.median('ready'):.0f} ms, "
            f"map data {self.median('data'):.0f} ms"
        )


def first_render(browser, url, timeout_ms=30000):
    """Milliseconds from navigation to the first marker drawn, and the milestones on the way,
    in a fresh context (empty cache)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(MARKERS_DRAWN, polling="raf", timeout=timeout_ms)
        return {"markers": handle.json_value(), **page.evaluate(MILESTONES)}
    finally:
        context.close()


def measure_renders(runs=5, warmups=1, env=None):
    """[RenderTimes] for each of PAGES: `runs` navigations after `warmups` unmeasured ones."""
    results = []
    started = start_gunicorn(workers=BENCH_WORKERS, env={**BENCH_SERVER_ENV, **(env or {})})
    with started as server, sync_playwright() as driver:
        browser = launch(driver, BROWSER)
        try:
            for name, path in PAGES.items():
                for _ in range(warmups):
                    first_render(browser, server.url + path)
                times = [first_render(browser, server.url + path) for _ in range(runs)]
                results.append(RenderTimes(name, times))
        finally:
            browser.close()
    return results
