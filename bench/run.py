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

REPEAT = 20
MONTHS = 120  # ten years of monthly figures per indicator


def timed(fn, repeat=REPEAT):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


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

    client = Client()
    pages = {
        "overview page": "/westwijk/",
        "line page (Ouders)": "/westwijk/lijnen/ouders/",
        "indicator page": "/westwijk/indicatoren/schuldsanering-per-1000/",
        "interventions list": "/westwijk/interventies/?age=8",
        "data-quality page": "/westwijk/datakwaliteit/",
        "API indicators list": "/api/v1/indicators/",
    }
    print(f"database: {django.db.connection.vendor}; measurements: {len(rows)}")
    print(f"{'what':32} {'median ms':>10} {'max ms':>10}")
    print(f"{'load_programme, first run':32} {first[0]:10.1f} {first[1]:10.1f}")
    print(f"{'load_programme, again':32} {again[0]:10.1f} {again[1]:10.1f}")
    for name, url in pages.items():
        status = client.get(url).status_code
        median, worst = timed(lambda url=url: client.get(url))
        print(f"{name:32} {median:10.1f} {worst:10.1f}  (HTTP {status})")


if __name__ == "__main__":
    main()
