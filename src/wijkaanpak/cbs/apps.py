from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CbsConfig(AppConfig):
    name = "wijkaanpak.cbs"
    verbose_name = _("CBS Kerncijfers wijken en buurten")
