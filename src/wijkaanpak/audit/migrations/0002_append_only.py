"""The processing log is append-only (security.md P2): PostgreSQL itself refuses changes.

UPDATE is always refused. DELETE and TRUNCATE are refused unless the session has set
`wijkaanpak.audit_purge = 'on'`, which only the retention job does (with SET LOCAL, inside
its own transaction) once records have passed their retention period. SQLite is the
embedded development database and gets no trigger.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION audit_processingrecord_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'UPDATE'
       AND coalesce(current_setting('wijkaanpak.audit_purge', true), '') = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
    END IF;
    RAISE EXCEPTION 'audit_processingrecord is append-only (%)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_processingrecord_append_only_rows
    BEFORE UPDATE OR DELETE ON audit_processingrecord
    FOR EACH ROW EXECUTE FUNCTION audit_processingrecord_append_only();
CREATE TRIGGER audit_processingrecord_append_only_truncate
    BEFORE TRUNCATE ON audit_processingrecord
    FOR EACH STATEMENT EXECUTE FUNCTION audit_processingrecord_append_only();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS audit_processingrecord_append_only_rows ON audit_processingrecord;
DROP TRIGGER IF EXISTS audit_processingrecord_append_only_truncate ON audit_processingrecord;
DROP FUNCTION IF EXISTS audit_processingrecord_append_only();
"""


# params=None: the SQL holds a literal % (RAISE's format), which the PostgreSQL schema editor
# would otherwise hand to psycopg as a placeholder and fail on.


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
