"""Every email of the site is written once, as HTML (templates extending email/base.html);
its plain-text part is read out of that HTML here, so that both parts always say the same
thing. Links keep their words and show their address: "Voir la fiche <https://…>"."""

import re
from html.parser import HTMLParser

from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template

BLOCKS = {"p", "div", "h1", "h2", "h3", "ul", "ol", "table", "tr", "blockquote", "dl"}
# Not read: the title repeats the subject, and styles are for the eye.
HIDDEN = {"head", "style", "script"}


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.hidden = 0
        self.links = []  # the addresses of the links being read

    def _break(self):
        """Ends a paragraph: one blank line, however many blocks end here."""
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        self.lines += ["", ""]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.lines.append("")
        elif tag == "li":
            if self.lines[-1].strip():
                self.lines.append("")
            self.lines[-1] = "- "
        elif tag in BLOCKS:
            self._break()
        elif tag == "a":
            self.links.append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1
        elif tag in BLOCKS:
            self._break()
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not self.lines[-1].rstrip().endswith(href):
                self.lines[-1] = f"{self.lines[-1].rstrip()} <{href}>"

    def handle_data(self, data):
        if not self.hidden:
            # Spaces are gathered here and collapsed line by line in text().
            self.lines[-1] += re.sub(r"\s+", " ", data)

    def text(self):
        lines = [" ".join(line.split()) for line in self.lines]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def plain_text(html):
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.text()


def subject(template_name, context):
    """An email's subject from its template, on one line. A subject is plain text, not
    HTML: rendered without escaping, a name such as « Accessi'Bask » reads as written,
    not « Accessi&#x27;Bask ». The HTML part escapes it where it shows it (its title)."""
    template = get_template(template_name).template
    text = template.render(Context(context, autoescape=False))
    return " ".join(text.split())


def message(subject, html, to, from_email=None, headers=None):
    """A message with a plain-text part and the HTML as its alternative."""
    subject = " ".join(subject.split())
    email = EmailMultiAlternatives(subject, plain_text(html), from_email, to, headers=headers)
    email.attach_alternative(html, "text/html")
    return email
