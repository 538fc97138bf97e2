"""Text helpers shared by models and search."""

import unicodedata


def normalise(text):
    """Lower case, without accents, apostrophes and dashes as spaces: 'Saint-Jean-de-Luz'
    and 'saint jean de luz' compare equal."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    for sep in "-'’":
        text = text.replace(sep, " ")
    return " ".join(text.lower().split())
