"""The daily deadline check (check_report_deadlines) over every report, timed.

The real code path, check_deadlines(), runs inside a transaction that is rolled back, so
the database stays as generated and the run can be repeated. The first run does today's
work (alerts for reports at risk, breaches due yesterday); the second finds nothing new,
which is the cost of the scan itself. Its three queries are also timed on their own.
"""

import time

from django.db import connection, transaction


def _timed(fn) -> tuple[float, object]:
    begun = time.perf_counter()
    value = fn()
    return time.perf_counter() - begun, value


def run() -> dict:
    from wijkaanpak.reports import deadlines_enforcement as enforcement
    from wijkaanpak.reports.domain import deadlines
    from wijkaanpak.reports.models import Report

    today = deadlines.today()
    result = {"reports": Report.objects.count(), "today": today.isoformat()}
    with transaction.atomic():
        first, summary = _timed(enforcement.check_deadlines)
        again, _ = _timed(enforcement.check_deadlines)
        transaction.set_rollback(True)
    result.update(
        first_run_s=round(first, 3),
        second_run_s=round(again, 3),
        at_risk=summary.at_risk,
        alert_mails=summary.alert_mails,
        new_pickup_breaches=summary.pickup_breaches,
        new_resolution_breaches=summary.resolution_breaches,
    )
    late_pickups = enforcement._late_pickups(today)
    late_resolved = enforcement._late_resolutions(today)
    parts = {
        "at_risk_query_s": lambda: len(list(enforcement.at_risk(today))),
        "late_pickups_query_s": lambda: len(list(enforcement._in_batches(late_pickups))),
        "late_resolutions_query_s": lambda: len(list(enforcement._in_batches(late_resolved))),
    }
    for name, fn in parts.items():
        result[name] = round(_timed(fn)[0], 3)
    return result


def explain(queryset) -> str:
    """EXPLAIN ANALYZE of a queryset, for docs/performance.md."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())
