from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "wijkaanpak.reports"
    verbose_name = _("Meldingen openbare ruimte")

    def ready(self):
        # The programme core learns about this figure here; it never imports the reports app.
        from wijkaanpak.programme import metrics as registry

        from . import checks, metrics  # noqa: F401 - checks register themselves

        registry.register(
            metrics.KEY, metrics.LABEL, metrics.SOURCE, metrics.pickup_within_5_working_days
        )
