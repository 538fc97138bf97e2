"""The moderated-content contract: what a model declares to go through the workflow
(`moderation.workflow`).

A moderated kind is a model with the `Moderated` mixin (or the `ModeratedContent` base,
which adds the `status` and `updated_at` the workflow reads), a change-request model built on
`Proposal`, and a `Declaration` naming its public fields, per-language fields, taxonomies
and who may edit it. The workflow only ever talks to the declaration: a new kind needs no
change to it."""

from functools import cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Brouillon")
    PENDING = "pending", gettext_lazy("En attente de modération")
    PUBLISHED = "published", gettext_lazy("Publié")
    ARCHIVED = "archived", gettext_lazy("Archivé")


class ProposalKind(models.TextChoices):
    NEW = "new", gettext_lazy("Nouvelle organisation")
    CHANGE = "change", gettext_lazy("Modification")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("En attente de modération")
    CHANGES_REQUESTED = "changes_requested", gettext_lazy("Modifications demandées")
    APPROVED = "approved", gettext_lazy("Acceptée")
    REJECTED = "rejected", gettext_lazy("Refusée")
    WITHDRAWN = "withdrawn", gettext_lazy("Retirée")


def kind_field(new_label):
    """A request's `kind`, whose new-content choice names what is new ("Nouvelle
    réalisation"): the admin shows that label in the request's title, its "nature" column
    and filter, where one label for every kind would call a réalisation an organisation."""
    choices = [(ProposalKind.NEW, new_label), (ProposalKind.CHANGE, ProposalKind.CHANGE.label)]
    return models.CharField(gettext_lazy("nature"), max_length=10, choices=choices)


OPEN_STATUSES = [ProposalStatus.PENDING, ProposalStatus.CHANGES_REQUESTED]


class Moderated:
    """Marks a model as contributed and moderated. `moderation` is the dotted path of its
    `Declaration` (a path, so that the model's module need not import the forms, mails
    and rules the declaration uses)."""

    moderation = None

    @classmethod
    def declaration(cls):
        return _declaration(cls.moderation)


@cache
def _declaration(path):
    return import_string(path)()


class ModeratedContent(Moderated, models.Model):
    """The fields the workflow reads, for a kind that has none of its own yet."""

    status = models.CharField(
        gettext_lazy("statut"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(gettext_lazy("mis à jour le"), auto_now=True)

    class Meta:
        abstract = True


class Decided(models.Model):
    """Who decided an item and when; written by the workflow only."""

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("décidée par"),
    )
    decided_at = models.DateTimeField(gettext_lazy("décidée le"), null=True, blank=True)

    class Meta:
        abstract = True


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposalStatus.PENDING)

    def open(self):
        """Still in the hands of its author or of the moderators."""
        return self.filter(status__in=OPEN_STATUSES)

    def for_subject(self, subject):
        return self.filter(**{self.model.SUBJECT: subject})

    def by(self, user):
        return self.filter(author=user)

    def changes(self):
        return self.filter(kind=ProposalKind.CHANGE)

    def new(self):
        return self.filter(kind=ProposalKind.NEW)


