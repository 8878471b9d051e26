"""Optimistic versions: a form carries the version it was opened at, the service refuses a
save when the row has moved on since."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class StaleObjectError(ValidationError):
    """Someone else saved the object after this user opened it."""


def check_version(obj, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise StaleObjectError(
            _(
                "Someone else saved this record after you opened it. "
                "Reload the page to see their changes, then make yours again."
            ),
            code="stale",
        )
