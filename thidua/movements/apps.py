from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementsConfig(AppConfig):
    name = "thidua.movements"
    verbose_name = _("Emulation movements")

    def ready(self) -> None:
        from . import permissions  # noqa: F401
