from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Whole-programme exports. Outer ring: reads areas, programme and interventions."""

    name = "wijkaanpak.exports"
    verbose_name = _("exports")
