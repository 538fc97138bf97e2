"""What every email of the site must be: a subject, a plain-text part and an HTML part that
say the same thing, in the email's language with no interface string left in another,
naming the site, never its host nor a username, with links to what it is about."""

import re

from tests.neonum.catalogs import sources, whole_sources
from tests.neonum.pagetext import read

SITE = "Néo Num Carto"
LINK = re.compile(r"<(https?://[^>\s]+)>")


def html_part(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def links(message):
    """The addresses the plain-text part links to."""
    return LINK.findall(message.body)


def check(message, language, usernames=()):
    """Fails with what is wrong; returns the message's plain-text part."""
    text, html = message.body, html_part(message)
    page = read(html)
    assert page.page_lang == language, message.subject
    assert message.subject.startswith(f"[{SITE}] ")
    assert SITE in text and SITE in " ".join(page.parts)
    # The same content: every run of the HTML's text is in the plain-text part (the title
    # of the HTML is the subject).
    flat = " ".join(text.split())
    missing = [part for part in page.parts if part != message.subject and part not in flat]
    assert missing == [], f"{message.subject}: {missing}"
    # Each link of the HTML is shown in the text, with the words that say where it goes.
    assert sorted(re.findall(r'href="([^"]+)"', html)) == sorted(links(message))
    assert links(message), message.subject
    words_only = LINK.sub("", text) + message.subject
    for host in ("127.0.0.1", "testserver", "localhost", "example.com"):
        assert host not in words_only, f"{message.subject}: {host}"
    for username in usernames:
        assert username not in text and username not in html
    leftovers, whole = sources(language), whole_sources(language)
    found = sorted(fragment for fragment in leftovers if fragment in words_only)
    found += sorted(part for part in page.parts if part in whole)
    assert found == [], f"{message.subject}: {found}"
    return text
