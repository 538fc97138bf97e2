"""The actors' versions (django-simple-history), each with who made it and why.

Domain functions wrap their writes in `recorded(user, reason)`: inside it, saves and
taxonomy changes are collected and one version per actor is written when the block ends,
instead of one per save and per taxonomy (a decision is one version, not nine)."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from simple_history import utils
from simple_history.models import HistoricalRecords

from actors.models import ActorKind, Commune
from actors.places import rounded
from contributions import profile

_current = ContextVar("moderation_recording", default=None)


@dataclass
class _Recording:
    user: object
    reason: str
    pending: dict = field(default_factory=dict)


class AttributedHistory(HistoricalRecords):
    """HistoricalRecords that reads who and why from the surrounding `recorded()` block.
    Any moderated kind registers its history with it."""

    registered = {}  # model -> its records, filled as each model is registered

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if self.cls is sender:
            AttributedHistory.registered[sender] = self

    def get_history_user(self, instance):
        recording = _current.get()
        if recording is not None and recording.user is not None:
            return recording.user
        return super().get_history_user(instance)

    def get_change_reason_for_object(self, instance, history_type, using):
        recording = _current.get()
        if recording is not None and recording.reason:
            return recording.reason
        return super().get_change_reason_for_object(instance, history_type, using)

    def post_save(self, instance, created, using=None, **kwargs):
        recording = _current.get()
        if recording is not None and not kwargs.get("raw", False):
            recording.pending[type(instance), instance.pk] = instance
            return
        super().post_save(instance, created, using=using, **kwargs)

    def create_historical_record_m2ms(self, history_instance, instance):
        """The version's taxonomy links, read as ids from the live actor. The library's own
        method reads the actor again for each taxonomy (to fill the columns history excludes)
        and joins every link to its actor's and term's whole rows: eight queries a version,
        the actor's search vector among what they carry, where four narrow ones do."""
        for m2m_field in history_instance._history_m2m_fields:
            through = getattr(instance, m2m_field.name).through
            columns = [f.attname for f in through._meta.fields]
            links = through.objects.filter(**{utils.get_m2m_field_name(m2m_field): instance.pk})
            history_model = self.m2m_models[m2m_field]
            rows = [
                history_model(history=history_instance, **row) for row in links.values(*columns)
            ]
            history_model.objects.bulk_create(rows)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        # From the term's side (theme.actors.add), `instance` is a term, not an actor: the
        # library would try to version the term. Those writes only happen in bulk loaders.
        if reverse:
            return
        recording = _current.get()
        if recording is not None:
            if action in ("post_add", "post_remove", "post_clear"):
                recording.pending[type(instance), instance.pk] = instance
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)


@contextmanager
def recorded(user, reason):
    """Every object written inside gets one version, attributed to `user` with `reason`."""
    outer = _current.get()
    if outer is not None:  # nested domain functions: the outermost block records
        yield outer
        return
    recording = _Recording(user=user, reason=reason or "")
    token = _current.set(recording)
    try:
        yield recording
        for instance in recording.pending.values():
            instance.refresh_from_db()
            records = AttributedHistory.registered[type(instance)]
            records.create_historical_record(instance, "~")
    finally:
        _current.reset(token)


def versions(actor):
    return actor.history.select_related("history_user").order_by("-history_date", "-history_id")


def values_of(version):
    """A past version as the profile's JSON values (contributions.profile), for diffs and
    restores. Taxonomies come from the version's own copy of the links."""
    values = {name: getattr(version, name) for name in profile.SCALARS}
    values["kind"] = ActorKind.objects.filter(pk=version.kind_id).values_list("slug", flat=True)[0]
    values["commune"] = Commune.objects.filter(pk=version.commune_id).values_list(
        "insee", flat=True
    )[0]
    point = version.location
    values["location"] = rounded(point)
    values[profile.PRECISION] = version.location_precision
    for name, model in profile.TAXONOMIES.items():
        term = model._meta.model_name
        values[name] = sorted(getattr(version, name).values_list(f"{term}__slug", flat=True))
    return values
