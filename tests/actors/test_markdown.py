from actors.markdown import render_markdown


def test_markdown_keeps_formatting_and_safe_links():
    html = render_markdown("**Réparer** [le site](https://example.org) [écrire](mailto:a@b.fr)")
    assert "<strong>Réparer</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'href="mailto:a@b.fr"' in html
    assert "nofollow" in html


def test_markdown_removes_scripts_handlers_and_dangerous_links():
    html = render_markdown(
        "<script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[x](javascript:alert(1)) [y](data:text/html,hi) <a href='vbscript:x'>z</a>"
    )
    for bad in ("<script", "onerror", "javascript:", "data:", "vbscript:", "<img"):
        assert bad not in html


def test_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
