"""Actors placed at their commune's centre (approximate) while they have an address: the
geocoder did not answer, or did not find the address in the commune (an import's row, a
member's form: actors.places.locate_address). Asked again every day, and moved to their
address once it is found there."""

from django.contrib.gis.geos import Point

from actors.models import Actor, ActorStatus, LocationPrecision

from .importing.communes import CommuneIndex
from .importing.places import Locator


def relocate_approximate():
    """Returns how many actors now have their address's position."""
    locator = Locator(CommuneIndex())
    actors = (
        Actor.objects.filter(location_precision=LocationPrecision.APPROXIMATE)
        .exclude(street_address="")
        .exclude(status=ActorStatus.ARCHIVED)
        .select_related("commune")
    )
    moved = 0
    for actor in actors:
        location, precision = locator.geocoded(actor.street_address, actor.commune.insee)
        if precision == LocationPrecision.PRECISE:
            actor.location = Point(*location, srid=4326)
            actor.location_precision = precision
            actor.save()
            moved += 1
    return moved
