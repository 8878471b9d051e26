"""Read queries for units and people, always starting from what the user may see."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from thidua.core.models import subtree_q
from thidua.core.text import fold

from .models import Person, Unit, User
from .roles import PERMISSIONS


def _child_count():
    return Coalesce(
        Subquery(
            Unit.objects.filter(parent=OuterRef("pk"), is_active=True)
            .order_by()
            .values("parent")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def unit_list(user: User, *, include_inactive: bool = False) -> QuerySet[Unit]:
    queryset = Unit.objects.restrict(user, "view").select_related("parent", "merged_into")
    if not include_inactive:
        queryset = queryset.filter(is_active=True)
    return queryset


def unit_roots(user: User) -> QuerySet[Unit]:
    """The top of what the user may see: the root for everyone unrestricted, else the
    granted units that are not inside another granted unit."""
    grants = user.scope_for("org.unit", "view")
    if grants is None:
        queryset = Unit.objects.filter(parent__isnull=True)
    else:
        paths = sorted({path for path, _sub in grants})
        tops = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
        queryset = Unit.objects.filter(path__in=tops)
    return queryset.annotate(child_count=_child_count()).order_by("name")


def unit_children(user: User, unit: Unit, *, include_inactive: bool = False) -> QuerySet[Unit]:
    queryset = unit_list(user, include_inactive=include_inactive).filter(parent=unit)
    return queryset.annotate(child_count=_child_count()).order_by("kind", "name")


def unit_search(user: User, query: str, *, kind: str = "", include_inactive: bool = False):
    queryset = unit_list(user, include_inactive=include_inactive)
    folded = fold(query)
    if folded:
        queryset = queryset.filter(Q(name_folded__contains=folded) | Q(code__iexact=query.strip()))
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("depth", "name")


def unit_ancestors(user: User, unit: Unit) -> list[Unit]:
    """The visible ancestors of ``unit``, root first (one query)."""
    ids = unit.ancestor_ids
    if not ids:
        return []
    found = {u.pk: u for u in Unit.objects.restrict(user, "view").filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


def ancestor_names(units) -> dict[int, str]:
    """A "Tỉnh › Sở …" trail for each of ``units``, from one query for all their ancestors."""
    ids = {i for unit in units for i in unit.ancestor_ids}
    names = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    return {
        unit.pk: " › ".join(names[i] for i in unit.ancestor_ids if i in names) for unit in units
    }


def person_list(
    user: User,
    *,
    query: str = "",
    unit: Unit | None = None,
    subtree: bool = True,
    gender: str = "",
    ethnicity: str = "",
    management_level: str = "",
    active: str = "",
) -> QuerySet[Person]:
    queryset = Person.objects.restrict(user, "view").select_related("unit")
    folded = fold(query)
    if folded:
        queryset = queryset.filter(
            Q(name_folded__contains=folded) | Q(identity_number=query.strip())
        )
    if unit is not None:
        queryset = (
            queryset.filter(subtree_q("unit__path", unit.path))
            if subtree
            else queryset.filter(unit=unit)
        )
    if gender:
        queryset = queryset.filter(gender=gender)
    if ethnicity:
        queryset = queryset.filter(ethnicity=ethnicity)
    if management_level:
        queryset = queryset.filter(management_level=management_level)
    if active in {"1", "0"}:
        queryset = queryset.filter(is_active=active == "1")
    return queryset


def unit_lookup(user: User, query: str, *, acting_on: str = "", limit: int = 20) -> list[Unit]:
    """Units for a picker: matching ``query``, active, and — with ``acting_on`` — only those
    in which the user may change that kind of object."""
    queryset = unit_search(user, query)
    if acting_on in PERMISSIONS:  # any model of the roles table, later apps included
        queryset = queryset & Unit.objects.restrict(user, "change", label=acting_on)
    return list(queryset[:limit])
