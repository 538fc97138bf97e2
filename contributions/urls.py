from django.urls import path

from .views import actors, claims, members, my_space, requests, resume, suggestions

app_name = "contributions"

actor = "acteurs/<slug:slug>/"

urlpatterns = [
    path("organisations/ajouter/", actors.AddActorView.as_view(), name="add"),
    path(actor + "modifier/", actors.EditActorView.as_view(), name="edit"),
    path(actor + "demandes/<int:pk>/", requests.RequestDetailView.as_view(), name="request"),
    path(
        actor + "demandes/<int:pk>/retirer/",
        requests.WithdrawRequestView.as_view(),
        name="withdraw",
    ),
    path(actor + "revendiquer/", claims.ClaimView.as_view(), name="claim"),
    path(actor + "suggerer/", suggestions.SuggestView.as_view(), name="suggest"),
    path(
        actor + "suggerer/merci/",
        suggestions.SuggestThanksView.as_view(),
        name="suggest-thanks",
    ),
    path(actor + "membres/", members.MembersView.as_view(), name="members"),
    path(
        actor + "membres/<int:pk>/retirer/",
        members.MemberActionView.as_view(action="remove"),
        name="member-remove",
    ),
    path(
        actor + "membres/<int:pk>/role/",
        members.MemberActionView.as_view(action="role"),
        name="member-role",
    ),
    path(
        actor + "membres/invitations/<int:pk>/annuler/",
        members.RevokeInvitationView.as_view(),
        name="invitation-revoke",
    ),
    path("invitations/<str:token>/", members.InvitationView.as_view(), name="invitation"),
    path(
        "revendications/verifier/<str:token>/",
        claims.ClaimVerifyView.as_view(),
        name="claim-verify",
    ),
    path("mon-espace/", my_space.MySpaceView.as_view(), name="my-space"),
    path("mon-espace/mes-donnees.json", my_space.ExportView.as_view(), name="export"),
    path("mon-espace/reprendre/", resume.ResumeView.as_view(), name="resume"),
    path("mon-espace/supprimer/", my_space.DeleteAccountView.as_view(), name="delete-account"),
    path("compte-supprime/", my_space.AccountDeletedView.as_view(), name="account-deleted"),
    path("confidentialite/", my_space.PrivacyView.as_view(), name="privacy"),
]
