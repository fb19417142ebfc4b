"""A short cache of public programme pages for visitors who are not logged in.

Off unless settings.PUBLIC_PAGE_CACHE_SECONDS is set. A visitor may then see a page up to
that many seconds old; staff (logged in) always get it fresh, so whoever just entered a
figure sees it at once. A page is cached whole, per address and day, only when it is a
plain 200 with nothing personal in it (no messages for this visitor). The cache is the
project's (Redis with CACHE_URL, shared by every process; otherwise per process).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

PREFIX = "visitor-page"


def _cacheable(request) -> bool:
    messages = getattr(request, "_messages", None)
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not (messages is not None and len(messages))
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode("utf-8")).hexdigest()
    return f"{PREFIX}:{translation.get_language()}:{timezone.localdate():%Y%m%d}:{path}"


def cached_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), seconds)
        return response

    return wrapper
