"""Each selection's Atom feed (django.contrib.syndication): its visible items, newest
additions first, in the page's language."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from actors.texts import localized

from . import presentation
from .models import Selection


class SelectionFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Selection.objects.published(), slug=slug)

    def title(self, selection):
        return str(selection)

    def subtitle(self, selection):
        return localized(selection, "introduction").text

    def link(self, selection):
        return selection.get_absolute_url()

    def items(self, selection):
        found = presentation.cards(selection)
        return sorted(found, key=lambda one: one.item.added_at, reverse=True)

    def item_title(self, one):
        return one.title.text

    def item_description(self, one):
        return one.note.text or one.summary.text

    def item_link(self, one):
        return one.url

    def item_updateddate(self, one):
        return one.item.added_at

    def item_categories(self, one):
        return [one.kind]
