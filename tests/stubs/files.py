"""A local web server answering every GET with the same document, for what the site
fetches by URL (an iCalendar feed to import)."""

from .server import StubServer


class FileStub(StubServer):
    """`hang`: accept the request and never answer (until the stub stops)."""

    def __init__(self, body, content_type="text/calendar", hang=False):
        super().__init__()
        self.body, self.content_type, self.hang = body, content_type, hang
        self.requests = []
        self.url = self.root + "/agenda.ics"

    def answer(self, handler):
        self.requests.append(handler.path)
        if self.hang:
            self.stopping.wait()
            return
        self.send(handler, self.body, self.content_type)
