from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    verbose_name = _("Awards")

    def ready(self) -> None:
        from . import permissions  # noqa: F401
        from .catalogue import sync_after_migrate

        # The catalogue entries the law defines follow the rule data file, like Django's
        # own content types follow the models.
        post_migrate.connect(sync_after_migrate, sender=self)
