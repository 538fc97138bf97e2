"""The Basque and Spanish catalogs are complete: every interface string of the code is in
them, translated, and none is fuzzy."""

import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

TRANSLATED = ["eu", "es"]
MAKEMESSAGES = [
    "makemessages", *[f"-l{code}" for code in TRANSLATED], "--no-obsolete",
    "--ignore=.venv", "--ignore=var", "--ignore=static/vendor", "--ignore=tests",
]  # fmt: skip


def statistics(po):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        counts[kind] = int(number)
    return counts


def msgids(po):
    """The (context, msgid) pairs of a catalog, read with msgcat's canonical layout."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", "--sort-output", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entries = set()
    for block in text.split("\n\n"):
        context = re.search(r'^msgctxt "(.*)"$', block, re.M)
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        if msgid and msgid.group(1):
            entries.add((context.group(1) if context else None, msgid.group(1)))
    return entries


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    counts = statistics(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po")
    assert counts["translated"] > 700
    assert counts["fuzzy"] == 0
    assert counts["untranslated"] == 0


def test_catalogs_hold_every_string_of_the_code(tmp_path):
    """makemessages run on a copy of the sources finds no string the catalogs lack."""
    source = settings.BASE_DIR
    copy = tmp_path / "src"
    shutil.copytree(
        source,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", "vendor", ".git", ".*_cache", "*.mo"),
        symlinks=True,
    )
    subprocess.run([sys.executable, "manage.py", *MAKEMESSAGES, "-v0"], cwd=copy, check=True)
    for language in TRANSLATED:
        po = f"locale/{language}/LC_MESSAGES/django.po"
        missing = msgids(copy / po) - msgids(source / po)
        assert missing == set(), f"{language}: run makemessages and translate {missing}"
