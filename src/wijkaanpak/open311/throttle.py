"""Rate limit on creating requests (security.md E1), per client address.

It runs before the api_key check, so guessing keys is limited too. The rate is the
setting OPEN311_POST_RATE ("60/hour" unless set, like Signalen's anonymous limit). The
counts live in Django's cache: with several app processes that must be a shared cache
(Redis), as architecture.md describes for rate limits.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

DEFAULT_RATE = "60/hour"


class PostThrottle(SimpleRateThrottle):
    scope = "open311_post"

    def get_rate(self):
        return getattr(settings, "OPEN311_POST_RATE", DEFAULT_RATE)

    def get_cache_key(self, request, view):
        # get_ident honours REST_FRAMEWORK NUM_PROXIES behind a reverse proxy.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def wait_seconds(request) -> int | None:
    """None when the request may go on; otherwise how long the client should wait."""
    throttle = PostThrottle()
    if throttle.allow_request(request, None):
        return None
    return max(1, int(throttle.wait() or 1))
