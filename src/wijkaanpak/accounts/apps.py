from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkaanpak.accounts"
    verbose_name = "Accounts"
