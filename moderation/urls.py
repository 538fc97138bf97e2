from django.urls import path

from .views import actors, dashboard, freshness, items, queue

app_name = "moderation"

GET, POST = ["get", "head", "options"], ["post"]
actor = "moderation/acteurs/<slug:slug>/"

urlpatterns = [
    path("moderation/", queue.QueueView.as_view(), name="queue"),
    path(
        "moderation/demandes/<int:pk>/",
        items.ChangeRequestView.as_view(http_method_names=GET),
        name="change-request",
    ),
    path(
        "moderation/demandes/<int:pk>/decider/",
        items.ChangeRequestView.as_view(http_method_names=POST),
        name="change-request-decide",
    ),
    path(
        "moderation/revendications/<int:pk>/",
        items.ClaimView.as_view(http_method_names=GET),
        name="claim",
    ),
    path(
        "moderation/revendications/<int:pk>/decider/",
        items.ClaimView.as_view(http_method_names=POST),
        name="claim-decide",
    ),
    path(
        "moderation/suggestions/<int:pk>/",
        items.SuggestionView.as_view(http_method_names=GET),
        name="suggestion",
    ),
    path(
        "moderation/suggestions/<int:pk>/decider/",
        items.SuggestionView.as_view(http_method_names=POST),
        name="suggestion-decide",
    ),
    path(actor, actors.ActorHistoryView.as_view(), name="actor"),
    path(
        actor + "versions/<int:version>/",
        actors.VersionView.as_view(http_method_names=GET),
        name="version",
    ),
    path(
        actor + "versions/<int:version>/restaurer/",
        actors.VersionView.as_view(http_method_names=POST),
        name="restore",
    ),
    path(actor + "archiver/", actors.StatusView.as_view(action="archive"), name="archive"),
    path(actor + "desarchiver/", actors.StatusView.as_view(action="unarchive"), name="unarchive"),
    path("moderation/fiches-a-verifier/", freshness.StaleListView.as_view(), name="stale"),
    path("moderation/tableau-de-bord/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("fiche-a-jour/<str:token>/", freshness.ConfirmFreshView.as_view(), name="confirm-fresh"),
]
