"""LaNum's selections: curated, ordered collections of actors, réalisations, ressources and
events, each item with a note on why it was chosen. Texts in three languages as elsewhere
(French in the plain column, Basque and Spanish in `_eu` and `_es`).

An item points at its content through four nullable foreign keys, exactly one set (a
database check), rather than a generic relation: the database keeps each reference valid
(deleting a content deletes its items), and one query with joins reads every kind."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from events.models import Event
from expertise.models import Realisation, Ressource

# The kinds an item may point at, by the name of its foreign key.
KINDS = ("actor", "realisation", "ressource", "event")


class SelectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Selection(models.Model):
    slug = models.SlugField(_("identifiant d'URL"), max_length=100, unique=True)
    title = models.CharField(_("titre (français)"), max_length=200, blank=True)
    title_eu = models.CharField(_("titre (euskara)"), max_length=200, blank=True)
    title_es = models.CharField(_("titre (español)"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction (français)"), blank=True)
    introduction_eu = models.TextField(_("introduction (euskara)"), blank=True)
    introduction_es = models.TextField(_("introduction (español)"), blank=True)
    published = models.BooleanField(_("publiée"), default=False)
    featured = models.BooleanField(
        _("à la une"),
        default=False,
        help_text=_("Montrée sur la page d'accueil ; une seule sélection à la fois."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = SelectionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("sélection")
        verbose_name_plural = _("sélections")
        constraints = [
            models.UniqueConstraint(
                fields=["featured"],
                condition=Q(featured=True),
                name="selection_one_featured",
                violation_error_message=_("Une autre sélection est déjà à la une."),
            ),
            models.CheckConstraint(
                condition=Q(featured=False) | Q(published=True),
                name="selection_featured_is_published",
                violation_error_message=_("Une sélection à la une doit être publiée."),
            ),
            models.CheckConstraint(
                condition=~Q(title="", title_eu="", title_es=""),
                name="selection_title_in_some_language",
                violation_error_message=_("Écrivez le titre dans au moins une langue."),
            ),
        ]

    def __str__(self):
        from actors.texts import localized

        return localized(self, "title").text

    def get_absolute_url(self):
        return reverse("selections:detail", kwargs={"slug": self.slug})

    def visible_items(self):
        """The items whose content is public, in their order (one query)."""
        # The search vectors are the widest columns and nothing here reads them.
        vectors = [f"{kind}__search_vector" for kind in KINDS]
        items = self.items.select_related(*KINDS).defer(*vectors)
        return [item for item in items if item.content.is_public]


def _exactly_one():
    """Q: one of the four foreign keys set, the others null."""
    cases = Q()
    for kind in KINDS:
        cases |= Q(**{f"{k}__isnull": k != kind for k in KINDS})
    return cases


def _content(model, label):
    # Deleting a content deletes the items pointing at it.
    return models.ForeignKey(
        model, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=label,
    )  # fmt: skip


class SelectionItem(models.Model):
    selection = models.ForeignKey(
        Selection, on_delete=models.CASCADE, related_name="items", verbose_name=_("sélection")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    actor = _content(Actor, _("acteur"))
    realisation = _content(Realisation, _("réalisation"))
    ressource = _content(Ressource, _("ressource"))
    event = _content(Event, _("événement"))
    note = models.CharField(_("pourquoi ce choix (français)"), max_length=300, blank=True)
    note_eu = models.CharField(_("pourquoi ce choix (euskara)"), max_length=300, blank=True)
    note_es = models.CharField(_("pourquoi ce choix (español)"), max_length=300, blank=True)
    added_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("élément")
        verbose_name_plural = _("éléments")
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one(),
                name="selection_item_exactly_one_content",
                violation_error_message=_(
                    "Choisissez exactement un contenu : un acteur, une réalisation, "
                    "une ressource ou un événement."
                ),
            ),
        ]

    def __str__(self):
        return str(self.content) if self.content else ""

    @property
    def content(self):
        """The actor, réalisation, ressource or event this item points at."""
        for kind in KINDS:
            if getattr(self, f"{kind}_id") is not None:
                return getattr(self, kind)
        return None
