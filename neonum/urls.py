from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "favicon.ico",
        RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True),
    ),
    path("compte/", include("allauth.urls")),
    path("", include("moderation.urls")),
    # The API and exports, and the open-data pages (see opendata.urls for the split).
    path("", include("opendata.urls")),
    # Before actors.urls: its "acteurs/<slug>/" pages have sub-pages defined here.
    path("", include("contributions.urls")),
    path("", include("actors.urls")),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
