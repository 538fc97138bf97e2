from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alertes/recherche/", views.save_search, name="save-search"),
    path("alertes/acteur/<slug:slug>/", views.follow_actor, name="follow-actor"),
    path("alertes/thematique/<slug:slug>/", views.follow_theme, name="follow-theme"),
    path("alertes/<int:pk>/frequence/", views.change_frequency, name="frequency"),
    path("alertes/<int:pk>/supprimer/", views.delete, name="delete"),
    path("alertes/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
