"""What a session remembers about its login (security.md A7)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

LOGIN_AT_KEY = "wijkaanpak_login_at"


@receiver(user_logged_in, dispatch_uid="wijkaanpak-remember-login-time")
def remember_login_time(sender, request, user, **kwargs):
    # Django's login() has already given the session a new id; the absolute limit counts
    # from here, however busy the session is kept afterwards.
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_KEY] = timezone.now().timestamp()
