"""Our taxonomies in the national vocabularies, in one place: the LaMednum standard
("lieux de médiation numérique" v1.0.2) and data·inclusion (structure schema v1).

The mapping is deliberately conservative: a term is mapped only when it means the same thing.
An actor is a place of digital mediation when it offers one of MEDIATION_SERVICES, or when it
works on inclusion and mediation and offers one of the services that mean mediation in that
context (INCLUSION_SERVICES); a repair business selling reconditioned laptops is not one."""

from django.db.models import Q

from actors.models import Service, Theme

INCLUSION_THEME = "inclusion-mediation"

# Our service slug -> LaMednum `services` value, whoever offers it.
MEDIATION_SERVICES = {
    "initiation-numerique": "Maîtrise des outils numériques du quotidien",
    "accompagnement-demarches": "Aide aux démarches administratives",
    "acces-equipements": "Accès internet et matériel informatique",
}
# Our service slug -> LaMednum value, only for actors with the inclusion theme.
INCLUSION_SERVICES = {
    "formation-professionnelle": "Insertion professionnelle via le numérique",
    "sensibilisation-animations": "Compréhension du monde numérique",
    "fabrication-numerique": "Loisirs et créations numériques",
    "materiel-reconditionne": "Acquisition de matériel informatique à prix solidaire",
}
# Our theme slug -> LaMednum value, only for actors with the inclusion theme.
INCLUSION_THEMES = {
    "donnees-ethique-cybersecurite": "Utilisation sécurisée du numérique",
}

LAMEDNUM_PUBLICS = {
    "jeunes": "Jeunes",
    "etudiants": "Étudiants",
    "familles-parents": "Familles et/ou enfants",
    "seniors": "Seniors",
}
# LaMednum's "prise en charge spécifique" from our publics and languages.
LAMEDNUM_SUPPORT_PUBLICS = {"allophones": "Langues étrangères (autres)"}
LAMEDNUM_SUPPORT_LANGUAGES = {
    "anglais": "Langues étrangères (anglais)",
    "langue-des-signes": "Surdité",
}
# LaMednum `typologie` (data·inclusion's structure types) from our kinds; others stay empty.
LAMEDNUM_TYPOLOGIES = {"association": "ASSO", "tiers-lieu-fablab": "TIERS_LIEUX"}

# LaMednum `frais_a_charge` from our closed set (the same three values, in words).
LAMEDNUM_FEES = {
    "gratuit": "Gratuit",
    "gratuit_sous_condition": "Gratuit sous condition",
    "payant": "Payant",
}
FEES_FROM_LAMEDNUM = {label: value for value, label in LAMEDNUM_FEES.items()}

LAMEDNUM_SEPARATOR = "|"
DATA_INCLUSION_SOURCE = "neonum-carto"

# data·inclusion services (schema v1): our service slug -> their `type` and `thematiques`,
# only where the meaning is the same; other services go out with neither.
DATA_INCLUSION_SERVICE_TYPES = {
    "initiation-numerique": "atelier",
    "accompagnement-demarches": "accompagnement",
    "acces-equipements": "aide-materielle",
    "materiel-reconditionne": "aide-materielle",
    "formation-professionnelle": "formation",
    "sensibilisation-animations": "information",
}
DATA_INCLUSION_THEMATIQUES = {
    "initiation-numerique": ["numerique--maitriser-les-fondamentaux-du-numerique"],
    "accompagnement-demarches": [
        "numerique--acceder-a-des-services-en-ligne",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ],
    "acces-equipements": ["numerique--acceder-a-une-connexion-internet"],
    "materiel-reconditionne": ["numerique--acquerir-un-equipement"],
}
# Their `tous-publics` excludes every other value.
DATA_INCLUSION_ALL_PUBLICS = "tous-publics"
DATA_INCLUSION_PUBLICS = {
    "tout-public": DATA_INCLUSION_ALL_PUBLICS,
    "seniors": "seniors",
    "jeunes": "jeunes",
    "familles-parents": "familles",
    "demandeurs-emploi": "demandeurs-emploi",
    "personnes-handicap": "personnes-en-situation-de-handicap",
    "etudiants": "etudiants",
}
# Their `frais` has two values; "free under conditions" is free, with the condition said.
DATA_INCLUSION_FEES = {
    "gratuit": "gratuit",
    "gratuit_sous_condition": "gratuit",
    "payant": "payant",
}


def lamednum_services(themes, services):
    """LaMednum `services` values for an actor's theme and service slugs (empty: not a place
    of digital mediation)."""
    values = [MEDIATION_SERVICES[s] for s in services if s in MEDIATION_SERVICES]
    if INCLUSION_THEME in themes:
        values += [INCLUSION_SERVICES[s] for s in services if s in INCLUSION_SERVICES]
        values += [INCLUSION_THEMES[t] for t in themes if t in INCLUSION_THEMES]
    return list(dict.fromkeys(values))


def mediation_q():
    """The same rule as lamednum_services, as a filter on the denormalised id arrays."""
    core = list(Service.objects.by_slugs(MEDIATION_SERVICES).values_list("pk", flat=True))
    extra = list(Service.objects.by_slugs(INCLUSION_SERVICES).values_list("pk", flat=True))
    extra_themes = list(Theme.objects.by_slugs(INCLUSION_THEMES).values_list("pk", flat=True))
    inclusion = list(Theme.objects.by_slugs([INCLUSION_THEME]).values_list("pk", flat=True))
    return Q(service_ids__overlap=core) | (
        Q(theme_ids__overlap=inclusion)
        & (Q(service_ids__overlap=extra) | Q(theme_ids__overlap=extra_themes))
    )


def data_inclusion_publics(publics):
    values = [DATA_INCLUSION_PUBLICS[p] for p in publics if p in DATA_INCLUSION_PUBLICS]
    if DATA_INCLUSION_ALL_PUBLICS in values:
        return [DATA_INCLUSION_ALL_PUBLICS]
    return values


def lamednum_publics(publics):
    return [LAMEDNUM_PUBLICS[p] for p in publics if p in LAMEDNUM_PUBLICS]


def lamednum_support(publics, languages):
    values = [LAMEDNUM_SUPPORT_PUBLICS[p] for p in publics if p in LAMEDNUM_SUPPORT_PUBLICS]
    values += [LAMEDNUM_SUPPORT_LANGUAGES[x] for x in languages if x in LAMEDNUM_SUPPORT_LANGUAGES]
    return values


# Reading LaMednum files (import): their values back to our slugs.
SERVICES_FROM_LAMEDNUM = {
    value: slug for slug, value in {**MEDIATION_SERVICES, **INCLUSION_SERVICES}.items()
}
PUBLICS_FROM_LAMEDNUM = {value: slug for slug, value in LAMEDNUM_PUBLICS.items()}
KINDS_FROM_LAMEDNUM = {value: slug for slug, value in LAMEDNUM_TYPOLOGIES.items()}
