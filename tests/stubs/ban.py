"""A local stand-in for the national address geocoder, speaking its GeoJSON."""

import json
import time
from urllib.parse import parse_qs, urlsplit

from actors.text import normalise

from .server import StubServer


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
    # Another town's street typed with Bayonne: found, but outside the commune.
    normalise("Place des Halles, 64100 Bayonne"): HALLES,
}


class BanStub(StubServer):
    """mode: "ok" answers from KNOWN; "down" answers 503; "slow" answers after the timeout;
    "hang" accepts the connection and never answers (until the stub stops)."""

    def __init__(self):
        super().__init__()
        self.mode = "ok"
        self.queries = []
        self.url = self.root

    def answer(self, handler):
        query = parse_qs(urlsplit(handler.path).query).get("q", [""])[0]
        self.queries.append(query)
        if self.mode == "down":
            handler.send_response(503)
            handler.end_headers()
            return
        if self.mode == "hang":
            self.stopping.wait()
            return
        if self.mode == "slow":
            time.sleep(3)
        found = KNOWN.get(normalise(query))
        body = json.dumps({"type": "FeatureCollection", "features": [found] if found else []})
        self.send(handler, body.encode(), "application/json")
