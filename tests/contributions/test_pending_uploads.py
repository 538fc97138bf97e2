"""Held files whose forms were never sent again are deleted once no token can name them
(contributions.pending_uploads.sweep, a daily job)."""

import os
import time
from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from contributions import pending_uploads


def held(folder, name="logo.webp", age=timedelta(0)):
    token = pending_uploads.keep(SimpleUploadedFile(name, b"RIFF....WEBP"), folder)
    path = pending_uploads._held(token, None)["path"]
    stamp = time.time() - age.total_seconds()
    os.utime(default_storage.path(path), (stamp, stamp))
    return token, path


def test_a_file_is_deleted_once_its_token_has_expired_and_not_before(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lifetime = timedelta(seconds=pending_uploads.MAX_AGE)
    _token, expired = held("logos/pending/", age=lifetime + timedelta(minutes=1))
    token, recent = held("logos/pending/", age=lifetime - timedelta(minutes=1))
    _private_token, private = held("ressources/pending/", "guide.pdf", age=lifetime * 2)
    # What is not a held file is never touched, however old.
    published = default_storage.save("logos/ancien.webp", SimpleUploadedFile("a.webp", b"x"))
    stray = default_storage.save("logos/pending/notes.txt", SimpleUploadedFile("n.txt", b"x"))
    for path in (published, stray):
        os.utime(default_storage.path(path), (0, 0))

    assert sorted(pending_uploads.held_folders()) == ["logos/pending/", "ressources/pending/"]
    assert pending_uploads.sweep() == 2
    assert not default_storage.exists(expired) and not default_storage.exists(private)
    assert default_storage.exists(recent) and pending_uploads.read(token) is not None
    assert default_storage.exists(published) and default_storage.exists(stray)
    # A day later the one left has expired too.
    assert pending_uploads.sweep(now=timezone.now() + timedelta(days=1)) == 1
    assert not default_storage.exists(recent)


def test_nothing_to_sweep_before_anything_was_uploaded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "absent"
    assert pending_uploads.held_folders() == []
    assert pending_uploads.sweep() == 0
