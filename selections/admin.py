"""Staff manage the selections here: Django's permissions decide who may (the
`selections` add / change / delete permissions, or a superuser)."""

from django.contrib import admin

from .models import KINDS, Selection, SelectionItem


class ItemInline(admin.StackedInline):
    model = SelectionItem
    extra = 1
    fields = ["position", *KINDS, "note", "note_eu", "note_es"]
    autocomplete_fields = list(KINDS)
    ordering = ["position", "pk"]


@admin.register(Selection)
class SelectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "published", "featured", "updated_at"]
    list_filter = ["published", "featured"]
    search_fields = ["title", "title_eu", "title_es", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    fields = [
        "title", "title_eu", "title_es", "slug",
        "introduction", "introduction_eu", "introduction_es",
        "published", "featured",
    ]  # fmt: skip
    inlines = [ItemInline]
