from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Propriétaire")
    EDITOR = "editor", _("Éditeur")


class MembershipQuerySet(models.QuerySet):
    def owners(self):
        return self.filter(role=Role.OWNER)

    def for_actor(self, actor):
        return self.filter(actor=actor)

    def for_user(self, user):
        return self.filter(user=user)


class Membership(models.Model):
    """Who may propose changes to an actor's profile. Owners also manage the members."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("utilisateur"),
    )
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("acteur"),
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        ordering = ["actor", "role", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user.email} – {self.actor} ({self.get_role_display()})"

    @property
    def is_owner(self):
        return self.role == Role.OWNER
