from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("accessibilite/", views.AccessibilityView.as_view(), name="accessibility"),
    path("mentions-legales/", views.LegalNoticeView.as_view(), name="legal"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/merci/", views.ContactThanksView.as_view(), name="contact-thanks"),
    path("plan-du-site/", views.SitemapView.as_view(), name="sitemap"),
]
