"""What réalisations and ressources share: texts in three languages (French in the plain
column, Basque and Spanish in `_eu` and `_es`, as the actors' texts), the actor that
publishes them (its members edit them), themes and publics, a slug fixed at creation, the
demo flag and a search vector written on save (expertise.search)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors import validators
from actors.models import Actor, Public, Theme
from actors.models.actor import unique_slug
from moderation.contract import ModeratedContent, Status

TITLE_REQUIRED = _("Écrivez le titre dans au moins une langue.")


class ExpertiseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def of_actor(self, actor):
        return self.filter(actor=actor)

    def with_requests(self):
        """Each item with `newest_requests`, its requests newest first: its members' list says
        what the moderation answered last (a refusal sends the item back to draft, and the
        e-mail that tells its author links to that list)."""
        requests = self.model._meta.get_field("requests").related_model
        newest_first = requests.objects.order_by("-created_at", "-pk")
        return self.prefetch_related(
            models.Prefetch("requests", queryset=newest_first, to_attr="newest_requests")
        )

    def synthetic(self):
        """Benchmark items (expertise.synthetic): those a synthetic actor publishes."""
        return self.filter(actor__source=Actor.SYNTHETIC_SOURCE)


def version_index(name):
    """The index the lists' data version reads (expertise.listing): the newest date of
    every status."""
    return models.Index(fields=["updated_at"], name=f"{name}_updated")


class ExpertiseContent(ModeratedContent):
    slug = models.SlugField(_("identifiant d'URL"), max_length=220, unique=True, editable=False)
    title = models.CharField(
        _("titre (français)"),
        max_length=200,
        blank=True,
        validators=[validators.validate_visible_text],
    )
    title_eu = models.CharField(
        _("titre (euskara)"),
        max_length=200,
        blank=True,
        validators=[validators.validate_visible_text],
    )
    title_es = models.CharField(
        _("titre (español)"),
        max_length=200,
        blank=True,
        validators=[validators.validate_visible_text],
    )
    summary = models.CharField(_("résumé (français)"), max_length=280, blank=True)
    summary_eu = models.CharField(_("résumé (euskara)"), max_length=280, blank=True)
    summary_es = models.CharField(_("résumé (español)"), max_length=280, blank=True)
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        verbose_name=_("acteur qui publie"),
    )
    themes = models.ManyToManyField(
        Theme, related_name="%(class)ss", blank=True, verbose_name=_("thématiques")
    )
    publics = models.ManyToManyField(
        Public, related_name="%(class)ss", blank=True, verbose_name=_("publics")
    )
    is_demo = models.BooleanField(_("donnée de démonstration"), default=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ExpertiseQuerySet.as_manager()

    URL_NAME = None

    class Meta:
        abstract = True
        ordering = ["-updated_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="%(class)s_search"),
            models.Index(fields=["status", "updated_at"], name="%(class)s_status_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="%(class)s_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(title="", title_eu="", title_es=""),
                name="%(class)s_title_in_some_language",
                violation_error_message=TITLE_REQUIRED,
            ),
        ]

    def __str__(self):
        from actors.texts import localized

        return localized(self, "title").text

    def get_absolute_url(self):
        return reverse(self.URL_NAME, kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED

    def save(self, *args, **kwargs):
        # Set once: a published page's address never changes with its title.
        if not self.slug:
            name = self.title or self.title_eu or self.title_es
            self.slug = unique_slug(name, type(self).objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)
