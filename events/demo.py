"""Demo data: 30 fictional upcoming events of the demo actors, flagged `is_demo` and saying
so: workshops at an actor's address, others elsewhere in the CAPB or online, a few weekly
series with an exception. Dated from the day they are loaded; found again by slug, so a
second load creates nothing."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from actors.demo import DEMO_SOURCE
from actors.models import Actor, Public, Theme
from moderation.contract import Status
from moderation.history import recorded

from .models import Event, PlaceKind, Price
from .recurrence import PARIS

EVENTS = 30
NOTE = "(Donnée de démonstration : cet événement est fictif.)"
TOPICS = [
    ("Repair café informatique", "Informatika konponketa kafea", "Repair café informático"),
    ("Atelier : premiers pas sur ordinateur", "Tailerra: lehen urratsak ordenagailuan",
     "Taller: primeros pasos con el ordenador"),
    ("Conférence sur la sobriété numérique", "Soiltasun digitalari buruzko hitzaldia",
     "Conferencia sobre sobriedad digital"),
    ("Formation aux logiciels libres", "Software librearen prestakuntza",
     "Formación en software libre"),
    ("Permanence démarches en ligne", "Online izapideen arreta",
     "Atención para trámites en línea"),
]  # fmt: skip
SUMMARY = (
    "Un rendez-vous ouvert à toutes et tous, sans connaissance préalable.",
    "Guztiontzako hitzordua, aurretiko ezagutzarik gabe.",
    "Una cita abierta a todo el mundo, sin conocimientos previos.",
)


def _start(n, today):
    day = today + timedelta(days=1 + (n * 3) % 60)
    return datetime.combine(day, time(9 + n % 9, 0), PARIS)


@transaction.atomic
def load_demo_events():
    """Each event gets one version with its links (expertise.demo does the same)."""
    actors = list(Actor.objects.filter(source=DEMO_SOURCE).published().order_by("slug"))
    if not actors:
        return 0
    themes, publics = list(Theme.objects.all()), list(Public.objects.all())
    existing = set(Event.objects.filter(is_demo=True).values_list("slug", flat=True))
    today = timezone.localdate()
    made = 0
    for n in range(1, EVENTS + 1):
        slug = f"demo-evenement-{n:02d}"
        if slug in existing:
            continue
        actor = actors[n % len(actors)]
        other = actors[(n * 7) % len(actors)]
        start = _start(n, today)
        fr, eu, es = TOPICS[n % len(TOPICS)]
        place = [PlaceKind.ACTOR, PlaceKind.ADDRESS, PlaceKind.ONLINE][n % 3]
        with recorded(None, ""):
            event = Event.objects.create(
                slug=slug,
                actor=actor,
                status=Status.PUBLISHED,
                is_demo=True,
                title=f"{fr} n° {n}",
                title_eu=f"{eu} {n}. zk.",
                title_es=f"{es} n.º {n}",
                summary=f"{SUMMARY[0]} {NOTE}",
                summary_eu=SUMMARY[1],
                summary_es=SUMMARY[2],
                description=f"Un événement imaginaire pour montrer l'agenda. {NOTE}",
                start=start,
                end=start + timedelta(hours=2),
                all_day=n % 10 == 0,
                rrule="FREQ=WEEKLY;COUNT=8" if n % 6 == 0 else "",
                exdates=[(start + timedelta(weeks=2)).date()] if n % 6 == 0 else [],
                place_kind=place,
                place_actor=actor if place == PlaceKind.ACTOR else None,
                street_address=other.street_address or "Place de la mairie"
                if place == PlaceKind.ADDRESS
                else "",
                commune=other.commune if place == PlaceKind.ADDRESS else None,
                location=other.location if place == PlaceKind.ADDRESS else None,
                online_url=f"https://visio.example.org/demo-{n:02d}"
                if place == PlaceKind.ONLINE
                else "",
                registration_url=f"https://example.org/inscription/{n:02d}" if n % 2 else "",
                price=Price.PAID if n % 4 == 0 else Price.FREE,
                accessibility="Plain-pied, boucle magnétique." if place != PlaceKind.ONLINE else "",
                capacity=12 + n % 20 if n % 3 else None,
            )
            event.themes.set([themes[n % len(themes)]])
            event.publics.set([publics[(n * 2) % len(publics)]])
            if n % 5 == 0:
                event.organisers.set([other])
        made += 1
    return made
