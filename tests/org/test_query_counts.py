"""List pages and list endpoints cost the same number of queries for a few rows and for many.

Each case names a page (or API route), who opens it, how to grow the data it lists, and
how many rows it shows. The page is measured with the fixture's few rows, the data grows by
more than a page, and the page must cost exactly the same number of queries — while showing
more rows, so the growth really reached it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.org import services
from thidua.org.models import Unit, UnitKind

from ..conftest import client_for
from ..factories import PersonFactory, UnitFactory

PAGE_SIZE = 20
FEW = 5
GROWTH = 60  # more than a page of PAGE_SIZE and more than the API's page of 50
_serial = itertools.count()


def _page_rows(response) -> int:
    return len(response.context["page"].object_list)


def _nodes(response) -> int:
    return response.content.decode().count('data-testid="unit-link"')


def _child_counts(response) -> int:
    return sum(unit.child_count for unit in response.context["roots"])


def _api_rows(response) -> int:
    return len(response.json()["items"])


def _grow_people(tree, n):
    """People spread over several units, so per-row lookups of the unit would show."""
    units = [tree.school, tree.education, tree.hospital, tree.home_affairs]
    extra = [
        UnitFactory(
            code=f"T99.SGDDT.Q{next(_serial)}",
            name=f"Trường Tiểu học số {i}",
            parent=tree.education,
        )
        for i in range(4)
    ]
    for i in range(n):
        PersonFactory(
            full_name=f"Nguyễn Văn Thêm {next(_serial):03d}",
            unit=(units + extra)[i % (len(units) + len(extra))],
            gender="nu" if i % 2 else "nam",
        )


def _grow_children(parent: Unit, n, prefix="Phòng"):
    """Children of ``parent``, half of them with a child of their own."""
    for i in range(n):
        serial = next(_serial)
        child = UnitFactory(
            code=f"{parent.code}.C{serial:03d}",
            name=f"{prefix} thêm số {serial:03d}",
            kind=UnitKind.SCHOOL,
            parent=parent,
        )
        if i % 2:
            UnitFactory(code=f"{child.code}.X", name=f"Tổ thuộc {child.name}", parent=child)


def _grow_merged(target: Unit, tree, n):
    for _ in range(n):
        i = next(_serial)
        source = UnitFactory(
            code=f"T99.SAP{i:03d}", name=f"Đơn vị sáp nhập {i}", parent=tree.province
        )
        services.unit_merge(actor=None, source=source, target=target)


def _grow_history(unit: Unit, n):
    for _ in range(n):
        services.unit_update(actor=None, unit=unit, note=f"Ghi chú lần {next(_serial)}")


def _grow_audit(tree, users, n):
    actors = [users["secretariat"], users["admin"], None]
    for i in range(n):
        services.unit_update(actor=actors[i % 3], unit=tree.school, phone=f"0{next(_serial):09d}")


@dataclass(frozen=True)
class Case:
    id: str
    role: str
    url: Callable[[Any], str]
    grow: Callable[[Any, Any, int], Any]
    rows: Callable[[Any], int]
    params: dict | None = None
    htmx: bool = False


CASES = [
    Case(
        "person list",
        "secretariat",
        lambda t: reverse("org:person_list"),
        lambda t, u, n: _grow_people(t, n),
        _page_rows,
    ),
    Case(
        "person list, unit officer, filtered and sorted",
        "unit_officer",
        lambda t: reverse("org:person_list"),
        lambda t, u, n: _grow_people(t, n),
        _page_rows,
        params={"q": "nguyen", "sort": "-date_of_birth", "gender": "nu"},
    ),
    Case(
        "person list, HTMX table",
        "secretariat",
        lambda t: reverse("org:person_list"),
        lambda t, u, n: _grow_people(t, n),
        _page_rows,
        params={"page": "2"},
        htmx=True,
    ),
    Case(
        "unit tree roots",
        "secretariat",
        lambda t: reverse("org:unit_tree"),
        lambda t, u, n: _grow_children(t.province, n),
        _child_counts,
    ),
    Case(
        "unit tree roots, unit officer",
        "unit_officer",
        lambda t: reverse("org:unit_tree"),
        lambda t, u, n: _grow_children(t.education, n),
        _child_counts,
    ),
    Case(
        "unit tree children (HTMX)",
        "secretariat",
        lambda t: reverse("org:unit_children", args=[t.province.pk]),
        lambda t, u, n: _grow_children(t.province, n),
        _nodes,
        htmx=True,
    ),
    Case(
        "unit search results",
        "secretariat",
        lambda t: reverse("org:unit_tree"),
        lambda t, u, n: _grow_children(t.education, n, prefix="Trường"),
        _page_rows,
        params={"q": "truong"},
    ),
    Case(
        "unit search results, unit officer",
        "unit_officer",
        lambda t: reverse("org:unit_tree"),
        lambda t, u, n: _grow_children(t.education, n, prefix="Trường"),
        _page_rows,
        params={"q": "truong", "inactive": "on"},
    ),
    Case(
        "unit detail, sub-units tab",
        "secretariat",
        lambda t: reverse("org:unit_detail", args=[t.education.pk]),
        lambda t, u, n: _grow_children(t.education, n),
        _page_rows,
    ),
    Case(
        "unit detail, people tab",
        "unit_officer",
        lambda t: reverse("org:unit_detail", args=[t.education.pk]),
        lambda t, u, n: [PersonFactory(unit=t.education) for _ in range(n)],
        _page_rows,
        params={"tab": "people"},
    ),
    Case(
        "unit detail, details tab",
        "secretariat",
        lambda t: reverse("org:unit_detail", args=[t.education.pk]),
        lambda t, u, n: _grow_merged(t.education, t, n),
        lambda r: len(r.context["merged_units"]),
        params={"tab": "details"},
    ),
    Case(
        "unit detail, history tab",
        "secretariat",
        lambda t: reverse("org:unit_detail", args=[t.education.pk]),
        lambda t, u, n: _grow_history(t.education, n),
        _page_rows,
        params={"tab": "history"},
    ),
    Case(
        "person detail, history tab",
        "unit_officer",
        lambda t: reverse("org:person_detail", args=[t.extra["person"].pk]),
        lambda t, u, n: [
            services.person_update(actor=None, person=t.extra["person"], note=f"Lần {i}")
            for i in range(n)
        ],
        _page_rows,
        params={"tab": "history"},
    ),
    Case(
        "audit list",
        "secretariat",
        lambda t: reverse("audit:list"),
        lambda t, u, n: _grow_audit(t, u, n),
        _page_rows,
    ),
    Case(
        "audit list, filtered",
        "secretariat",
        lambda t: reverse("audit:list"),
        lambda t, u, n: _grow_audit(t, u, n),
        _page_rows,
        params={"action": "update", "object_type": "org.unit"},
    ),
    Case(
        "home",
        "secretariat",
        lambda t: reverse("home"),
        lambda t, u, n: (_grow_people(t, n), _grow_audit(t, u, n)),
        lambda r: r.context["person_count"],
    ),
    Case(
        "API people",
        "secretariat",
        lambda t: reverse("api-1.0.0:list_people"),
        lambda t, u, n: _grow_people(t, n),
        _api_rows,
    ),
    Case(
        "API people, unit officer, filtered",
        "unit_officer",
        lambda t: reverse("api-1.0.0:list_people"),
        lambda t, u, n: _grow_people(t, n),
        _api_rows,
        params={"q": "nguyen", "unit": "__education__"},
    ),
    Case(
        "API units",
        "secretariat",
        lambda t: reverse("api-1.0.0:list_units"),
        lambda t, u, n: _grow_children(t.province, n),
        _api_rows,
    ),
    Case(
        "API units, unit officer, search",
        "unit_officer",
        lambda t: reverse("api-1.0.0:list_units"),
        lambda t, u, n: _grow_children(t.education, n, prefix="Trường"),
        _api_rows,
        params={"q": "truong"},
    ),
]


def _measure(client, url, params, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    client.get(url, params, **headers)  # warm: session, caches, first-use lookups
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, **headers)
    assert response.status_code == 200, response.status_code
    return len(queries.captured_queries), response, [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_query_count_does_not_grow_with_rows(case, tree, users, people, settings):
    settings.THIDUA_PAGE_SIZE = PAGE_SIZE
    tree.extra = {"person": people["teacher"]}
    params = {
        key: str(tree.education.pk) if value == "__education__" else value
        for key, value in (case.params or {}).items()
    }
    client = client_for(users[case.role])
    url = case.url(tree)

    case.grow(tree, users, FEW)
    few, response, _sql = _measure(client, url, params, case.htmx)
    rows_before = case.rows(response)

    case.grow(tree, users, GROWTH)
    many, response, sql = _measure(client, url, params, case.htmx)
    rows_after = case.rows(response)

    assert rows_after > rows_before, "the growth did not reach the page"
    assert many == few, f"{few} queries with {rows_before} rows, {many} with {rows_after}:\n" + (
        "\n".join(sql)
    )


def test_a_page_of_the_list_shows_the_page_size(tree, users, people, settings):
    """The cases above measure a full page: the page size really applies."""
    settings.THIDUA_PAGE_SIZE = PAGE_SIZE
    _grow_people(tree, GROWTH)
    response = client_for(users["secretariat"]).get(reverse("org:person_list"))
    assert _page_rows(response) == PAGE_SIZE
    api = client_for(users["secretariat"]).get(reverse("api-1.0.0:list_people")).json()
    assert len(api["items"]) == 50
    assert api["count"] == GROWTH + len(people)
