"""What the moderation workflow knows of réalisations and ressources (moderation.contract).

Beyond the contract's defaults: dates travel as ISO strings (a request's values are JSON),
foreign keys and many-to-many links that are not taxonomies by a stable key (a commune by
its INSEE code, a programme or a type by its slug), and a réalisation's partners as
[role, actor slug, outside name] triples written onto the `Partner` link model."""

from datetime import date

from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Actor, Commune, Public, Theme
from actors.texts import LANGUAGES, column
from contributions.permissions import is_member
from moderation.contract import Declaration

from . import notify
from .models import (
    FundingProgramme,
    Partner,
    PartnerRole,
    Realisation,
    RealisationRequest,
    Ressource,
    RessourceRequest,
    RessourceType,
)
from .models.media import ALT_NAMES, IMAGE_NAMES, IMAGE_SLOTS, image_name


def _texts(*names):
    return tuple(column(name, lang) for name in names for lang in LANGUAGES)


def _languages(*names):
    return {column(name, lang): lang for name in names for lang in LANGUAGES}


class ExpertiseDeclaration(Declaration):
    dates = ()
    keyed = {}  # {field: (model, key)}: a foreign key or many-to-many written by its key

    def may_edit(self, user, obj):
        """The publishing actor's members, owners and editors alike."""
        return is_member(user, obj.actor)

    def submitted(self, request):
        notify.request_submitted(request)

    def decided(self, request, applied=None):
        notify.author_of_decision(request, applied)

    def _many(self, name):
        return self.model._meta.get_field(name).many_to_many

    def names(self):
        return [*self.fields, *self.keyed, *self.taxonomies]

    def _plain(self, values):
        for name, value in values.items():
            if isinstance(value, FieldFile):
                values[name] = value.name or ""
        for name in self.dates:
            if isinstance(values.get(name), date):
                values[name] = values[name].isoformat()
        return values

    def snapshot(self, obj):
        values = super().snapshot(obj)
        for name, (_model, key) in self.keyed.items():
            if self._many(name):
                values[name] = sorted(getattr(obj, name).values_list(key, flat=True))
            else:
                related = getattr(obj, name)
                values[name] = getattr(related, key) if related is not None else None
        return self._plain(values)

    def from_form(self, cleaned_data):
        values = super().from_form(cleaned_data)
        for name, (_model, key) in self.keyed.items():
            chosen = cleaned_data[name]
            if self._many(name):
                values[name] = sorted(getattr(item, key) for item in chosen)
            else:
                values[name] = getattr(chosen, key) if chosen is not None else None
        return self._plain(values)

    def apply(self, obj, values):
        values = dict(values)
        for name in self.dates:
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        for name, (model, key) in self.keyed.items():
            if name in values and not self._many(name):
                wanted = values[name]
                setattr(
                    obj, name, model.objects.filter(**{key: wanted}).first() if wanted else None
                )
        super().apply(obj, values)
        for name, (model, key) in self.keyed.items():
            if name in values and self._many(name):
                getattr(obj, name).set(model.objects.filter(**{f"{key}__in": values[name]}))
        return obj

    def values_of(self, version):
        values = super().values_of(version)
        for name, (model, key) in self.keyed.items():
            if self._many(name):
                term = model._meta.model_name
                links = getattr(version, name).values_list(f"{term}__{key}", flat=True)
                values[name] = sorted(links)
            else:
                related = model.objects.filter(pk=getattr(version, f"{name}_id")).first()
                values[name] = getattr(related, key) if related is not None else None
        return self._plain(values)

    def display(self, name, value):
        if name in self.keyed and value not in (None, "", []):
            model, key = self.keyed[name]
            found = {getattr(item, key): str(item) for item in model.objects.filter(
                **{f"{key}__in": value if isinstance(value, list) else [value]}
            )}  # fmt: skip
            if isinstance(value, list):
                return ", ".join(found.get(item, item) for item in value)
            return found.get(value, value)
        return super().display(name, value)


