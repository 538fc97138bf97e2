from django import template

from actors.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ actor.description|markdown }}: sanitised HTML (see actors.markdown)."""
    return render_markdown(text)
