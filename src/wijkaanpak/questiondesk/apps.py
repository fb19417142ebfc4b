from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionDeskConfig(AppConfig):
    name = "wijkaanpak.questiondesk"
    verbose_name = _("Vragen in de tweede huiskamer")

    def ready(self):
        # Questions feed computed effort indicators; the programme core never imports this app.
        from . import metrics

        metrics.register()
