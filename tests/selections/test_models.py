"""The database holds the rules: an item points at exactly one content, one selection at
most is featured and it is published, a title in some language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from selections.models import Selection, SelectionItem

from .conftest import make_selection

pytestmark = pytest.mark.django_db


def test_an_item_points_at_exactly_one_content(contents):
    selection = make_selection()
    with pytest.raises(IntegrityError), transaction.atomic():
        SelectionItem.objects.create(selection=selection)
    with pytest.raises(IntegrityError), transaction.atomic():
        SelectionItem.objects.create(
            selection=selection, actor=contents["actor"], event=contents["event"]
        )
    for kind in ("actor", "realisation", "ressource", "event"):
        item = SelectionItem.objects.create(selection=selection, **{kind: contents[kind]})
        assert item.content == contents[kind]


def test_the_form_validation_names_the_rule(contents):
    item = SelectionItem(selection=make_selection())
    with pytest.raises(ValidationError, match="exactement un contenu"):
        item.full_clean()


def test_one_featured_selection_at_most(db):
    make_selection(featured=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_selection(slug="autre", featured=True)
    make_selection(slug="autre", featured=False)
    other = Selection(slug="troisieme", title="Trois", published=True, featured=True)
    with pytest.raises(ValidationError, match="déjà à la une"):
        other.full_clean()


def test_a_featured_selection_is_published_and_titled(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_selection(featured=True, published=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_selection(title="")
    assert str(make_selection(title="", title_eu="Hasteko")) == "Hasteko"


def test_deleting_a_content_deletes_its_items(selection, contents):
    count = selection.items.count()
    contents["event"].delete()
    assert selection.items.count() == count - 1


def test_the_demo_selections_load_once(demo):
    from django.core.management import call_command

    from events.demo import load_demo_events
    from expertise.demo import load_demo_expertise
    from selections.demo import load_demo_selections

    load_demo_expertise()
    load_demo_events()
    assert load_demo_selections() == 2
    call_command("load_demo_selections")
    assert Selection.objects.count() == 2
    featured = Selection.objects.get(featured=True)
    kinds = {type(item.content).__name__ for item in featured.items.all()}
    assert kinds == {"Actor", "Realisation", "Ressource", "Event"}
