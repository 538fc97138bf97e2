"""Keeps each actor's search and facet index (search_vector, search_text, *_ids) in step with
its fields, its taxonomies and its commune. Called after every write that touches them:
model signals for single saves (actors.signals), explicitly for bulk loads."""

import functools
import threading
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

from actors import opening
from actors.taxonomies import MANY
from actors.texts import LANGUAGES, column

# One text-search configuration per language the texts are written in: French and Spanish
# stem, Basque (no stemmer in PostgreSQL) only folds case and accents (migration 0002).
SEARCH_CONFIGS = {lang: f"{lang}_unaccent" for lang in LANGUAGES}


def _vector(lang):
    """The document as read in one language: the name, that language's names of the
    actor's taxonomies, its own summary and description, and (read once, in French) the
    commune's French and Basque names. Weights: the name first, then what it does, then
    where and the summary, then the rest. Last, the texts of the réalisations and ressources
    it published (`evidence`), stripped of their positions: a word found only there counts
    as one occurrence at the lowest weight however often the items repeat it, so the actor
    ranks below those whose own texts hold the word (level with a single mention in a
    description), and the vector stays small. A quoted phrase needs positions: it is not
    matched in these texts.

    Each text is read in its own language only: a query is read in all three
    (actors.filters.search_query), so a word of any language meets the reading of its own
    language. Reading every language's taxonomy names in all three readings, as first
    designed, gained little (a word of one language stemmed by another) but nearly doubled
    the vectors (TOASTed) and the time of a broad search at 100,000 actors."""
    config = SEARCH_CONFIGS[lang]
    i = LANGUAGES.index(lang) + 1  # SQL arrays count from 1
    summary, description = column("summary", lang), column("description", lang)
    where = "terms.commune_names, " if lang == "fr" else ""
    return f"""setweight(to_tsvector('{config}', a.name), 'A')
        || setweight(to_tsvector('{config}',
                     concat_ws(' ', terms.theme_names[{i}], terms.service_names[{i}])), 'B')
        || setweight(to_tsvector('{config}',
                     concat_ws(' ', a.{summary}, {where}terms.kind_names[{i}])), 'C')
        || setweight(to_tsvector('{config}', a.{description}), 'D')
        || strip(to_tsvector('{config}', coalesce(terms.evidence[{i}], '')))"""


def _id_array(taxonomy):
    """The ids of the actor's terms of a many-to-many taxonomy, sorted, as an array. The
    names come from the models, never from input."""
    table, term = taxonomy.through._meta.db_table, taxonomy.term_column
    return (
        f"coalesce((SELECT array_agg(t.{term} ORDER BY t.{term}) FROM {table} t "  # noqa: S608
        f"WHERE t.actor_id = a.id), '{{}}') AS {taxonomy.column}"
    )


# The taxonomies' names come as arrays of their French, Basque and Spanish names (each the
# names of all the actor's terms). Every language's reading of the document, concatenated.
REFRESH_SQL = """
WITH terms AS (
    SELECT a.id,
        {id_arrays},
        (SELECT ARRAY[string_agg(th.name, ' '), string_agg(th.name_eu, ' '),
                      string_agg(th.name_es, ' ')]
         FROM actors_actor_themes t JOIN actors_theme th ON th.id = t.theme_id
         WHERE t.actor_id = a.id) AS theme_names,
        (SELECT ARRAY[string_agg(s.name, ' '), string_agg(s.name_eu, ' '),
                      string_agg(s.name_es, ' ')]
         FROM actors_actor_services t JOIN actors_service s ON s.id = t.service_id
         WHERE t.actor_id = a.id) AS service_names,
        concat_ws(' ', c.name, c.name_eu) AS commune_names,
        ARRAY[k.name, k.name_eu, k.name_es] AS kind_names,
        {evidence}
    FROM actors_actor a
    JOIN actors_commune c ON c.id = a.commune_id
    JOIN actors_actorkind k ON k.id = a.kind_id
    WHERE {where}
)
UPDATE actors_actor a SET
    {set_id_arrays},
    lon = ST_X(a.location),
    lat = ST_Y(a.location),
    indexed_at = clock_timestamp(),
    search_vector =
        {search_vector},
    search_text = lower(unaccent(concat_ws(' ', a.name, terms.commune_names,
                                           array_to_string(terms.theme_names, ' '),
                                           array_to_string(terms.service_names, ' '))))
FROM terms
WHERE a.id = terms.id
""".replace("{search_vector}", "\n        || ".join(_vector(lang) for lang in LANGUAGES))


