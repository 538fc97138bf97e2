"""A local web server answering every GET with the same document, for what the site
fetches by URL (an iCalendar feed to import)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FileStub:
    """`hang`: accept the request and never answer (until the stub stops)."""

    def __init__(self, body, content_type="text/calendar", hang=False):
        self.body = body
        self.requests = []
        self.stopping = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                stub.requests.append(self.path)
                if hang:
                    stub.stopping.wait()
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(stub.body)))
                self.end_headers()
                self.wfile.write(stub.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/agenda.ics"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
