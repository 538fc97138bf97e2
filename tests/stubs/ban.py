"""A local stand-in for the national address geocoder, speaking its GeoJSON."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from actors.text import normalise


def feature(label, lon, lat, citycode, score=0.9):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"label": label, "score": score, "citycode": citycode, "type": "housenumber"},
    }


PANNECAU = feature("12 Rue Pannecau 64100 Bayonne", -1.4736, 43.4898, "64102")
HALLES = feature("Place des Halles 64130 Mauléon-Licharre", -0.8856, 43.2247, "64371")
# Outside the CAPB: a geocoded address the importers must refuse.
CAPITOLE = feature("Place du Capitole 31000 Toulouse", 1.4437, 43.6045, "31555")
WEAK = feature("Chemin quelque part", -1.2, 43.3, "64000", score=0.2)
KNOWN = {
    normalise("12 rue Pannecau, Bayonne"): PANNECAU,
    normalise("12 rue Pannecau, 64100 Bayonne"): PANNECAU,
    normalise("Place des Halles Mauléon"): HALLES,
    normalise("chemin improbable"): WEAK,
    normalise("Place du Capitole, Toulouse"): CAPITOLE,
}


class BanStub:
    """mode: "ok" answers from KNOWN; "down" answers 503; "slow" answers after the timeout;
    "hang" accepts the connection and never answers (until the stub stops)."""

    def __init__(self):
        self.mode = "ok"
        self.queries = []
        self.stopping = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = parse_qs(urlsplit(self.path).query).get("q", [""])[0]
                stub.queries.append(query)
                if stub.mode == "down":
                    self.send_response(503)
                    self.end_headers()
                    return
                if stub.mode == "hang":
                    stub.stopping.wait()
                    return
                if stub.mode == "slow":
                    time.sleep(3)
                found = KNOWN.get(normalise(query))
                body = json.dumps(
                    {"type": "FeatureCollection", "features": [found] if found else []}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
