from django.conf import settings
from django.db import models
from simple_history import register

from contributions.models import ExchangeLanguage
from moderation.contract import ModeratedContent, Proposal
from moderation.history import AttributedHistory


class Note(ModeratedContent):
    """A short text in two languages with themes, owned by one person."""

    moderation = "tests.moderated_kind.declaration.NoteDeclaration"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField("titre", max_length=100)
    body = models.TextField("texte", blank=True)
    body_eu = models.TextField("testua", blank=True)
    themes = models.ManyToManyField("actors.Theme", related_name="notes", blank=True)


class NoteRequest(ExchangeLanguage, Proposal):
    SUBJECT = "note"

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="requests")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )


register(Note, app="tests.moderated_kind", records_class=AttributedHistory, m2m_fields=["themes"])
