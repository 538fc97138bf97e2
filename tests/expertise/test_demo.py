import pytest

from expertise.demo import load_demo_expertise
from expertise.models import Realisation, Ressource

pytestmark = pytest.mark.django_db


def test_demo_content_is_spread_marked_and_loaded_once(demo):
    assert load_demo_expertise() == (40, 60)
    assert load_demo_expertise() == (0, 0)
    realisations = Realisation.objects.published().filter(is_demo=True)
    assert realisations.count() == 40 and Ressource.objects.filter(is_demo=True).count() == 60
    assert realisations.values("actor").distinct().count() >= 20
    assert realisations.filter(communes__isnull=False).values("communes").distinct().count() >= 20
    assert all("démonstration" in r.summary for r in realisations)
