"""National-scale data in PostgreSQL, reproducible from a seed.

    .venv/bin/python bench/generate.py [--seed 1] [--url postgres://...] [--reports 1000000]

Drops and recreates the database (its name must contain "bench"), migrates it, loads the
real Westwijk programme (load_programme) and generates: 14,500 CBS neighbourhoods in their
districts and municipalities, 19 more programme areas with 60 indicators each, ten years
of monthly measurements, 15 national indicators, handling organisations with handlers,
and 1,000,000 reports with their history. Big tables are loaded with COPY. The same
seed and --today give the same data; see docs/performance.md.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.scratch import loopback_env  # noqa: E402

BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/wijkaanpak_bench"

REPORT_TABLES = [
    "reports_report",
    "reports_reportevent",
    "reports_reportcontact",
    "reports_deadlinebreach",
]
COUNTS = [
    ("CBS regions", "SELECT count(*) FROM areas_region"),
    ("  neighbourhoods (BU)", "SELECT count(*) FROM areas_region WHERE level = 'BU'"),
    ("  districts (WK)", "SELECT count(*) FROM areas_region WHERE level = 'WK'"),
    ("  municipalities (GM)", "SELECT count(*) FROM areas_region WHERE level = 'GM'"),
    ("programme areas", "SELECT count(*) FROM areas_area"),
    ("area neighbourhoods", "SELECT count(*) FROM areas_neighbourhood"),
    ("organisations", "SELECT count(*) FROM areas_organisation"),
    ("programme editions", "SELECT count(*) FROM programme_programme"),
    ("indicators", "SELECT count(*) FROM programme_indicator"),
    ("national indicators", "SELECT count(*) FROM programme_nationalindicator"),
    ("  linked area indicators",
     "SELECT count(*) FROM programme_indicator WHERE national_id IS NOT NULL"),
    ("measurements", "SELECT count(*) FROM programme_measurement"),
    ("  superseded", "SELECT count(*) FROM programme_measurement WHERE superseded_at IS NOT NULL"),
    ("staff users", "SELECT count(*) FROM accounts_user"),
    ("reports", "SELECT count(*) FROM reports_report"),
    ("  open", "SELECT count(*) FROM reports_report WHERE closed_at IS NULL"),
    ("  open and overdue", "SELECT count(*) FROM reports_report WHERE closed_at IS NULL AND "
     "CASE WHEN picked_up_at IS NULL THEN pickup_due_on ELSE resolution_due_on END < %(today)s"),
    ("report events", "SELECT count(*) FROM reports_reportevent"),
    ("report contacts", "SELECT count(*) FROM reports_reportcontact"),
    ("deadline breaches", "SELECT count(*) FROM reports_deadlinebreach"),
]  # fmt: skip


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--url", default=BENCH_DATABASE_URL)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--neighbourhoods", type=int, default=14_500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=60, help="per generated area, <= 60")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="anchor date (default: today)"
    )
    return parser.parse_args(argv)


def recreate_database(url: str) -> None:
    from bench.generator.pg import connect
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    if "bench" not in name or name in ("wijkaanpak", "test_wijkaanpak"):
        raise SystemExit(f"Refusing to drop {name!r}: the database name must contain 'bench'.")
    with connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


class Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"  {what:40} {now - self.last:7.1f} s", flush=True)
        self.last = now


def generate(args) -> float:
    # The settings gunicorn runs with in the bench (production, on loopback).
    os.environ.update(loopback_env(args.url))
    clock = Clock()
    recreate_database(args.url)
    import django

    django.setup()
    from bench.generator import measurements, pg, programmes, regions, reports
    from bench.generator.calendar import AMSTERDAM, Calendar
    from bench.generator.names import Namer
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("sync_roles", stdout=quiet)
    clock.lap("create and migrate the database")

    today = args.today or dt.datetime.now(AMSTERDAM).date()
    now = dt.datetime.combine(today, dt.time(), tzinfo=AMSTERDAM)  # reports up to midnight
    seed = args.seed
    rng = random.Random(f"{seed}:regions")
    tree = regions.build(rng, Namer(rng), args.neighbourhoods)
    pg.copy_rows(args.url, "areas_region", ("id", "code", "level", "name", "parent_id"),
                 (r.row() for r in tree.regions))  # fmt: skip
    clock.lap("CBS regions")

    plans = programmes.build(random.Random(f"{seed}:areas"), tree, args.indicators)
    handlers = programmes.handlers(plans)
    coordinator = get_user_model().objects.create_user("bench-coordinator", is_staff=True)
    clock.lap("areas, programmes, organisations, handlers")

    rows, baseline = measurements.generate(
        random.Random(f"{seed}:measurements"), plans, today, now, coordinator.pk
    )
    pg.copy_rows(args.url, "programme_measurement", measurements.COLUMNS, rows)
    for plan in plans[1:]:  # the Westwijk has its real reference values and targets
        programmes.reference_and_targets(plan.programme, plan.indicators, baseline)
    clock.lap(f"measurements ({len(rows):,} rows)")

    first = today - dt.timedelta(days=round(365.25 * args.years))
    cal = Calendar(first - dt.timedelta(days=10), today)
    terms = {kind.term for kind in reports.kinds()}
    cal.verify(today + dt.timedelta(days=60), terms | {5})
    clock.lap("deadline tables checked against the rules")

    stripped = pg.Stripped(args.url, REPORT_TABLES)
    stripped.strip()
    generator = reports.Generator(
        random.Random(f"{seed}:reports"), cal, plans, handlers, now, today
    )
    counts = generator.run(args.url, args.reports, first)
    clock.lap(f"reports: COPY ({counts['event']:,} events)")
    stripped.restore()
    pg.reset_sequences(args.url, [*REPORT_TABLES, "areas_region", "programme_measurement"])
    clock.lap("reports: indexes and constraints rebuilt")
    pg.vacuum_analyze(args.url)
    clock.lap("VACUUM ANALYZE")

    total = time.perf_counter() - clock.start
    with pg.connect(args.url) as conn:
        print(f"\n{'table':32} {'rows':>12}")
        for label, query in COUNTS:
            (count,) = conn.execute(query, {"today": today}).fetchone()
            print(f"{label:32} {count:12,}")
    print(f"\nGenerated {args.url.rsplit('/', 1)[1]} (seed {seed}, today {today}) in {total:.0f} s")
    return total


if __name__ == "__main__":
    generate(parse())
