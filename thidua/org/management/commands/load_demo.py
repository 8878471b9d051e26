"""Load a realistic, fictional demo province (or 34 of them), then the other apps' demo
data in it (movements…). Idempotent."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from thidua.org import demo


def app_demo_loaders():
    """The demo data of the apps above the organisation, in INSTALLED_APPS order: each
    thidua app with a ``demo`` module defining ``load_demo(log=…)`` (movements…). Found
    by name, so org does not import the apps that build on it."""
    for config in apps.get_app_configs():
        if not config.name.startswith("thidua.") or config.name == "thidua.org":
            continue
        if find_spec(f"{config.name}.demo") is None:
            continue
        loader = getattr(import_module(f"{config.name}.demo"), "load_demo", None)
        if loader is not None:
            yield loader


class Command(BaseCommand):
    help = (
        "Load a fictional Vietnamese province after the 2025 reorganisation (units, people); "
        "--scale national loads 34 of them. Provinces already loaded are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
        parser.add_argument("--scale", choices=["province", "national"], default="province")
        parser.add_argument(
            "--people",
            type=int,
            default=demo.DEFAULT_PEOPLE,
            help=f"people per province (default {demo.DEFAULT_PEOPLE})",
        )
        parser.add_argument(
            "--communes",
            type=int,
            default=demo.DEFAULT_COMMUNES,
            help=f"communes and wards per province (default {demo.DEFAULT_COMMUNES})",
        )
        parser.add_argument(
            "--org-only",
            action="store_true",
            help="load the organisation only, not the other apps' demo data (movements…)",
        )

    def handle(self, *args, seed, scale, people, communes, org_only=False, verbosity=1, **options):
        if people < 1 or communes < 1:
            raise CommandError("--people and --communes must be at least 1.")

        def log(message: str) -> None:
            if verbosity:
                self.stdout.write(message)
                self.stdout.flush()

        try:
            totals = demo.load(seed=seed, scale=scale, people=people, communes=communes, log=log)
        except IntegrityError as exc:
            raise CommandError(
                "Could not load the demo data: a unit code or identity number it uses is "
                f"already taken by other data ({exc}). Nothing was written for that province."
            ) from exc
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data: {totals['provinces']} province(s) loaded, "
                    f"{totals['skipped']} already present; {totals['units']} units, "
                    f"{totals['people']} people in {totals['seconds']} s."
                )
            )
        # Then what the other apps show in the demo province (idempotent as well).
        if not org_only:
            for loader in app_demo_loaders():
                loader(log=log)
