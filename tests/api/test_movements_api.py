"""The movements API: listing and reading movements with the pages' scoping, and other
systems pushing progress through the same service as the page."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.movements import services
from thidua.movements.models import ProgressReport, Target
from thidua.org import services as org_services

from ..conftest import client_for
from ..movements.factories import make_movement

YEAR = timezone.localdate().year
Q1 = date(YEAR, 3, 31)


@pytest.fixture
def fixture(tree):
    return make_movement(
        tree,
        year=YEAR,
        registration_opens=date(YEAR, 1, 1),
        registration_closes=date(YEAR, 12, 31),
    )


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def _push(client: Client, target: Target, **body):
    body.setdefault("period_end", Q1.isoformat())
    return client.post(
        f"/api/v1/targets/{target.pk}/reports", json.dumps(body), content_type="application/json"
    )


def _report(target: Target, period_end: date = Q1) -> ProgressReport | None:
    return ProgressReport.objects.filter(target=target, period_end=period_end).first()


# Reading ---------------------------------------------------------------------------------


def test_movement_detail_has_contents_mottos_responsibilities_and_participants(users, fixture):
    response = client_for(users["unit_officer"]).get(f"/api/v1/movements/{fixture.movement.pk}")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["title"] == fixture.movement.title
    assert data["status"] == "phat_dong"
    assert data["mottos"] == ["Đoàn kết, kỷ cương", "Chủ động thích ứng"]
    assert [(c["label"], c["text"]) for c in data["contents"]] == [
        ("Một là", "Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội.")
    ]
    assert [r["agency"] for r in data["responsibilities"]] == ["Sở Nội vụ"]
    assert data["participants_count"] == 3
    assert data["issuer_id"] == fixture.movement.issuer_id


def test_movement_list_filters(users, tree, fixture):
    other = make_movement(tree, year=YEAR - 3, title="Phong trào “Dân vận khéo”", kind="chuyen_de")
    client = client_for(users["secretariat"])
    both = {fixture.movement.pk, other.movement.pk}
    assert _ids(client.get("/api/v1/movements/")) == both
    # Diacritics optional in the search.
    assert _ids(client.get("/api/v1/movements/", {"q": "dan van kheo"})) == {other.movement.pk}
    assert _ids(client.get("/api/v1/movements/", {"q": "Dân vận"})) == {other.movement.pk}
    assert _ids(client.get("/api/v1/movements/", {"kind": "chuyen_de"})) == {other.movement.pk}
    assert _ids(client.get("/api/v1/movements/", {"year": YEAR})) == {fixture.movement.pk}
    assert _ids(client.get("/api/v1/movements/", {"year": YEAR - 3})) == {other.movement.pk}
    assert _ids(client.get("/api/v1/movements/", {"status": "phat_dong"})) == both
    assert _ids(client.get("/api/v1/movements/", {"status": "tong_ket"})) == set()
    # A value that is not a status is refused rather than ignored.
    assert client.get("/api/v1/movements/", {"status": "xyz"}).status_code == 422


def test_nobody_outside_sees_the_movement(users, fixture):
    client = client_for(users["no_role"])
    assert _ids(client.get("/api/v1/movements/")) == set()
    for path in ("", "/targets", "/registrations"):
        url = f"/api/v1/movements/{fixture.movement.pk}{path}"
        assert client.get(url).status_code == 404, url


def test_targets_are_scoped_like_the_pages(users, fixture):
    url = f"/api/v1/movements/{fixture.movement.pk}/targets"
    # Each officer sees the province-wide target and their own unit's, not the sibling's.
    assert _ids(client_for(users["other_officer"]).get(url)) == {
        fixture.growth.pk,
        fixture.beds.pk,
    }
    assert _ids(client_for(users["unit_officer"]).get(url)) == {
        fixture.growth.pk,
        fixture.schools.pk,
    }
    assert _ids(client_for(users["secretariat"]).get(url)) == {
        fixture.growth.pk,
        fixture.schools.pk,
        fixture.beds.pk,
    }
    other = client_for(users["other_officer"])
    assert other.get(f"/api/v1/targets/{fixture.schools.pk}/reports").status_code == 404
    assert other.get(f"/api/v1/targets/{fixture.beds.pk}/reports").status_code == 200


def test_target_fields_carry_the_goal_and_the_latest_figures(users, fixture):
    services.progress_report_save(
        actor=None, target=fixture.beds, period_end=Q1, actual=Decimal("46"), today=Q1
    )
    response = client_for(users["other_officer"]).get(
        f"/api/v1/movements/{fixture.movement.pk}/targets"
    )
    beds = next(t for t in response.json()["items"] if t["id"] == fixture.beds.pk)
    assert beds["comparator"] == "toi_thieu"
    assert Decimal(beds["value"]) == Decimal("45.7")
    assert beds["unit_id"] == fixture.beds.unit_id
    assert beds["unit_name"] == "Sở Y tế"
    assert Decimal(beds["latest_actual"]) == 46
    assert beds["latest_period_end"] == Q1.isoformat()
    assert beds["status"] == "dat"
    assert Decimal(beds["completion"]) > 1


def test_registrations_are_scoped(users, tree, people, fixture):
    for unit in (tree.education, tree.health):
        services.registration_save(
            actor=None,
            movement=fixture.movement,
            unit=unit,
            collective_title="ttldxs",
            entries=[services.EntryRow(person=people["director"], title="cstdcs")]
            if unit == tree.education
            else [],
            today=date(YEAR, 1, 15),
        )
    url = f"/api/v1/movements/{fixture.movement.pk}/registrations"
    response = client_for(users["unit_officer"]).get(url)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [r["unit_id"] for r in items] == [tree.education.pk]
    assert items[0]["entries"] == [
        {"person_id": people["director"].pk, "person_name": "Trần Văn Đức", "title": "cstdcs"}
    ]
    other = client_for(users["other_officer"]).get(url).json()["items"]
    assert [r["unit_id"] for r in other] == [tree.health.pk]
    secretariat = client_for(users["secretariat"]).get(url).json()["items"]
    assert {r["unit_id"] for r in secretariat} == {tree.education.pk, tree.health.pk}


# Pushing progress ------------------------------------------------------------------------


def test_push_reads_vietnamese_numbers_and_is_audited(users, fixture, audit_log):
    client = client_for(users["unit_officer"])
    response = _push(client, fixture.schools, actual="2.326,5", comment="Số liệu quý I")
    assert response.status_code == 201, response.content
    report = _report(fixture.schools)
    assert report.actual == Decimal("2326.5")
    assert report.comment == "Số liệu quý I"
    assert report.reported_by == users["unit_officer"]
    assert response.json()["id"] == report.pk
    assert response.json()["version"] == 1
    assert [e.action for e in audit_log(object_type="movements.progressreport")] == ["create"]

    # The same figure written plainly, or as a JSON number, is read the same; a second
    # push of the period corrects the report.
    response = _push(client, fixture.schools, actual="2326.5")
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    response = _push(client, fixture.schools, actual=58.25)
    assert response.status_code == 200
    assert _report(fixture.schools).actual == Decimal("58.25")
    fixture.schools.refresh_from_db()
    assert fixture.schools.latest_actual == Decimal("58.25")
    assert ProgressReport.objects.filter(target=fixture.schools).count() == 1


@pytest.mark.parametrize("actual", ["1,2,3", "2.46,5", "abc", ""])
def test_push_refuses_numbers_it_cannot_read(users, fixture, actual, audit_log):
    response = _push(client_for(users["unit_officer"]), fixture.schools, actual=actual)
    assert response.status_code == 422, response.content
    messages = response.json()["detail"]["actual"]
    assert messages and all(messages)
    assert _report(fixture.schools) is None
    assert audit_log(object_type="movements.progressreport") == []


def test_push_refuses_a_value_that_is_not_text_or_a_number(users, fixture):
    response = _push(client_for(users["unit_officer"]), fixture.schools, actual=True)
    assert response.status_code == 422
    assert _report(fixture.schools) is None


def test_other_officer_cannot_push_on_someone_elses_target(users, fixture):
    client = client_for(users["other_officer"])
    # Education's target is not even visible to Sở Y tế.
    assert _push(client, fixture.schools, actual="50").status_code == 404
    # The province-wide target is visible, but reported by the secretariat.
    assert _push(client, fixture.growth, actual="7,2").status_code == 403
    # A block head sees education's target but does not report progress.
    assert _push(client_for(users["block_head"]), fixture.schools, actual="50").status_code == 403
    assert not ProgressReport.objects.exists()
    # Their own target goes through.
    assert _push(client, fixture.beds, actual="45,9").status_code == 201


def test_second_writer_with_an_old_version_is_told(users, fixture):
    officer = client_for(users["unit_officer"])
    assert _push(officer, fixture.schools, actual="50").status_code == 201
    secretariat = client_for(users["secretariat"])
    assert _push(secretariat, fixture.schools, actual="55", version=1).status_code == 200
    response = _push(officer, fixture.schools, actual="51", version=1)
    assert response.status_code == 409, response.content
    assert response.json()["detail"]
    report = _report(fixture.schools)
    assert report.actual == Decimal("55")
    assert report.version == 2


def test_closed_movement_refuses_progress(users, fixture):
    services.review_create(
        actor=None,
        movement=fixture.movement,
        kind="tong_ket",
        held_on=date(YEAR, 12, 20),
        title="Tổng kết phong trào",
    )
    response = _push(client_for(users["unit_officer"]), fixture.schools, actual="50")
    assert response.status_code == 422, response.content
    assert response.json()["detail"]["__all__"]
    assert _report(fixture.schools) is None


def test_bad_periods_are_refused_next_to_the_field(users, tree):
    future = make_movement(tree, year=YEAR + 1)
    client = client_for(users["unit_officer"])
    # Not yet started.
    response = _push(
        client, future.schools, actual="50", period_end=date(YEAR + 1, 3, 31).isoformat()
    )
    assert response.status_code == 422
    assert response.json()["detail"]["period_end"]
    # Not the end of a quarter.
    response = _push(
        client, future.schools, actual="50", period_end=date(YEAR + 1, 2, 28).isoformat()
    )
    assert response.status_code == 422
    assert response.json()["detail"]["period_end"]
    assert not ProgressReport.objects.exists()


def test_a_bearer_token_pushes_progress(users, fixture):
    token, key = org_services.api_token_create(actor=users["other_officer"], name="HIS bệnh viện")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert fixture.movement.pk in _ids(client.get("/api/v1/movements/"))
    # No CSRF token needed for a bearer token.
    response = _push(client, fixture.beds, actual="46,2")
    assert response.status_code == 201, response.content
    assert _report(fixture.beds).reported_by == users["other_officer"]
    assert _push(client, fixture.schools, actual="50").status_code == 404

    org_services.api_token_revoke(actor=users["other_officer"], token=token)
    assert _push(client, fixture.beds, actual="47").status_code == 401
    assert _report(fixture.beds).actual == Decimal("46.2")
    assert Client().get("/api/v1/movements/").status_code == 401


def test_session_push_needs_the_csrf_token(users, fixture):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["unit_officer"])
    assert _push(client, fixture.schools, actual="50").status_code == 403
    assert _report(fixture.schools) is None


def test_the_schema_lists_the_movements_paths(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/movements/",
        "/api/v1/movements/{movement_id}",
        "/api/v1/movements/{movement_id}/targets",
        "/api/v1/movements/{movement_id}/registrations",
        "/api/v1/targets/{target_id}/reports",
    } <= set(paths)
    assert {"get", "post"} <= set(paths["/api/v1/targets/{target_id}/reports"])


# Query counts ------------------------------------------------------------------------------


def _count(client, url) -> tuple[int, int]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), len(response.json()["items"])


def _grow(tree, fixture, n, serial=[0]):  # noqa: B006
    """``n`` more movements, and ``n`` more unit targets on the fixture movement."""
    for _i in range(n):
        serial[0] += 1
        make_movement(tree, year=YEAR, title=f"Phong trào thêm {serial[0]}")
        services.target_create(
            actor=None,
            movement=fixture.movement,
            level=Target.Level.UNIT,
            unit=tree.school,
            indicator=f"Chỉ tiêu thêm {serial[0]}",
            measure="%",
            value=Decimal("50"),
        )


def _register(fixture, unit, person):
    services.registration_save(
        actor=None,
        movement=fixture.movement,
        unit=unit,
        collective_title="ttldtt",
        entries=[services.EntryRow(person=person, title="ldtt")],
        today=date(YEAR, 1, 15),
    )


@pytest.mark.parametrize(
    "path",
    ["/api/v1/movements/", "/api/v1/movements/{m}/targets", "/api/v1/movements/{m}/registrations"],
)
def test_list_queries_do_not_grow(users, tree, people, fixture, path):
    client = client_for(users["secretariat"])
    url = path.format(m=fixture.movement.pk)
    _grow(tree, fixture, 2)
    _register(fixture, tree.education, people["director"])
    few, rows_few = _count(client, url)
    _grow(tree, fixture, 6)
    _register(fixture, tree.school, people["teacher"])
    services.participants_set(
        actor=None,
        movement=fixture.movement,
        units=[tree.education, tree.school, tree.health, tree.home_affairs],
    )
    _register(fixture, tree.home_affairs, people["clerk"])
    many, rows_many = _count(client, url)
    assert rows_many > rows_few
    assert many == few
