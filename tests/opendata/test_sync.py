"""What a harvester syncs with: conditional requests (ETag, Last-Modified, 304) on every API
and export URL, `updated_since`, the removals feed, JSON errors under /api/v1/, and unknown
parameters refused rather than ignored."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.http import http_date

from actors.models import Actor, ActorStatus
from moderation.workflow import archive
from opendata.models import ActorRemoval
from tests.opendata.helpers import OPEN_DATA_URLS, content, json_body

pytestmark = pytest.mark.django_db

REFERENCE_URLS = [
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/themes/",
    "/api/v1/kinds/",
    "/api/v1/services/",
    "/api/v1/publics/",
    "/api/v1/languages/",
    "/api/v1/communes/",
]
EVERY_URL = [*OPEN_DATA_URLS, *REFERENCE_URLS, "/api/v1/actors/DETAIL/"]


def get(client, url, world, **headers):
    return client.get(url.replace("DETAIL", world["clic"].slug), **headers)


def slugs(response):
    body = json_body(response)
    if "features" in body:
        return {f["id"] for f in body["features"]}
    return {r["slug"] for r in body["results"]}


def touch(actor, **changes):
    for name, value in changes.items():
        setattr(actor, name, value)
    actor.save()


@pytest.mark.parametrize("url", EVERY_URL)
def test_every_url_answers_304_to_a_client_holding_its_version(client, world, url):
    first = get(client, url, world)
    assert first.status_code == 200
    content(first)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    for headers in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": "W/" + etag},  # as it comes back through gzip
        {"HTTP_IF_MODIFIED_SINCE": modified},
    ):
        again = get(client, url, world, **headers)
        assert again.status_code == 304, headers
        assert again["ETag"] == etag
        assert not again.content
    stale = get(client, url, world, HTTP_IF_NONE_MATCH='"another-version"')
    assert stale.status_code == 200


@pytest.mark.parametrize("url", [*OPEN_DATA_URLS, "/api/v1/actors/DETAIL/", "/api/v1/themes/"])
def test_a_change_to_the_data_changes_the_version(client, world, url):
    before = get(client, url, world)
    touch(Actor.objects.get(pk=world["clic"].pk), summary="Un résumé tout neuf.")
    after = get(client, url, world, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]


def test_a_removal_changes_the_version_of_the_lists(client, world):
    before = client.get("/api/v1/actors/")
    Actor.objects.filter(pk=world["repair"].pk).update(status=ActorStatus.DRAFT)
    after = client.get("/api/v1/actors/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert world["repair"].slug not in slugs(after)


def test_each_query_has_its_own_version(client, world):
    tags = {client.get(f"/api/v1/actors/?{q}")["ETag"] for q in ("", "q=clic", "page_size=2")}
    assert len(tags) == 3


def test_a_304_reads_no_actor(client, world, django_assert_max_num_queries):
    etag = client.get("/export/actors.geojson")["ETag"]
    # The version: two aggregate look-ups; no record is read or rendered.
    with django_assert_max_num_queries(2):
        assert client.get("/export/actors.geojson", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_last_modified_is_the_newest_change(client, world):
    actor = Actor.objects.get(pk=world["clic"].pk)
    touch(actor, summary="Changé à l'instant.")
    actor.refresh_from_db()
    modified = client.get("/api/v1/actors/")["Last-Modified"]
    # Re-indexing follows the save: the index's clock is the newest.
    assert modified == http_date(max(actor.indexed_at, actor.updated_at).timestamp())
    earlier = http_date((actor.updated_at - timedelta(minutes=5)).timestamp())
    assert client.get("/api/v1/actors/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/actors/", "/api/v1/actors.geojson", "/export/actors.geojson"]
)
def test_updated_since_gives_what_changed_since(client, world, url):
    cut = timezone.now()
    touch(Actor.objects.get(pk=world["xiberoa"].pk), summary="Mis à jour après la coupure.")
    since = cut.isoformat()
    assert slugs(client.get(url, {"updated_since": since})) == {world["xiberoa"].slug}
    # Its "+" sent unencoded arrives as a space: still read as the offset.
    unencoded = client.get(f"{url}?updated_since={since.replace('+', ' ')}")
    assert slugs(unencoded) == {world["xiberoa"].slug}
    day = (cut - timedelta(days=1)).date().isoformat()
    assert len(slugs(client.get(url, {"updated_since": day}))) == 5


def test_updated_since_on_the_csv_and_the_national_exports(client, world):
    cut = timezone.now()
    touch(Actor.objects.get(pk=world["clic"].pk), summary="Changé.")
    query = {"updated_since": cut.isoformat()}
    csv_text = content(client.get("/export/actors.csv", query))
    assert "Clic Solidaire" in csv_text and "Xiberoa" not in csv_text
    structures = json_body(client.get("/export/data-inclusion/structures.json", query))
    assert [s["nom"] for s in structures] == ["Clic Solidaire"]
    services = json_body(client.get("/export/data-inclusion/services.json", query))
    assert {s["structure_id"] for s in services} == {structures[0]["id"]}
    lamednum = content(client.get("/export/lamednum.csv", query))
    assert "Clic Solidaire" in lamednum and "Xiberoa" not in lamednum


@pytest.mark.parametrize("value", ["hier", "2026-13-01", "2026-02-30", "31/01/2026", "2026-1"])
def test_a_bad_updated_since_is_a_400_saying_how_to_write_it(client, world, value):
    for url in ("/api/v1/actors/", "/export/actors.csv", "/export/lamednum.csv"):
        response = client.get(url, {"updated_since": value})
        assert response.status_code == 400, url
        (error,) = response.json()["errors"]["updated_since"]
        assert "ISO 8601" in error["message"]


# The removals feed.


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_user(
        username="mod", email="mod@example.org", password="x" * 16, is_staff=True
    )


def removals(client, **query):
    response = client.get("/api/v1/actors/removed/", query)
    assert response.status_code == 200
    return [(r["slug"], r["reason"]) for r in json_body(response)["results"]]


def test_archiving_an_actor_lists_it_as_removed(client, world, moderator):
    archive(Actor.objects.get(pk=world["clic"].pk), moderator, "Fermé définitivement.")
    assert removals(client) == [(world["clic"].slug, "archived")]
    (row,) = json_body(client.get("/api/v1/actors/removed/"))["results"]
    assert abs(timezone.datetime.fromisoformat(row["removed_at"]) - timezone.now()) < timedelta(
        minutes=5
    )


def test_unpublishing_an_actor_lists_it_as_removed(client, world):
    touch(Actor.objects.get(pk=world["clic"].pk), status=ActorStatus.PENDING)
    # A queryset update, as some services and bulk imports write, counts too.
    Actor.objects.filter(pk=world["xiberoa"].pk).update(status=ActorStatus.DRAFT)
    assert removals(client) == [
        (world["clic"].slug, "unpublished"),
        (world["xiberoa"].slug, "unpublished"),
    ]


def test_deleted_and_renamed_actors_are_removals_too(client, world):
    old_slug = world["repair"].slug
    touch(Actor.objects.get(pk=world["repair"].pk), slug="konpon-txoko-baiona")
    Actor.objects.get(pk=world["access"].pk).delete()
    assert removals(client) == [(old_slug, "renamed"), (world["access"].slug, "deleted")]


def test_hidden_actors_changing_are_not_removals(client, world):
    touch(Actor.objects.get(pk=world["draft"].pk), status=ActorStatus.ARCHIVED)
    touch(Actor.objects.get(pk=world["pending"].pk), slug="autre-identifiant")
    touch(Actor.objects.get(pk=world["clic"].pk), summary="Toujours publié.")
    assert removals(client) == []


def test_an_actor_published_again_leaves_the_feed(client, world):
    actor = Actor.objects.get(pk=world["clic"].pk)
    touch(actor, status=ActorStatus.DRAFT)
    assert removals(client) == [(actor.slug, "unpublished")]
    touch(actor, status=ActorStatus.PUBLISHED)
    assert removals(client) == []


def test_since_keeps_the_newer_removals(client, world):
    touch(Actor.objects.get(pk=world["clic"].pk), status=ActorStatus.ARCHIVED)
    ActorRemoval.objects.update(removed_at=timezone.now() - timedelta(days=3))
    touch(Actor.objects.get(pk=world["xiberoa"].pk), status=ActorStatus.ARCHIVED)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert removals(client, since=since) == [(world["xiberoa"].slug, "archived")]
    assert len(removals(client)) == 2
    bad = client.get("/api/v1/actors/removed/", {"since": "la semaine dernière"})
    assert bad.status_code == 400
    assert "ISO 8601" in bad.json()["errors"]["since"][0]["message"]


# Errors.


@pytest.mark.parametrize(
    "url", ["/api/v1/nope/", "/api/v1/actors/inconnu/", "/api/v1/actors/a/b/", "/api/v2/x"]
)
def test_unknown_api_paths_answer_json(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    if url.startswith("/api/v1/"):
        assert response["Content-Type"] == "application/json"
        assert response.json()["errors"]["detail"][0]["code"] == "not_found"


def test_a_missing_trailing_slash_is_still_redirected(client, world):
    response = client.get("/api/v1/actors")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/actors/"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "url", ["/api/v1/actors/", "/api/v1/actors/removed/", "/export/actors.csv"]
)
def test_writing_methods_are_a_405_naming_the_allowed_ones(client, world, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    if url.startswith("/api/v1/"):
        assert response.json()["errors"]["method"][0]["code"] == "method"


@pytest.mark.parametrize("url", EVERY_URL)
def test_unknown_parameters_are_refused_by_name(client, world, url):
    response = get(client, url + "?thme=accessibilite&page_sise=5", world)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"thme", "page_sise"}
    assert "thme" in errors["thme"][0]["message"]


def test_a_mistyped_filter_no_longer_returns_everything(client, world):
    response = client.get("/api/v1/actors/?themes=accessibilite")
    assert response.status_code == 400
    assert client.get("/api/v1/actors/?theme=accessibilite").json()["count"] == 1


def test_the_directory_page_stays_tolerant_of_unknown_parameters(client, world):
    # Visitors' links carry tracking and old parameters: the page ignores them.
    assert client.get("/fr/?utm_source=journal&theme=accessibilite").status_code == 200


def test_the_directory_takes_updated_since_too_and_shows_it(client, world):
    cut = timezone.now()
    touch(Actor.objects.get(pk=world["clic"].pk), summary="Changé.")
    page = client.get("/fr/", {"updated_since": cut.isoformat()})
    assert [a.slug for a in page.context["actors"]] == [world["clic"].slug]
    html = page.content.decode()
    assert "Mis à jour depuis le" in html  # a chip that removes it
    assert 'type="hidden" name="updated_since"' in html  # kept when the form is sent again
    assert client.get("/fr/", {"updated_since": "hier"}).status_code == 400


def test_editing_a_term_nobody_uses_changes_its_list_version(client, world):
    from actors.models import Theme

    before = client.get("/api/v1/themes/")["ETag"]
    assert client.get("/api/v1/themes/")["ETag"] == before  # stable while nothing changes
    Theme.objects.filter(slug="low-tech").update(name_es="Baja tecnología (low-tech)")
    assert client.get("/api/v1/themes/", HTTP_IF_NONE_MATCH=before).status_code == 200


def test_open_now_answers_follow_the_clock(client, world):
    # Data unchanged for days, yet "open now" changes with the minute: never older than it.
    days_ago = timezone.now() - timedelta(days=3)
    Actor.objects.update(updated_at=days_ago, indexed_at=days_ago)
    modified = client.get("/api/v1/actors/?open=now")["Last-Modified"]
    minute = timezone.now().replace(second=0, microsecond=0)
    assert modified in (
        http_date(minute.timestamp()),
        http_date((minute + timedelta(minutes=1)).timestamp()),
    )


def test_head_requests_are_conditional_too(client, world):
    etag = client.head("/export/actors.geojson")["ETag"]
    assert client.head("/export/actors.geojson", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize(
    ("url", "module"),
    [("/api/v1/actors/", "opendata.views.api"), ("/export/actors.csv", "opendata.views.exports")],
)
def test_a_server_error_under_the_api_and_exports_answers_json(
    world, url, module, monkeypatch, caplog
):
    from django.test import Client

    def broken(request):
        raise RuntimeError("secret détail interne")

    monkeypatch.setattr(f"{module}.filtered_actors", broken)
    client = Client(raise_request_exception=False)
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.get(url)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]["detail"][0]["code"] == "server_error"
    assert "secret" not in response.content.decode()
    # Logged as any server error, with its traceback.
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR" and "secret détail interne" in str(record.exc_info[1])


def test_a_server_error_on_a_page_keeps_the_html_page(rf):
    from opendata.views.errors import server_error

    response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>" in response.content.decode()
