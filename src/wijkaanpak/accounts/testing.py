"""Test-only authentication backend (used by wijkaanpak.conf.test, never in production)."""

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class TestClientLockoutBackend(AxesStandaloneBackend):
    """django-axes needs the request; Django's test client `login()` passes none.

    Such a call gets a stand-in request from the loopback address, so the lockout check
    still runs (and still refuses a locked-out username) instead of crashing the test.
    Every real login (the login page, the admin) passes its request and is unaffected.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
        return super().authenticate(request, username=username, password=password, **kwargs)
