"""Queries per page in one database: `python -m bench.measure.querycount URL` prints JSON.

A separate process per database, because Django binds its connection settings at start.
Each page is counted on its second request (the first fills per-process caches), for the
busiest generated area (60 indicators) and for the Westwijk (21 indicators), so one run
shows whether the count follows the number of indicators, and two runs (a small and the
national database) whether it follows the number of reports.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]


def count(url: str) -> dict:
    from bench.scratch import loopback_env
    from bench.servers import static_root

    hosts = "127.0.0.1,localhost,testserver"
    os.environ.update(loopback_env(url, ALLOWED_HOSTS=hosts, STATIC_ROOT=str(static_root(url))))
    import django

    django.setup()
    from bench.measure import pages as catalogue
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wijkaanpak.areas.models import Area
    from wijkaanpak.reports.models import Report

    staff = Client()
    user = catalogue.handlers(catalogue.busiest_organisation(), 1)[0]
    cookie = catalogue.session_cookie(user).split("=", 1)[1]
    staff.cookies[settings.SESSION_COOKIE_NAME] = cookie
    result = {"reports": Report.objects.count(), "pages": {}}
    areas = {"generated": catalogue.busiest_area(), "westwijk": Area.objects.get(slug="westwijk")}
    for role, area in areas.items():
        indicators = area.programmes.get().indicators.count()
        for page in catalogue.pages(area):
            if page.path is None:
                continue
            client = staff if page.staff else Client()
            client.get(page.path)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(page.path).status_code
            result["pages"].setdefault(page.key, {})[role] = {
                "area": area.slug,
                "queries": len(queries),
                "status": status,
                "indicators": indicators,
            }
    return result


if __name__ == "__main__":
    print(json.dumps(count(sys.argv[1])))
