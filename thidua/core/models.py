"""Base models and the scoped queryset every unit-owned model uses."""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def subtree_q(field: str, path: str, with_subtree: bool = True) -> Q:
    """Rows whose materialised ``field`` is ``path`` or (with the subtree) below it.

    Written as a range (``'/1/' <= path < '/10'``, since '0' follows '/') rather than
    ``LIKE '/1/%'``: both databases answer a range from the plain index, while SQLite's
    case-insensitive LIKE cannot use one.
    """
    if not with_subtree:
        return Q(**{field: path})
    if connection.vendor == "postgresql":
        # PostgreSQL's collation may order '/' unlike bytes; LIKE 'x%' uses the
        # varchar_pattern_ops index there instead.
        return Q(**{f"{field}__startswith": path})
    return Q(**{f"{field}__gte": path, f"{field}__lt": path[:-1] + chr(ord(path[-1]) + 1)})


def paths_q(field: str, grants: list[tuple[str, bool]]) -> Q:
    """Rows whose ``field`` lies inside any of ``grants`` (``(path, with_subtree)`` pairs)."""
    condition = Q(pk__in=[])
    for path, with_subtree in grants:
        condition |= subtree_q(field, path, with_subtree)
    return condition


class ScopedQuerySet(models.QuerySet):
    """A queryset that can be narrowed to what a user may see or change.

    The model names the materialised unit path it is scoped by in ``scope_path_field``
    (``"path"`` for a unit, ``"unit__path"`` for a person). The user answers which paths
    it holds for an action with ``user.scope_for(model_label, action)``: ``None`` means
    everything (a superuser), otherwise a list of ``(path, with_subtree)`` grants.
    """

    def restrict(self, user, action: str = "view", *, label: str | None = None) -> ScopedQuerySet:
        """Rows ``user`` may ``action``; with ``label``, the rows (units, say) in which the
        user may ``action`` objects of that other model ("units I may add people to")."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        grants = user.scope_for(label or self.model._meta.label_lower, action)
        if grants is None:
            return self
        if not grants:
            return self.none()
        return self.filter(self.scope_condition(grants, action))

    def scope_condition(self, grants: list[tuple[str, bool]], action: str) -> Q:
        """The condition for rows inside ``grants``. Models whose visibility is more than
        one path (a movement is seen by its issuer and by its participants) override it."""
        return paths_q(self.model.scope_path_field, grants)


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):
    pass
