"""The registry search page (Sổ khen thưởng): search by name without diacritics, unit with
its subtree, year, title or form, decision number, recipient kind, revoked; scoped to what
the user sees; sortable, paginated in a constant number of queries; Excel export of every
filtered row; revoked awards marked with their reason."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from thidua.awards import selectors
from thidua.awards.models import Authority, Award, AwardType, Subject

from ..factories import PersonFactory
from .factories import issue, make_award, make_decision
from .registry_helpers import registry_fixture  # noqa: F401  (the registry fixture)

URL = reverse("awards:registry")


def _ids(response) -> set[int]:
    return {award.pk for award in response.context["page"].object_list}


def test_search_without_diacritics_finds_the_person(clients, registry):
    response = clients["secretariat"].get(URL, {"q": "nguyen thi anh"})
    assert response.status_code == 200
    assert _ids(response) == {registry.cstdcs_2023.pk, registry.cstdcs_2024.pk, registry.revoked.pk}
    assert "Nguyễn Thị Ánh" in response.content.decode()


def test_search_typed_with_diacritics_and_other_case(clients, registry):
    response = clients["secretariat"].get(URL, {"q": "LÊ HOÀNG"})
    assert _ids(response) == {registry.doctor_bk.pk}


def test_search_by_decision_number(clients, registry):
    number = registry.cstdcs_2023.decision.number
    for query in ({"q": number}, {"decision": number}, {"decision": number.split("/")[0]}):
        response = clients["secretariat"].get(URL, query)
        assert registry.cstdcs_2023.pk in _ids(response), query
        assert registry.doctor_bk.pk not in _ids(response), query


def test_unit_filter_includes_the_subtree_unless_asked_not_to(clients, tree, registry):
    client = clients["secretariat"]
    teacher_awards = {registry.cstdcs_2023.pk, registry.cstdcs_2024.pk, registry.revoked.pk}
    below_education = client.get(URL, {"unit": tree.education.pk})
    assert _ids(below_education) == teacher_awards | {registry.school_ttldtt.pk}
    only_education = client.get(URL, {"unit": tree.education.pk, "only_unit": "on"})
    assert _ids(only_education) == set()
    only_school = client.get(URL, {"unit": tree.school.pk, "only_unit": "on"})
    assert _ids(only_school) == teacher_awards | {registry.school_ttldtt.pk}


def test_filters_year_title_kind_and_revoked(clients, registry):
    client = clients["secretariat"]
    cstdcs = AwardType.objects.get(code="cstdcs")
    assert _ids(client.get(URL, {"year": 2023})) == {registry.cstdcs_2023.pk}
    assert _ids(client.get(URL, {"award_type": cstdcs.pk})) == {
        registry.cstdcs_2023.pk,
        registry.cstdcs_2024.pk,
    }
    assert _ids(client.get(URL, {"subject": Subject.COLLECTIVE})) == {registry.school_ttldtt.pk}
    assert _ids(client.get(URL, {"subject": Subject.HOUSEHOLD})) == {registry.household_award.pk}
    assert _ids(client.get(URL, {"revoked": "revoked"})) == {registry.revoked.pk}
    in_force = _ids(client.get(URL, {"revoked": "in_force"}))
    assert registry.revoked.pk not in in_force
    assert registry.cstdcs_2024.pk in in_force


def test_a_period_award_is_found_under_each_year_of_its_period(tree, people, users):
    award = make_award(
        person=people["clerk"], code="bk_tinh", year=2024, period_start=2020, issue=True
    )
    for year in (2020, 2022, 2024):
        found = selectors.award_search(users["secretariat"], year=year)
        assert list(found) == [award], year
    assert not selectors.award_search(users["secretariat"], year=2019).exists()


def test_revoked_award_is_marked_with_its_reason(clients, registry):
    html = clients["secretariat"].get(URL, {"revoked": "revoked"}).content.decode()
    assert 'data-testid="revoked"' in html
    assert "Hồ sơ đề nghị kê khai không trung thực" in html


def test_draft_decisions_are_not_in_the_registry(clients, tree, people):
    draft = make_award(person=people["clerk"], code="bk_tinh", year=2024)
    assert not draft.decision.is_issued
    assert draft.pk not in _ids(clients["secretariat"].get(URL))


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("unit_officer", {"cstdcs_2023", "cstdcs_2024", "revoked", "school_ttldtt"}),
        ("block_head", {"cstdcs_2023", "cstdcs_2024", "revoked", "school_ttldtt"}),
        ("other_officer", {"doctor_bk"}),
        ("no_role", set()),
        (
            "leader",
            {
                "cstdcs_2023",
                "cstdcs_2024",
                "revoked",
                "school_ttldtt",
                "doctor_bk",
                "household_award",
            },
        ),
    ],
)
def test_a_user_sees_the_registry_of_their_scope_only(clients, registry, role, expected):
    response = clients[role].get(URL)
    assert _ids(response) == {getattr(registry, name).pk for name in expected}
    # Searching another unit's people finds nothing outside the scope either.
    if role == "unit_officer":
        assert _ids(clients[role].get(URL, {"q": "le hoang long"})) == set()


def test_amounts_in_the_vietnamese_format(clients, registry):
    # Chiến sĩ thi đua cơ sở 2024, decision of 15/01/2025: 1,0 × 2.340.000 = 2.340.000 đ.
    assert registry.cstdcs_2024.amount == 2_340_000
    html = clients["secretariat"].get(URL, {"year": 2024, "q": "nguyen thi anh"}).content
    assert "2.340.000" in html.decode()
    assert "15/01/2025" in html.decode()


def test_sort_by_recipient_name(clients, registry):
    response = clients["secretariat"].get(URL, {"sort": "recipient_name_folded"})
    names = [a.recipient_name_folded for a in response.context["page"].object_list]
    assert names == sorted(names)
    response = clients["secretariat"].get(URL, {"sort": "-recipient_name_folded"})
    names = [a.recipient_name_folded for a in response.context["page"].object_list]
    assert names == sorted(names, reverse=True)


def test_htmx_request_gets_only_the_table(clients, registry):
    response = clients["secretariat"].get(URL, {"q": "nguyen"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Nguyễn Thị Ánh" in html


def _awards_on_one_decision(tree, count: int) -> list[Award]:
    decision = make_decision(
        tree.committee,
        authority=Authority.PROVINCIAL_CHAIRMAN,
        signed_on=datetime.date(2025, 1, 15),
    )
    from thidua.awards import services

    bk = AwardType.objects.get(code="bk_tinh")
    awards = []
    for index in range(count):
        person = PersonFactory(full_name=f"Trần Văn Số {index}", unit=tree.school)
        awards.append(
            services.award_add(
                actor=None,
                decision=decision,
                award_type=bk,
                subject=Subject.INDIVIDUAL,
                person=person,
                year=2024,
            )
        )
    issue(decision)
    return awards


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries)


def test_constant_number_of_queries_3_vs_30_rows(client, users, tree):
    client.force_login(users["unit_officer"])
    _awards_on_one_decision(tree, 3)
    few = _queries(client, unit=tree.education.pk, sort="recipient_name_folded")
    assert len(client.get(URL).context["page"].object_list) == 3
    _awards_on_one_decision(tree, 27)
    many = _queries(client, unit=tree.education.pk, sort="recipient_name_folded")
    assert len(client.get(URL).context["page"].object_list) == 30
    assert few == many


def test_export_has_every_filtered_row_not_only_the_page(clients, tree, settings):
    settings.THIDUA_PAGE_SIZE = 5
    awards = _awards_on_one_decision(tree, 12)
    client = clients["unit_officer"]
    page = client.get(URL, {"q": "tran van so"})
    assert len(page.context["page"].object_list) == 5
    response = client.get(reverse("awards:registry_export"), {"q": "tran van so"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(awards) == 12
    with translation.override("vi"):
        assert header[1] == gettext("Recipient")
    names = {row[1] for row in body}
    assert names == {f"Trần Văn Số {i}" for i in range(12)}
    # Bằng khen của Chủ tịch UBND tỉnh, 15/01/2025: 1,5 × 2.340.000 = 3.510.000 đ.
    assert {row[13] for row in body} == {3_510_000}


def test_export_marks_revoked_awards_with_their_reason(clients, registry):
    response = clients["secretariat"].get(reverse("awards:registry_export"), {"revoked": "revoked"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    body = list(sheet.iter_rows(values_only=True))[1:]
    assert len(body) == 1
    assert body[0][15] == "Hồ sơ đề nghị kê khai không trung thực"
    assert body[0][14]


def test_export_is_scoped(clients, registry):
    response = clients["other_officer"].get(reverse("awards:registry_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    body = list(sheet.iter_rows(values_only=True))[1:]
    assert [row[1] for row in body] == ["Lê Hoàng Long"]


def test_registry_is_in_the_navigation(clients):
    html = clients["unit_officer"].get(reverse("home")).content.decode()
    assert f'href="{URL}"' in html
