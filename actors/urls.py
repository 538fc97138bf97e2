from django.urls import path

from .views import actor_detail, home

app_name = "actors"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("acteurs/<slug:slug>/", actor_detail.ActorDetailView.as_view(), name="detail"),
]
