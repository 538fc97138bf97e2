from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

User = get_user_model()


class EmailUserAdmin(UserAdmin):
    """Accounts are email-only: the username is an opaque value no one chose (see
    contributions.adapter), so people are listed and found by their address."""

    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    ordering = ["email"]
    # The change form leaves the username out: it is a key, not something to read or edit.
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (UserAdmin.fieldsets[1][0], {"fields": ("first_name", "last_name")}),
        *UserAdmin.fieldsets[2:],
    )


admin.site.unregister(User)
admin.site.register(User, EmailUserAdmin)
