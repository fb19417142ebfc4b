from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "wijkaanpak.referrals"
    verbose_name = _("Warme verwijzingen")

    def ready(self):
        # Started referrals feed the reach of interventions; the programme core never imports us.
        from . import metrics

        metrics.register()
