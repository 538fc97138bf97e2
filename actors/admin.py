from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from leaflet.admin import LeafletGeoAdmin

from actors.models import Actor, Commune
from actors.taxonomies import ALL_MODELS, MANY_MODELS


@admin.register(*ALL_MODELS.values())
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "name_eu", "name_es", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_eu", "name_es", "slug"]

    def get_readonly_fields(self, request, obj=None):
        # Slugs are public identifiers: set once, never renamed.
        return ["slug"] if obj else []


@admin.register(Commune)
class CommuneAdmin(LeafletGeoAdmin):
    list_display = ["name", "name_eu", "insee", "population"]
    search_fields = ["name", "name_eu", "insee", "postcodes"]
    fields = [
        "insee",
        "name",
        "name_eu",
        "name_eu_source",
        "postcodes",
        "population",
        "boundary",
        "centroid",
    ]
    readonly_fields = ["insee"]


def _bulk(modeladmin, request, queryset, operation, reason):
    """Runs a moderation domain function on each selected actor: the same rules, history
    and journal as the console. Refusals are reported one by one; the others go through."""
    from moderation import workflow

    done = 0
    for actor in queryset:
        try:
            getattr(workflow, operation)(actor, request.user, reason)
        except workflow.ModerationError as error:
            modeladmin.message_user(request, f"{actor}: {error}", messages.WARNING)
        else:
            done += 1
    modeladmin.message_user(request, _("%(count)d fiche(s) traitée(s).") % {"count": done})


@admin.action(description=gettext_lazy("Publier les fiches sélectionnées"))
def publish_actors(modeladmin, request, queryset):
    _bulk(modeladmin, request, queryset, "publish", _("Publication groupée (administration)"))


@admin.action(description=gettext_lazy("Archiver les fiches sélectionnées"))
def archive_actors(modeladmin, request, queryset):
    _bulk(modeladmin, request, queryset, "archive", _("Archivage groupé (administration)"))


@admin.register(Actor)
class ActorAdmin(LeafletGeoAdmin):
    # Django 6 will read scheme-less URLs as https; say so now (and silence the warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [publish_actors, archive_actors]
    list_display = ["name", "kind", "commune", "status", "is_demo", "updated_at"]
    list_filter = ["status", "kind", "is_demo", "themes"]
    search_fields = ["name", "slug", "siret", "rna"]
    autocomplete_fields = ["commune"]
    filter_horizontal = list(MANY_MODELS)
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind"]}),
        (gettext_lazy("Textes (français, euskara, español)"), {"fields": [
            "summary", "summary_eu", "summary_es",
            "description", "description_eu", "description_es",
        ]}),
        (None, {"fields": [
            "themes", "services", "publics", "languages", "website", "email", "phone",
            "street_address", "commune", "location", "location_precision", "welcomes_public",
            "works_remotely", "travels", "opening_hours", "acceslibre_url", "step_free_access",
            "accessible_toilets", "hearing_loop", "appointment_url", "fees", "siret", "rna",
            "logo", "status", "verified_at",
            "is_demo", "source", "source_id", "created_at", "updated_at",
        ]}),
    ]  # fmt: skip
