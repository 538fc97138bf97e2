"""`Actor` as a moderated kind: its profile values (contributions.profile), who edits it (its
members), the mails, history and journal around each step of the workflow."""

from actors.models import Actor
from moderation import history, review
from moderation.contract import Declaration, ProposalKind
from moderation.models import Decision, ItemType

from . import notify, profile, rules
from .models import ChangeRequest, Claim, Membership, Role, Suggestion
from .permissions import is_member


class ActorDeclaration(Declaration):
    model = Actor
    requests = ChangeRequest
    fields = profile.SCALARS
    translated = profile.TEXT_LANGUAGES
    taxonomies = profile.TAXONOMIES
    files = {"logo": "proposed_logo"}

    def may_edit(self, user, obj):
        return is_member(user, obj)

    def names(self):
        return profile.FIELDS

    def snapshot(self, obj):
        return profile.snapshot(obj)

    def from_form(self, cleaned_data):
        return profile.from_form(cleaned_data)

    def apply(self, obj, values):
        return profile.apply(obj, values)

    def values_of(self, version):
        return history.values_of(version)

    def problems(self, values):
        return rules.problems(values)

    def changed_fields(self, before, after):
        names = profile.changed_fields(before, after)
        # A point read back through the form, another SRID or float formatting has not
        # moved: the review would show a change of location with the same coordinates.
        if "location" in names and review.same_place(before, after):
            names.remove("location")
        return names

    def chosen(self, proposed, names):
        return profile.chosen(proposed, names)

    def label(self, name):
        return profile.label(name)

    def display(self, name, value):
        return profile.display(name, value)

    def drafted(self, obj, user):
        Membership.objects.create(user=user, actor=obj, role=Role.OWNER)

    def submitted(self, request):
        notify.request_submitted(request)

    def decided(self, request, applied=None):
        notify.author_of_decision(request, applied)

    def journal(self, item, action, moderator, reason, fields=()):
        if isinstance(item, ChangeRequest):
            kind = ItemType.NEW if item.kind == ProposalKind.NEW else ItemType.CHANGE
        else:
            kind = {Claim: ItemType.CLAIM, Suggestion: ItemType.SUGGESTION}.get(
                type(item), ItemType.ACTOR
            )
        Decision.objects.create(
            item_type=kind,
            object_id=item.pk,
            actor_id=item.pk if isinstance(item, Actor) else item.actor_id,
            action=action,
            moderator=moderator,
            reason=reason or "",
            fields=list(fields),
        )