class Proposal(Decided):
    """Values proposed for a moderated object, waiting for a moderator.

    `proposed` holds the whole public profile as JSON (the declaration's snapshot); `base`
    and `base_updated_at` are the version it was written against, so that a change
    published meanwhile shows as a conflict instead of being overwritten. The concrete
    model adds `author` and the foreign key named by `SUBJECT`."""

    SUBJECT = None

    kind = kind_field(ProposalKind.NEW.label)  # a kind other than actors names its own
    status = models.CharField(
        gettext_lazy("statut"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
    )
    proposed = models.JSONField(gettext_lazy("valeurs proposées"), default=dict)
    base = models.JSONField(gettext_lazy("version de départ"), default=dict)
    base_updated_at = models.DateTimeField(gettext_lazy("date de la version de départ"), null=True)
    moderator_note = models.TextField(gettext_lazy("note de modération"), blank=True)
    created_at = models.DateTimeField(gettext_lazy("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("mise à jour le"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def subject(self):
        return getattr(self, self.SUBJECT)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_stale(self):
        """The object was changed since the version this request was written against."""
        return (
            self.kind == ProposalKind.CHANGE
            and self.base_updated_at is not None
            and self.subject.updated_at != self.base_updated_at
        )


class Declaration:
    """What the workflow knows of a moderated kind. The defaults read and write plain
    fields and taxonomies (many-to-many to terms with a `slug`); a kind with other values
    (a place, a foreign key by code) overrides `snapshot`, `apply` and `values_of`."""

    model = None
    requests = None  # its Proposal model
    fields = ()  # the public scalar fields
    translated = {}  # {column: language} for the texts written in one language
    taxonomies = {}  # {field: term model}
    files = {}  # {field of the model: field of the request holding its proposed file}

    def may_edit(self, user, obj):
        raise NotImplementedError

    # Values

    def names(self):
        return [*self.fields, *self.taxonomies]

    def snapshot(self, obj):
        values = {name: getattr(obj, name) for name in self.fields}
        for name in self.taxonomies:
            values[name] = sorted(getattr(obj, name).values_list("slug", flat=True))
        return values

    def from_form(self, cleaned_data):
        """The values of a valid form of the kind (taxonomies as terms)."""
        values = {name: cleaned_data[name] for name in self.fields}
        for name in self.taxonomies:
            values[name] = sorted(term.slug for term in cleaned_data[name])
        return values

    def apply(self, obj, values):
        """Writes the values onto the object and saves it; the caller holds the lock."""
        for name in self.fields:
            if name in values:
                setattr(obj, name, values[name])
        obj.full_clean(exclude=list(self.files))
        obj.save()
        for name, model in self.taxonomies.items():
            if name in values:
                getattr(obj, name).set(model.objects.filter(slug__in=values[name]))
        return obj

    def values_of(self, version):
        """A past version (django-simple-history) as snapshot values."""
        values = {name: getattr(version, name) for name in self.fields}
        for name, model in self.taxonomies.items():
            term = model._meta.model_name
            values[name] = sorted(getattr(version, name).values_list(f"{term}__slug", flat=True))
        return values

    def problems(self, values):
        """What keeps these values from being saved by a member today (none by default)."""
        return []

    def changed_fields(self, before, after):
        return [
            name for name in self.names() if name in after and before.get(name) != after.get(name)
        ]

    def chosen(self, proposed, names):
        return {name: proposed[name] for name in names}

    # Reading

    def label(self, name):
        return self.model._meta.get_field(name).verbose_name

    def display(self, name, value):
        if value in (None, "", []):
            return "—"
        if isinstance(value, bool):
            return _("oui") if value else _("non")
        if name in self.taxonomies:
            terms = {t.slug: str(t) for t in self.taxonomies[name].objects.filter(slug__in=value)}
            return ", ".join(terms.get(slug, slug) for slug in value)
        return str(self.choice_label(name, value) or value)

    def choice_label(self, name, value):
        """The label of a field's choice ("terminée"), as the moderators read it, rather than
        the stored value ("completed"); None when the field has no choices."""
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return dict(field.flatchoices).get(value) if field.choices else None

    # What happens around a step: mails, history, journal, memberships. Nothing by default.

    def drafted(self, obj, user):
        """A member created a draft."""

    def submitted(self, request):
        """A request reached the moderators (called on commit)."""

    def decided(self, request, applied=None):
        """A request was decided (called on commit)."""

    def journal(self, item, action, moderator, reason, fields=()):
        """Keeps the decision; `item` is the request or the object itself."""

    def recorded(self, user, reason):
        """A context in which every write makes one version attributed to `user`."""
        from .history import recorded

        return recorded(user, reason)


def rows(declaration, before, after, current=None, selectable=True):
    """The diff's rows: one per field `after` changes from `before`, and, when the base is
    stale (`current` given), per field someone else changed since, so both sides show."""
    mine = declaration.changed_fields(before, after)
    theirs = declaration.changed_fields(before, current) if current is not None else []
    found = []
    for name in declaration.names():
        if name not in mine and name not in theirs:
            continue
        lang = declaration.translated.get(name)
        found.append(
            {
                "name": name,
                "label": declaration.label(name),
                # The language of the values, when the field is a text in one language;
                # the after column may say "(inchangé)", in the page's language.
                "lang": lang,
                "after_lang": lang if name in mine else None,
                "before": declaration.display(name, before.get(name)),
                "after": declaration.display(name, after.get(name))
                if name in mine
                else _("(inchangé)"),
                "current": declaration.display(name, current.get(name))
                if current is not None
                else None,
                "conflict": name in theirs,
                "mine": name in mine,
                "selectable": selectable and name in mine,
            }
        )
    return found
