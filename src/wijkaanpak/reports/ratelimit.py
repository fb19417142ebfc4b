"""A rate limit for anonymous POSTs to the public report pages (security.md E1).

Fixed windows counted in Django's cache, per client IP. The cache must be shared by every
process that serves the site (Redis in production), or each process counts on its own.
The IP address is hashed before it becomes a cache key: the cache holds no addresses.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    number: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """'10/hour', '5/m', '100/day' (DRF's notation) -> Rate; ValueError for anything else."""
    number, _, period = (text or "").partition("/")
    unit = period.strip()[:1].lower()
    if not number.strip().isdigit() or unit not in _PERIODS:
        raise ValueError(f"Not a rate: {text!r}; write it as 10/hour.")
    return Rate(int(number), _PERIODS[unit])


def client_ip(request) -> str:
    """The client's address, counting only what our own proxies wrote.

    Each of the TRUSTED_PROXY_COUNT proxies in front of the site appends the address it saw
    to X-Forwarded-For, so the client is the Nth entry from the right; anything further
    left was written by the client and may be forged. Without proxies it is REMOTE_ADDR.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not proxies:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    # Fewer entries than proxies: the request did not come through all of them.
    return hops[-proxies] if len(hops) >= proxies else remote


def _key(scope: str, ip: str, window: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def hit(request, scope: str = "report-form", rate: str | None = None) -> tuple[bool, int]:
    """Count one request; return (allowed, seconds until the window ends).

    The request that goes over the limit is refused, and so is every one after it until
    the window ends.
    """
    limit = parse_rate(rate or settings.REPORT_FORM_RATE)
    now = int(time.time())
    window = now // limit.seconds
    key = _key(scope, client_ip(request), window)
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    retry_after = (window + 1) * limit.seconds - now
    return count <= limit.number, retry_after
