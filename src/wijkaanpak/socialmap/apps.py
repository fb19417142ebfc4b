from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialMapConfig(AppConfig):
    name = "wijkaanpak.socialmap"
    verbose_name = _("Sociale kaart")
