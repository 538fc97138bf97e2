"""What a selection shows: each visible item as a card (kind, title, summary, note, each
text with its language), and its schema.org `ItemList` (JSON-LD on its page)."""

from typing import NamedTuple

from actors.texts import Localized, localized
from expertise.presentation import _safe


class Card(NamedTuple):
    item: object
    kind: str
    title: Localized
    summary: Localized
    note: Localized
    url: str


def _title(content):
    # An actor has a name in one language; the other kinds a title in three.
    if hasattr(content, "title"):
        return localized(content, "title")
    return Localized(content.name, "fr", localized({}, "title").page_lang)


def card(item):
    content = item.content
    return Card(
        item=item,
        kind=content._meta.verbose_name,
        title=_title(content),
        summary=localized(content, "summary"),
        note=localized(item, "note"),
        url=content.get_absolute_url(),
    )


def cards(selection, most=None):
    return [card(item) for item in selection.visible_items()[:most]]


def json_ld(selection, found, request):
    return _safe(
        {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": localized(selection, "title").text,
            "description": localized(selection, "introduction").text,
            "url": request.build_absolute_uri(selection.get_absolute_url()),
            "numberOfItems": len(found),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": n,
                    "name": one.title.text,
                    "url": request.build_absolute_uri(one.url),
                }
                for n, one in enumerate(found, start=1)
            ],
        }
    )
