"""The indexes the figures asked for (reports migration 0003), by the same names and SQL.

`ensure` creates any that a bench database lacks (one generated before the migration, or
after `drop`) and says which it made; `drop` removes some, to measure without them.
"""

import psycopg
from psycopg import sql

_LATE = '("{at}" AT TIME ZONE \'Europe/Amsterdam\')::date > ("{due}")'
PROPOSED = {
    # Open311 GET requests: an area's newest reports in a 90-day window.
    "report_area_received": 'ON "reports_report" ("area_id", "received_at")',
    # next_reference: the highest kenmerk of a year without sorting the whole year.
    "report_reference_newest": 'ON "reports_report" ((LENGTH("reference")) DESC, "reference" DESC)',
    # The daily deadline check: only reports that are or were late, by id.
    "report_late_pickup": 'ON "reports_report" ("id", "pickup_due_on") WHERE (("closed_at" IS '
    'NULL AND "picked_up_at" IS NULL) OR '
    + _LATE.format(at="picked_up_at", due="pickup_due_on")
    + " OR ("
    + _LATE.format(at="closed_at", due="pickup_due_on")
    + ' AND "picked_up_at" IS NULL))',
    "report_late_resolution": 'ON "reports_report" ("id", "resolution_due_on", "status") WHERE '
    '("closed_at" IS NULL OR ' + _LATE.format(at="closed_at", due="resolution_due_on") + ")",
}
SCAN = ("report_late_pickup", "report_late_resolution")


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True)


def present(url: str) -> set[str]:
    with _connect(url) as conn:
        rows = conn.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'reports_report'"
        ).fetchall()
    return {name for (name,) in rows}


def ensure(url: str) -> dict[str, str]:
    """Create the proposed indexes that are missing; {name: "already there" | "made by bench"}."""
    there = present(url)
    made = {}
    with _connect(url) as conn:
        for name, definition in PROPOSED.items():
            if name in there:
                made[name] = "already there"
                continue
            conn.execute(
                sql.SQL("CREATE INDEX {} ").format(sql.Identifier(name)) + sql.SQL(definition)
            )
            made[name] = "made by bench"
        conn.execute("ANALYZE reports_report")
    return made


def drop(url: str, names) -> None:
    with _connect(url) as conn:
        for name in names:
            conn.execute(sql.SQL("DROP INDEX IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute("ANALYZE reports_report")
