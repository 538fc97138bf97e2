"""What a visitor reads of a page: its text and its readable attributes, in the page's own
language. Text inside an element marked with another `lang` is set apart: it is declared
as that language (a fallback, a language name), so it is not an untranslated leftover."""

from html.parser import HTMLParser

READABLE_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "aria-description"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
# Code is in no human language: field names, commands, examples.
SKIPPED = {"script", "style", "template", "code", "kbd", "samp", "pre"}


class PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page_lang = None
        self.stack = []  # (tag, lang, skipped)
        self.parts = []  # text in the page's language
        self.other = []  # (lang, text) declared in another language

    def _context(self):
        lang, skipped = self.page_lang, False
        for _tag, tag_lang, tag_skipped in self.stack:
            lang = tag_lang or lang
            skipped = skipped or tag_skipped
        return lang, skipped

    def _add(self, text, lang):
        text = " ".join(text.split())
        if not text:
            return
        if lang == self.page_lang:
            self.parts.append(text)
        else:
            self.other.append((lang, text))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_lang = attrs.get("lang")
            return
        own_lang = attrs.get("lang")
        lang, skipped = self._context()
        lang = own_lang or lang
        if not skipped:
            for name in READABLE_ATTRIBUTES & attrs.keys():
                self._add(attrs[name] or "", lang)
            if tag == "meta" and attrs.get("name") == "description":
                self._add(attrs.get("content") or "", lang)
            if tag == "input" and attrs.get("type") in ("submit", "button"):
                self._add(attrs.get("value") or "", lang)
        if tag not in VOID:
            self.stack.append((tag, own_lang, tag in SKIPPED))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        lang, skipped = self._context()
        if not skipped:
            self._add(data, lang)


def read(html):
    parser = PageText()
    parser.feed(html)
    parser.close()
    return parser
