from simple_history import register

from moderation.history import AttributedHistory

from .event import Event
from .imports import EventImport
from .lists import PlaceKind, Price
from .proposals import EventRequest

register(
    Event,
    app="events",
    records_class=AttributedHistory,
    m2m_fields=["themes", "publics", "organisers"],
    excluded_fields=["search_vector", "last_end"],
)

__all__ = ["Event", "EventImport", "EventRequest", "PlaceKind", "Price"]
