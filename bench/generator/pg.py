"""Bulk loading into PostgreSQL: COPY into tables stripped of their secondary indexes and
constraints, then rebuild them (which also validates every foreign key in one pass)."""

from contextlib import ExitStack, contextmanager

import psycopg
from psycopg import sql

DROP_INDEXES_SQL = """
SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid = %(table)s::regclass AND NOT i.indisprimary
  AND i.indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = %(table)s::regclass)
"""
CONSTRAINTS_SQL = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %(table)s::regclass AND contype <> 'p'
"""


def connect(url: str, **kwargs) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgres://", "postgresql://", 1), **kwargs)


class Stripped:
    """The secondary indexes and constraints of some tables, dropped until `restore()`."""

    def __init__(self, url: str, tables: list[str]):
        self.url = url
        self.tables = tables
        self.indexes: list[str] = []
        self.constraints: list[tuple[str, str, str]] = []

    def strip(self) -> None:
        with connect(self.url, autocommit=True) as conn:
            for table in self.tables:
                for name, definition in conn.execute(DROP_INDEXES_SQL, {"table": table}):
                    self.indexes.append(definition)
                    conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
                for name, definition in conn.execute(CONSTRAINTS_SQL, {"table": table}):
                    self.constraints.append((table, name, definition))
                    conn.execute(
                        sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                            sql.Identifier(table), sql.Identifier(name)
                        )
                    )

    def restore(self) -> None:
        with connect(self.url, autocommit=True) as conn:
            conn.execute("SET maintenance_work_mem = '512MB'")
            for definition in self.indexes:
                conn.execute(definition)
            for table, name, definition in self.constraints:
                conn.execute(
                    sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(
                        sql.Identifier(table), sql.Identifier(name)
                    )
                    + sql.SQL(definition)
                )


@contextmanager
def copy_streams(url: str, targets: dict[str, tuple[str, tuple[str, ...]]]):
    """One COPY per target on its own connection, open together: `{name: write_row}`.

    Each connection commits when the block ends without error.
    """
    with ExitStack() as stack:
        writers = {}
        for name, (table, columns) in targets.items():
            conn = stack.enter_context(connect(url))
            conn.execute("SET synchronous_commit = off")
            cursor = stack.enter_context(conn.cursor())
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
            )
            copy = stack.enter_context(cursor.copy(statement))
            writers[name] = copy.write_row
        yield writers


def copy_rows(url: str, table: str, columns: tuple[str, ...], rows) -> None:
    with copy_streams(url, {"rows": (table, columns)}) as writers:
        write = writers["rows"]
        for row in rows:
            write(row)


def reset_sequences(url: str, tables: list[str]) -> None:
    with connect(url, autocommit=True) as conn:
        for table in tables:
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({t}, 'id'), "
                    "coalesce((SELECT max(id) FROM {i}), 0) + 1, false)"
                ).format(t=sql.Literal(table), i=sql.Identifier(table))
            )


def vacuum_analyze(url: str) -> None:
    with connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
