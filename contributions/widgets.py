"""The map widget of the profile form, without inline script.

django-leaflet's stock template runs an inline <script>, which the Content-Security-Policy
refuses. This one renders a plain container: static/js/location-map.js (loaded from our
origin) reads its configuration from a json_script block and data attributes."""

from django.conf import settings
from leaflet.forms.widgets import LeafletWidget


class LocationWidget(LeafletWidget):
    template_name = "contributions/widgets/location.html"
    geom_type = "POINT"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        config = settings.LEAFLET_CONFIG
        _label, url, options = config["TILES"][0]
        context["map_config"] = {
            "tiles": url,
            "attribution": options.get("attribution", ""),
            "center": list(config["DEFAULT_CENTER"]),
            "zoom": config["DEFAULT_ZOOM"],
            "minZoom": config["MIN_ZOOM"],
            "maxZoom": config["MAX_ZOOM"],
        }
        return context
