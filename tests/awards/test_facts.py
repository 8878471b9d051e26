"""Recording the facts the eligibility rules read, through the pages: task ratings,
discipline, initiatives (with author pickers) and households. Changes go through the
services (audited, versioned); errors show next to their field; a unit officer records
facts of their own subtree only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from thidua.awards import services
from thidua.awards.models import (
    Discipline,
    DisciplineForm,
    DisciplineStatus,
    Household,
    Initiative,
    Rating,
    TaskRating,
)

from .factories import make_household
from .registry_helpers import rate, registry_fixture  # noqa: F401  (the registry fixture)


def _errors(response, field: str) -> list[str]:
    return response.context["form"].errors.get(field, [])


# Task ratings ----------------------------------------------------------------------------


def test_officer_records_a_rating_from_the_history_page(clients, people, audit_log):
    teacher = people["teacher"]
    url = reverse("awards:person_rating_create", args=[teacher.pk])
    assert clients["unit_officer"].get(url, {"year": 2025}).status_code == 200
    response = clients["unit_officer"].post(
        url,
        {
            "year": 2025,
            "rating": Rating.EXCELLENT,
            "months_worked": 6,
            "maternity_leave_months": 6,
            "basis": "Quyết định 12/QĐ-THPT ngày 20/12/2025",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:person_history", args=[teacher.pk])
    rating = TaskRating.objects.get(person=teacher, year=2025)
    assert rating.rating == Rating.EXCELLENT
    assert (rating.months_worked, rating.maternity_leave_months) == (6, 6)
    assert rating.recipient_unit == teacher.unit
    assert audit_log(object_type="awards.taskrating", action="create")


def test_a_second_rating_for_the_same_year_is_refused_next_to_the_year(clients, people):
    teacher = people["teacher"]
    rate(person=teacher, year=2024, rating=Rating.GOOD)
    response = clients["unit_officer"].post(
        reverse("awards:person_rating_create", args=[teacher.pk]),
        {"year": 2024, "rating": Rating.EXCELLENT},
    )
    assert response.status_code == 200
    assert _errors(response, "year")
    assert TaskRating.objects.get(person=teacher, year=2024).rating == Rating.GOOD


def test_months_over_twelve_are_refused_next_to_the_field(clients, people):
    response = clients["unit_officer"].post(
        reverse("awards:person_rating_create", args=[people["teacher"].pk]),
        {"year": 2024, "rating": Rating.GOOD, "months_worked": 10, "maternity_leave_months": 4},
    )
    assert response.status_code == 200
    assert _errors(response, "maternity_leave_months")
    assert 'data-field-error="maternity_leave_months"' in response.content.decode()
    assert not TaskRating.objects.exists()


def test_edit_a_rating_with_a_stale_version_is_refused(clients, people):
    rating = rate(person=people["teacher"], year=2024, rating=Rating.GOOD)
    url = reverse("awards:rating_edit", args=[rating.pk])
    opened = rating.version
    rate(person=people["teacher"], year=2024, rating=Rating.COMPLETED)  # someone else
    response = clients["unit_officer"].post(url, {"rating": Rating.EXCELLENT, "version": opened})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert TaskRating.objects.get(pk=rating.pk).rating == Rating.COMPLETED
    fresh = TaskRating.objects.get(pk=rating.pk)
    response = clients["unit_officer"].post(
        url, {"year": 1990, "rating": Rating.EXCELLENT, "version": fresh.version}
    )
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert (fresh.rating, fresh.year) == (Rating.EXCELLENT, 2024)  # the year stays


def test_delete_a_rating(clients, people, audit_log):
    rating = rate(person=people["teacher"], year=2024)
    response = clients["unit_officer"].post(reverse("awards:rating_delete", args=[rating.pk]))
    assert response.status_code == 302
    assert not TaskRating.objects.filter(pk=rating.pk).exists()
    assert audit_log(object_type="awards.taskrating", action="delete")


def test_unit_rating(clients, tree):
    response = clients["unit_officer"].post(
        reverse("awards:unit_rating_create", args=[tree.school.pk]),
        {"year": 2024, "rating": Rating.EXCELLENT},
    )
    assert response.status_code == 302
    assert TaskRating.objects.get(unit=tree.school, year=2024).rating == Rating.EXCELLENT


@pytest.mark.parametrize(("role", "status"), [("other_officer", 404), ("block_head", 403)])
def test_only_the_units_officers_record_ratings(clients, people, role, status):
    response = clients[role].post(
        reverse("awards:person_rating_create", args=[people["teacher"].pk]),
        {"year": 2024, "rating": Rating.EXCELLENT},
    )
    assert response.status_code == status
    assert not TaskRating.objects.exists()


# Discipline ------------------------------------------------------------------------------


def test_record_a_discipline_with_its_period(clients, people, audit_log):
    teacher = people["teacher"]
    response = clients["unit_officer"].post(
        reverse("awards:discipline_create", args=[teacher.pk]),
        {
            "status": DisciplineStatus.DECIDED,
            "form": DisciplineForm.REPRIMAND,
            "decision_number": "15/QĐ-THPT",
            "starts_on": "01/03/2024",
            "ends_on": "28/02/2025",
            "reason": "Vi phạm nội quy",
        },
    )
    assert response.status_code == 302
    discipline = Discipline.objects.get(person=teacher)
    assert discipline.starts_on == datetime.date(2024, 3, 1)
    assert discipline.ends_on == datetime.date(2025, 2, 28)
    assert audit_log(object_type="awards.discipline", action="create")


def test_discipline_errors_next_to_their_fields(clients, people):
    response = clients["unit_officer"].post(
        reverse("awards:discipline_create", args=[people["teacher"].pk]),
        {"status": DisciplineStatus.DECIDED, "starts_on": "01/03/2024", "ends_on": "01/01/2024"},
    )
    assert response.status_code == 200
    assert _errors(response, "form")
    assert _errors(response, "ends_on")
    assert not Discipline.objects.exists()


def test_a_review_under_way_needs_no_form(clients, people):
    response = clients["unit_officer"].post(
        reverse("awards:discipline_create", args=[people["teacher"].pk]),
        {"status": DisciplineStatus.UNDER_REVIEW, "starts_on": "01/10/2025"},
    )
    assert response.status_code == 302
    assert Discipline.objects.get().status == DisciplineStatus.UNDER_REVIEW


def test_edit_and_delete_a_discipline(clients, people):
    discipline = services.discipline_create(
        actor=None,
        person=people["teacher"],
        form=DisciplineForm.REPRIMAND,
        starts_on=datetime.date(2024, 3, 1),
    )
    client = clients["unit_officer"]
    response = client.post(
        reverse("awards:discipline_edit", args=[discipline.pk]),
        {
            "status": DisciplineStatus.DECIDED,
            "form": DisciplineForm.WARNING,
            "starts_on": "01/03/2024",
            "ends_on": "01/03/2025",
            "version": discipline.version,
        },
    )
    assert response.status_code == 302
    discipline.refresh_from_db()
    assert discipline.form == DisciplineForm.WARNING
    assert (
        clients["other_officer"]
        .post(reverse("awards:discipline_delete", args=[discipline.pk]))
        .status_code
        == 404
    )
    client.post(reverse("awards:discipline_delete", args=[discipline.pk]))
    assert not Discipline.objects.exists()


# Initiatives -----------------------------------------------------------------------------


def _initiative_data(tree, authors, **changes):
    data = {
        "kind": "sang_kien",
        "title": "Số hóa hồ sơ học sinh",
        "authors": [p.pk for p in authors],
        "unit": tree.school.pk,
        "year": 2024,
        "scope": "bo_tinh",
        "recognised_by": "Hội đồng sáng kiến tỉnh",
        "recognised_on": "15/11/2024",
    }
    data.update(changes)
    return data


def test_record_an_initiative_with_its_authors(clients, tree, people, audit_log):
    teacher, director = people["teacher"], people["director"]
    url = reverse("awards:initiative_create")
    page = clients["unit_officer"].get(url, {"person": teacher.pk})
    assert page.status_code == 200
    assert page.context["form"].initial["authors"] == [teacher.pk]
    response = clients["unit_officer"].post(
        f"{url}?person={teacher.pk}", _initiative_data(tree, [teacher, director])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:person_history", args=[teacher.pk])
    initiative = Initiative.objects.get()
    assert set(initiative.authors.all()) == {teacher, director}
    assert audit_log(object_type="awards.initiative", action="create")


def test_an_author_outside_the_scope_cannot_be_chosen(clients, tree, people):
    response = clients["unit_officer"].post(
        reverse("awards:initiative_create"),
        _initiative_data(tree, [people["teacher"], people["doctor"]]),
    )
    assert response.status_code == 200
    assert _errors(response, "authors")
    assert not Initiative.objects.exists()


def test_an_initiative_needs_an_author_and_a_past_year(clients, tree):
    response = clients["unit_officer"].post(
        reverse("awards:initiative_create"), _initiative_data(tree, [], year=2100)
    )
    assert _errors(response, "authors")
    assert _errors(response, "year")


def test_edit_and_delete_an_initiative(clients, tree, people):
    initiative = services.initiative_create(
        actor=None,
        authors=[people["teacher"]],
        kind="sang_kien",
        title="Cũ",
        unit=tree.school,
        year=2023,
        scope="co_so",
    )
    client = clients["unit_officer"]
    url = reverse("awards:initiative_edit", args=[initiative.pk])
    response = client.post(
        f"{url}?person={people['teacher'].pk}",
        _initiative_data(tree, [people["teacher"]], title="Mới", version=initiative.version),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:person_history", args=[people["teacher"].pk])
    initiative.refresh_from_db()
    assert (initiative.title, initiative.scope) == ("Mới", "bo_tinh")
    stale = client.post(
        url,
        _initiative_data(tree, [people["teacher"]], title="Khác", version=initiative.version - 1),
    )
    assert stale.status_code == 200 and stale.context["form"].non_field_errors()
    client.post(reverse("awards:initiative_delete", args=[initiative.pk]))
    assert not Initiative.objects.exists()


def test_person_lookup_folds_diacritics_and_is_scoped(clients, people):
    url = reverse("awards:person_lookup")
    found = clients["unit_officer"].get(url, {"q": "nguyen thi anh"}).json()["results"]
    assert [item["id"] for item in found] == [people["teacher"].pk]
    assert clients["unit_officer"].get(url, {"q": "le hoang"}).json()["results"] == []
    assert clients["no_role"].get(url).json()["results"] == []


# Households ------------------------------------------------------------------------------


def test_household_list_search_without_diacritics(clients, tree):
    make_household(tree.commune, head_name="Đặng Văn Bình", address="Thôn Trung")
    make_household(tree.commune, head_name="Lò Thị Mai", address="Bản Phìn")
    client = clients["secretariat"]
    response = client.get(reverse("awards:household_list"), {"q": "dang van binh"})
    assert [h.head_name for h in response.context["page"]] == ["Đặng Văn Bình"]
    response = client.get(reverse("awards:household_list"), {"q": "Bản Phìn"})
    assert [h.head_name for h in response.context["page"]] == ["Lò Thị Mai"]
    # The commune is outside Sở GD&ĐT: its officer sees none.
    assert list(clients["unit_officer"].get(reverse("awards:household_list")).context["page"]) == []


def test_household_create_edit_and_delete(clients, tree, audit_log):
    client = clients["secretariat"]
    response = client.post(
        reverse("awards:household_create"),
        {"head_name": "  Vàng   Seo Lử ", "address": "Thôn Sín Chải", "unit": tree.commune.pk},
    )
    assert response.status_code == 302
    household = Household.objects.get()
    assert household.head_name == "Vàng Seo Lử"
    response = client.post(
        reverse("awards:household_edit", args=[household.pk]),
        {
            "head_name": "Vàng Seo Lử",
            "address": "Thôn Mới",
            "unit": tree.commune.pk,
            "version": household.version,
        },
    )
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.address == "Thôn Mới"
    client.post(reverse("awards:household_delete", args=[household.pk]))
    assert not Household.objects.exists()
    assert audit_log(object_type="awards.household", action="delete")


def test_a_household_with_awards_cannot_be_deleted(clients, registry):
    response = clients["secretariat"].post(
        reverse("awards:household_delete", args=[registry.household.pk]), follow=True
    )
    assert Household.objects.filter(pk=registry.household.pk).exists()
    assert list(response.context["messages"])


def test_a_unit_officer_cannot_file_a_household_outside_their_subtree(clients, tree):
    response = clients["unit_officer"].post(
        reverse("awards:household_create"),
        {"head_name": "Hộ ngoài", "address": "Thôn 1", "unit": tree.commune.pk},
    )
    assert response.status_code == 200
    assert _errors(response, "unit")
    assert not Household.objects.exists()
