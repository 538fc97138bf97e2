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
from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Case, Expression, F, FloatField, Q, Value, When

from actors.models import LeanRow

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


def negates(query_text):
    """Whether the tsquery (text) has a negation, which rows holding none of its words
    can match."""
    return "!" in LEXEME.sub("", query_text)


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


@dataclass(frozen=True)
class Held:
    """What the rows of actors_search holding a search's words (holders()) tell a scan of
    actors_search_lean (actors.searchrows), which has no vectors: those that match the
    tsquery, and each one's ts_rank by id."""

    matches: list
    ranks: dict


def held(query_text, ids):
    """Held of the tsquery (text) `query_text` among the rows `ids` of actors_search (the
    holders(): at most FEW, a list even when empty). Read once per request, before the scan
    that uses it: an actor indexed in between is found from the next request on (the data's
    version then changes, so no answer computed without it stays cached)."""
    if ids is None:
        raise ValueError("held() reads the holders of words that few rows hold")
    sql = (
        "SELECT id, search_vector @@ %s::tsquery, ts_rank(search_vector, %s::tsquery)::float8 "
        "FROM actors_search WHERE id = ANY(%s) ORDER BY id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query_text, query_text, list(ids)])
        rows = cursor.fetchall()
    return Held([pk for pk, matches, _ in rows if matches], {pk: rank for pk, _, rank in rows})


class KnownRank(Expression):
    """Ranks computed beforehand (Held.ranks), read by the row's id: NULL for another row.
    ts_rank gives float4, read as float8 (exactly) and written back as float4."""

    output_field = FloatField()

    def __init__(self, ranks):
        super().__init__()
        self.ranks = ranks

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.pk = F("pk").resolve_expression(query, *args, **kwargs)
        return resolved

    def as_sql(self, compiler, connection):
        pk, params = compiler.compile(self.pk)
        ids = list(self.ranks)
        sql = f"(%s::real[])[array_position(%s::bigint[], {pk})]"
        return sql, [[self.ranks[i] for i in ids], ids, *params]


# The rows without a vector, on a table that has the vectors.
UNINDEXED = Q(search_vector__isnull=True)


def narrowed(rank, ids, unindexed=UNINDEXED):
    """`rank` for the rows `ids`, 0 for the others but the `unindexed` ones, without a vector,
    whose rank (and so relevance) is NULL as ts_rank's would be."""
    return Case(
        When(pk__in=ids, then=rank),
        When(unindexed, then=Value(None)),
        default=Value(0.0),
        output_field=FloatField(),
    )


class WordRank(Expression):
    """ts_rank of `query` for every row, or narrowed() to the rows holding its words when
    few do. Decided when the SQL is written, not when the queryset is built: a directory page
    builds querysets (the actors' table's among them) that it never runs, and asking which
    rows hold the words costs a query. `ids_of(table)` gives holders() for that table and
    `held()` gives held() of actors_search's, for a scan of actors_search_lean; the caller
    remembers both for the request."""

    output_field = FloatField()

    def __init__(self, query, ids_of, held=None):
        super().__init__()
        self.query = query
        self.ids_of = ids_of
        self.held = held

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.table = query.model._meta.db_table
        return resolved

    def as_sql(self, compiler, connection):
        if self.table == LeanRow._meta.db_table:
            # Read only when few rows hold the words (SearchFilter.copy_to_read).
            if self.held is None:
                raise ValueError("a scan of actors_search_lean needs the words' held rows")
            ranks = self.held().ranks
            expression = narrowed(KnownRank(ranks), list(ranks), Q(indexed=False))
            return compiler.compile(expression.resolve_expression(compiler.query))
        rank = SearchRank(F("search_vector"), self.query)
        ids = self.ids_of(self.table)
        expression = rank if ids is None else narrowed(rank, ids)
        return compiler.compile(expression.resolve_expression(compiler.query))
