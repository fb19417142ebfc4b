"""The rate limits count per client, and a client cannot choose its own address (E1)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from wijkaanpak.reports.ratelimit import client_ip, hit


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "expected"),
    [
        (0, "", "10.0.0.9", "10.0.0.9"),
        (0, "1.2.3.4", "10.0.0.9", "10.0.0.9"),  # no proxies: the header is the client's own
        (1, "203.0.113.7", "10.0.0.1", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "10.0.0.1", "203.0.113.7"),  # forged entry on the left
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.1", "10.0.0.1"),  # did not pass both proxies
        (1, "", "10.0.0.1", "10.0.0.1"),
    ],
)
def test_the_client_is_the_address_our_own_proxies_saw(
    settings, proxies, forwarded, remote, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_a_forged_header_does_not_give_a_fresh_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()
    results = []
    for n in range(4):
        request = RequestFactory().post(
            "/", HTTP_X_FORWARDED_FOR=f"9.9.9.{n}, 203.0.113.7", REMOTE_ADDR="10.0.0.1"
        )
        results.append(hit(request, scope="test", rate="3/hour")[0])
    assert results == [True, True, True, False]


def test_the_api_throttles_read_the_client_the_same_way():
    # The setting is read when the throttle class is used, so look at the configured value
    # through DRF's own resolution of the address.
    from rest_framework.request import Request
    from rest_framework.throttling import AnonRateThrottle

    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1"
    )
    ident = AnonRateThrottle().get_ident(Request(request))
    assert ident == client_ip(request)
    assert ident != "6.6.6.6, 203.0.113.7"


def test_counts_live_in_redis_when_a_cache_url_is_set(settings):
    """With CACHE_URL every process counts in one place: a second client sees the count."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.44")
    import time

    from wijkaanpak.reports.ratelimit import _key

    cache.clear()
    for _ in range(2):
        hit(request, scope="shared", rate="5/hour")
    other_process = RedisCache(url, {})
    assert other_process.get(_key("shared", "192.0.2.44", int(time.time()) // 3600)) == 2
    cache.clear()
