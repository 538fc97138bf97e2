import posixpath
import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from events.urls import feed_urlpatterns as event_feed_urlpatterns
from opendata.urls import page_urlpatterns
from pages.sitemaps import SITEMAPS
from pages.views import robots_txt

from .health import healthz

# JSON under /api/v1/ and /export/, the HTML page elsewhere.
handler400 = "opendata.views.errors.bad_request"
handler403 = "opendata.views.errors.permission_denied"
handler500 = "opendata.views.errors.server_error"

# Addresses that machines keep: the API, the exports, the admin, files. No language prefix,
# so that a harvester's URL never changes with a visitor's language.
urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "favicon.ico",
        RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True),
    ),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("opendata.urls")),
    path("", include((event_feed_urlpatterns, "events_feeds"))),
]

# Pages: /fr/…, /eu/…, /es/…. A request without a prefix is redirected to the visitor's
# language (cookie, then Accept-Language, then French) by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("compte/", include("allauth.urls")),
    path("", include("moderation.urls")),
    path("", include((page_urlpatterns, "opendata_pages"))),
    path("", include("pages.urls")),
    # Before actors.urls: its "acteurs/<slug>/" pages have sub-pages defined here.
    path("", include("contributions.urls")),
    path("", include("expertise.urls")),
    path("", include("events.urls")),
    path("", include("selections.urls")),
    path("", include("alerts.urls")),
    path("", include("actors.urls")),
)


def serve_public_media(request, path):
    # Compared once normalised, as serve() reads it: "x/../ressources/…" is refused too.
    if posixpath.normpath(path).lstrip("/").startswith(settings.PRIVATE_MEDIA_FOLDER):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.DEBUG or settings.SERVE_MEDIA:
    # A site without a reverse proxy (make run), or DEBUG. serve() stays inside MEDIA_ROOT,
    # lists no folder and names the content type; SecurityMiddleware adds nosniff, CSP
    # forbids scripts. The ressources' files are not media: only their view sends them
    # (expertise/views/files.py), to whom may have them.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_public_media)]
