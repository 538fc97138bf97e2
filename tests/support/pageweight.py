"""What a page costs a visitor, measured in a real Chromium (Debian's, driven by Playwright):
bytes transferred on the wire (compressed, headers included, as Chromium's network layer
counts them), requests, DOM elements (SVG innards excluded, as EcoIndex counts them), the
EcoIndex, and any request to another origin than the site's.

    with sync_playwright() as p:
        browser = launch(p)
        figures = measure(browser, "http://127.0.0.1:8000/fr/", javascript=True)
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, elsewhere
from tests.support import ecoindex

# EcoIndex's reference window.
VIEWPORT = {"width": 1920, "height": 1080}
DOM_ELEMENTS = """() => document.getElementsByTagName('*').length
    - document.querySelectorAll('svg *').length"""


@dataclass
class Figures:
    url: str
    javascript: bool
    bytes: int = 0
    requests: int = 0
    dom: int = 0
    by_url: dict = field(default_factory=dict)
    foreign: list = field(default_factory=list)

    @property
    def kb(self):
        return self.bytes / 1024

    @property
    def ecoindex(self):
        return ecoindex.score(self.dom, self.requests, self.kb)

    @property
    def grade(self):
        return ecoindex.grade(self.ecoindex)

    def line(self):
        mode = "with JS   " if self.javascript else "without JS"
        return (
            f"{urlsplit(self.url).path:<34} {mode} {self.kb:7.1f} KB {self.requests:3d} requests "
            f"{self.dom:4d} elements  EcoIndex {self.ecoindex} ({self.grade})"
        )


def launch(playwright, executable=CHROMIUM, switches=()):
    return playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *switches])


def measure(browser, url, javascript=True, viewport=VIEWPORT):
    """Loads url in a fresh context (empty cache), scrolls to the bottom as EcoIndex does (lazy
    images load), waits for the network to settle, and counts. Requests to another origin are
    recorded and aborted: nothing leaves the machine."""
    figures = Figures(url=url, javascript=javascript)
    parts = urlsplit(url)
    context = browser.new_context(java_script_enabled=javascript, viewport=viewport)
    try:
        page = context.new_page()

        def refuse(request_route):
            figures.foreign.append(request_route.request.url)
            request_route.abort()

        page.route(elsewhere(f"{parts.scheme}://{parts.netloc}"), refuse)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls = {}

        def sent(event):
            if not event["request"]["url"].startswith("data:"):
                urls[event["requestId"]] = event["request"]["url"]

        def finished(event):
            if event["requestId"] in urls:
                figures.by_url[urls[event["requestId"]]] = event["encodedDataLength"]

        cdp.on("Network.requestWillBeSent", sent)
        cdp.on("Network.loadingFinished", finished)
        page.goto(url, wait_until="networkidle")
        if javascript:
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
        figures.dom = page.evaluate(DOM_ELEMENTS)
        figures.requests = len(urls)
        figures.bytes = sum(figures.by_url.values())
    finally:
        context.close()
    return figures
