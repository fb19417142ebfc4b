from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterventionsConfig(AppConfig):
    name = "wijkaanpak.interventions"
    verbose_name = _("Interventies")

    def ready(self):
        # The programme core must not import this app, so this app hands it its checks.
        from wijkaanpak.programme.services.data_quality import register_check

        from .data_quality import CHECKS

        for check in CHECKS:
            register_check(check)

        # Participants of chosen interventions feed computed effort indicators.
        from . import metrics

        metrics.register()
