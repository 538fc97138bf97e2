from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ..models import PlaceKind
from ..recurrence import local

register = template.Library()


@register.simple_tag
def occurrence_when(occurrence):
    """ "mardi 3 décembre 2026, 10:00–12:00" (the day alone for an all-day event), in a
    <time> element giving the machine-readable start."""
    start, end = local(occurrence.start), local(occurrence.end)
    # Each language's order and words: "martes, 10 de marzo de 2026", "2026ko martxoaren 10a,
    # asteartea" (Django's formats have no weekday).
    day_format = pgettext("date format: weekday, day, month and year", "l j F Y")
    day = formats.date_format(start, day_format)
    if occurrence.event.all_day:
        text = day
        if end.date() > start.date():
            text = _("%(start)s au %(end)s") % {
                "start": day,
                "end": formats.date_format(end, day_format),
            }
    elif end.date() == start.date():
        text = f"{day}, {formats.time_format(start)}–{formats.time_format(end)}"
    else:
        text = _("%(start)s au %(end)s") % {
            "start": f"{day}, {formats.time_format(start)}",
            "end": formats.date_format(end, "DATETIME_FORMAT"),
        }
    return format_html('<time datetime="{}">{}</time>', start.isoformat(), text)


@register.simple_tag
def event_place(event, full=False):
    """Where: "En ligne", or the commune (and the address and host, `full`)."""
    if event.place_kind == PlaceKind.ONLINE:
        if full:
            return format_html('{} — <a href="{}" rel="noopener">{}</a>',
                               _("En ligne"), event.online_url, _("lien"))  # fmt: skip
        return _("En ligne")
    street, commune, _point = event.venue
    if not full:
        return commune.name
    host = event.place_actor
    if host is not None and host.is_public:
        return format_html('<a href="{}">{}</a>, {}, {}', host.get_absolute_url(), host.name,
                           street, commune.name)  # fmt: skip
    return format_html("{}, {}", street, commune.name) if street else commune.name


@register.inclusion_tag("events/_upcoming.html", takes_context=True)
def upcoming_events(context, actor=None, count=5):
    """The next occurrences of published events (an actor's, as organiser or co-organiser),
    for the actor page and the home page; the actor's members (the page's `member`, asked
    once) also get the way to add one."""
    from django.db.models import Q
    from django.utils import timezone

    from ..models import Event

    # What the list shows and the occurrences are computed from: the other columns (the
    # texts, the vector) are most of a row.
    events = Event.objects.published().only(
        "slug", "title", "title_eu", "title_es", "start", "end", "all_day", "rrule", "exdates"
    )
    if actor is not None:
        events = events.filter(Q(actor=actor) | Q(organisers=actor)).distinct()
    now = timezone.now()
    events = events.filter(Q(last_end__isnull=True) | Q(last_end__gt=now))
    found = sorted(
        (o for event in events for o in event.occurrences(since=now)[:count]),
        key=lambda o: o.start,
    )[:count]
    member = actor is not None and context.get("member", False)
    return {"occurrences": found, "actor": actor, "member": member,
            "heading_id": "upcoming-events"}  # fmt: skip
