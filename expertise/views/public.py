"""The public pages: the lists with their facets and search, and each item's page."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from .. import mapdata, presentation
from ..filters import expertise_filterset
from ..kinds import REALISATION, RESSOURCE
from ..listing import ItemRows
from ..models import PartnerAnswer

PAGE_SIZE = 20


class ListView(View):
    kind = None
    related = ("actor",)

    def get(self, request):
        model = self.kind.model
        filterset = expertise_filterset(self.kind.name, request.GET, model.objects.published())
        status = 200
        if filterset.is_valid():
            cards = (
                model.objects.select_related(*self.related)
                .defer("search_vector")
                .prefetch_related("themes")
            )
            results = ItemRows(filterset.qs, cards, request.GET)
        else:
            # A clear message on the form, never a 500; nothing is listed.
            results, status = model.objects.none(), 400
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {"kind": self.kind, "filter": filterset, "page_obj": page, "query": query}
        return render(request, "expertise/list.html", context, status=status)


class RealisationListView(ListView):
    kind = REALISATION


class RessourceListView(ListView):
    kind = RESSOURCE
    related = ("actor", "type")


def _published(model):
    return model.objects.published().select_related("actor").defer("search_vector")


def realisation_detail(request, slug):
    realisation = get_object_or_404(
        _published(REALISATION.model)
        .select_related("funding_programme")
        .prefetch_related("themes", "publics", "communes"),
        slug=slug,
    )
    partners = _visible_partners(realisation)
    pictures = presentation.images(realisation)
    context = {
        "object": realisation,
        "partners": partners,
        "images": pictures,
        "og_image": request.build_absolute_uri(pictures[0]["url"]) if pictures else None,
        "ressources": _published(RESSOURCE.model).filter(realisation=realisation),
        # Structured data states only what the partners confirmed (and outside partners).
        "json_ld": presentation.realisation_json_ld(
            realisation, [p for p in partners if not p.is_pending], request, pictures
        ),
        "canonical": request.build_absolute_uri(realisation.get_absolute_url()),
    }
    return render(request, REALISATION.template("detail"), context)


def _visible_partners(realisation):
    """Outside partners and the published actors among the directory's (an unpublished
    actor's page does not exist) that did not decline; the page marks those that have not
    answered yet."""
    partners = (
        realisation.partners.exclude(answer=PartnerAnswer.DECLINED)
        .select_related("actor")
        .order_by("role", "name", "pk")
    )
    return [p for p in partners if p.actor_id is None or p.actor.is_public]


def ressource_detail(request, slug):
    ressource = get_object_or_404(
        _published(RESSOURCE.model)
        .select_related("type", "realisation")
        .prefetch_related("themes", "publics", "authors"),
        slug=slug,
    )
    context = {
        "object": ressource,
        "file_size": _size(ressource.file),
        "json_ld": presentation.ressource_json_ld(ressource, request),
        "canonical": request.build_absolute_uri(ressource.get_absolute_url()),
    }
    return render(request, RESSOURCE.template("detail"), context)


def _size(field):
    """The file's size, None when there is none or it went missing (the page still shows)."""
    try:
        return field.size if field else None
    except OSError:
        return None


def realisations_map(request):
    """The directory map's réalisations layer (expertise.mapdata), by commune."""
    return HttpResponse(mapdata.cached_geojson(), content_type="application/geo+json")
