import json

# The open-data outputs that follow the directory's filters or publish everything.
OPEN_DATA_URLS = [
    "/api/v1/actors/",
    "/api/v1/actors.geojson",
    "/export/actors.csv",
    "/export/actors.geojson",
    "/export/lamednum.csv",
    "/export/data-inclusion/structures.json",
    "/export/data-inclusion/services.json",
    "/api/v1/actors/removed/",
]


def content(response):
    """A response's body as text, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def json_body(response):
    return json.loads(content(response))
