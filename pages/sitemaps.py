"""sitemap.xml (django.contrib.sitemaps): every public page in each language, each URL with
its versions in the other languages (hreflang alternates, x-default the unprefixed URL's
French fallback). An index, so that 100,000 actors stay within 50,000 URLs a file."""

from django.contrib import sitemaps
from django.urls import reverse

from actors.models import Actor
from events.models import Event
from expertise.models import Realisation, Ressource
from selections.models import Selection

# Pages that are not an actor's, by URL name.
PAGES = [
    "actors:home",
    "pages:accessibility",
    "pages:legal",
    "pages:contact",
    "pages:sitemap",
    "contributions:privacy",
    "opendata_pages:data",
    "opendata_pages:api-docs",
    "expertise:realisations",
    "expertise:ressources",
    "selections:list",
    "events:agenda",
]


class Multilingual(sitemaps.Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(Multilingual):
    changefreq = "monthly"

    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)


class ActorSitemap(Multilingual):
    changefreq = "weekly"

    def items(self):
        return Actor.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, actor):
        return actor.updated_at


class ExpertiseSitemap(Multilingual):
    """The published réalisations or ressources (each page's language versions)."""

    changefreq = "monthly"
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class RealisationSitemap(ExpertiseSitemap):
    model = Realisation


class RessourceSitemap(ExpertiseSitemap):
    model = Ressource


class EventSitemap(ExpertiseSitemap):
    """The published events, past ones included: their pages stay (the agenda hides them)."""

    changefreq = "weekly"
    model = Event


class SelectionSitemap(ExpertiseSitemap):
    """LaNum's published selections (the same reading: a `published()` queryset)."""

    changefreq = "weekly"
    model = Selection


SITEMAPS = {
    "pages": PageSitemap,
    "actors": ActorSitemap,
    "realisations": RealisationSitemap,
    "ressources": RessourceSitemap,
    "selections": SelectionSitemap,
    "events": EventSitemap,
}
