from django import template
from django.utils.html import format_html

from ..presentation import MISSING, REASON_TEXTS, STATUS_LABELS, format_value

register = template.Library()


@register.simple_tag
def value_of(value, indicator):
    """A value in the indicator's unit; a missing value says so in words, never 0."""
    if value is None:
        return format_html('<span class="missing">{}</span>', MISSING)
    return format_value(value, indicator.unit, indicator.decimals)


@register.simple_tag
def status_badge(status):
    return format_html('<span class="status status--{}">{}</span>', status, STATUS_LABELS[status])


@register.filter
def status_label(status):
    return STATUS_LABELS[status]


@register.filter
def reason_text(reason):
    return REASON_TEXTS.get(reason, "")


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
