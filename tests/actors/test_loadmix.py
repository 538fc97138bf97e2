from collections import Counter

import pytest

from actors.loadmix import MIX, bbox, build_mix

pytestmark = pytest.mark.django_db


def test_the_mix_keeps_its_shares_and_its_order_for_a_seed(demo):
    mix = build_mix(400, seed=1)
    assert Counter(kind for kind, _ in mix) == {kind: share * 4 for kind, share in MIX.items()}
    assert build_mix(400, seed=1) == mix
    assert build_mix(400, seed=2) != mix
    assert all(path.isascii() and " " not in path for _, path in mix)


def test_every_path_of_the_mix_is_answered(demo, client):
    failures = []
    for kind, path in build_mix(200, seed=3):
        response = client.get(path)
        if response.status_code != 200:
            failures.append((kind, path, response.status_code))
    assert failures == []


def test_searches_use_each_language_and_map_requests_several_zooms(demo):
    paths = Counter()
    for kind, path in build_mix(400, seed=4):
        if kind.startswith("search"):
            paths[kind, path[:4]] += 1
        if kind == "map data":
            paths["zoom", path.split("zoom=")[1].split("&")[0]] += 1
    assert {key for key in paths if key[0].startswith("search")} == {
        ("search, French", "/fr/"), ("search, Basque", "/eu/"), ("search, Spanish", "/es/"),
    }  # fmt: skip
    assert {key[1] for key in paths if key[0] == "zoom"} == {"9", "11", "13", "15"}


def test_bbox_is_the_view_of_the_map_centred_on_the_point():
    west, south, east, north = map(float, bbox(-1.47, 43.49, 9).split(","))
    assert (west + east) / 2 == pytest.approx(-1.47, abs=1e-3)
    assert (south + north) / 2 == pytest.approx(43.49, abs=1e-3)
    assert east - west == pytest.approx(1366 * 360 / (256 * 2**9), abs=1e-3)
    narrower = bbox(-1.47, 43.49, 11).split(",")
    assert float(narrower[2]) - float(narrower[0]) == pytest.approx((east - west) / 4, abs=1e-3)
