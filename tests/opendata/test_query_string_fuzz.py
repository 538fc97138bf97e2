"""Generated query strings thrown at every public endpoint: invalid input is a 400 (or
ignored), never a 5xx. Deterministic (derandomize) and bounded (max_examples)."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.opendata.helpers import OPEN_DATA_URLS, content

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/fr/", "/fr/carte/donnees.geojson", *OPEN_DATA_URLS, "/fr/embed/"]
NAMES = [
    "q", "theme", "kind", "service", "public", "language", "commune", "near", "radius", "bbox",
    "zoom", "sort", "page", "page_size", "format", "fit", "lang", "theme[]", "", "updated_since",
    "since",
]  # fmt: skip
# Values that real parameters take, or nearly.
TYPICAL = [
    "zz", "?!", "a", "réparation", "Bayonne", "baiona", "64100", "64130",
    "12 rue Pannecau, Bayonne",
    "3 rue inconnue, 64130 Mauléon", "43.49,-1.47", "91,181", "inclusion-mediation",
    "association", "64102", "relevance", "distance", "name", "updated", "-1.6,43.4,-1.4,43.55",
    "1,1,1,1", "-1.4,43.55,-1.6,43.4", "NaN", "nan,nan,nan,nan", "inf", "-inf", "1e309", "-0",
    "0", "-1", "2", "5", "100", "101", "9" * 40, "0x10", " ", "%", "'", '"', "\\", "\x00",
    "geojson", "json", "csv", "2026-01-31", "2026-01-31T14:00:00+01:00", "2026-03-29T02:30",
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-02-30",
]  # fmt: skip
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
bboxes = st.lists(numbers, min_size=0, max_size=5).map(",".join)
values = st.one_of(st.sampled_from(TYPICAL), text, numbers, bboxes)
keys = st.one_of(st.sampled_from(NAMES), text)
# Fragments a browser would never send: bad percent escapes, invalid UTF-8, stray separators.
RAW = ["%", "%zz", "%ff%fe", "%00", "&&", "=", "==", "q=%C3", "near=%E2%82", "page=%ff"]
query_strings = st.tuples(
    st.lists(st.tuples(keys, values), max_size=6),
    st.lists(st.sampled_from(RAW), max_size=2),
).map(
    lambda parts: "&".join(
        [f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in parts[0]] + parts[1]
    )
)


def bounded(examples):
    """Deterministic, bounded, and at home with the database fixtures."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@bounded(100)
@given(query=query_strings)
def test_no_query_string_makes_a_public_endpoint_fail(client, world, ban, endpoint, query):
    response = client.get(f"{endpoint}?{query}")
    content(response)  # a streamed body fails while it is read, if it fails
    assert response.status_code < 500, (endpoint, query)