class RealisationDeclaration(ExpertiseDeclaration):
    model = Realisation
    requests = RealisationRequest
    fields = (
        *_texts("title", "summary", "description", "results", "lessons"),
        "progress", "start_date", "end_date", "whole_territory", "licence", "link",
        *IMAGE_NAMES, *ALT_NAMES,
    )  # fmt: skip
    translated = _languages(
        "title", "summary", "description", "results", "lessons",
        *(f"{image_name(slot)}_alt" for slot in range(1, IMAGE_SLOTS + 1)),
    )  # fmt: skip
    # An image replaced waits on the request; one taken away is a name set to "".
    files = {name: f"proposed_{name}" for name in IMAGE_NAMES}
    taxonomies = {"themes": Theme, "publics": Public}
    keyed = {"communes": (Commune, "insee"), "funding_programme": (FundingProgramme, "slug")}
    dates = ("start_date", "end_date")

    def names(self):
        return [*super().names(), "partners"]

    def label(self, name):
        if name == "partners":
            return gettext_lazy("partenaires")
        return super().label(name)

    def snapshot(self, obj):
        values = super().snapshot(obj)
        values["partners"] = partner_triples(obj.partners.select_related("actor"))
        return values

    def from_form(self, cleaned_data):
        return {**super().from_form(cleaned_data), "partners": cleaned_data["partners"]}

    def apply(self, obj, values):
        super().apply(obj, values)
        if "partners" in values:
            write_partners(obj, values["partners"])
        return obj

    def display(self, name, value):
        if name in self.files and value:
            # Not decorative: in the moderator's diff the image is the value compared.
            return format_html(
                '<img src="{}" alt="{}" height="64">',
                default_storage.url(value),
                _("Aperçu de l'image"),
            )
        if name == "partners" and value:
            labels = dict(PartnerRole.choices)
            names = dict(Actor.objects.filter(slug__in=[s for _r, s, _n in value if s])
                         .values_list("slug", "name"))  # fmt: skip
            return ", ".join(
                _("%(name)s (%(role)s)")
                % {"name": names.get(slug, slug) or outside, "role": labels.get(role, role)}
                for role, slug, outside in value
            )
        return super().display(name, value)


def partner_triples(partners):
    return sorted([p.role, p.actor.slug if p.actor_id else "", p.name] for p in partners)


def write_partners(realisation, triples):
    """The réalisation's partners become exactly these (role, actor slug, outside name).
    Rows that stay keep their partner's answer: only those removed go, only new ones come."""
    actors = {a.slug: a for a in Actor.objects.filter(slug__in=[s for _r, s, _n in triples if s])}
    wanted = {
        (role, actors[slug].pk if slug else None, "" if slug else name)
        for role, slug, name in triples
        if (slug in actors) or (not slug and name)
    }
    kept = set()
    for partner in realisation.partners.all():
        key = (partner.role, partner.actor_id, partner.name)
        if key in wanted and key not in kept:
            kept.add(key)
        else:
            partner.delete()
    Partner.objects.bulk_create(
        Partner(realisation=realisation, role=role, actor_id=actor_id, name=name)
        for role, actor_id, name in sorted(wanted - kept, key=str)
    )


class RessourceDeclaration(ExpertiseDeclaration):
    model = Ressource
    requests = RessourceRequest
    fields = (*_texts("title", "summary"), "licence", "content_language", "link", "elsewhere_url")
    translated = _languages("title", "summary")
    taxonomies = {"themes": Theme, "publics": Public, "authors": Actor}
    keyed = {"type": (RessourceType, "slug"), "realisation": (Realisation, "slug")}
    # The file travels as [stored name, the author's file name]; a new one waits on the
    # request, and the moderator reads the names in the diff.
    files = {"file": "proposed_file"}

    def names(self):
        return [*super().names(), "file"]

    def snapshot(self, obj):
        return {**super().snapshot(obj), "file": [obj.file.name or "", obj.file_name]}

    def from_form(self, cleaned_data):
        return {**super().from_form(cleaned_data), "file": cleaned_data["file"]}

    def apply(self, obj, values):
        if "file" in values:
            obj.file.name, obj.file_name = values["file"]
        return super().apply(obj, values)

    def values_of(self, version):
        return {**super().values_of(version), "file": [version.file or "", version.file_name]}

    def display(self, name, value):
        if name == "file":
            return value[1] if value and value[0] else "—"
        return super().display(name, value)
