"""Generated query strings thrown at the réalisations' and ressources' API and downloads,
their own parameters' names and values among them: invalid input is a 400, never a 5xx."""

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.opendata.helpers import content
from tests.opendata.test_query_string_fuzz import RAW, TYPICAL, bounded, text

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/realisations/", "/api/v1/realisations.geojson", "/api/v1/ressources/",
             "/export/ressources.csv"]  # fmt: skip
NAMES = ["q", "theme", "public", "commune", "licence", "progress", "type", "language", "page",
         "page_size", ""]  # fmt: skip
VALUES = [*TYPICAL, "completed", "in_progress", "cc-by-4.0", "guide", "eu", "mul"]
pairs = st.lists(
    st.tuples(st.one_of(st.sampled_from(NAMES), text), st.one_of(st.sampled_from(VALUES), text)),
    max_size=5,
)
query_strings = st.tuples(pairs, st.lists(st.sampled_from(RAW), max_size=2)).map(
    lambda parts: "&".join(
        [f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in parts[0]] + parts[1]
    )
)


@pytest.fixture
def items(people):
    realisation = make_realisation(people["actor"], title="Atelier vélo", whole_territory=True)
    make_ressource(people["actor"], realisation=realisation)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@bounded(60)
@given(query=query_strings)
def test_no_query_string_makes_an_endpoint_fail(client, items, endpoint, query):
    response = client.get(f"{endpoint}?{query}")
    content(response)  # a streamed body fails while it is read, if it fails
    assert response.status_code < 500, (endpoint, query)
