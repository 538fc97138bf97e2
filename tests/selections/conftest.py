import pytest

from moderation.contract import Status
from selections.models import Selection, SelectionItem
from tests.events.conftest import make_event
from tests.expertise.conftest import make_realisation, make_ressource, people  # noqa: F401

XSS = '<script>alert("x")</script>'


def make_selection(**values):
    values.setdefault("slug", "coups-de-coeur")
    values.setdefault("title", "Coups de cœur")
    values.setdefault("published", True)
    return Selection.objects.create(**values)


@pytest.fixture
def contents(people):  # noqa: F811
    """One published content of each kind, and an unpublished réalisation."""
    actor = people["actor"]
    return {
        "actor": actor,
        "realisation": make_realisation(actor, title="Ordinateurs reconditionnés"),
        "ressource": make_ressource(actor, title="Guide du réemploi"),
        "event": make_event(actor, title="Repair café"),
        "draft": make_realisation(actor, title="Brouillon secret", status=Status.DRAFT),
    }


@pytest.fixture
def selection(contents):
    """A selection in three languages with one item of each kind, the draft among them."""
    selection = make_selection(
        title=f"Coups de cœur {XSS}", title_eu="Gogokoak", title_es="Favoritos",
        introduction="Nos choix.", introduction_eu="Gure aukerak.",
        introduction_es="Nuestras elecciones.",
    )  # fmt: skip
    order = ["event", "draft", "actor", "realisation", "ressource"]
    for position, kind in enumerate(order, start=1):
        field = "realisation" if kind == "draft" else kind
        SelectionItem.objects.create(
            selection=selection, position=position, **{field: contents[kind]},
            note=f"Parce que {kind} {XSS}", note_eu=f"{kind} delako", note_es=f"Porque {kind}",
        )  # fmt: skip
    return selection
