"""Interface strings that must not reach a page in another language untranslated: the
French sources of our catalog, the English sources of django-allauth's, and the English
labels Django makes of our Python names when a field is given no label of its own."""

import functools
import gettext
import re
from pathlib import Path

import allauth
from django import forms
from django.apps import apps
from django.conf import settings
from django.forms.utils import pretty_name

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


OUR_APPS = ("actors", "contributions", "moderation", "opendata", "neonum")


def _form_classes(cls=forms.BaseForm):
    for sub in cls.__subclasses__():
        yield sub
        yield from _form_classes(sub)


@functools.cache
def python_names(language):
    """What Django shows for a field without a label: its Python name made pretty ("Themes"
    for `themes`), in English on every page. Our forms' and models' field names, but those
    that are also a word of `language`'s interface (a translation; on French pages, a French
    source): a text of a page equal to one of them, colon aside, is a leftover."""
    names = {
        field.name
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
    }
    names |= {
        name
        for form in _form_classes()
        if form.__module__.split(".")[0] in OUR_APPS
        for name in form.base_fields
    }
    # French pages: our sources (in any catalog's keys); others: that language's texts.
    catalog = _catalog(settings.LOCALE_PATHS[0] / ("eu" if language == "fr" else language)
                       / "LC_MESSAGES" / "django.mo")  # fmt: skip
    texts = (
        [(key[0] if isinstance(key, tuple) else key).split("\x04")[-1] for key in catalog]
        if language == "fr"
        else catalog.values()
    )
    words = {text.lower() for text in texts if isinstance(text, str)}
    labels = {pretty_name(name) for name in names}
    return {label for label in labels if label and label.lower() not in words}
