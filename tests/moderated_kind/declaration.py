from actors.models import Theme
from moderation.contract import Declaration

from .models import Note, NoteRequest


class NoteDeclaration(Declaration):
    model = Note
    requests = NoteRequest
    fields = ("title", "body", "body_eu")
    translated = {"body": "fr", "body_eu": "eu"}
    taxonomies = {"themes": Theme}

    def may_edit(self, user, obj):
        return user.pk == obj.owner_id
