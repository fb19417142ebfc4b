"""Central session rules, so no view can forget them (security.md A5, A7)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import second_factor
from .sessions import LOGIN_AT_KEY


class SessionPolicyMiddleware:
    """End a session that outlived its absolute limit or whose account was switched off.

    The idle limit is Django's own (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST);
    a session kept busy all day still ends SESSION_ABSOLUTE_AGE seconds after login.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY in request.session:
            reason = self._reason_to_end(request)
            if reason is not None:
                logout(request)
                messages.info(request, reason)
        return self.get_response(request)

    @staticmethod
    def _reason_to_end(request):
        user = request.user
        # ModelBackend already refuses a deactivated or deleted account; the leftover
        # session is flushed here so nothing of it lingers.
        if not user.is_authenticated or not user.is_active:
            return _("U bent uitgelogd.")
        started = request.session.get(LOGIN_AT_KEY)
        now = timezone.now().timestamp()
        if started is None or now - started > settings.SESSION_ABSOLUTE_AGE:
            return _("U was te lang ingelogd. Log opnieuw in.")
        return None


class SecondFactorMiddleware:
    """A logged-in user who has not passed the second factor may only do the second step.

    Pages redirect to that step; the API answers 403 in JSON. Placed after OTPMiddleware.
    """

    EXEMPT_NAMES = ("accounts:login", "accounts:second-factor", "accounts:enrol", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            second_factor.required_for(user)
            and not second_factor.is_verified(user)
            and not self._exempt(request.path_info)
        ):
            return self._refuse(request)
        return self.get_response(request)

    # Open311 authenticates by API key only and never reads the session.
    EXEMPT_PREFIXES = ("/open311/",)

    def _exempt(self, path: str) -> bool:
        if path.startswith((settings.STATIC_URL, *self.EXEMPT_PREFIXES)):
            return True
        return path in {reverse(name) for name in self.EXEMPT_NAMES}

    @staticmethod
    def _refuse(request):
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Log eerst in met de code uit uw app (tweede stap).")}, status=403
            )
        query = {"next": request.get_full_path()} if request.method in ("GET", "HEAD") else {}
        target = reverse("accounts:second-factor")
        return redirect(f"{target}?{urlencode(query)}" if query else target)
