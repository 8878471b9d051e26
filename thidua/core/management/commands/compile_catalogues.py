"""Compile the translation catalogues with polib, so no GNU gettext is needed to run."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every django.po under LOCALE_PATHS to django.mo (pure Python)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Fail if a catalogue has untranslated or fuzzy entries.",
        )

    def handle(self, *args, check=False, **options):
        problems = []
        for base in settings.LOCALE_PATHS:
            for po_path in sorted(Path(base).glob("*/LC_MESSAGES/django.po")):
                catalogue = polib.pofile(str(po_path))
                missing = [e.msgid for e in catalogue.untranslated_entries()]
                fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
                if missing or fuzzy:
                    problems.append(f"{po_path}: {len(missing)} untranslated, {len(fuzzy)} fuzzy")
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(
                    f"{po_path.with_suffix('.mo')}: {len(catalogue.translated_entries())} messages"
                )
        if check and problems:
            raise CommandError("\n".join(problems))
