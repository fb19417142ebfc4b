"""Benchmarks: print figures, assert nothing. Run with `make bench`.

Loads the Westwijk programme into a fresh SQLite database (or DATABASE_URL), adds a
monthly measurement history to every quantitative indicator, then times the loader and
the main pages and API calls with Django's test client.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkaanpak.conf.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

sys.path.insert(0, str(ROOT))
from conftest import verified_login  # noqa: E402

REPEAT = 20
MONTHS = 120  # ten years of monthly figures per indicator
REPORTS = 5000  # about two years of reports for one area


def timed(fn, repeat=REPEAT):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def seed_reports():
    """REPORTS reports spread over two years, all quadrants and categories; returns a handler."""
    import random
    import secrets
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wijkaanpak.areas.models import Area, Membership
    from wijkaanpak.reports.domain.deadlines import pickup_due_on, resolution_due_on
    from wijkaanpak.reports.models import Category, Report

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("sync_roles", stdout=quiet)
    call_command("load_report_categories", stdout=quiet)
    area = Area.objects.get(slug="westwijk")
    quadrants = list(area.neighbourhoods.filter(role="quadrant"))
    categories = list(
        Category.objects.filter(parent__isnull=False).select_related("handling_organisation")
    )
    rng = random.Random(42)
    start = datetime(2024, 11, 1, 8, tzinfo=ZoneInfo("Europe/Amsterdam"))
    rows = []
    for n in range(REPORTS):
        received = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        category = rng.choice(categories)
        picked = rng.random() < 0.8
        rows.append(
            Report(
                reference=f"M-B-{n:06d}",
                status_token=secrets.token_urlsafe(32),
                area=area,
                neighbourhood=rng.choice(quadrants),
                category=category,
                organisation=category.handling_organisation,
                description="bench",
                status="picked_up" if picked else "received",
                received_at=received,
                pickup_due_on=pickup_due_on(received),
                resolution_due_on=resolution_due_on(received, category),
                picked_up_at=received + timedelta(days=rng.randrange(0, 9)) if picked else None,
            )
        )
    Report.objects.bulk_create(rows, batch_size=1000)
    user = get_user_model().objects.create_user("bench-handler", is_staff=True)
    user.groups.add(Group.objects.get(name="report_handler"))
    Membership.objects.create(user=user, organisation=categories[0].handling_organisation)
    return user


def main():
    from wijkaanpak.programme.models import Indicator, Measurement

    call_command("migrate", verbosity=0)
    quiet = open(os.devnull, "w")  # noqa: SIM115
    first = timed(lambda: call_command("load_programme", stdout=quiet), repeat=1)
    again = timed(lambda: call_command("load_programme", stdout=quiet), repeat=5)

    rows = []
    for indicator in Indicator.objects.exclude(unit="qualitative"):
        for month in range(MONTHS):
            year, m = 2024 + month // 12, month % 12 + 1
            rows.append(
                Measurement(
                    indicator=indicator,
                    value=Decimal(10 + month % 7),
                    scope="area",
                    period_start=date(year, m, 1),
                    period_end=date(year, m, 28),
                    source="bench",
                )
            )
    Measurement.objects.bulk_create(rows)

    handler = seed_reports()
    client = Client()
    pages = {
        "overview page": "/westwijk/",
        "line page (Ouders)": "/westwijk/lijnen/ouders/",
        "indicator page": "/westwijk/indicatoren/schuldsanering-per-1000/",
        "interventions list": "/westwijk/interventies/?age=8",
        "data-quality page": "/westwijk/datakwaliteit/",
        "API indicators list": "/api/v1/indicators/",
        "reports overview (public)": "/westwijk/meldingen/",
        "Open311 requests.json": "/open311/v2/requests.json",
    }
    print(f"database: {django.db.connection.vendor}; measurements: {len(rows)}; reports: {REPORTS}")
    print(f"{'what':32} {'median ms':>10} {'max ms':>10}")
    print(f"{'load_programme, first run':32} {first[0]:10.1f} {first[1]:10.1f}")
    print(f"{'load_programme, again':32} {again[0]:10.1f} {again[1]:10.1f}")
    for name, url in pages.items():
        status = client.get(url).status_code
        median, worst = timed(lambda url=url: client.get(url))
        print(f"{name:32} {median:10.1f} {worst:10.1f}  (HTTP {status})")
    staff = Client()
    verified_login(staff, handler)
    for name, url in {
        "handler queue": "/behandelen/",
        "API reports list": "/api/v1/reports/",
    }.items():
        status = staff.get(url).status_code
        median, worst = timed(lambda url=url: staff.get(url))
        print(f"{name:32} {median:10.1f} {worst:10.1f}  (HTTP {status})")
    median, worst = timed(lambda: call_command("compute_metrics", stdout=quiet), repeat=3)
    print(f"{'compute_metrics':32} {median:10.1f} {worst:10.1f}")


if __name__ == "__main__":
    main()
