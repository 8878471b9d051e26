"""Refuse UPDATE and DELETE on audit entries in the database itself (see audit/triggers.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from thidua.audit.triggers import install

    install(schema_editor.connection)


def backwards(apps, schema_editor):
    from thidua.audit.triggers import remove

    remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_actor")]

    operations = [migrations.RunPython(forwards, backwards)]
