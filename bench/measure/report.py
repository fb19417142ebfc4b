"""The figures of a run as a table on the terminal and as JSON in bench/results/."""

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results"


def _ms(value) -> str:
    return f"{value:8.1f}" if isinstance(value, int | float) else f"{'-':>8}"


def latency_table(pages: dict) -> list[str]:
    head = f"{'page':34} {'conn':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    lines = [f"{head} {'errors':>6}"]
    for item in pages.values():
        if item.get("runs") is None:
            lines.append(f"{item['label']:34} {item.get('note', 'not available')}")
            continue
        for run in item["runs"]:
            errors = run["non_2xx"] + run["socket_errors"]
            lines.append(
                f"{item['label']:34} {run['connections']:4d} {run['per_second']:8.1f} "
                f"{_ms(run['p50_ms'])} {_ms(run['p95_ms'])} {_ms(run['p99_ms'])} {errors:6d}"
            )
    return lines


def query_table(counts: dict) -> list[str]:
    scales = list(counts)
    header = f"{'page':16} {'area':32} " + " ".join(
        f"{name + ' (' + format(counts[name]['reports'], ',') + ')':>26}" for name in scales
    )
    lines = [header]
    first = counts[scales[0]]["pages"]
    for page, by_area in first.items():
        for area, item in by_area.items():
            cells = []
            for name in scales:
                found = counts[name]["pages"].get(page, {}).get(area)
                cells.append(f"{found['queries'] if found else '-':>26}")
            label = f"{area} ({item['indicators']} ind.)"
            lines.append(f"{page:16} {label:32} " + " ".join(cells))
    return lines


def writes_table(writes: list[dict]) -> list[str]:
    lines = [f"{'conn':>4} {'API reports/s':>14} {'ceiling inserts/s':>18} {'API/ceiling':>12}"]
    for row in writes:
        share = row["api"]["created_per_second"] / row["ceiling"]["per_second"]
        lines.append(
            f"{row['connections']:4d} {row['api']['created_per_second']:14.1f} "
            f"{row['ceiling']['per_second']:18.1f} {share:11.1%}"
        )
    return lines


def other_lines(result: dict) -> list[str]:
    lines = []
    scan = result.get("scan") or {}
    for label, key in (("with", "with_proposed_indexes"), ("without", "without_proposed_indexes")):
        run = scan.get(key)
        if run:
            lines.append(
                f"daily deadline check over {run['reports']:,} reports, {label} the partial "
                f"indexes: steady {run['second_run_s']:.2f} s; first run of the day "
                f"{run['first_run_s']:.2f} s ({run['at_risk']} at risk, {run['alert_mails']} "
                f"alert mails, {run['new_pickup_breaches'] + run['new_resolution_breaches']} "
                "new breaches)"
            )
    cbs = result.get("cbs") or {}
    if "rows" in cbs:
        lines.append(
            f"CBS import {cbs['table']}: {cbs['rows']:,} rows ({cbs['file_mb']} MB) in "
            f"{cbs['seconds']:.2f} s = {cbs['rows_per_second']:,} rows/s; regions "
            f"{cbs['regions_created']} new, {cbs['regions_updated']} changed; "
            f"{cbs['measurements_created'] + cbs['measurements_corrected']} measurements stored"
        )
    elif cbs:
        lines.append(f"CBS import: {cbs['note']}")
    fuzz = result.get("fuzz") or {}
    if "returncode" in fuzz:
        verdict = "passed" if fuzz["returncode"] == 0 else "FAILED"
        lines.append(f"schemathesis (bench/fuzz.py): {verdict} in {fuzz['seconds']:.0f} s")
        lines += [f"  {line.strip()}" for line in fuzz["summary"] if "generated," in line]
    elif fuzz:
        lines.append(f"schemathesis: {fuzz['note']}")
    return lines


def targets(result: dict) -> list[str]:
    """The issue's targets, each with the figure that decides it."""
    lines = []
    for key in ("overview", "overview_cached"):
        runs = result.get("pages", {}).get(key, {}).get("runs") or []
        at16 = next((r for r in runs if r["connections"] == 16), None)
        if at16:
            ok = at16["p95_ms"] <= 100
            label = result["pages"][key]["label"]
            lines.append(f"{label}: p95 at 16 clients <= 100 ms: {at16['p95_ms']:.1f} ms {_ok(ok)}")
    counts = result.get("query_counts") or {}
    if len(counts) >= 2:
        same = _counts_constant(counts)
        lines.append(f"query counts constant across scales and areas: {_ok(same)}")
    for row in result.get("writes", []):
        share = row["api"]["created_per_second"] / row["ceiling"]["per_second"]
        conn = row["connections"]
        lines.append(
            f"API creation >= 50% of ceiling ({conn} conn): {share:.1%} {_ok(share >= 0.5)}"
        )
    scan = (result.get("scan") or {}).get("with_proposed_indexes")
    if scan:
        ok = scan["second_run_s"] <= 1
        lines.append(
            f"overdue scan over {scan['reports']:,} reports <= 1 s: steady run "
            f"{scan['second_run_s']:.2f} s {_ok(ok)} (first run of the day, with its "
            f"{scan['alert_mails']} alert mails: {scan['first_run_s']:.2f} s)"
        )
    return lines


def _ok(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def _counts_constant(counts: dict) -> bool:
    """Per page and area the same number of queries at every scale."""
    scales = list(counts.values())
    for page, by_area in scales[0]["pages"].items():
        for area, item in by_area.items():
            for other in scales[1:]:
                found = other["pages"].get(page, {}).get(area)
                if found and found["queries"] != item["queries"]:
                    return False
    return True


def write(result: dict, name: str | None = None) -> list[Path]:
    RESULTS.mkdir(exist_ok=True)
    paths = [RESULTS / "latest.json"]
    if name:
        paths.append(RESULTS / f"{name}.json")
    for path in paths:
        path.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    return paths
