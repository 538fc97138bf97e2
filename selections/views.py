"""The selections' pages (no JavaScript): the list of published selections and each one's
page. Staff see an unpublished selection too, to check it before publishing it."""

from django.shortcuts import get_object_or_404, render

from . import presentation
from .models import Selection


def selection_list(request):
    selections = Selection.objects.published().order_by("-featured", "-updated_at")
    return render(request, "selections/list.html", {"selections": selections})


def visible_selection(request, slug):
    selections = Selection.objects.all()
    if not request.user.is_staff:
        selections = selections.published()
    return get_object_or_404(selections, slug=slug)


def selection_detail(request, slug):
    selection = visible_selection(request, slug)
    found = presentation.cards(selection)
    context = {
        "selection": selection,
        "cards": found,
        "json_ld": presentation.json_ld(selection, found, request),
        "canonical": request.build_absolute_uri(selection.get_absolute_url()),
    }
    return render(request, "selections/detail.html", context)