def _evidence():
    """Each language's texts of the actor's published réalisations and ressources
    (expertise.search.TEXTS), as an array of three. Read when first needed: the expertise app
    is built on this one."""
    from expertise.models import Realisation, Ressource
    from expertise.search import TEXTS
    from moderation.contract import Status

    def texts(model):
        fields = ("title", *TEXTS[model._meta.model_name])
        readings = ", ".join(
            "concat_ws(' ', {})".format(", ".join(f"e.{column(f, lang)}" for f in fields))
            + f" AS {lang}"
            for lang in LANGUAGES
        )
        return (
            f"SELECT {readings} FROM {model._meta.db_table} e "  # noqa: S608
            f"WHERE e.actor_id = a.id AND e.status = '{Status.PUBLISHED.value}'"
        )

    aggregates = ", ".join(f"string_agg(x.{lang}, ' ')" for lang in LANGUAGES)
    # Every name is a model's or this module's constant; nothing comes from input.
    return (
        f"(SELECT ARRAY[{aggregates}] FROM ({texts(Realisation)} UNION ALL "  # noqa: S608
        f"{texts(Ressource)}) x) AS evidence"
    )


@functools.cache
def refresh_sql():
    return (
        REFRESH_SQL.replace(
            "{id_arrays}", ",\n        ".join(_id_array(taxonomy) for taxonomy in MANY)
        )
        .replace(
            "{set_id_arrays}",
            ",\n    ".join(f"{taxonomy.column} = terms.{taxonomy.column}" for taxonomy in MANY),
        )
        .replace("{evidence}", _evidence())
    )


def refresh(actor_ids):
    """Recompute the index of these actors (or, inside `deferred()`, note them)."""
    ids = list(actor_ids)
    if not ids:
        return 0
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids.update(ids)
        return 0
    with connection.cursor() as cursor:
        cursor.execute(refresh_sql().replace("{where}", "a.id = ANY(%s)"), [ids])
        count = cursor.rowcount
    refresh_opening(ids)
    return count


OPENING_BATCH = 5000
NO_WINDOW = (None, None, None, (None, None))


def refresh_opening(actor_ids=None, today=None):
    """Write the open intervals of the coming days (actors.opening) of these actors, or of
    every actor with opening hours (the nightly job). Computed once per distinct text: many
    actors share the same hours. `indexed_at` moves too, so that cached facet counts and map
    data (actors.datacache) follow."""
    today = today or opening.local(timezone.now()).date()
    if actor_ids is None:
        where, params = "opening_hours <> ''", []
    else:
        where, params = "id = ANY(%s)", [list(actor_ids)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, opening_hours FROM actors_actor WHERE {where}", params)  # noqa: S608
        rows = cursor.fetchall()
        for start in range(0, len(rows), OPENING_BATCH):
            batch = rows[start : start + OPENING_BATCH]
            windows = [opening.window(h, today) if h else NO_WINDOW for _pk, h in batch]
            intervals, hours, part, days = zip(*windows, strict=True)
            # Unchanged rows are not rewritten (each rewrite updates every index of the row).
            cursor.execute(
                "UPDATE actors_actor a SET open_intervals = v.intervals::tstzmultirange, "
                "open_hours = v.hours::int[], open_part_hours = v.part::int[], "
                "open_day0 = v.day0, open_days = v.days, indexed_at = clock_timestamp() "
                "FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::int[], "
                "%s::int[]) AS v(id, intervals, hours, part, day0, days) "
                "WHERE a.id = v.id AND (a.open_intervals IS DISTINCT FROM "
                "v.intervals::tstzmultirange OR a.open_hours IS DISTINCT FROM v.hours::int[] "
                "OR a.open_part_hours IS DISTINCT FROM v.part::int[] "
                "OR a.open_day0 IS DISTINCT FROM v.day0 OR a.open_days IS DISTINCT FROM v.days)",
                [
                    [pk for pk, _hours in batch],
                    list(intervals),
                    list(hours),
                    list(part),
                    [day0 for day0, _days in days],
                    [bits for _day0, bits in days],
                ],
            )
    return len(rows)


def refresh_where(column, value):
    """Recompute the index of every actor whose `column` (a trusted name) equals `value`."""
    with connection.cursor() as cursor:
        cursor.execute(refresh_sql().replace("{where}", f"a.{column} = %s"), [value])
        return cursor.rowcount


_deferred = threading.local()


@contextmanager
def deferred():
    """Within it, refresh() only notes the actors; they are re-indexed once on leaving. A
    write that saves an actor and then sets its four taxonomies would otherwise re-index it
    after each step (up to nine times). Nothing is re-indexed if the block fails: its
    transaction is rolled back anyway."""
    if getattr(_deferred, "ids", None) is not None:  # already inside: the outer one refreshes
        yield
        return
    _deferred.ids = set()
    try:
        yield
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    refresh(ids)
