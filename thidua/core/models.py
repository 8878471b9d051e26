"""Base models and the scoped queryset every unit-owned model uses."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class ScopedQuerySet(models.QuerySet):
    """A queryset that can be narrowed to what a user may see or change.

    The model names the materialised unit path it is scoped by in ``scope_path_field``
    (``"path"`` for a unit, ``"unit__path"`` for a person). The user answers which paths
    it holds for an action with ``user.scope_for(model_label, action)``: ``None`` means
    everything (a superuser), otherwise a list of ``(path, with_subtree)`` grants.
    """

    def restrict(self, user, action: str = "view") -> ScopedQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        grants = user.scope_for(self.model._meta.label_lower, action)
        if grants is None:
            return self
        if not grants:
            return self.none()
        field = self.model.scope_path_field
        condition = Q()
        for path, with_subtree in grants:
            condition |= Q(**{f"{field}__startswith" if with_subtree else field: path})
        return self.filter(condition)


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):
    pass
