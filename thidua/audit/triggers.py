"""Database triggers that refuse UPDATE and DELETE on audit entries.

The model refuses them already; the triggers also stop a stray ``QuerySet.update()`` or
raw SQL. Someone with the database owner's rights can still drop them: that is what the
hash chain and ``verify_audit`` are for.
"""

from __future__ import annotations

SQLITE_UPDATE = """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END"""
SQLITE_DELETE = """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_auditentry
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END"""

POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()""",
]


def install(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_UPDATE)
            cursor.execute(SQLITE_DELETE)
        elif connection.vendor == "postgresql":
            for statement in POSTGRES:
                cursor.execute(statement)


def remove(connection, *, only_delete: bool = False) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
            if not only_delete:
                cursor.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        elif connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry")
            if not only_delete:
                cursor.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
