from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkaanpak.accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import sessions  # noqa: F401  (connects the login-time receiver)
