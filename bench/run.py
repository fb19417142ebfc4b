"""Benchmarks at national scale on PostgreSQL: print figures, assert nothing. `make bench`.

    .venv/bin/python bench/run.py            # national: 1,000,000 reports (generated if needed)
    .venv/bin/python bench/run.py --small    # quick: 20,000 reports, 5 s per measurement

Generates the database with bench/generate.py when it is missing or was made for other
parameters, starts gunicorn on loopback with production settings (bench/servers.py) and
measures with wrk: p50/p95 latency of the main pages at 1 and 16 connections; Open311
report creation beside the raw INSERT + COMMIT ceiling at the same connections; queries
per page at two scales; the daily overdue scan; the CBS import; the long schemathesis
run. Prints a table and writes bench/results/latest.json. Method: docs/performance.md.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.measure import database, indexes, report, wrk  # noqa: E402
from bench.scratch import loopback_env  # noqa: E402

SERVER = "postgres://postgres@127.0.0.1:5432"
SCALES = {
    # name: database, reports, indicators per generated area
    "national": ("wijkaanpak_bench", 1_000_000, 60),
    "small": ("wijkaanpak_bench_small", 20_000, 20),
}


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="quick run on the small database")
    parser.add_argument("--seconds", type=int, help="per wrk run (default 20, --small 5)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--connections", default="1,16")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--save", metavar="NAME", help="also write bench/results/NAME.json")
    parser.add_argument("--skip", default="", help="comma-separated: http,writes,scan,cbs,fuzz")
    parser.add_argument("--pages", default="", help="only these pages (keys), comma-separated")
    return parser.parse_args(argv)


def prepare(args) -> dict:
    today = dt.date.today().isoformat()
    seconds = {}
    for name, (db, reports, indicators) in SCALES.items():
        if args.small and name == "national":
            continue
        took = database.ensure(
            f"{SERVER}/{db}",
            regenerate=args.regenerate,
            seed=args.seed,
            reports=reports,
            indicators=indicators,
            today=today,
        )
        seconds[name] = round(took, 1) if took else "reused"
    return seconds


def check_status(url: str, headers: dict | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def measure_page(base: str, page, cookies: list[str], connections: list[int], seconds: int):
    item = {"label": page.label, "path": page.path}
    if page.path is None:
        return {**item, "runs": None, "note": "not available (no such page in this version)"}
    headers = {"Cookie": cookies[0]} if page.staff else {}
    item["status"] = status = check_status(base + page.path, headers)
    if status != 200:
        return {**item, "runs": None, "note": f"not measured: HTTP {status}"}
    script = wrk.cookie_script(cookies) if page.staff else ""
    wrk.run(base + page.path, 2, 3, script)  # warm every worker
    item["runs"] = [wrk.run(base + page.path, c, seconds, script) for c in connections]
    print(report.latency_table({page.key: item})[-1], flush=True)
    return item


def http(args, url: str, connections: list[int], seconds: int) -> dict:
    from bench import servers
    from bench.measure import pages as catalogue
    from bench.measure import writes

    area = catalogue.busiest_area()
    organisation = catalogue.busiest_organisation()
    cookies = [catalogue.session_cookie(u) for u in catalogue.handlers(organisation, 16)]
    wanted = [p for p in catalogue.pages(area) if not args.pages or p.key in args.pages.split(",")]
    results, write_rows = {}, []
    server = servers.start_gunicorn(url, workers=args.workers, timeout=120)
    try:
        for page in wanted:
            results[page.key] = measure_page(server.url, page, cookies, connections, seconds)
        if "writes" not in args.skip:
            body = writes.report_body(writes.api_client_key(), area)
            for c in connections:
                api = writes.api_rate(server.url, body, c, seconds)
                ceiling = writes.ceiling(url, c, seconds)
                write_rows.append({"connections": c, "api": api, "ceiling": ceiling})
                print(report.writes_table(write_rows)[-1], flush=True)
    finally:
        servers.stop(server)
    overview = next((p for p in wanted if p.key == "overview"), None)
    if overview is not None:
        # The same page with the visitor cache on, as a busy public installation runs it.
        cache = {"PUBLIC_PAGE_CACHE_SECONDS": "60"}
        server = servers.start_gunicorn(url, workers=args.workers, timeout=120, **cache)
        try:
            cached = catalogue.Page(
                "overview_cached", "overview, visitor cache 60 s", overview.path
            )
            results[cached.key] = measure_page(server.url, cached, cookies, connections, seconds)
        finally:
            servers.stop(server)
    subjects = {"public pages of": area.slug, "queue of": organisation.slug}
    return {"pages": results, "writes": write_rows, "subjects": subjects}


def scans(url: str) -> dict:
    """The daily check without and with the proposed partial indexes."""
    from bench.measure import indexes, scan

    indexes.drop(url, indexes.SCAN)
    without = scan.run()
    indexes.ensure(url)
    return {"with_proposed_indexes": scan.run(), "without_proposed_indexes": without}


def query_counts(small_only: bool) -> dict:
    counts = {}
    for name, (db, _reports, _indicators) in SCALES.items():
        if small_only and name == "national":
            continue
        done = subprocess.run(
            [sys.executable, "-m", "bench.measure.querycount", f"{SERVER}/{db}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        counts[name] = json.loads(done.stdout.strip().splitlines()[-1])
    return dict(reversed(list(counts.items())))


def fuzz() -> dict:
    script = ROOT / "bench" / "fuzz.py"
    if not script.exists():
        return {"note": "not available (bench/fuzz.py missing)"}
    begun = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"{SERVER}/postgres"},
        capture_output=True,
        text=True,
        check=False,
    )
    tail = (done.stdout + done.stderr).strip().splitlines()[-12:]
    return {
        "returncode": done.returncode,
        "seconds": round(time.perf_counter() - begun, 1),
        "summary": tail,
    }


def main(args) -> dict:
    begun = time.perf_counter()
    scale = "small" if args.small else "national"
    url = f"{SERVER}/{SCALES[scale][0]}"
    seconds = args.seconds or (5 if args.small else 20)
    connections = [int(c) for c in args.connections.split(",")]
    result = {
        "scale": scale,
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "gunicorn_workers": args.workers,
        "wrk_seconds": seconds,
        "generation_s": prepare(args),
    }
    os.environ.update(loopback_env(url))
    import django

    django.setup()
    result["indexes"] = indexes.ensure(url)
    if "http" not in args.skip and wrk.available():
        result.update(http(args, url, connections, seconds))
    result["query_counts"] = query_counts(args.small)
    if "scan" not in args.skip:
        result["scan"] = scans(url)
    if "cbs" not in args.skip:
        from bench.measure import cbs

        result["cbs"] = cbs.run()
    if "fuzz" not in args.skip and not args.small:
        result["fuzz"] = fuzz()
    result["machine"]["load_after"] = os.getloadavg()
    result["total_s"] = round(time.perf_counter() - begun, 1)
    return result


def show(result: dict) -> None:
    load = result["machine"]["load_before"]
    print(
        f"\n== {result['scale']} scale, gunicorn --workers {result['gunicorn_workers']}, "
        f"wrk {result['wrk_seconds']} s per run, load before {load}"
    )
    writes = report.writes_table(result.get("writes", []))
    for title, lines in (
        ("Latency (wrk, closed loop)", report.latency_table(result.get("pages", {}))),
        ("Report creation: Open311 API beside the INSERT ceiling", writes),
        ("Queries per page", report.query_table(result["query_counts"])),
    ):
        print(f"\n{title}\n" + "\n".join(lines))
    print("\n" + "\n".join(report.other_lines(result)))
    print("\nTargets\n" + "\n".join(report.targets(result)))
    print(f"\nTotal {result['total_s']:.0f} s; generation {result['generation_s']}")


if __name__ == "__main__":
    arguments = parse()
    figures = main(arguments)
    show(figures)
    for path in report.write(figures, arguments.save):
        print(f"written: {path.relative_to(ROOT)}")
