"""Interface strings that must not reach a page in another language untranslated: the
French sources of our catalog and the English sources of django-allauth's."""

import functools
import gettext
import re
from pathlib import Path

import allauth
from django.conf import settings

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|<[^>]+>|\{[^}]*\}|[«»:;!?…]")


def _catalog(path):
    with open(path, "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


def _fragments(msgid):
    """The readable runs of a source string: placeholders and markup cut out, runs of two
    words or more kept (one word alone may be a name, or the same in both languages)."""
    for run in PLACEHOLDER.split(msgid):
        run = " ".join(run.split()).strip(" .,()'’-")
        if len(run.split()) >= 2 and len(run) >= 10:
            yield run


def sources(language):
    """Source fragments whose translation into `language` differs from the source."""
    return _sources(language)[0]


def whole_sources(language):
    """Whole source strings (a single word included) whose translation differs: a text of a
    page that equals one of them is a leftover, however short."""
    return _sources(language)[1]


@functools.cache
def _sources(language):
    ours = settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.mo"
    theirs = Path(allauth.__file__).parent / "locale" / language / "LC_MESSAGES" / "django.mo"
    fragments, whole = set(), set()
    # French is our source language: a French page has no catalog of ours to check.
    for catalog in [_catalog(path) for path in (ours, theirs) if path.exists()]:
        for key, translated in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            msgid = msgid.split("\x04")[-1]  # without its context
            if msgid and translated != msgid:
                if isinstance(translated, str) and len(msgid.strip()) >= 3:
                    whole.add(msgid.strip())
                fragments.update(
                    fragment for fragment in _fragments(msgid) if fragment not in translated
                )
    return fragments, whole
