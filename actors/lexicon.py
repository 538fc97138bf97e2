"""People's words mapped to the directory's services and themes (fixtures/lexicon.toml), so
that "mon ordi rame" or "declaración de la renta" finds who repairs computers or helps with
online chores even though no actor writes those words.

The file is read once per process and validated as it is read: a misspelt key or a slug that
is not a reference service or theme (fixtures/taxonomies.json) stops the start-up with a
message naming the concept, instead of silently matching nothing."""

import difflib
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from actors.models import Service, Theme
from actors.text import normalise

LEXICON_FILE = settings.BASE_DIR / "fixtures" / "lexicon.toml"
TAXONOMIES_FILE = settings.BASE_DIR / "fixtures" / "taxonomies.json"
LANGUAGES = ("fr", "eu", "es")
KEYS = {"services", "themes", "weight", *LANGUAGES}
# A key word this long also matches the words it begins (tablette → tablettes, ordenagailu →
# ordenagailuak: Basque inflects by suffixes) and, from FUZZY_FROM letters, a close
# misspelling ("ordinatuer"). Shorter words are too ambiguous for either.
PREFIX_FROM = 5
FUZZY_FROM = 6
FUZZY_CUTOFF = 0.85
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Concept:
    services: tuple
    themes: tuple
    weight: float
    phrases: tuple  # each a tuple of normalised words


# eq=False: hashed by identity, which the cached methods below need cheaply.
@dataclass(frozen=True, eq=False)
class Lexicon:
    concepts: tuple
    single_words: tuple  # the one-word phrases of FUZZY_FROM letters or more, for misspellings

    # Both are pure and the lexicon lives as long as its process; a directory search asks
    # for the same words several times (results, facets, the heading), and difflib's
    # comparisons with every key word were about a tenth of a search page's Python time.
    @lru_cache(maxsize=2048)  # noqa: B019
    def match(self, text):
        """The concepts some phrase of which occurs in `text`, in the lexicon's order."""
        words = [self.spelling(word) for word in WORD.findall(normalise(text))]
        return tuple(c for c in self.concepts if any(occurs(p, words) for p in c.phrases))

    @lru_cache(maxsize=8192)  # noqa: B019
    def spelling(self, word):
        """`word`, or the lexicon's word it is a likely misspelling of."""
        if len(word) < FUZZY_FROM:
            return word
        close = difflib.get_close_matches(word, self.single_words, n=1, cutoff=FUZZY_CUTOFF)
        return close[0] if close else word


def occurs(phrase, words):
    n = len(phrase)
    return any(
        all(same_word(key, word) for key, word in zip(phrase, words[i : i + n], strict=True))
        for i in range(len(words) - n + 1)
    )


def same_word(key, word):
    if len(key) >= PREFIX_FROM:
        return word.startswith(key)
    return word == key or (word[:-1] == key and word[-1] in "sx")


def words_of(phrase):
    return tuple(WORD.findall(normalise(phrase)))


def reference_slugs():
    with open(TAXONOMIES_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    return {name: {t["slug"] for t in data[name]} for name in ("services", "themes")}


def parse(data, known):
    """The lexicon of a parsed TOML document, or ImproperlyConfigured saying what is wrong."""
    if set(data) - {"concept"}:
        raise ImproperlyConfigured(
            f"{LEXICON_FILE.name}: unknown table(s) {sorted(set(data) - {'concept'})}"
        )
    concepts = []
    for number, entry in enumerate(data.get("concept", []), start=1):
        where = f"{LEXICON_FILE.name}, concept {number}"
        unknown_keys = set(entry) - KEYS
        if unknown_keys:
            raise ImproperlyConfigured(f"{where}: unknown key(s) {sorted(unknown_keys)}")
        for name in ("services", "themes"):
            missing = set(entry.get(name, [])) - known[name]
            if missing:
                raise ImproperlyConfigured(f"{where}: unknown {name} {sorted(missing)}")
        if not entry.get("services") and not entry.get("themes"):
            raise ImproperlyConfigured(f"{where}: give `services` or `themes`")
        phrases = tuple(
            words for lang in LANGUAGES for words in map(words_of, entry.get(lang, [])) if words
        )
        if not phrases:
            raise ImproperlyConfigured(f"{where}: no words in {', '.join(LANGUAGES)}")
        weight = entry.get("weight", 1.0)
        if not isinstance(weight, int | float) or not 0 < weight <= 10:
            raise ImproperlyConfigured(f"{where}: `weight` must be a number above 0, up to 10")
        concepts.append(
            Concept(
                tuple(entry.get("services", [])),
                tuple(entry.get("themes", [])),
                float(weight),
                phrases,
            )  # fmt: skip
        )
    if not concepts:
        raise ImproperlyConfigured(f"{LEXICON_FILE.name}: no [[concept]]")
    singles = {p[0] for c in concepts for p in c.phrases if len(p) == 1 and len(p[0]) >= FUZZY_FROM}
    return Lexicon(tuple(concepts), tuple(sorted(singles)))


@cache
def source():
    """The file's bytes, read once per process: the lexicon and its version come from them."""
    return LEXICON_FILE.read_bytes()


@cache
def lexicon():
    try:
        data = tomllib.loads(source().decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(f"{LEXICON_FILE.name}: {error}") from None
    return parse(data, reference_slugs())


@cache
def version():
    """A digest of the lexicon this process uses, part of the keys of cached search results
    (actors.datacache): a process reading an edited lexicon does not reuse older counts."""
    return hashlib.sha256(source()).hexdigest()[:12]


@dataclass(frozen=True)
class Expansion:
    """What a search's words were understood as: per recognised concept its weight and the
    ids of its services and themes (for the query), and the terms to name on the page."""

    boosts: tuple  # (weight, service ids, theme ids)
    terms: tuple  # the Service and Theme objects of the strongest concepts


def expand(text):
    """The expansion of the visitor's words, or None when the lexicon recognises none.

    Slugs missing from the database (a test's few taxonomies) are skipped."""
    concepts = lexicon().match(text)
    if not concepts:
        return None
    wanted = {
        name: {s for c in concepts for s in getattr(c, name)} for name in ("services", "themes")
    }
    found = {
        "services": {t.slug: t for t in Service.objects.filter(slug__in=wanted["services"])},
        "themes": {t.slug: t for t in Theme.objects.filter(slug__in=wanted["themes"])},
    }
    boosts, terms = [], []
    strongest = max(c.weight for c in concepts)
    for concept in concepts:
        services = [found["services"][s] for s in concept.services if s in found["services"]]
        themes = [found["themes"][s] for s in concept.themes if s in found["themes"]]
        if not services and not themes:
            continue
        boosts.append((concept.weight, [t.pk for t in services], [t.pk for t in themes]))
        if concept.weight == strongest:
            terms += [t for t in services or themes if t not in terms]
    return Expansion(tuple(boosts), tuple(terms)) if boosts else None
