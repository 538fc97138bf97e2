"""Visitors suggest corrections to a published réalisation or ressource as they do to an
actor (contributions' SuggestView, with its form token, honeypot and rate limit): the
suggestion goes to the publishing actor's owners and to the moderators, naming the item."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from contributions.forms import ItemSuggestionForm
from contributions.views.suggestions import SuggestView

from ..kinds import KINDS


class SuggestItemView(SuggestView):
    kind = None
    form_class = ItemSuggestionForm

    def find(self, slug):
        model = KINDS[self.kind].model
        item = get_object_or_404(model.objects.published().select_related("actor"), slug=slug)
        return item.actor, item

    def thanks(self):
        messages.success(
            self.request,
            _("Merci : votre suggestion a été transmise à l'organisation et à la modération."),
        )
        return redirect(self.subject.get_absolute_url())
