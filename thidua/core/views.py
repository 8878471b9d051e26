"""Helpers every app's views share: scoped lookup, pagination, sorting, HTMX partials."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def get_scoped_or_404(model, user, action: str = "view", **lookup):
    """Return the object if ``user`` may do ``action`` on it.

    An object outside the user's view scope answers 404, like a missing one, so that
    nobody learns what exists elsewhere; an object the user may see but not change
    answers 403.
    """
    obj = model.objects.restrict(user, "view").filter(**lookup).first()
    if obj is None:
        raise Http404
    if action != "view" and not model.objects.restrict(user, action).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def require_action(model, user, action: str) -> None:
    """Raise 403 unless ``user`` holds ``action`` on ``model`` somewhere in its scope."""
    if user.scope_for(model._meta.label_lower, action) == []:
        raise PermissionDenied


def add_service_errors(form, error, default_field: str | None = None) -> None:
    """Show a service's ValidationError next to the field it names, else on ``default_field``
    (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else default_field, errors)
    else:
        form.add_error(default_field, error)


def paginate(request: HttpRequest, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.THIDUA_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def apply_sort(request: HttpRequest, queryset, allowed: Iterable[str], default: str):
    """Order by ``?sort=field`` or ``?sort=-field`` when the field is allowed."""
    allowed = set(allowed)
    sort = request.GET.get("sort") or default
    if sort.lstrip("-") not in allowed:
        sort = default
    return queryset.order_by(sort, "pk"), sort


def render_page(request: HttpRequest, template: str, context: dict, partial: str | None = None):
    """Render the whole page, or only ``template#partial`` for an HTMX request."""
    name = (
        f"{template}#{partial}"
        if partial and request.htmx and not request.htmx.boosted
        else template
    )
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
