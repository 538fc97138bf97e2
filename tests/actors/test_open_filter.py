"""The `open` filter (now, or a day code) on the directory, the map data, the API and the
exports, read from the stored open intervals; the nightly job that moves them on."""

import time
from datetime import date, datetime

import pytest
from django.db import connection
from django.utils import timezone
from procrastinate.contrib.django import app

from actors import indexing, opening
from actors.filters import ActorFilterSet
from actors.models import Actor
from actors.tasks import refresh_opening
from tests.factories import ActorFactory
from tests.opendata.helpers import content, json_body
from tests.queue import jobs, run_worker

pytestmark = pytest.mark.django_db

# Tuesday 14 July 2026, 10:00 in Paris: a public holiday.
BASTILLE_DAY = datetime(2026, 7, 14, 10, 0, tzinfo=opening.PARIS)


@pytest.fixture
def clock(monkeypatch):
    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    set_to(BASTILLE_DAY)
    return set_to


@pytest.fixture
def places(clock):
    return {
        "office": ActorFactory(name="Bureau", opening_hours="Mo-Fr 09:00-18:00"),
        "holiday": ActorFactory(name="Fermé les fériés", opening_hours="Mo-Fr 09:00-18:00; PH off"),
        "saturday": ActorFactory(name="Samedi matin", opening_hours="Sa 10:00-12:00"),
        "unknown": ActorFactory(name="Sans horaires", opening_hours=""),
        "hidden": ActorFactory(name="Brouillon ouvert", opening_hours="24/7", draft=True),
    }


def names(response):
    html = response.content.decode()
    return {name for name in ("Bureau", "Fermé les fériés", "Samedi matin", "Sans horaires",
                              "Brouillon ouvert") if f">{name}<" in html}  # fmt: skip


def test_open_now_on_the_directory(client, places):
    assert names(client.get("/fr/?open=now")) == {"Bureau"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("sa", {"Samedi matin"}),
        ("we", {"Bureau", "Fermé les fériés"}),
        # Today, a public holiday: only the one that does not close on holidays.
        ("tu", {"Bureau"}),
        ("su", set()),
    ],
)
def test_open_on_the_next_such_day(client, places, code, expected):
    assert names(client.get(f"/fr/?open={code}")) == expected


def test_the_filter_shows_as_a_removable_chip_and_a_selected_choice(client, places):
    html = client.get("/fr/?open=sa").content.decode()
    assert 'class="chips"' in html and "Ouvert le samedi" in html
    assert '<option value="sa" selected>' in html
    assert 'href="/fr/"' in html or 'href="/fr/?"' in html


def test_an_unknown_value_is_a_clear_400(client, places):
    response = client.get("/fr/?open=tomorrow")
    assert response.status_code == 400
    assert "« now » (ouvert maintenant) ou un jour" in response.content.decode()
    api = client.get("/api/v1/actors/?open=tomorrow")
    assert api.status_code == 400 and "open" in json_body(api)["errors"]


def test_the_map_data_the_api_and_the_exports_follow_it(client, places):
    map_data = json_body(client.get("/fr/carte/donnees.geojson?open=now&zoom=14"))
    assert [f["properties"]["name"] for f in map_data["features"]] == ["Bureau"]
    api = json_body(client.get("/api/v1/actors/?open=sa"))
    assert [actor["name"] for actor in api["results"]] == ["Samedi matin"]
    geojson = json_body(client.get("/export/actors.geojson?open=we"))
    assert {f["properties"]["name"] for f in geojson["features"]} == {"Bureau", "Fermé les fériés"}
    csv_text = content(client.get("/export/actors.csv?open=now"))
    assert "Bureau" in csv_text and "Samedi matin" not in csv_text


def test_cached_counts_follow_the_clock(client, places, clock):
    assert names(client.get("/fr/?open=now")) == {"Bureau"}
    clock(datetime(2026, 7, 14, 19, 0, tzinfo=opening.PARIS))
    assert names(client.get("/fr/?open=now")) == set()
    map_data = json_body(client.get("/fr/carte/donnees.geojson?open=now&zoom=14"))
    assert map_data["features"] == []


def test_saving_an_actor_writes_its_intervals(places):
    actor = Actor.objects.get(pk=places["saturday"].pk)
    assert [(r.lower.isoformat(), r.upper.isoformat()) for r in actor.open_intervals] == [
        ("2026-07-18T08:00:00+00:00", "2026-07-18T10:00:00+00:00"),
    ]
    assert actor.open_hours == [opening.hour_number(BASTILLE_DAY) + 4 * 24 + h for h in (0, 1)]
    assert Actor.objects.get(pk=places["unknown"].pk).open_intervals is None
    actor.opening_hours = "Su 10:00-12:00"
    actor.save()
    actor.refresh_from_db()
    assert [r.lower.isoformat() for r in actor.open_intervals] == ["2026-07-19T08:00:00+00:00"]


def test_the_nightly_refresh_moves_the_window_on(client, places, clock):
    # A week later, without the refresh, next Saturday is beyond the stored window.
    clock(datetime(2026, 7, 21, 10, 0, tzinfo=opening.PARIS))
    assert names(client.get("/fr/?open=sa")) == set()
    assert indexing.refresh_opening() == 4  # every actor with hours, the draft included
    assert names(client.get("/fr/?open=sa")) == {"Samedi matin"}


def test_the_refresh_is_a_daily_job_of_the_worker(task_queue, reference_tx, places):
    schedule = {p.task.name: p.cron for p in app.periodic_registry.periodic_tasks.values()}
    assert schedule["actors.refresh_opening"] == "30 23 * * *"
    Actor.objects.update(open_intervals=None)
    refresh_opening.defer(timestamp=int(time.time()))
    run_worker("periodic")
    assert {job.status for job in jobs("actors.refresh_opening")} == {"succeeded"}
    assert Actor.objects.filter(open_intervals__isnull=False).count() == 4


def explain(queryset, *forbidden):
    with connection.cursor() as cursor:
        # An empty test table is read whole; forbidding that shows what an index answers
        # (the timings at 100,000 actors are in the README). On a few rows any index is as
        # cheap as another: `forbidden` rules out the plans a question is not about.
        for method in ("seqscan", *forbidden):
            cursor.execute(f"SET LOCAL enable_{method} = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_open_now_can_read_the_gin_index(places):
    queryset = ActorFilterSet({"open": "now"}, queryset=Actor.objects.all()).qs
    plan = explain(queryset.values("id"))
    assert "actor_open_hours" in plan, plan


def test_the_hours_open_in_part_stay_in_the_row():
    """The test of "open now" reads them for every actor of the hour: out of line (a wide row
    moves its biggest columns to the TOAST table) each would be one more read (migration 0013)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'actors_actor'::regclass AND attname = 'open_part_hours'"
        )
        assert cursor.fetchone() == ("m",)


def test_the_counts_of_a_day_are_an_index_only_scan(places):
    published = Actor.objects.published()
    queryset = ActorFilterSet({"open": "sa"}, queryset=published).qs
    # enable_indexscan = off would rule out index-only scans too; on a few rows the status
    # index is as cheap, so it leaves for this question only (dropped within the test's
    # transaction, rolled back with it).
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX actor_status_name")
    plan = explain(queryset.order_by().values("kind", "commune", "theme_mask"), "bitmapscan")
    assert "Index Only Scan using actor_published_counts" in plan, plan


def test_next_day_window_is_stored_for_a_late_run():
    literal, _hours, _part, _days = opening.window("Mo-Su 10:00-11:00", date(2026, 7, 14))
    # From the day before to eight days after: ten openings.
    assert literal.count("[") == 10
