"""People: create (with the duplicate check), identity numbers, search, filters, sort,
export to Excel, edit and delete."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from thidua.org import services
from thidua.org.models import Person

from ..conftest import client_for
from ..factories import PersonFactory


def person_data(unit, **changes) -> dict:
    data = {
        "full_name": "Nguyễn Văn Bình",
        "gender": "nam",
        "date_of_birth": "17/05/1985",
        "ethnicity": "01",
        "unit": unit.pk,
        "management_level": "truc_tiep",
        "is_active": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def names(response) -> list[str]:
    return [person.full_name for person in response.context["page"].object_list]


# Create and the duplicate check ---------------------------------------------------------


def test_unit_officer_adds_a_person_to_their_school(tree, users, audit_log):
    response = client_for(users["unit_officer"]).post(
        reverse("org:person_create"),
        person_data(tree.school, full_name="  Võ   Thị Hồng ", position="Giáo viên"),
    )
    assert response.status_code == 302, response.context["form"].errors
    person = Person.objects.get(name_folded="vo thi hong")
    assert response["Location"] == reverse("org:person_detail", args=[person.pk])
    assert person.full_name == "Võ Thị Hồng"
    assert person.unit == tree.school
    assert person.date_of_birth == datetime.date(1985, 5, 17)
    (entry,) = audit_log(action="create", object_type="org.person")
    assert entry.actor == users["unit_officer"]
    assert entry.before is None
    assert entry.after["full_name"] == "Võ Thị Hồng"
    assert entry.after["unit_id"] == tree.school.pk
    assert entry.unit_path == tree.school.path


def test_same_folded_name_and_birth_date_warns_first_and_saves_on_confirmation(
    tree, users, people, audit_log
):
    teacher = people["teacher"]  # Nguyễn Thị Ánh, born 17/05/1985, in the school
    client = client_for(users["secretariat"])
    count = Person.objects.count()
    # Typed differently (no diacritics, other case), in another unit: still a likely duplicate.
    data = person_data(tree.commune, full_name="NGUYEN THI ANH", gender="nu")

    first = client.post(reverse("org:person_create"), data)

    assert first.status_code == 200
    assert first.context["form"].non_field_errors()
    assert [p.pk for p in first.context["duplicates"]] == [teacher.pk]
    assert teacher.unit.name in first.content.decode()
    assert Person.objects.count() == count
    assert audit_log(object_type="org.person") == []

    second = client.post(reverse("org:person_create"), {**data, "confirm_duplicate": "on"})

    assert second.status_code == 302, second.context["form"].errors
    assert Person.objects.count() == count + 1
    assert Person.objects.filter(name_folded="nguyen thi anh").count() == 2
    assert len(audit_log(action="create", object_type="org.person")) == 1


def test_same_name_with_another_birth_date_is_not_a_duplicate(tree, users, people):
    response = client_for(users["secretariat"]).post(
        reverse("org:person_create"),
        person_data(tree.school, full_name="Nguyễn Thị Ánh", date_of_birth="18/05/1985"),
    )
    assert response.status_code == 302
    assert Person.objects.filter(name_folded="nguyen thi anh").count() == 2


def test_create_in_a_unit_outside_the_scope_is_refused(tree, users):
    response = client_for(users["unit_officer"]).post(
        reverse("org:person_create"), person_data(tree.hospital, full_name="Ngoài Phạm Vi")
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Person.objects.filter(name_folded="ngoai pham vi").exists()


# Identity numbers ------------------------------------------------------------------------


def test_identity_number_is_unique_when_given(tree, users, people):
    client = client_for(users["secretariat"])
    response = client.post(
        reverse("org:person_create"),
        person_data(tree.school, identity_number=people["teacher"].identity_number),
    )
    assert response.status_code == 200
    assert "identity_number" in response.context["form"].errors
    assert Person.objects.filter(identity_number=people["teacher"].identity_number).count() == 1
    with pytest.raises(ValidationError) as error:
        services.person_create(
            actor=None,
            unit=tree.school,
            full_name="Khác",
            gender="nam",
            identity_number=people["teacher"].identity_number,
        )
    assert "identity_number" in error.value.message_dict


def test_many_people_without_identity_number(tree):
    for n in range(3):
        services.person_create(
            actor=None, unit=tree.school, full_name=f"Người {n}", gender="nam", identity_number=""
        )
    services.person_create(
        actor=None, unit=tree.school, full_name="Người 4", gender="nu", identity_number=None
    )
    assert Person.objects.filter(identity_number__isnull=True, unit=tree.school).count() == 4


@pytest.mark.parametrize(
    ("number", "stored"),
    [
        ("001190000123", "001190000123"),
        ("012345678", "012345678"),
        ("012 345 679", "012345679"),
    ],
)
def test_identity_number_of_12_or_9_digits_is_accepted(tree, users, number, stored):
    response = client_for(users["secretariat"]).post(
        reverse("org:person_create"), person_data(tree.school, identity_number=number)
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Person.objects.get(name_folded="nguyen van binh").identity_number == stored


@pytest.mark.parametrize("number", ["12345678", "1234567890", "12345678901", "00119000012A"])
def test_identity_number_of_other_lengths_is_refused(tree, users, number):
    response = client_for(users["secretariat"]).post(
        reverse("org:person_create"), person_data(tree.school, identity_number=number)
    )
    assert response.status_code == 200
    assert "identity_number" in response.context["form"].errors
    assert not Person.objects.filter(name_folded="nguyen van binh").exists()


def test_api_refuses_a_bad_identity_number_with_422(tree, users):
    response = client_for(users["secretariat"]).post(
        reverse("api-1.0.0:create_person"),
        {
            "full_name": "Lý Văn Mười",
            "gender": "nam",
            "unit_id": tree.school.pk,
            "identity_number": "123",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "identity_number" in response.json()["detail"]
    assert not Person.objects.filter(name_folded="ly van muoi").exists()


# Search, filters, sort ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["nguyen thi anh", "NGUYEN THI ANH", "Nguyễn Thị Ánh", "thi anh"])
def test_search_without_diacritics(users, people, query):
    client = client_for(users["secretariat"])
    assert names(client.get(reverse("org:person_list"), {"q": query})) == ["Nguyễn Thị Ánh"]
    api = client.get(reverse("api-1.0.0:list_people"), {"q": query}).json()
    assert [p["full_name"] for p in api["items"]] == ["Nguyễn Thị Ánh"]


def test_search_by_identity_number(users, people):
    response = client_for(users["secretariat"]).get(
        reverse("org:person_list"), {"q": people["teacher"].identity_number}
    )
    assert names(response) == ["Nguyễn Thị Ánh"]


def test_search_stays_inside_the_scope(users, people):
    response = client_for(users["other_officer"]).get(
        reverse("org:person_list"), {"q": "nguyen thi anh"}
    )
    assert names(response) == []


def test_filters(tree, users, people):
    retired = PersonFactory(
        full_name="Đỗ Văn Cũ", unit=tree.school, is_active=False, ethnicity="02"
    )
    client = client_for(users["secretariat"])
    url = reverse("org:person_list")
    assert set(names(client.get(url, {"gender": "nu"}))) == {"Nguyễn Thị Ánh", "Phạm Thu Hà"}
    assert names(client.get(url, {"management_level": "lanh_dao"})) == ["Trần Văn Đức"]
    assert names(client.get(url, {"ethnicity": "02"})) == [retired.full_name]
    assert names(client.get(url, {"active": "0"})) == [retired.full_name]
    assert retired.full_name not in names(client.get(url, {"active": "1"}))
    # A unit filter includes its sub-units.
    assert set(names(client.get(url, {"unit": tree.education.pk}))) == {
        "Nguyễn Thị Ánh",
        "Trần Văn Đức",
        retired.full_name,
    }
    assert set(names(client.get(url, {"unit": tree.education.pk, "gender": "nu"}))) == {
        "Nguyễn Thị Ánh"
    }
    api = client.get(reverse("api-1.0.0:list_people"), {"unit": tree.health.pk}).json()
    assert [p["full_name"] for p in api["items"]] == ["Lê Hoàng Long"]


def test_a_unit_filter_outside_the_scope_answers_404(tree, users, people):
    client = client_for(users["unit_officer"])
    assert client.get(reverse("org:person_list"), {"unit": tree.health.pk}).status_code == 404
    api = client.get(reverse("api-1.0.0:list_people"), {"unit": tree.health.pk})
    assert api.status_code == 404


def test_sort(tree, users):
    for name, born in (
        ("Châu Văn Ba", datetime.date(1990, 1, 1)),
        ("Âu Thị Hai", datetime.date(1970, 1, 1)),
        ("Bạch Văn Một", datetime.date(1980, 1, 1)),
    ):
        PersonFactory(full_name=name, unit=tree.school, date_of_birth=born)
    client = client_for(users["unit_officer"])
    url = reverse("org:person_list")
    # By folded name by default, so "Âu" sorts with "Au", before "Bạch".
    assert names(client.get(url)) == ["Âu Thị Hai", "Bạch Văn Một", "Châu Văn Ba"]
    assert names(client.get(url, {"sort": "date_of_birth"})) == [
        "Âu Thị Hai",
        "Bạch Văn Một",
        "Châu Văn Ba",
    ]
    assert names(client.get(url, {"sort": "-date_of_birth"})) == [
        "Châu Văn Ba",
        "Bạch Văn Một",
        "Âu Thị Hai",
    ]
    assert names(client.get(url, {"sort": "-name_folded"})) == [
        "Châu Văn Ba",
        "Bạch Văn Một",
        "Âu Thị Hai",
    ]
    # A field that is not offered for sorting falls back to the default, not an error.
    response = client.get(url, {"sort": "identity_number"})
    assert response.status_code == 200
    assert names(response) == ["Âu Thị Hai", "Bạch Văn Một", "Châu Văn Ba"]


def test_list_paginates(tree, users, settings):
    settings.THIDUA_PAGE_SIZE = 5
    for n in range(12):
        PersonFactory(full_name=f"Người Số {n:02d}", unit=tree.school)
    client = client_for(users["unit_officer"])
    pages = [names(client.get(reverse("org:person_list"), {"page": p})) for p in (1, 2, 3)]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert sorted(sum(pages, [])) == sorted(f"Người Số {n:02d}" for n in range(12))


def test_htmx_request_gets_only_the_table(users, people):
    response = client_for(users["secretariat"]).get(
        reverse("org:person_list"), {"q": "anh"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "Nguyễn Thị Ánh" in html
    assert "HX-Request" in response["Vary"]


# Export ---------------------------------------------------------------------------------


def exported_rows(response) -> list[list]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("unit_officer", {"teacher", "director"}),
        ("other_officer", {"doctor"}),
        ("secretariat", {"teacher", "director", "doctor", "clerk"}),
        ("no_role", set()),
    ],
)
def test_export_has_exactly_the_people_in_scope(users, people, role, expected):
    rows = exported_rows(client_for(users[role]).get(reverse("org:person_export")))
    header, *data = rows
    assert len(header) >= 10
    assert sorted(row[0] for row in data) == sorted(people[key].full_name for key in expected)


def test_export_follows_the_filters_and_writes_real_dates(tree, users, people):
    rows = exported_rows(
        client_for(users["unit_officer"]).get(reverse("org:person_export"), {"q": "nguyen thi anh"})
    )
    header, *data = rows
    assert len(data) == 1
    row = dict(zip(header, data[0], strict=False))
    assert data[0][0] == "Nguyễn Thị Ánh"
    # The date of birth is an Excel date, not text, and the unit code is there for re-import.
    assert datetime.date(1985, 5, 17) in [
        value.date() if isinstance(value, datetime.datetime) else value for value in row.values()
    ]
    assert tree.school.code in row.values()
    assert people["teacher"].identity_number in row.values()


# Edit and delete ------------------------------------------------------------------------


def test_edit_with_a_stale_version_is_refused(tree, users, people):
    teacher = people["teacher"]
    client = client_for(users["unit_officer"])
    url = reverse("org:person_edit", args=[teacher.pk])
    services.person_update(actor=users["secretariat"], person=teacher, position="Tổ trưởng")
    response = client.post(
        url,
        {
            **person_data(tree.school, full_name=teacher.full_name, gender="nu"),
            "identity_number": teacher.identity_number,
            "position": "Giáo viên",
            "version": teacher.version,
        },
    )
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["stale"]
    assert Person.objects.get(pk=teacher.pk).position == "Tổ trưởng"


def test_unit_officer_cannot_move_a_person_out_of_their_scope(tree, users, people):
    teacher = people["teacher"]
    response = client_for(users["unit_officer"]).post(
        reverse("org:person_edit", args=[teacher.pk]),
        {
            **person_data(tree.hospital, full_name=teacher.full_name, gender="nu"),
            "identity_number": teacher.identity_number,
            "version": teacher.version,
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Person.objects.get(pk=teacher.pk).unit_id == tree.school.pk


def test_delete_writes_an_audit_entry_with_the_before_snapshot(tree, users, people, audit_log):
    teacher = people["teacher"]
    client = client_for(users["unit_officer"])
    url = reverse("org:person_delete", args=[teacher.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert Person.objects.filter(pk=teacher.pk).exists()  # GET only asks

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("org:unit_detail", args=[tree.school.pk])
    assert not Person.objects.filter(pk=teacher.pk).exists()
    (entry,) = audit_log(action="delete")
    assert entry.object_type == "org.person"
    assert entry.object_id == str(teacher.pk)
    assert entry.object_repr == "Nguyễn Thị Ánh"
    assert entry.actor == users["unit_officer"]
    assert entry.after is None
    assert entry.before["full_name"] == "Nguyễn Thị Ánh"
    assert entry.before["identity_number"] == teacher.identity_number
    assert entry.before["date_of_birth"] == "1985-05-17"
    assert entry.before["unit_id"] == tree.school.pk
    # Scoped like the person was, so the school's officer and the secretariat find it.
    assert entry.unit_path == tree.school.path
    assert (
        client_for(users["secretariat"]).get(reverse("audit:detail", args=[entry.seq])).status_code
        == 200
    )


def test_identity_number_typed_in_groups_is_accepted(clients, tree):
    from thidua.org.models import Person

    response = clients["unit_officer"].post(
        "/org/people/new/",
        {
            "full_name": "Tạ Văn Nhóm",
            "gender": "nam",
            "ethnicity": "01",
            "unit": tree.school.pk,
            "management_level": "truc_tiep",
            "identity_number": "0011 9000 0124",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Person.objects.get(full_name="Tạ Văn Nhóm").identity_number == "001190000124"
