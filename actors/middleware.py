from actors.geoguards import request_scope
from neonum.clientip import client_ip


def geocoding_scope(get_response):
    """Each request gets its own geocoding time budget and is counted as its client's."""

    def middleware(request):
        with request_scope(lambda: client_ip(request)):
            return get_response(request)

    return middleware
