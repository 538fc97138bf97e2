"""Demo data: 40 fictional réalisations and 60 ressources spread over the demo actors and
communes, flagged `is_demo` and saying so. Built from a few topics, deterministically, so a
second load finds them all (by slug) and creates nothing."""

from django.db import transaction

from actors import indexing
from actors.demo import DEMO_SOURCE
from actors.models import Actor, ActorStatus, Commune, Public, Theme
from moderation.history import recorded

from .models import (
    ContentLanguage,
    FundingProgramme,
    Licence,
    Partner,
    PartnerAnswer,
    PartnerRole,
    Progress,
    Realisation,
    Ressource,
    RessourceType,
)

REALISATIONS = 40
RESSOURCES = 60
NOTE = "(Donnée de démonstration : ce contenu est fictif.)"

# (French, Basque, Spanish) titles of the topics; a number keeps each title unique.
TOPICS = [
    ("Atelier de réparation d'ordinateurs", "Ordenagailuak konpontzeko tailerra",
     "Taller de reparación de ordenadores"),
    ("Accompagnement aux démarches en ligne", "Online izapideetarako laguntza",
     "Acompañamiento en trámites en línea"),
    ("Sobriété numérique dans les écoles", "Soiltasun digitala eskoletan",
     "Sobriedad digital en las escuelas"),
    ("Reconditionnement de téléphones", "Telefonoak berregokitzea",
     "Reacondicionamiento de teléfonos"),
    ("Site web accessible pour une mairie", "Herriko etxe baterako webgune irisgarria",
     "Sitio web accesible para un ayuntamiento"),
    ("Formation aux logiciels libres", "Software libreari buruzko prestakuntza",
     "Formación en software libre"),
    ("Inventaire du parc informatique", "Informatika parkearen inbentarioa",
     "Inventario del parque informático"),
    ("Médiation numérique en milieu rural", "Bitartekaritza digitala landa eremuan",
     "Mediación digital en el medio rural"),
]  # fmt: skip
SUMMARY = (
    "Ce que l'acteur a mené, avec qui et ce qu'il en retient.",
    "Eragileak egindakoa, norekin eta zer ikasi duen.",
    "Lo que el actor llevó a cabo, con quién y lo que aprendió.",
)


def _texts(topic, number):
    fr, eu, es = TOPICS[topic % len(TOPICS)]
    return {
        "title": f"{fr} n° {number}",
        "title_eu": f"{eu} {number}. zk.",
        "title_es": f"{es} n.º {number}",
        "summary": f"{SUMMARY[0]} {NOTE}",
        "summary_eu": SUMMARY[1],
        "summary_es": SUMMARY[2],
    }


@transaction.atomic
def load_demo_expertise():
    """Each item gets one version with its links, and each actor, whose index reads its items'
    texts, is re-indexed once at the end, rather than a version and a re-indexing at each
    save and link set (twice the queries)."""
    with indexing.deferred():
        return _load()


def _load():
    actors = list(Actor.objects.filter(source=DEMO_SOURCE).published().order_by("slug"))
    if not actors:
        return 0, 0
    communes = list(Commune.objects.order_by("insee").only("pk", "insee"))
    themes, publics = list(Theme.objects.all()), list(Public.objects.all())
    programmes = list(FundingProgramme.objects.all())
    types = list(RessourceType.objects.all())
    licences = Licence.values
    existing = set(Realisation.objects.filter(is_demo=True).values_list("slug", flat=True))
    made_realisations = 0
    for n in range(1, REALISATIONS + 1):
        slug = f"demo-realisation-{n:02d}"
        if slug in existing:
            continue
        with recorded(None, ""):
            realisation = Realisation.objects.create(
                slug=slug,
                actor=actors[n % len(actors)],
                status=ActorStatus.PUBLISHED,
                is_demo=True,
                progress=Progress.COMPLETED if n % 3 else Progress.IN_PROGRESS,
                whole_territory=n % 10 == 0,
                licence=licences[n % len(licences)],
                funding_programme=programmes[n % len(programmes)] if n % 2 else None,
                description=f"Une réalisation imaginaire pour montrer le site. {NOTE}",
                results="Des ateliers tenus, des personnes accompagnées, des outils partagés.",
                lessons="Commencer petit, écouter les habitants, documenter au fil de l'eau.",
                **_texts(n, n),
            )
            if not realisation.whole_territory:
                realisation.communes.set(
                    communes[(n * 7 + k) % len(communes)] for k in range(1 + n % 3)
                )
            realisation.themes.set([themes[n % len(themes)], themes[(n * 3) % len(themes)]])
            realisation.publics.set([publics[n % len(publics)]])
            partner = actors[(n + 5) % len(actors)]
            # Two in three confirmed by the partner, the others still waiting for its answer.
            answer = PartnerAnswer.PENDING if n % 3 == 2 else PartnerAnswer.CONFIRMED
            Partner.objects.create(
                realisation=realisation, actor=partner, role=PartnerRole.PARTNER, answer=answer
            )
            if n % 4 == 0:
                Partner.objects.create(
                    realisation=realisation, name="Fondation imaginaire", role=PartnerRole.FUNDER
                )
        made_realisations += 1
    realisations = list(Realisation.objects.filter(is_demo=True).order_by("slug"))
    existing = set(Ressource.objects.filter(is_demo=True).values_list("slug", flat=True))
    languages = ContentLanguage.values
    made_ressources = 0
    for n in range(1, RESSOURCES + 1):
        slug = f"demo-ressource-{n:02d}"
        if slug in existing:
            continue
        actor = actors[(n * 2) % len(actors)]
        with recorded(None, ""):
            ressource = Ressource.objects.create(
                slug=slug,
                actor=actor,
                status=ActorStatus.PUBLISHED,
                is_demo=True,
                type=types[n % len(types)],
                licence=licences[n % len(licences)],
                content_language=languages[n % len(languages)],
                link=f"https://example.org/ressources/demo-{n:02d}",
                elsewhere_url="https://labase.anct.gouv.fr/" if n % 5 == 0 else "",
                realisation=realisations[n % len(realisations)] if n % 3 == 0 else None,
                **_texts(n + 3, 100 + n),
            )
            ressource.authors.set([actor])
            ressource.themes.set([themes[(n * 5) % len(themes)]])
            ressource.publics.set([publics[(n * 2) % len(publics)]])
        made_ressources += 1
    return made_realisations, made_ressources
