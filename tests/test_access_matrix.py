"""Every route, every role: the access matrix of tests/access.py, and its completeness."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from thidua.audit.models import AuditEntry

from .access import (
    EXEMPT,
    FORM,
    OK,
    PROVINCE,
    ROLES,
    all_routes,
    build_world,
)

ROUTES = all_routes()


@pytest.fixture
def world(tree, users, people):
    return build_world(tree, users, people)


def _last_seq() -> int:
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def _call(client: Client, route, url: str, query: dict, data: dict | None):
    if route.api:
        if route.method == "GET":
            return client.get(url, query)
        target = f"{url}?{urlencode(query)}" if query else url
        return client.generic(
            route.method, target, json.dumps(data or {}), content_type="application/json"
        )
    if route.method == "GET":
        return client.get(url, query)
    assert route.method == "POST", route.id
    return client.post(f"{url}?{urlencode(query)}" if query else url, data or {})


def _check(route, role, world) -> str | None:
    """Run one row for one role; return what went wrong, or None."""
    me = world.users.get(role)
    client = Client()
    if me is not None:
        client.force_login(me)
    url = reverse(route.name, kwargs=route.kwargs(world, me))
    query = route.query(world, me) if callable(route.query) else dict(route.query or {})
    data = route.data(world, me) if route.data else None
    state_before = route.state(world, me) if route.state else None
    seq = _last_seq()

    response = _call(client, route, url, query, data)

    status = response.status_code
    written = AuditEntry.objects.filter(seq__gt=seq).exclude(action="login").count()
    state_after = route.state(world, me) if route.state else None
    changed = state_after != state_before
    if me is None:
        if route.api and status != 401:
            return f"expected 401, got {status}"
        if not route.api and not (
            status == 302 and response["Location"].startswith(reverse("login"))
        ):
            return f"expected a redirect to the sign-in page, got {status}"
        if changed or written:
            return "an anonymous request changed data"
        return None

    expected = route.expect[role]
    if expected == OK:
        if not 200 <= status < 400:
            return f"expected success, got {status}"
        if status in (301, 302, 303) and response["Location"].startswith(reverse("login")):
            return "redirected to the sign-in page"
        if route.state is not None and not changed:
            return f"answered {status} but changed nothing"
        if route.state is not None and not written:
            return "the change was not audited"
        return None
    if expected == FORM:
        if status != 200:
            return f"expected the form with errors, got {status}"
    elif status != expected:
        return f"expected {expected}, got {status}"
    if changed:
        return f"refused with {status} but the data changed"
    if written:
        return f"refused with {status} but wrote to the audit log"
    return None


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.id)
def test_access(route, world):
    """Each role in turn, each in a savepoint rolled back afterwards."""
    problems = {}
    for role in [*ROLES, "anonymous"]:
        with transaction.atomic():
            problem = _check(route, role, world)
            transaction.set_rollback(True)
        if problem:
            problems[role] = problem
    assert not problems, "\n".join(f"{role}: {p}" for role, p in problems.items())


def test_matrix_rows_name_every_role():
    for route in ROUTES:
        assert set(route.expect) == set(ROLES), route.id
        assert route.method == "GET" or route.state is not None, f"{route.id} has no state probe"


# Completeness ----------------------------------------------------------------------------


def _named_patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            module = getattr(callback, "__module__", "") or ""
            func = getattr(callback, "func", None)  # functools.partial (ninja's docs)
            if func is not None:
                module = func.__module__
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name or str(pattern.pattern), module


def test_every_route_is_in_the_matrix():
    covered = {route.name for route in ROUTES}
    every = {
        name: module
        for name, module in _named_patterns(get_resolver().url_patterns)
        # Media files, served by Django only under DEBUG (the web server does it otherwise).
        if module != "django.views.static"
    }
    assert "api-1.0.0:update_person" in every, "the ninja API routes were not walked"
    missing = sorted(name for name in every if name not in covered and name not in EXEMPT)
    assert not missing, (
        "Routes without rows in tests/access.py (add them, or exempt them with a reason): "
        f"{missing}"
    )
    stale = sorted(name for name in EXEMPT if name not in every)
    assert not stale, f"Exempt routes that no longer exist: {stale}"
    unknown = sorted(name for name in covered if name not in every)
    assert not unknown, f"Rows for routes that do not exist: {unknown}"


def test_every_api_operation_is_in_the_matrix():
    from thidua.api.api import api

    schema = api.get_openapi_schema()
    rows = {(route.method, route.name) for route in ROUTES if route.api}
    names_by_path = {}
    for _prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    names_by_path[(method, path)] = f"api-1.0.0:{operation.view_func.__name__}"
    assert names_by_path
    missing = sorted(
        f"{method} {path}"
        for (method, path), name in names_by_path.items()
        # Public operations (no sign-in by design) are exempt with their reason.
        if (method, name) not in rows and name not in EXEMPT
    )
    assert not missing, f"API operations without rows in tests/access.py: {missing}"
    assert any(p.startswith("/api/v1/org/") for p in schema["paths"])


# Lists show exactly the scope --------------------------------------------------------------

UNITS_SEEN = {
    "unit_officer": {"education", "school"},
    "block_head": {"education", "school"},
    "other_officer": {"health", "hospital"},
    "no_role": set(),
}
PEOPLE_SEEN = {
    "unit_officer": {"teacher", "director"},
    "block_head": {"teacher", "director"},
    "other_officer": {"doctor"},
    "no_role": set(),
}
ALL_UNITS = {
    "province",
    "committee",
    "home_affairs",
    "education",
    "school",
    "health",
    "hospital",
    "commune",
}


@pytest.mark.parametrize("role", ROLES)
def test_lists_show_exactly_the_scope(role, tree, users, people):
    client = Client()
    client.force_login(users[role])
    units_seen = ALL_UNITS if role in PROVINCE else UNITS_SEEN[role]
    people_seen = set(people) if role in PROVINCE else PEOPLE_SEEN[role]
    unit_ids = {getattr(tree, name).pk for name in units_seen}
    person_ids = {people[name].pk for name in people_seen}

    api_units = client.get(reverse("api-1.0.0:list_units")).json()
    assert {item["id"] for item in api_units["items"]} == unit_ids
    api_people = client.get(reverse("api-1.0.0:list_people")).json()
    assert {item["id"] for item in api_people["items"]} == person_ids

    page = client.get(reverse("org:person_list")).context["page"]
    assert {person.pk for person in page.object_list} == person_ids
    search = client.get(reverse("org:unit_tree"), {"q": "s"}).context["page"]
    assert {unit.pk for unit in search.object_list} == {
        pk for pk in unit_ids if "s" in type(tree.province).objects.get(pk=pk).name_folded
    }
    roots = client.get(reverse("org:unit_tree")).context["roots"]
    if role in PROVINCE:
        assert [unit.pk for unit in roots] == [tree.province.pk]
    elif role == "no_role":
        assert list(roots) == []
    else:
        assert [unit.pk for unit in roots] == [
            tree.education.pk if role != "other_officer" else tree.health.pk
        ]
