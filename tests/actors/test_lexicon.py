"""The everyday-words lexicon: the data file, its validation, how phrases match, and the
search it widens (directory and API alike)."""

import tomllib

import pytest
from django.core.exceptions import ImproperlyConfigured

from actors.lexicon import LEXICON_FILE, lexicon, parse, reference_slugs
from actors.models import Service, Theme
from tests.factories import BAYONNE, ActorFactory, at, commune

NEUTRAL = "Une structure du Pays Basque."


def concept(**entry):
    return parse({"concept": [entry]}, reference_slugs())


@pytest.mark.django_db
def test_every_slug_of_the_lexicon_is_a_service_or_theme_of_the_database():
    with open(LEXICON_FILE, "rb") as fh:
        entries = tomllib.load(fh)["concept"]
    services = {s for e in entries for s in e.get("services", [])}
    themes = {t for e in entries for t in e.get("themes", [])}
    assert services and themes
    assert services <= set(Service.objects.values_list("slug", flat=True))
    assert themes <= set(Theme.objects.values_list("slug", flat=True))
    assert len(lexicon().concepts) == len(entries)


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"services": ["reparations"], "fr": ["ordi"]}, "unknown services ['reparations']"),
        ({"themes": ["nope"], "fr": ["ordi"]}, "unknown themes ['nope']"),
        ({"services": ["reparation"], "fr": ["ordi"], "de": ["Rechner"]}, "unknown key(s)"),
        ({"fr": ["ordi"]}, "give `services` or `themes`"),
        ({"services": ["reparation"], "fr": ["  ", "!"]}, "no words"),
        ({"services": ["reparation"], "fr": ["ordi"], "weight": 0}, "`weight`"),
        ({"services": ["reparation"], "fr": ["ordi"], "weight": "high"}, "`weight`"),
    ],
)
def test_a_mistake_in_the_file_is_refused_naming_the_concept(entry, message):
    with pytest.raises(ImproperlyConfigured) as error:
        concept(**entry)
    assert message in str(error.value) and "concept 1" in str(error.value)


def test_an_empty_lexicon_or_an_unknown_table_is_refused():
    with pytest.raises(ImproperlyConfigured, match="no \\[\\[concept\\]\\]"):
        parse({}, reference_slugs())
    with pytest.raises(ImproperlyConfigured, match="unknown table"):
        parse({"concepts": []}, reference_slugs())


@pytest.mark.parametrize(
    "text, matches",
    [
        ("Écran CASSÉ", True),  # case and accents do not count
        ("l'écran est cassé", False),  # the words of a phrase follow each other
        ("mon écran cassé", True),
        ("les tablettes", True),  # a 5-letter word begins longer words
        ("table", False),  # nor a shorter word
        ("ordis", True),  # a short word takes a final s
        ("ordinal", False),  # but does not begin longer words
        ("ordinatuer", True),  # a likely misspelling of a long word
        ("ordenagailuarekin", True),  # Basque endings
    ],
)
def test_how_phrases_match(text, matches):
    lex = concept(services=["reparation"], fr=["ecran casse", "tablette", "ordi", "ordinateur"],
                  eu=["ordenagailu"])  # fmt: skip
    assert bool(lex.match(text)) is matches


def test_the_real_lexicon_reads_the_three_languages():
    def services(text):
        return {s for c in lexicon().match(text) for s in c.services + c.themes}

    assert "reparation" in services("mon ordi rame")
    assert "accompagnement-demarches" in services("déclaration d'impôts en ligne")
    assert "accompagnement-demarches" in services("zerga aitorpena")
    assert "reparation" in services("arreglar móvil")
    assert "accompagnement-demarches" in services("sécurité sociale")
    assert "donnees-ethique-cybersecurite" not in services("sécurité sociale")
    assert lexicon().match("Konpon Txoko Bayonne") and not lexicon().match("zzqx plouf")


@pytest.fixture
def actors(db):
    return {
        "repair": ActorFactory(
            name="Txoko", summary=NEUTRAL, services=["reparation"], themes=["low-tech"],
            location=at(BAYONNE, 0.01),
        ),
        "chores": ActorFactory(
            name="Guichet", summary=NEUTRAL, services=["accompagnement-demarches"],
            themes=["inclusion-mediation"], location=at(BAYONNE, 0.02),
        ),
        "named": ActorFactory(
            name="Ordi Lent Solidaire", summary=NEUTRAL, services=["initiation-numerique"],
            themes=["education-sensibilisation"], commune=commune(BAYONNE),
        ),
    }  # fmt: skip


def names(response):
    return [a.name for a in response.context["actors"]]


def test_everyday_words_find_the_actors_offering_what_they_stand_for(client, actors):
    # A repairer first: "lent" is a symptom; a device alone ("pc") counts less.
    assert names(client.get("/fr/?q=mon+pc+est+tout+lent")) == ["Txoko", "Ordi Lent Solidaire"]
    response = client.get("/es/?q=declaración+de+la+renta")
    assert names(response) == ["Guichet"]
    assert "Ayuda con los trámites administrativos en línea" in response.content.decode()
    assert names(client.get("/fr/?q=zzqxwv")) == []


def test_the_page_says_what_the_search_was_widened_to(client, actors):
    page = client.get("/fr/?q=ordi+lent").content.decode()
    assert "Recherche élargie à :" in page
    assert "Réparation d&#x27;ordinateurs, de téléphones et de tablettes" in page
    assert "Recherche élargie" not in client.get("/fr/?q=Guichet").content.decode()


def test_an_actor_named_by_the_words_ranks_before_the_lexicon_matches(client, actors):
    assert names(client.get("/fr/?q=ordi+lent"))[0] == "Ordi Lent Solidaire"


def test_the_api_and_the_map_widen_the_search_the_same_way(client, actors):
    api = client.get("/api/v1/actors/?q=mon+ordi+rame").json()
    assert [r["name"] for r in api["results"]] == ["Txoko", "Ordi Lent Solidaire"]
    data = client.get("/fr/carte/donnees.geojson?q=mon+ordi+rame").json()
    assert sorted(f["properties"]["name"] for f in data["features"]) == [
        "Ordi Lent Solidaire", "Txoko",
    ]  # fmt: skip
