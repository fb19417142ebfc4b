from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionDeskConfig(AppConfig):
    name = "wijkaanpak.questiondesk"
    verbose_name = _("Vragen in de tweede huiskamer")
