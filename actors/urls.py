from django.urls import path

from .views import actor_detail, directory, map_data

app_name = "actors"

urlpatterns = [
    path("", directory.DirectoryView.as_view(), name="home"),
    path("carte/donnees.geojson", map_data.MapDataView.as_view(), name="map-data"),
    path("acteurs/<slug:slug>/", actor_detail.ActorDetailView.as_view(), name="detail"),
]
