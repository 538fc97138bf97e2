"""Taxonomies citizens filter by. Staff edit them in the admin; slugs are stable public
identifiers (URLs, API, exports), so they are never changed once created."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TermQuerySet(models.QuerySet):
    def by_slugs(self, slugs):
        return self.filter(slug__in=slugs)


class Term(models.Model):
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("libellé (français)"), max_length=120)
    name_eu = models.CharField(_("libellé (euskara)"), max_length=120, blank=True)
    name_es = models.CharField(_("libellé (español)"), max_length=120, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language, French when it has none."""
        lang = (get_language() or "fr")[:2]
        return getattr(self, f"name_{lang}", "") or self.name


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("thématique d'expertise")
        verbose_name_plural = _("thématiques d'expertise")


class ActorKind(Term):
    class Meta(Term.Meta):
        verbose_name = _("type d'acteur")
        verbose_name_plural = _("types d'acteurs")


class Service(Term):
    class Meta(Term.Meta):
        verbose_name = _("service proposé")
        verbose_name_plural = _("services proposés")


class Public(Term):
    class Meta(Term.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")


class Language(Term):
    code = models.CharField(_("code (BCP 47)"), max_length=12, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("langue d'accueil")
        verbose_name_plural = _("langues d'accueil")
