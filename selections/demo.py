"""Demo data: two selections of LaNum ("Coups de cœur", featured, and "Pour débuter") mixing
demo actors, réalisations, ressources and events, flagged as demonstration in their
introduction. Found again by slug, so a second load creates nothing."""

from django.db import transaction

from actors.demo import DEMO_SOURCE
from actors.models import Actor
from events.models import Event
from expertise.models import Realisation, Ressource

from .models import Selection, SelectionItem

NOTE = "(Donnée de démonstration.)"
SELECTIONS = [
    {
        "slug": "demo-coups-de-coeur",
        "title": "Coups de cœur de LaNum",
        "title_eu": "LaNum-en gogokoak",
        "title_es": "Los favoritos de LaNum",
        "introduction": f"Des acteurs et des projets qui nous ont marqués cette saison. {NOTE}",
        "introduction_eu": "Denboraldi honetan hunkitu gaituzten eragileak eta proiektuak.",
        "introduction_es": "Actores y proyectos que nos han marcado esta temporada.",
        "featured": True,
    },
    {
        "slug": "demo-pour-debuter",
        "title": "Pour débuter",
        "title_eu": "Hasteko",
        "title_es": "Para empezar",
        "introduction": f"Par où commencer quand on découvre le numérique responsable. {NOTE}",
        "introduction_eu": "Nondik hasi mundu digital arduratsua ezagutzean.",
        "introduction_es": "Por dónde empezar al descubrir lo digital responsable.",
        "featured": False,
    },
]
NOTES = (
    "Un exemple à suivre, ouvert à toutes et tous.",
    "Eredu bat, guztiontzat irekia.",
    "Un ejemplo a seguir, abierto a todo el mundo.",
)


def _contents(offset):
    """One of each kind (two actors), from the demo data, shifted by `offset`."""
    actors = Actor.objects.filter(source=DEMO_SOURCE).published().order_by("slug")
    found = [("actor", actor) for actor in actors[offset : offset + 2]]
    for kind, model in [("realisation", Realisation), ("ressource", Ressource), ("event", Event)]:
        demo = model.objects.filter(is_demo=True).published().order_by("slug")
        found += [(kind, content) for content in demo[offset : offset + 1]]
    return found


@transaction.atomic
def load_demo_selections():
    made = 0
    for offset, values in enumerate(SELECTIONS):
        if Selection.objects.filter(slug=values["slug"]).exists():
            continue
        values = {**values, "published": True}
        # Never takes the place of a selection the staff put on the home page.
        values["featured"] = (
            values["featured"] and not Selection.objects.filter(featured=True).exists()
        )
        selection = Selection.objects.create(**values)
        for position, (kind, content) in enumerate(_contents(offset * 2), start=1):
            SelectionItem.objects.create(
                selection=selection, position=position, **{kind: content},
                note=NOTES[0], note_eu=NOTES[1], note_es=NOTES[2],
            )  # fmt: skip
        made += 1
    return made
