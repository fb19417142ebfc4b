"""Configuration mistakes that must stop the process at start, not at the first report."""

from django.conf import settings
from django.core.checks import Error, register

from .ratelimit import parse_rate


@register()
def report_form_rate_is_valid(app_configs, **kwargs):
    try:
        parse_rate(settings.REPORT_FORM_RATE)
    except ValueError as exc:
        return [Error(str(exc), hint="Set REPORT_FORM_RATE like 20/hour.", id="reports.E001")]
    return []
