"""The snapshot helper itself: a missing or changed snapshot fails, never passes silently."""

import pytest

from tests.snapshots import sql


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sql, "HERE", tmp_path)
    monkeypatch.delenv("SNAPSHOT_UPDATE", raising=False)
    return tmp_path


def test_a_missing_snapshot_fails_and_is_not_written(folder):
    with pytest.raises(AssertionError, match="No SQL snapshot"):
        sql.assert_matches_snapshot("page", ["SELECT N"], 1)
    assert not (folder / "page.sql").exists()


def test_snapshot_update_writes_it_then_it_is_compared(folder, monkeypatch):
    monkeypatch.setenv("SNAPSHOT_UPDATE", "1")
    sql.assert_matches_snapshot("page", ["SELECT N", "SELECT '…'"], 2)
    assert (folder / "page.sql").read_text() == "SELECT N;\n\nSELECT '…';\n"
    monkeypatch.delenv("SNAPSHOT_UPDATE")
    sql.assert_matches_snapshot("page", ["SELECT N", "SELECT '…'"], 2)
    with pytest.raises(AssertionError, match="changed"):
        sql.assert_matches_snapshot("page", ["SELECT N"], 1)


def test_the_number_of_queries_is_asserted(folder, monkeypatch):
    monkeypatch.setenv("SNAPSHOT_UPDATE", "1")
    with pytest.raises(AssertionError, match="ran 1 queries, not 2"):
        sql.assert_matches_snapshot("page", ["SELECT N"], 2)
