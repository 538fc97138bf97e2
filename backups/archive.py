"""A backup is one folder, `neonum-<UTC time>`: `database.dump` (pg_dump's custom format),
`media.tar` (the media folder) and `SHA256SUMS` (their checksums, `sha256sum -c` format).

A restore never overwrites: it checks the checksums, then restores the dump into a new (or
empty) database and adds the media files that are missing; the live database is left as it is.
"""

import hashlib
import os
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

from . import postgres

DUMP, MEDIA, SUMS = "database.dump", "media.tar", "SHA256SUMS"
PREFIX = "neonum-"


def create(directory, keep, alias="default"):
    """Writes a backup under `directory` and keeps the `keep` newest there; returns its path."""
    directory = Path(directory)
    name = PREFIX + datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    # Written aside and renamed: a folder with the final name is always a whole backup.
    partial = directory / f".{name}.partial"
    partial.mkdir(parents=True)
    try:
        db = connections[alias].settings_dict
        postgres.run("pg_dump", db, db["NAME"], "--format=custom", f"--file={partial / DUMP}")
        with tarfile.open(partial / MEDIA, "w") as tar:
            for path in sorted(_files(Path(settings.MEDIA_ROOT))):
                tar.add(path, arcname=path.relative_to(settings.MEDIA_ROOT).as_posix())
        lines = [f"{_sha256(partial / file)}  {file}\n" for file in (DUMP, MEDIA)]
        (partial / SUMS).write_text("".join(lines))
        final = directory / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    rotate(directory, keep)
    return final


def rotate(directory, keep):
    """Deletes all but the `keep` newest backups of `directory` (their names sort by time)."""
    backups = sorted(p for p in Path(directory).glob(PREFIX + "*") if p.is_dir())
    for old in backups[: max(len(backups) - keep, 0)]:
        shutil.rmtree(old)


def verify(path):
    """Refuses a folder that is not a whole backup or whose files do not match their sums."""
    path = Path(path)
    if not (path / SUMS).is_file():
        raise CommandError(f"{path} is not a backup: it has no {SUMS} file.")
    expected = {}
    for line in (path / SUMS).read_text().splitlines():
        digest, _, file = line.partition("  ")
        expected[file] = digest
    for file in (DUMP, MEDIA):
        if file not in expected or not (path / file).is_file():
            raise CommandError(f"{path} is incomplete: {file} is missing. Nothing was restored.")
        if _sha256(path / file) != expected[file]:
            raise CommandError(
                f"{path} is corrupt: {file} does not match its checksum. Nothing was restored."
            )


def restore(path, into, media_into, alias="default"):
    """Restores the backup at `path` into the database `into` (created, or existing and empty)
    and its media files into `media_into`; returns the number of tables restored."""
    path, media_into = Path(path), Path(media_into)
    verify(path)
    db = connections[alias].settings_dict
    if not postgres.NAME.fullmatch(into):
        raise CommandError(f"{into!r} is not a usable database name (letters, digits, _).")
    with tarfile.open(path / MEDIA) as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        outside = [m.name for m in members if not _within(media_into, m.name)]
        if outside:
            raise CommandError(
                f"{path} holds a media file outside the media folder ({outside[0]}). "
                "Nothing was restored."
            )
        conflicts = [m.name for m in members if _differs(tar, m, media_into / m.name)]
    if conflicts:
        raise CommandError(
            f"{len(conflicts)} media files of the backup differ from those in {media_into} "
            f"(e.g. {conflicts[0]}): restore the media into another folder. Nothing was restored."
        )
    created = _prepare(db, into)
    try:
        _pg_restore(db, into, path / DUMP)
    except CommandError:
        if created:
            postgres.query(db, db["NAME"], f'DROP DATABASE "{into}"')
        raise
    with tarfile.open(path / MEDIA) as tar:
        for member in members:
            _extract(tar, member, media_into / member.name)
    return int(postgres.query(db, into, COUNT_TABLES))


# The tables of the application; spatial_ref_sys comes with the PostGIS extension.
COUNT_TABLES = (
    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'"
)


def _pg_restore(db, into, dump):
    """Everything but what belongs to the PostGIS, pg_trgm and unaccent extensions (their
    comments, the standard rows of spatial_ref_sys), which only a superuser may write: the new
    database has the extensions from template1, or pg_restore creates them."""
    extension_owned = (" COMMENT - EXTENSION ", " TABLE DATA public spatial_ref_sys ")
    listing = postgres.execute("pg_restore", "--list", dump)
    with tempfile.NamedTemporaryFile("w", suffix=".list") as kept:
        for line in listing.splitlines():
            if not any(part in line for part in extension_owned):
                kept.write(line + "\n")
        kept.flush()
        options = ["--no-owner", "--no-privileges", "--exit-on-error", f"--use-list={kept.name}"]
        postgres.run("pg_restore", db, into, *options, dump)


def _prepare(db, into):
    """Creates the database `into`, or accepts it if it exists and is empty; says if created."""
    found = f"SELECT 1 FROM pg_database WHERE datname = '{into}'"  # noqa: S608 (validated name)
    exists = postgres.query(db, db["NAME"], found)
    if not exists:
        postgres.query(db, db["NAME"], f'CREATE DATABASE "{into}"')
        return True
    if int(postgres.query(db, into, COUNT_TABLES)):
        raise CommandError(
            f"The database {into} exists and holds tables: a restore never overwrites data. "
            "Choose a new name. Nothing was restored."
        )
    return False


def _within(root, name):
    """Whether the archive's file `name` lands inside `root` (not absolute, no way out by
    `..` or by a link already there)."""
    return (root / name).resolve().is_relative_to(root.resolve())


def _extract(tar, member, target):
    """A regular file's bytes and time, never over an existing file, and nothing else of the
    archive's (no modes, owners or links): what tarfile's "data" filter ensures, which the
    Python of Debian 12 (3.11.2) does not have."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with tar.extractfile(member) as source, open(target, "xb") as out:
        shutil.copyfileobj(source, out)
    os.utime(target, (member.mtime, member.mtime))


def _differs(tar, member, target):
    if not target.exists():
        return False
    return hashlib.sha256(tar.extractfile(member).read()).hexdigest() != _sha256(target)


def _files(root):
    return (p for p in root.rglob("*") if p.is_file()) if root.is_dir() else ()


def _sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()
