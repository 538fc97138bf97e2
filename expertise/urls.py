from django.urls import path

from .views import files, members, public, suggestions

app_name = "expertise"

urlpatterns = [
    path("realisations/", public.RealisationListView.as_view(), name="realisations"),
    path("realisations/carte.geojson", public.realisations_map, name="realisations-map"),
    path("realisations/<slug:slug>/", public.realisation_detail, name="realisation"),
    path(
        "realisations/<slug:slug>/modifier/",
        members.EditView.as_view(kind="realisation"),
        name="realisation-edit",
    ),
    path(
        "realisations/<slug:slug>/suggerer/",
        suggestions.SuggestItemView.as_view(kind="realisation"),
        name="realisation-suggest",
    ),
    path("ressources/", public.RessourceListView.as_view(), name="ressources"),
    path(
        "ressources/<slug:slug>/suggerer/",
        suggestions.SuggestItemView.as_view(kind="ressource"),
        name="ressource-suggest",
    ),
    path("ressources/<slug:slug>/", public.ressource_detail, name="ressource"),
    path("ressources/<slug:slug>/fichier/", files.ressource_file, name="ressource-file"),
    path(
        "ressources/demandes/<int:pk>/fichier/", files.proposed_file, name="ressource-proposed-file"
    ),
    path(
        "ressources/<slug:slug>/modifier/",
        members.EditView.as_view(kind="ressource"),
        name="ressource-edit",
    ),
    path("acteurs/<slug:slug>/expertise/", members.ActorExpertiseView.as_view(), name="mine"),
    path(
        "acteurs/<slug:slug>/partenariats/<int:pk>/",
        members.PartnerAnswerView.as_view(),
        name="partner-answer",
    ),
    path(
        "acteurs/<slug:slug>/realisations/ajouter/",
        members.AddView.as_view(kind="realisation"),
        name="realisation-add",
    ),
    path(
        "acteurs/<slug:slug>/ressources/ajouter/",
        members.AddView.as_view(kind="ressource"),
        name="ressource-add",
    ),
]
