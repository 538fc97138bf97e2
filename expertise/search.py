"""The full-text search vector of a réalisation or ressource, written on every save: each
language's texts read with that language's configuration (the actors' `fr_unaccent`,
`eu_unaccent`, `es_unaccent`), the title weighted first. A query is read in all three
(actors.filters.search_query), so a word of any language meets its own language's reading."""

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F

from actors.filters import search_query
from actors.indexing import SEARCH_CONFIGS
from actors.texts import column

# The texts each kind indexes after its title, least weighty last.
TEXTS = {
    "realisation": ("summary", "description", "results", "lessons"),
    "ressource": ("summary",),
}


def _reading(lang, texts):
    config = SEARCH_CONFIGS[lang]
    title = column("title", lang)
    rest = ", ".join(column(name, lang) for name in texts)
    return (
        f"setweight(to_tsvector('{config}', {title}), 'A')"
        f" || setweight(to_tsvector('{config}', concat_ws(' ', {rest})), 'C')"
    )


def refresh(obj, texts=None):
    """Rewrites the object's vector from its stored texts (`texts`: another kind's, after
    its title, for a kind built on the same base)."""
    refresh_rows(type(obj), [obj.pk], texts)


def refresh_rows(model, ids, texts=None):
    """Rewrites the vectors of these rows of `model` in one statement (bulk loads)."""
    texts = texts or TEXTS[model._meta.model_name]
    vector = " || ".join(_reading(lang, texts) for lang in SEARCH_CONFIGS)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        # Column names and configurations are this module's constants; the ids a parameter.
        cursor.execute(
            f"UPDATE {table} SET search_vector = {vector} WHERE id = ANY(%s)",  # noqa: S608
            [list(ids)],
        )


def matching(queryset, words):
    """The rows matching the words in any language, most relevant first."""
    query = search_query(words)
    return (
        queryset.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-updated_at")
    )
