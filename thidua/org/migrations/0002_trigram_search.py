"""Trigram indexes for diacritic-free name search on PostgreSQL (``LIKE '%…%'``).

SQLite has no equivalent; the folded columns keep the search correct there, only slower.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS org_person_name_trgm ON org_person USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS org_unit_name_trgm ON org_unit USING gin (name_folded gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS org_person_name_trgm", "DROP INDEX IF EXISTS org_unit_name_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
