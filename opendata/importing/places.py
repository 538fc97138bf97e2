"""Where an imported actor goes: its coordinates; else its geocoded address; else, when the
geocoder does not answer or finds nothing, its commune's centre, marked approximate so that
the actor page, the moderation and the exports say so, and so that the next import asks the
geocoder again. A point is always inside the actor's commune."""

from actors.models import LocationPrecision
from actors.places import locate_address, rounded
from actors.text import normalise

from . import scratch

PRECISE, APPROXIMATE = LocationPrecision.PRECISE, LocationPrecision.APPROXIMATE


class Locator:
    def __init__(self, communes, db=None):
        self.communes = communes
        # Positions found by `prepare`, by street address and INSEE code, in the run's
        # scratch database (opendata.importing.scratch): one per row of a large file.
        self.db = db or scratch.connect()
        self.db.execute(
            "CREATE TABLE places (street TEXT, insee TEXT, lon REAL, lat REAL, "
            "precision TEXT, PRIMARY KEY (street, insee))"
        )

    def keeps_position(self, values, known):
        """An actor whose address did not change keeps its position (no new geocoding, no
        drift), unless it was only approximate."""
        return (
            known is not None
            and getattr(known, "precision", APPROXIMATE) == PRECISE
            and known.insee == values["commune"]
            and known.street == normalise(values.get("street_address", ""))
        )

    def prepare(self, values, known):
        if "location" not in values and not self.keeps_position(values, known):
            self.place(values.get("street_address", ""), values["commune"])

    def place(self, street, insee):
        """([lon, lat], precision) of the address, geocoded once a run."""
        found = self.db.execute(
            "SELECT lon, lat, precision FROM places WHERE street = ? AND insee = ?",
            (street, insee),
        ).fetchone()
        if found:
            return [found[0], found[1]], found[2]
        (lon, lat), precision = self.geocoded(street, insee)
        self.db.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?)",
                        (street, insee, lon, lat, str(precision)))  # fmt: skip
        return [lon, lat], precision

    def geocoded(self, street, insee):
        """(position, precision) of the address, placed as a member's form places it."""
        located = locate_address(street, self.communes.by_insee[insee])
        return rounded(located.point), located.precision

    def locate(self, values, current=None, precision=PRECISE):
        """Fills values["location"] and values["location_precision"]; `current` is the known
        actor's snapshot, `precision` its current precision."""
        if "location" in values:
            return
        same_place = current is not None and all(
            values.get(k, current[k]) == current[k] for k in ("street_address", "commune")
        )
        if same_place and precision == PRECISE:
            values["location"], values["location_precision"] = current["location"], PRECISE
            return
        street = values.get("street_address", current["street_address"] if current else "")
        location, found = self.place(street, values["commune"])
        values["location"], values["location_precision"] = list(location), found
