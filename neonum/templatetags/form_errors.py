from django import template

register = template.Library()


@register.filter
def error_anchor(field):
    """The id an error summary's link jumps to: the field itself, or the first box of a group
    of checkboxes or radio buttons (the group has no focusable element of its own)."""
    if field.id_for_label:
        return field.id_for_label
    boxes = field.subwidgets
    return boxes[0].id_for_label if boxes else field.auto_id
