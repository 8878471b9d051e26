"""History pages: a person's, a unit's and a household's whole history as a timeline by
year, newest first — awards (revoked ones marked with the reason), task ratings,
discipline with its period, initiatives with their scope — with a quick eligibility check
and links to record facts for whoever may change them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from thidua.awards import selectors, services
from thidua.awards.models import DisciplineForm, EffectScope, Rating
from thidua.org import services as org_services

from .factories import make_award
from .registry_helpers import rate, registry_fixture  # noqa: F401  (the registry fixture)


def _url(name, obj):
    return reverse(f"awards:{name}", args=[obj.pk])


def test_person_timeline_is_grouped_by_year_newest_first(users, people, registry):
    timeline = selectors.history(users["secretariat"], people["teacher"])
    assert [year.year for year in timeline] == [2024, 2023, 2022]
    y2024 = timeline[0]
    assert {a.pk for a in y2024.awards} == {registry.cstdcs_2024.pk, registry.revoked.pk}
    assert y2024.rating.rating == Rating.EXCELLENT
    assert [a.pk for a in timeline[1].awards] == [registry.cstdcs_2023.pk]
    assert timeline[2].awards == [] and timeline[2].rating is not None


def test_person_history_page_shows_awards_decisions_amounts_and_revoked(clients, people, registry):
    response = clients["unit_officer"].get(_url("person_history", people["teacher"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.index('data-year="2024"')
        < html.index('data-year="2023"')
        < html.index('data-year="2022"')
    )
    decision = registry.cstdcs_2024.decision
    assert decision.number in html
    assert decision.authority_name in html
    assert "15/01/2025" in html
    # 1,0 × 2.340.000 (base salary on 15/01/2025) = 2.340.000 đ.
    assert "2.340.000 đ" in html
    assert "Hồ sơ đề nghị kê khai không trung thực" in html
    assert html.count('data-testid="revoked"') == 1
    assert 'data-testid="rating-badge"' in html
    summary = response.context["summary"]
    assert summary["awards"] == 2 and summary["revoked"] == 1
    # 2 × Chiến sĩ thi đua cơ sở, coefficient 1,0 × the base salary on the decision date:
    # 15/01/2024 → 1.800.000, 15/01/2025 → 2.340.000. The revoked Bằng khen is not counted.
    assert summary["amount"] == registry.cstdcs_2023.amount + registry.cstdcs_2024.amount
    assert registry.cstdcs_2023.amount == 1_800_000


def test_discipline_in_red_under_every_year_of_its_period(clients, users, people, registry):
    teacher = people["teacher"]
    services.discipline_create(
        actor=None,
        person=teacher,
        form=DisciplineForm.WARNING,
        decision_number="07/QĐ-KL",
        starts_on=datetime.date(2023, 6, 1),
        ends_on=datetime.date(2024, 5, 31),
        reason="Vi phạm quy chế chuyên môn",
    )
    timeline = selectors.history(users["secretariat"], teacher)
    by_year = {year.year: year for year in timeline}
    assert len(by_year[2023].disciplines) == 1 and len(by_year[2024].disciplines) == 1
    assert by_year[2022].disciplines == []
    html = clients["unit_officer"].get(_url("person_history", teacher)).content.decode()
    with translation.override("vi"):
        assert str(DisciplineForm.WARNING.label) in html
    assert "01/06/2023 – 31/05/2024" in html
    assert "border-danger text-danger" in html


def test_initiatives_with_their_scope(clients, tree, people, registry):
    teacher, director = people["teacher"], people["director"]
    services.initiative_create(
        actor=None,
        authors=[teacher, director],
        kind="sang_kien",
        title="Ứng dụng học liệu số trong dạy học Hóa học",
        unit=tree.school,
        year=2024,
        scope=EffectScope.PROVINCE,
        recognised_by="Hội đồng sáng kiến cấp tỉnh",
    )
    html = clients["unit_officer"].get(_url("person_history", teacher)).content.decode()
    assert "Ứng dụng học liệu số trong dạy học Hóa học" in html
    assert "Trần Văn Đức" in html  # the co-author
    unit_html = clients["unit_officer"].get(_url("unit_history", tree.school)).content.decode()
    assert "Ứng dụng học liệu số trong dạy học Hóa học" in unit_html


def test_unit_history_shows_collective_awards_and_ratings(clients, tree, registry):
    rate(unit=tree.school, year=2024, rating=Rating.EXCELLENT)
    response = clients["unit_officer"].get(_url("unit_history", tree.school))
    assert response.status_code == 200
    timeline = response.context["timeline"]
    assert [a.pk for a in timeline[0].awards] == [registry.school_ttldtt.pk]
    assert timeline[0].rating.rating == Rating.EXCELLENT
    # The people's own awards are not the unit's.
    assert registry.cstdcs_2024.pk not in {a.pk for y in timeline for a in y.awards}


def test_household_history(clients, registry):
    response = clients["secretariat"].get(_url("household_history", registry.household))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoàng Văn Thụ" in html and "Thôn Đông" in html
    assert [a.pk for y in response.context["timeline"] for a in y.awards] == [
        registry.household_award.pk
    ]


def test_empty_history(clients, people):
    response = clients["secretariat"].get(_url("person_history", people["clerk"]))
    assert response.status_code == 200
    assert 'data-testid="history-empty"' in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("unit_officer", 200), ("block_head", 200), ("leader", 200), ("other_officer", 404)],
)
def test_history_is_scoped(clients, people, registry, role, status):
    assert clients[role].get(_url("person_history", people["teacher"])).status_code == status


def test_household_history_is_scoped(clients, registry):
    assert (
        clients["unit_officer"].get(_url("household_history", registry.household)).status_code
        == 404
    )


def test_a_person_who_moved_keeps_their_whole_history(clients, tree, people, registry):
    """The doctor's Bằng khen was filed under the hospital; once the doctor works at the
    school, the school's officer sees it on the doctor's history page."""
    doctor = people["doctor"]
    org_services.person_update(actor=None, person=doctor, unit=tree.school)
    response = clients["unit_officer"].get(_url("person_history", doctor))
    assert response.status_code == 200
    assert [a.pk for y in response.context["timeline"] for a in y.awards] == [registry.doctor_bk.pk]


def test_links_to_record_facts_only_for_those_who_may(clients, people, registry):
    url = _url("person_history", people["teacher"])
    officer = clients["unit_officer"].get(url).content.decode()
    for testid in ("add-rating", "add-discipline", "add-initiative"):
        assert f'data-testid="{testid}"' in officer
    for role in ("block_head", "leader"):
        html = clients[role].get(url).content.decode()
        assert 'data-testid="add-rating"' not in html
        assert 'data-testid="add-discipline"' not in html


def test_quick_check_from_the_history_page(clients, people, registry):
    teacher = people["teacher"]
    client = clients["unit_officer"]
    page = client.get(_url("person_history", teacher)).content.decode()
    assert 'data-testid="quick-check"' in page
    assert reverse("awards:eligibility_check") in page
    response = client.get(
        reverse("awards:eligibility_check"),
        {
            "subject": "ca_nhan",
            "person": teacher.pk,
            "award_type": _type("cstd_tinh"),
            "year": 2025,
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "<html" not in html
    # Two consecutive Chiến sĩ thi đua cơ sở (2023, 2024) and none in 2025: the law asks for
    # three (Điều 22 Luật Thi đua, khen thưởng 2022).
    assert 'data-status="not_eligible"' in html
    assert 'data-outcome="not_met"' in html
    assert "Điều 22 Luật Thi đua, khen thưởng 2022" in html


def _type(code):
    from thidua.awards.models import AwardType

    return AwardType.objects.get(code=code).pk


def test_org_pages_link_to_the_award_history(clients, tree, people):
    person_page = clients["unit_officer"].get(
        reverse("org:person_detail", args=[people["teacher"].pk])
    )
    assert _url("person_history", people["teacher"]) in person_page.content.decode()
    unit_page = clients["unit_officer"].get(reverse("org:unit_detail", args=[tree.school.pk]))
    assert _url("unit_history", tree.school) in unit_page.content.decode()


def test_registry_links_each_recipient_to_their_history(clients, people, tree, registry):
    html = clients["secretariat"].get(reverse("awards:registry")).content.decode()
    assert _url("person_history", people["teacher"]) in html
    assert _url("unit_history", tree.school) in html
    assert _url("household_history", registry.household) in html


def test_draft_awards_are_not_in_the_history(users, people):
    make_award(person=people["clerk"], code="bk_tinh", year=2024)
    assert selectors.history(users["secretariat"], people["clerk"]) == []
