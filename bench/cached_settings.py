"""bench.server_settings with the visitor cache of public programme pages on (60 seconds).

`make bench` measures the programme overview both ways: as shipped (cache off) and as a
busy public installation would run it (PUBLIC_PAGE_CACHE_SECONDS, see docs/performance.md).
"""

from bench.server_settings import *  # noqa: F403

PUBLIC_PAGE_CACHE_SECONDS = 60
