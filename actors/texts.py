"""An actor's texts written in several languages (summary, description): French in the
plain column, Basque and Spanish in `<field>_eu` and `<field>_es`. A reader gets the page's
language when it is written, else the first written one of French, Basque, Spanish, and
always learns which language that is, so that the page can mark it (`lang`, RGAA 8.7)."""

from typing import NamedTuple

from django.utils.translation import get_language

LANGUAGES = ("fr", "eu", "es")
# The longest a long text (a description, a réalisation's results) may be, in characters:
# some 1,500 words, more than a profile needs, far less than the 2.5 MB a form may carry.
MAX_LENGTH = 10_000
FIELDS = ("summary", "description")


class Localized(NamedTuple):
    text: str
    lang: str
    # The language of the page it is shown on: when they differ, the text needs a `lang`.
    page_lang: str

    @property
    def foreign(self):
        return bool(self.text) and self.lang != self.page_lang

    def __str__(self):
        return self.text


def column(field, lang):
    """The column holding `field` in `lang`: summary, summary_eu, summary_es…"""
    return field if lang == "fr" else f"{field}_{lang}"


def columns(field):
    return [column(field, lang) for lang in LANGUAGES]


# Every text column, each field's languages together: summary, summary_eu, …, description_es.
COLUMNS = [name for field in FIELDS for name in columns(field)]


def page_language():
    return (get_language() or "fr").split("-")[0]


def fallback_order(lang):
    """The page's language first (if texts can be written in it), then French, Basque,
    Spanish."""
    first = [lang] if lang in LANGUAGES else []
    return [*first, *(other for other in LANGUAGES if other != lang)]


def localized(values, field, lang=None):
    """`field` of an actor (or of a dict of its values) in `lang` (the active language by
    default), or in the first other language it is written in."""
    page = lang or page_language()
    get = values.get if isinstance(values, dict) else lambda name: getattr(values, name, "")
    for candidate in fallback_order(page):
        text = get(column(field, candidate)) or ""
        if text.strip():
            return Localized(text, candidate, page)
    return Localized("", page, page)
