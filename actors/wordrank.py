"""A search's text rank, computed only for the rows holding one of its words when they are
few (everyday words: actors.lexicon).

ts_rank gives a row holding none of the query's words 0 (1e-20 under an AND). Such a row is
among the results only through the lexicon's services and themes, whose score
(actors.filters.expansion_score, at least a few hundredths) that rank leaves unchanged in
floating point. So when few rows hold any of the words, ranking those alone and giving the
others 0 orders every result as ranking them all: "ordi lent" matches half of 100,000
actors through its services and none by its words, and ts_rank over those matches was about
a sixth of the query (median of 20 alternations in psql: 98 → 82 ms)."""

import re

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Case, Expression, F, FloatField, Value, When

# At most this many rows holding a word: their ids are written into the query.
FEW = 1000
# A lexeme in a tsquery's text form: quoted, a quote inside doubled.
LEXEME = re.compile(r"'(?:[^']|'')*'")


def any_word(query_text):
    """The tsquery (text) of the rows holding any word of `query_text`, a tsquery's text
    form; None when a word carries weights or a prefix mark (websearch_to_tsquery writes
    neither), which holding the word alone would not match exactly."""
    words = LEXEME.findall(query_text)
    if not words or re.search(r"'\s*:", query_text):
        return None
    return " | ".join(dict.fromkeys(words))


def holders(table, query_text):
    """The ids of `table`'s rows holding a word of the query when there are at most FEW of
    them, else None. The planner's estimate (from the words' statistics) is asked first, so
    that a broad search does not read its matches twice for nothing."""
    words = any_word(query_text)
    if words is None:
        return None
    sql = f"SELECT id FROM {connection.ops.quote_name(table)} WHERE search_vector @@ %s::tsquery"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", [words])
        plan = cursor.fetchone()[0]
        if plan[0]["Plan"]["Plan Rows"] > FEW:
            return None
        cursor.execute(f"{sql} LIMIT %s", [words, FEW + 1])
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= FEW else None


def narrowed(rank, ids):
    """`rank` for the rows `ids`, 0 for the others but those without a vector, whose rank
    (and so relevance) is NULL as ts_rank's would be."""
    return Case(
        When(pk__in=ids, then=rank),
        When(search_vector__isnull=True, then=Value(None)),
        default=Value(0.0),
        output_field=FloatField(),
    )


class WordRank(Expression):
    """ts_rank of `query` for every row, or narrowed() to the rows holding its words when
    few do. Decided when the SQL is written, not when the queryset is built: a directory page
    builds querysets (the actors' table's among them) that it never runs, and asking which
    rows hold the words costs a query. `ids_of(table)` gives holders() for that table,
    remembered by the caller for the request."""

    output_field = FloatField()

    def __init__(self, query, ids_of):
        super().__init__()
        self.query = query
        self.ids_of = ids_of

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.table = query.model._meta.db_table
        return resolved

    def as_sql(self, compiler, connection):
        rank = SearchRank(F("search_vector"), self.query)
        ids = self.ids_of(self.table)
        expression = rank if ids is None else narrowed(rank, ids)
        return compiler.compile(expression.resolve_expression(compiler.query))
