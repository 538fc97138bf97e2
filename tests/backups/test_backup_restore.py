"""Restore drill: back up real data and files, restore them into a fresh database and folder,
and compare every table (row count and a checksum of its rows) and every file."""

import hashlib
import io
import tarfile

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from actors.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db(transaction=True)


def connect(dbname):
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"] or None,
        dbname=dbname, autocommit=True,
    )  # fmt: skip


def fingerprint(dbname):
    """{table: (rows, md5 of its rows in a fixed order)} for every table of the database."""
    with connect(dbname) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: conn.execute(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                f' FROM public."{table}" t'
            ).fetchone()
            for table in tables
        }


def files(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def database_exists(name):
    with connect("postgres") as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


@pytest.fixture
def restored_name():
    name = connection.settings_dict["NAME"] + "_drill"
    # Not WITH (FORCE): for a role that is not a superuser, PostgreSQL 15 then refuses to drop
    # a database an autovacuum worker is in ("must be a member of the role whose process is
    # being terminated"), as after a restore's inserts; a plain DROP ends such a worker itself
    # and waits for the restore's closing sessions (once failed so here, at teardown).
    drop = f'DROP DATABASE IF EXISTS "{name}"'
    with connect("postgres") as conn:
        conn.execute(drop)
    yield name
    with connect("postgres") as conn:
        conn.execute(drop)


@pytest.fixture
def data(reference_tx, settings, tmp_path):
    """Actors (one with a logo file), an account and the history of an edited profile."""
    settings.MEDIA_ROOT = tmp_path / "media"
    actor = ActorFactory(name="Atelier sauvegardé")
    actor.logo.save("logo.png", ContentFile(b"\x89PNG not really an image"), save=True)
    actor.summary = "Résumé modifié après coup."
    actor.save()
    ActorFactory.create_batch(3)
    get_user_model().objects.create_user("compte@example.org", "compte@example.org", "x" * 16)
    return actor


def test_a_restore_gives_back_every_row_and_file(data, settings, tmp_path, restored_name):
    call_command("backup", dir=tmp_path / "backups", keep=3)
    (backup,) = (tmp_path / "backups").iterdir()
    restored_media = tmp_path / "restored-media"

    call_command("restore", backup, into=restored_name, media_into=restored_media)

    source = fingerprint(connection.settings_dict["NAME"])
    assert fingerprint(restored_name) == source
    # Not a comparison of empty tables.
    for table in ("actors_actor", "moderation_historicalactor", "auth_user", "actors_commune"):
        assert source[table][0] > 0, table
    assert Actor.history.filter(name="Atelier sauvegardé").count() >= 2
    assert files(restored_media) == files(settings.MEDIA_ROOT)
    assert data.logo.name in files(restored_media)


def test_a_corrupt_backup_is_refused_before_anything_is_restored(data, tmp_path, restored_name):
    call_command("backup", dir=tmp_path / "backups", keep=3)
    (backup,) = (tmp_path / "backups").iterdir()
    dump = backup / "database.dump"
    content = bytearray(dump.read_bytes())
    content[len(content) // 2] ^= 0xFF
    dump.write_bytes(bytes(content))

    with pytest.raises(CommandError, match="corrupt: database.dump does not match its checksum"):
        call_command("restore", backup, into=restored_name, media_into=tmp_path / "m")
    assert not database_exists(restored_name)
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("name", ["../outside.txt", "/tmp/neonum-absolute.txt", "a/../../x"])
def test_a_media_file_outside_the_folder_is_refused(data, tmp_path, restored_name, name):
    """Checksums prove a backup whole, not harmless: a file named to land outside the media
    folder stops the restore before anything is written, on every Python 3.11 (Debian 12's
    3.11.2 has no tarfile extraction filters)."""
    call_command("backup", dir=tmp_path / "backups", keep=3)
    (backup,) = (tmp_path / "backups").iterdir()
    with tarfile.open(backup / "media.tar", "w") as tar:
        info = tarfile.TarInfo(name)
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    digest = hashlib.sha256((backup / "media.tar").read_bytes()).hexdigest()
    sums = [
        f"{digest}  media.tar" if line.endswith("media.tar") else line
        for line in (backup / "SHA256SUMS").read_text().splitlines()
    ]
    (backup / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    media = tmp_path / "m" / "media"

    with pytest.raises(CommandError, match="outside the media folder"):
        call_command("restore", backup, into=restored_name, media_into=media)
    assert not database_exists(restored_name)
    assert not (tmp_path / "m" / "outside.txt").exists()
    assert not (tmp_path / "x").exists()
    assert not media.exists()


def test_a_restore_never_writes_over_a_database_with_tables(data, tmp_path):
    call_command("backup", dir=tmp_path / "backups", keep=3)
    (backup,) = (tmp_path / "backups").iterdir()
    live = connection.settings_dict["NAME"]
    with pytest.raises(CommandError, match=f"The database {live} exists and holds tables"):
        call_command("restore", backup, into=live, media_into=tmp_path / "m")


def test_media_files_are_added_never_overwritten(data, settings, tmp_path, restored_name):
    call_command("backup", dir=tmp_path / "backups", keep=3)
    (backup,) = (tmp_path / "backups").iterdir()
    (settings.MEDIA_ROOT / data.logo.name).write_bytes(b"changed since the backup")
    with pytest.raises(CommandError, match="1 media files of the backup differ"):
        call_command("restore", backup, into=restored_name)
    assert not database_exists(restored_name)


def test_only_the_newest_backups_are_kept(data, tmp_path):
    for _ in range(3):
        call_command("backup", dir=tmp_path / "backups", keep=2)
    kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(kept) == 2 and all(name.startswith("neonum-") for name in kept)
    with pytest.raises(CommandError, match="at least 1"):
        call_command("backup", dir=tmp_path / "backups", keep=0)
