import json


def content(response):
    """A response's body as text, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def json_body(response):
    return json.loads(content(response))
