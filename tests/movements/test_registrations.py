"""Registration (đăng ký thi đua): a unit registers its collective title, its people and
their titles inside the window the secretariat set; the secretariat sees who registered,
who is late and the roll-up by title; a unit officer sees only their own units."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from thidua.movements import services
from thidua.movements.models import Registration, RegistrationEntry, Target

from ..factories import PersonFactory, UnitFactory
from .factories import make_movement


def _today():
    return timezone.localdate()


@pytest.fixture
def movement(tree):
    """A running movement whose registration window contains today."""
    today = _today()
    return make_movement(
        tree,
        year=today.year,
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=300),
        registration_opens=today - timedelta(days=10),
        registration_closes=today + timedelta(days=10),
    ).movement


@pytest.fixture
def closed_window(tree):
    """A running movement whose registration window closed yesterday."""
    today = _today()
    return make_movement(
        tree,
        year=today.year,
        title="Phong trào đã hết hạn đăng ký",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=300),
        registration_opens=today - timedelta(days=30),
        registration_closes=today - timedelta(days=1),
    ).movement


def _form(*, title="ttldxs", note="", version=None, action="draft", entries=()):
    data = {
        "collective_title": title,
        "note": note,
        "action": action,
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    if version is not None:
        data["version"] = str(version)
    for index, (person, aimed) in enumerate(entries):
        data[f"entries-{index}-person"] = str(person.pk)
        data[f"entries-{index}-title"] = aimed
    return data


def _register_url(movement, unit):
    return reverse("movements:register", args=[movement.pk, unit.pk])


# Registering -----------------------------------------------------------------------------


def test_officer_saves_a_draft_then_submits(tree, people, clients, users, movement, audit_log):
    deputy = PersonFactory(full_name="Hoàng Thị Mai", unit=tree.education)
    client = clients["unit_officer"]
    url = _register_url(movement, tree.education)
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        _form(
            note="Phấn đấu hoàn thành xuất sắc nhiệm vụ.",
            entries=[(people["director"], "cstdcs"), (deputy, "ldtt")],
        ),
    )
    registration = Registration.objects.get(movement=movement, unit=tree.education)
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:registration", args=[registration.pk])
    assert registration.status == Registration.Status.DRAFT
    assert registration.submitted_at is None
    assert registration.collective_title == "ttldxs"
    assert sorted(registration.entries.values_list("person__full_name", "title")) == [
        ("Hoàng Thị Mai", "ldtt"),
        ("Trần Văn Đức", "cstdcs"),
    ]

    response = client.post(
        url,
        _form(
            version=registration.version,
            action="submit",
            entries=[(people["director"], "cstdcs")],
        ),
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.SUBMITTED
    assert registration.submitted_at is not None
    assert registration.submitted_by == users["unit_officer"]
    assert list(registration.entries.values_list("person_id", flat=True)) == [people["director"].pk]
    entries = audit_log(object_type="movements.registration", object_id=str(registration.pk))
    assert [e.action for e in entries] == ["create", "update"]


def test_the_form_shows_the_registration_already_saved(tree, people, clients, movement):
    services.registration_save(
        actor=None,
        movement=movement,
        unit=tree.education,
        collective_title="co_tinh",
        entries=[services.EntryRow(person=people["director"], title="cstd_tinh")],
    )
    response = clients["unit_officer"].get(_register_url(movement, tree.education))
    assert response.context["form"].initial["collective_title"] == "co_tinh"
    assert response.context["formset"].initial == [
        {"person": people["director"].pk, "title": "cstd_tinh"}
    ]
    # Only the unit's own people are offered, not its sub-units' nor anyone else's.
    offered = {pk for pk, _label in response.context["formset"].forms[0].fields["person"].choices}
    assert people["director"].pk in offered
    assert people["teacher"].pk not in offered
    assert people["doctor"].pk not in offered


def test_outside_the_window_is_refused(tree, people, clients, closed_window):
    response = clients["unit_officer"].post(
        _register_url(closed_window, tree.education),
        _form(entries=[(people["director"], "cstdcs")]),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Registration.objects.filter(movement=closed_window).exists()


def test_window_boundaries_in_the_service(tree, movement):
    opens, closes = movement.registration_opens, movement.registration_closes
    for day in (opens - timedelta(days=1), closes + timedelta(days=1)):
        with pytest.raises(ValidationError):
            services.registration_save(actor=None, movement=movement, unit=tree.health, today=day)
    for day in (opens, closes):
        services.registration_save(actor=None, movement=movement, unit=tree.health, today=day)
    assert Registration.objects.filter(movement=movement, unit=tree.health).count() == 1


def test_a_draft_movement_takes_no_registration(tree, clients):
    draft = make_movement(tree, launch=False, year=_today().year).movement
    response = clients["secretariat"].post(_register_url(draft, tree.education), _form())
    assert response.status_code == 200
    assert not Registration.objects.filter(movement=draft).exists()


def test_a_person_of_another_unit_is_refused(tree, people, clients, users, movement):
    # The teacher works in the school under the department, not in the department itself.
    response = clients["unit_officer"].post(
        _register_url(movement, tree.education),
        _form(entries=[(people["teacher"], "ldtt")]),
    )
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["person"]
    assert not Registration.objects.filter(movement=movement).exists()
    # The service refuses it too, whoever calls it.
    with pytest.raises(ValidationError) as caught:
        services.registration_save(
            actor=users["secretariat"],
            movement=movement,
            unit=tree.education,
            entries=[services.EntryRow(person=people["doctor"], title="ldtt")],
        )
    assert "entries" in caught.value.error_dict
    assert not Registration.objects.filter(movement=movement).exists()


def test_a_person_listed_twice_is_refused(tree, people, clients, movement):
    response = clients["unit_officer"].post(
        _register_url(movement, tree.education),
        _form(entries=[(people["director"], "ldtt"), (people["director"], "cstdcs")]),
    )
    assert response.status_code == 200
    assert response.context["entry_errors"]
    assert not Registration.objects.filter(movement=movement).exists()
    assert not RegistrationEntry.objects.exists()


def test_a_person_without_a_title_is_refused(tree, people, clients, movement):
    data = _form(entries=[(people["director"], "")])
    response = clients["unit_officer"].post(_register_url(movement, tree.education), data)
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["title"]
    assert not Registration.objects.exists()


def test_a_stale_save_is_refused(tree, people, clients, users, movement):
    registration = services.registration_save(
        actor=None, movement=movement, unit=tree.education, note="Bản đầu"
    )
    opened = clients["unit_officer"].get(_register_url(movement, tree.education))
    version = opened.context["form"].initial["version"]
    # Meanwhile the secretariat changes it.
    services.registration_save(
        actor=users["secretariat"],
        movement=movement,
        unit=tree.education,
        note="Sửa bởi Ban Thi đua",
        expected_version=version,
    )
    response = clients["unit_officer"].post(
        _register_url(movement, tree.education), _form(note="Bản của đơn vị", version=version)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    registration.refresh_from_db()
    assert registration.note == "Sửa bởi Ban Thi đua"


def test_registering_a_unit_outside_the_movement_is_refused(tree, clients, movement):
    response = clients["secretariat"].post(_register_url(movement, tree.commune), _form())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not response.context["participates"]
    assert not Registration.objects.exists()


# The roll --------------------------------------------------------------------------------


def _rows(response) -> dict[int, object]:
    return {row.unit_id: row for row in response.context["page"].object_list}


def _registered(closed_window, tree, people):
    """Sở GD&ĐT submitted, Sở Y tế left a draft, the school never registered — all inside
    the window, which has since closed."""
    inside = closed_window.registration_closes - timedelta(days=3)
    nurse = PersonFactory(full_name="Vũ Thị Lan", unit=tree.health)
    deputy = PersonFactory(full_name="Hoàng Thị Mai", unit=tree.education)
    services.registration_save(
        actor=None,
        movement=closed_window,
        unit=tree.education,
        collective_title="ttldxs",
        entries=[
            services.EntryRow(person=people["director"], title="cstdcs"),
            services.EntryRow(person=deputy, title="ldtt"),
        ],
        submit=True,
        today=inside,
    )
    services.registration_save(
        actor=None,
        movement=closed_window,
        unit=tree.health,
        collective_title="ttldxs",
        entries=[services.EntryRow(person=nurse, title="ldtt")],
        today=inside,
    )


def test_the_roll_shows_status_late_and_people(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    response = clients["secretariat"].get(
        reverse("movements:registrations", args=[closed_window.pk])
    )
    rows = _rows(response)
    assert set(rows) == {tree.education.pk, tree.school.pk, tree.health.pk}
    education, health, school = rows[tree.education.pk], rows[tree.health.pk], rows[tree.school.pk]
    assert education.reg_status == Registration.Status.SUBMITTED
    assert education.reg_submitted_at is not None
    assert education.reg_people == 2
    assert education.reg_title == "ttldxs"
    assert not education.reg_late
    assert health.reg_status == Registration.Status.DRAFT and health.reg_late
    assert health.reg_people == 1
    assert school.reg_status is None and school.reg_late and school.reg_people == 0


def test_nobody_is_late_while_the_window_is_open(tree, clients, movement):
    response = clients["secretariat"].get(reverse("movements:registrations", args=[movement.pk]))
    assert len(_rows(response)) == 3
    assert not any(row.reg_late for row in _rows(response).values())
    late = clients["secretariat"].get(
        reverse("movements:registrations", args=[movement.pk]), {"late": "on"}
    )
    assert _rows(late) == {}


def test_the_roll_filters(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    url = reverse("movements:registrations", args=[closed_window.pk])
    client = clients["secretariat"]
    assert set(_rows(client.get(url, {"late": "on"}))) == {tree.health.pk, tree.school.pk}
    assert set(_rows(client.get(url, {"status": "submitted"}))) == {tree.education.pk}
    assert set(_rows(client.get(url, {"status": "draft"}))) == {tree.health.pk}
    assert set(_rows(client.get(url, {"status": "none"}))) == {tree.school.pk}
    assert set(_rows(client.get(url, {"status": "draft", "late": "on"}))) == {tree.health.pk}


def test_the_roll_up_counts_units_and_people_by_title(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    response = clients["secretariat"].get(
        reverse("movements:registrations", args=[closed_window.pk])
    )
    rollup = response.context["rollup"]
    collective = {value: (submitted, draft) for value, _l, submitted, draft in rollup["collective"]}
    individual = {value: (submitted, draft) for value, _l, submitted, draft in rollup["individual"]}
    assert collective == {"ttldtt": (0, 0), "ttldxs": (1, 1), "co_tinh": (0, 0), "co_cp": (0, 0)}
    assert individual == {"ldtt": (1, 1), "cstdcs": (1, 0), "cstd_tinh": (0, 0), "cstd_tq": (0, 0)}


def test_an_officer_sees_only_their_own_rows(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    url = reverse("movements:registrations", args=[closed_window.pk])
    officer = clients["unit_officer"].get(url)
    assert set(_rows(officer)) == {tree.education.pk, tree.school.pk}
    collective = {v: (s, d) for v, _l, s, d in officer.context["rollup"]["collective"]}
    assert collective["ttldxs"] == (1, 0)  # Sở Y tế's draft is not theirs to count
    other = clients["other_officer"].get(url)
    assert set(_rows(other)) == {tree.health.pk}
    individual = {v: (s, d) for v, _l, s, d in other.context["rollup"]["individual"]}
    assert individual["ldtt"] == (0, 1) and individual["cstdcs"] == (0, 0)


def test_register_links_only_where_the_user_may_change(tree, clients, movement):
    url = reverse("movements:registrations", args=[movement.pk])
    secretariat = clients["secretariat"].get(url).content.decode()
    assert secretariat.count('data-testid="register-link"') == 3
    officer = clients["unit_officer"].get(url).content.decode()
    assert officer.count('data-testid="register-link"') == 2
    assert _register_url(movement, tree.school) in officer
    leader = clients["leader"].get(url).content.decode()
    assert 'data-testid="register-link"' not in leader


def test_the_roll_exports_to_excel(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    response = clients["secretariat"].get(
        reverse("movements:registrations_export", args=[closed_window.pk]), {"late": "on"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(row[0] for row in rows) == sorted([tree.health.code, tree.school.code])
    health = next(row for row in rows if row[0] == tree.health.code)
    assert health[6] == 1  # one person registered


def test_the_roll_costs_the_same_queries_for_more_units(tree, people, clients, closed_window):
    _registered(closed_window, tree, people)
    url = reverse("movements:registrations", args=[closed_window.pk])
    client = clients["secretariat"]

    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.context["page"].object_list)

    few_queries, few_rows = measure()
    units = [
        UnitFactory(code=f"T99.XA{i:03d}", name=f"Xã số {i}", kind="xa", parent=tree.province)
        for i in range(12)
    ]
    services.participants_set(
        actor=None,
        movement=closed_window,
        units=[tree.education, tree.school, tree.health, *units],
    )
    inside = closed_window.registration_closes - timedelta(days=2)
    for unit in units[:6]:
        person = PersonFactory(unit=unit)
        services.registration_save(
            actor=None,
            movement=closed_window,
            unit=unit,
            collective_title="ttldtt",
            entries=[services.EntryRow(person=person, title="ldtt")],
            submit=True,
            today=inside,
        )
    many_queries, many_rows = measure()
    assert many_rows == few_rows + 12
    assert many_queries == few_queries


# The registration page and the unit's own targets ------------------------------------------


def test_the_registration_page_shows_people_and_targets(tree, people, clients, movement):
    registration = services.registration_save(
        actor=None,
        movement=movement,
        unit=tree.education,
        collective_title="ttldxs",
        entries=[services.EntryRow(person=people["director"], title="cstdcs")],
    )
    own = services.target_create(
        actor=None,
        movement=movement,
        level=Target.Level.UNIT,
        unit=tree.education,
        registration=registration,
        indicator="Tỷ lệ học sinh tốt nghiệp THPT",
        measure="%",
        value=Decimal("98.5"),
    )
    response = clients["block_head"].get(reverse("movements:registration", args=[registration.pk]))
    assert response.status_code == 200
    assert [e.person_id for e in response.context["entries"]] == [people["director"].pk]
    assert [t.pk for t in response.context["own_targets"]] == [own.pk]
    # The unit's share of the movement targets, given by the secretariat, is shown apart.
    assigned = {t.indicator for t in response.context["assigned_targets"]}
    assert assigned == {"Tỷ lệ trường học đạt chuẩn quốc gia"}
    assert not response.context["can_change"]


def test_a_unit_adds_a_target_of_its_own(tree, clients, movement, audit_log):
    registration = services.registration_save(actor=None, movement=movement, unit=tree.education)
    url = reverse("movements:unit_target_create", args=[registration.pk])
    response = clients["unit_officer"].post(
        url,
        {
            "group": "kinh_te",
            "indicator": "Thu ngân sách từ học phí",
            "measure": "tỷ đồng",
            "comparator": "tren",
            "value": "2.326,5",
            "direction": "cao",
            "cumulative": "on",
            "reference": "so với năm 2023",
            "baseline": "2100",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get(registration=registration)
    assert target.level == Target.Level.UNIT
    assert target.unit == tree.education
    assert target.movement == movement
    assert target.value == Decimal("2326.5")
    assert target.baseline == Decimal("2100")
    assert target.comparator == "tren" and target.cumulative and target.group == "kinh_te"
    assert audit_log(object_type="movements.target", object_id=str(target.pk))


def test_an_unreadable_number_is_refused(tree, clients, movement):
    registration = services.registration_save(actor=None, movement=movement, unit=tree.education)
    response = clients["unit_officer"].post(
        reverse("movements:unit_target_create", args=[registration.pk]),
        {
            "group": "khac",
            "indicator": "Số sáng kiến",
            "comparator": "dat",
            "value": "1.23.4",
            "direction": "cao",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["value"]
    assert not Target.objects.filter(registration=registration).exists()


def test_a_range_below_its_start_is_refused_next_to_the_field(tree, clients, movement):
    registration = services.registration_save(actor=None, movement=movement, unit=tree.education)
    response = clients["unit_officer"].post(
        reverse("movements:unit_target_create", args=[registration.pk]),
        {
            "group": "kinh_te",
            "indicator": "Tăng trưởng",
            "comparator": "khoang",
            "value": "7",
            "value_max": "6,5",
            "direction": "trong",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["value_max"]
    assert not Target.objects.filter(registration=registration).exists()


def test_a_row_can_be_removed_as_the_page_posts_it(tree, people, clients, movement):
    deputy = PersonFactory(full_name="Hoàng Thị Mai", unit=tree.education)
    registration = services.registration_save(
        actor=None,
        movement=movement,
        unit=tree.education,
        entries=[
            services.EntryRow(person=people["director"], title="cstdcs"),
            services.EntryRow(person=deputy, title="ldtt"),
        ],
    )
    url = _register_url(movement, tree.education)
    page = clients["unit_officer"].get(url)
    formset = page.context["formset"]
    assert formset.initial_form_count() == 2
    # What the browser sends back: the management form as rendered, the rows as shown,
    # the first one ticked for removal, the extra rows left empty.
    data = {
        "collective_title": "ttldtt",
        "note": "",
        "version": str(registration.version),
        "action": "draft",
        "entries-TOTAL_FORMS": str(formset.total_form_count()),
        "entries-INITIAL_FORMS": "2",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
        "entries-0-person": str(people["director"].pk),
        "entries-0-title": "cstdcs",
        "entries-0-DELETE": "on",
        "entries-1-person": str(deputy.pk),
        "entries-1-title": "ldtt",
    }
    response = clients["unit_officer"].post(url, data)
    assert response.status_code == 302
    assert list(registration.entries.values_list("person_id", "title")) == [(deputy.pk, "ldtt")]
