"""The plain-text part of an email, read from its HTML."""

from neonum.emails import message, plain_text, subject


def test_paragraphs_lists_and_links_read_as_plain_text():
    html = (
        '<html lang="fr"><head><title>Sujet</title><style>p{}</style></head><body><div>'
        "<p>Bonjour,</p><p>Une ligne<br>et la suivante, avec &laquo; guillemets &raquo;"
        " et &lt;b&gt; écrit par quelqu'un.</p>"
        "<ul><li>Date : hier</li><li>Navigateur : Firefox</li></ul>"
        '<p>Pour continuer : <a href="https://site.example/fr/x/">voir la fiche</a></p>'
        '<p><a href="https://site.example/fr/y/">https://site.example/fr/y/</a></p>'
        "</div></body></html>"
    )
    assert plain_text(html) == (
        "Bonjour,\n\n"
        "Une ligne\net la suivante, avec « guillemets » et <b> écrit par quelqu'un.\n\n"
        "- Date : hier\n- Navigateur : Firefox\n\n"
        "Pour continuer : voir la fiche <https://site.example/fr/x/>\n\n"
        "https://site.example/fr/y/\n"
    )


def test_a_message_has_both_parts():
    email = message("  Un\nsujet ", "<p>Texte</p>", ["a@example.org"])
    assert email.subject == "Un sujet"
    assert email.body == "Texte\n"
    assert email.alternatives == [("<p>Texte</p>", "text/html")]


def test_a_subject_is_plain_text_on_one_line():
    context = {"actor": {"name": "Accessi'Bask & <Co>"}}
    assert subject("contributions/email/suggestion_subject.txt", context) == (
        "Correction suggérée pour Accessi'Bask & <Co>"
    )
