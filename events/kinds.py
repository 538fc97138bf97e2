from django.utils.translation import gettext_lazy as _

from expertise.kinds import Kind

from .forms import EventForm
from .models import Event

EVENT = Kind("event", Event, EventForm, _("Ajouter un événement"), _("Agenda"))
