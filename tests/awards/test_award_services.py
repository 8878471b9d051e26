"""The registry's services (thidua/awards/services/registry.py): what they refuse, what they
audit, and the money they compute, with the expected figures worked out from the law.

Money: coefficient × the base salary in force on the decision date (Điều 49 Nghị định
152/2025/NĐ-CP), rounded up to the next 10.000 đồng; base salary 1.800.000 from
01/07/2023, 2.340.000 from 01/07/2024, 2.530.000 from 01/07/2026. Coefficients: Lao động
tiên tiến 0,3, Chiến sĩ thi đua cơ sở 1,0, Bằng khen của Chủ tịch UBND tỉnh 1,5
(individual), Giấy khen 0,3 (individual; a household 1,5 times the individual amount).
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import Action
from thidua.awards import services
from thidua.awards.models import Authority, Award, Decision, DecisionStatus, Subject

from ..factories import PersonFactory
from .factories import award_type, issue, make_award, make_decision, make_household

pytestmark = pytest.mark.django_db

DEC_2024 = datetime.date(2024, 12, 15)


def _agency_decision(unit, signed_on=DEC_2024, **fields):
    return make_decision(unit, authority=Authority.AGENCY_HEAD, signed_on=signed_on, **fields)


# Refused input -----------------------------------------------------------------------------


def test_duplicate_award_for_the_same_recipient_title_and_year_is_refused(tree, people):
    teacher = people["teacher"]
    first = make_award(person=teacher, code="cstdcs", year=2024, signed_on=DEC_2024, issue=True)
    second = _agency_decision(tree.education)
    with pytest.raises(ValidationError) as error:
        make_award(person=teacher, code="cstdcs", year=2024, decision=second)
    message = " ".join(error.value.messages)
    assert "Nguyễn Thị Ánh" in message and first.decision.number in message
    assert Award.objects.filter(person=teacher, award_type__code="cstdcs").count() == 1


def test_a_revoked_award_does_not_block_a_new_one(tree, people, users):
    teacher = people["teacher"]
    first = make_award(person=teacher, code="cstdcs", year=2024, signed_on=DEC_2024, issue=True)
    services.award_revoke(actor=users["secretariat"], award=first, reason="Khai man thành tích")
    again = make_award(
        person=teacher, code="cstdcs", year=2024, decision=_agency_decision(tree.education)
    )
    assert again.pk != first.pk


def test_duplicate_collective_and_household_awards_are_refused(tree):
    make_award(unit=tree.school, code="ttldtt", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError):
        make_award(unit=tree.school, code="ttldtt", year=2024, signed_on=DEC_2024)
    household = make_household(tree.commune)
    make_award(household=household, code="giay_khen", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError):
        make_award(household=household, code="giay_khen", year=2024, signed_on=DEC_2024)


def test_decision_date_before_the_birth_of_the_person_is_refused(tree):
    young = PersonFactory(
        full_name="Lê Văn Trẻ", unit=tree.school, date_of_birth=datetime.date(2025, 3, 1)
    )
    decision = _agency_decision(tree.education)
    with pytest.raises(ValidationError) as error:
        make_award(person=young, code="giay_khen", year=2024, decision=decision)
    assert "person" in error.value.error_dict
    assert "01/03/2025" in " ".join(error.value.messages)
    assert not Award.objects.filter(person=young).exists()


def test_changing_the_date_of_a_draft_to_before_a_birth_is_refused(tree):
    person = PersonFactory(unit=tree.school, date_of_birth=datetime.date(2000, 6, 1))
    award = make_award(person=person, code="giay_khen", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError):
        services.decision_update(
            actor=None, decision=award.decision, signed_on=datetime.date(1999, 1, 1)
        )


def test_a_decision_dated_after_today_is_refused(tree):
    tomorrow = datetime.date(2030, 1, 1)
    with pytest.raises(ValidationError) as error:
        make_decision(tree.committee, signed_on=tomorrow, today=datetime.date(2029, 12, 31))
    assert "signed_on" in error.value.error_dict
    assert not Decision.objects.exists()


def test_issuing_with_a_date_after_today_is_refused(tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError) as error:
        services.decision_issue(
            actor=None,
            decision=award.decision,
            number="5/QĐ-UBND",
            signed_on=datetime.date(2025, 1, 2),
            today=datetime.date(2025, 1, 1),
        )
    assert "signed_on" in error.value.error_dict
    assert Decision.objects.get(pk=award.decision_id).status == DecisionStatus.DRAFT


def test_an_award_for_a_year_after_the_decision_is_refused(tree, people):
    decision = _agency_decision(tree.education)
    with pytest.raises(ValidationError) as error:
        make_award(person=people["teacher"], code="giay_khen", year=2025, decision=decision)
    assert "year" in error.value.error_dict


def test_unknown_title_is_not_found_by_name(db):
    found = services.award_types_by_name(
        ["Chien si thi dua co so", "cstd_tinh", "  Lao động tiên tiến ", "Danh hiệu bịa đặt"]
    )
    assert found["Chien si thi dua co so"].code == "cstdcs"
    assert found["cstd_tinh"].code == "cstd_tinh"
    assert found["  Lao động tiên tiến "].code == "ldtt"
    assert "Danh hiệu bịa đặt" not in found


def test_a_title_conferred_by_another_authority_is_refused(tree, people):
    # Bằng khen của Chủ tịch UBND tỉnh is conferred by the provincial chairman
    # (Điều 74 Luật Thi đua, khen thưởng 2022), not by a department head.
    decision = _agency_decision(tree.education)
    with pytest.raises(ValidationError) as error:
        make_award(person=people["teacher"], code="bk_tinh", year=2024, decision=decision)
    assert "award_type" in error.value.error_dict


def test_a_title_for_another_kind_of_recipient_is_refused(tree, people):
    decision = _agency_decision(tree.education)
    with pytest.raises(ValidationError) as error:
        make_award(unit=tree.school, code="ldtt", year=2024, decision=decision)
    assert "award_type" in error.value.error_dict


def test_issuing_needs_a_number_and_at_least_one_award(tree, people):
    empty = make_decision(tree.committee, signed_on=DEC_2024)
    with pytest.raises(ValidationError):
        services.decision_issue(actor=None, decision=empty, number="1/QĐ-UBND")
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError) as error:
        services.decision_issue(actor=None, decision=award.decision, number="  ")
    assert "number" in error.value.error_dict


def test_an_issued_decision_cannot_be_changed(tree, people):
    award = make_award(
        person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024, issue=True
    )
    with pytest.raises(ValidationError):
        services.decision_update(actor=None, decision=award.decision, subject_line="Sửa")
    with pytest.raises(ValidationError):
        services.award_remove(actor=None, award=award)
    with pytest.raises(ValidationError):
        make_award(person=people["director"], code="bk_tinh", year=2024, decision=award.decision)


def test_an_officer_cannot_confer_on_people_outside_their_units(tree, people, users):
    decision = _agency_decision(tree.education, actor=users["unit_officer"])
    with pytest.raises(PermissionDenied):
        make_award(
            person=people["doctor"],
            code="giay_khen",
            year=2024,
            decision=decision,
            actor=users["unit_officer"],
        )


# Audit ------------------------------------------------------------------------------------


def test_revoking_is_audited_and_keeps_the_award(tree, people, users, audit_log):
    award = make_award(
        person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024, issue=True
    )
    secretariat = users["secretariat"]
    services.award_revoke(actor=secretariat, award=award, reason="Thu hồi theo QĐ 99/QĐ-UBND")
    award.refresh_from_db()
    assert award.revoked and award.revoked_by == secretariat and award.revoked_at
    assert award.revoked_reason == "Thu hồi theo QĐ 99/QĐ-UBND"
    entries = audit_log(object_type="awards.award", object_id=str(award.pk))
    assert [e.action for e in entries][-1] == Action.REVOKE
    assert entries[-1].actor_id == secretariat.pk
    assert entries[-1].after["revoked"] is True and entries[-1].before["revoked"] is False
    assert not Award.objects.in_force().filter(pk=award.pk).exists()


def test_revoking_needs_a_reason_and_happens_once(tree, people, users):
    award = make_award(
        person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024, issue=True
    )
    with pytest.raises(ValidationError) as error:
        services.award_revoke(actor=users["secretariat"], award=award, reason="  ")
    assert "reason" in error.value.error_dict
    services.award_revoke(actor=users["secretariat"], award=award, reason="Sai đối tượng")
    with pytest.raises(ValidationError):
        services.award_revoke(actor=users["secretariat"], award=award, reason="Lần hai")


def test_a_draft_award_cannot_be_revoked(tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024)
    with pytest.raises(ValidationError):
        services.award_revoke(actor=None, award=award, reason="Nhầm")


def test_every_change_of_a_decision_is_audited(tree, people, users, audit_log):
    actor = users["secretariat"]
    decision = make_decision(tree.committee, signed_on=DEC_2024, actor=actor)
    award = make_award(
        person=people["teacher"], code="bk_tinh", year=2024, decision=decision, actor=actor
    )
    services.decision_update(actor=actor, decision=decision, subject_line="Về việc khen thưởng")
    services.decision_issue(actor=actor, decision=decision, number="7/QĐ-UBND", notify_units=False)
    actions = [(e.object_type, e.action) for e in audit_log() if e.object_type.startswith("awards")]
    assert actions == [
        ("awards.decision", Action.CREATE),
        ("awards.award", Action.CREATE),
        ("awards.decision", Action.UPDATE),
        ("awards.decision", Action.TRANSITION),
    ]
    assert all(e.actor_id == actor.pk for e in audit_log() if e.object_type.startswith("awards"))
    assert award.pk


def test_deleting_a_draft_deletes_and_audits_its_awards(tree, people, audit_log):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=DEC_2024)
    services.decision_delete(actor=None, decision=award.decision)
    assert not Decision.objects.filter(pk=award.decision_id).exists()
    deleted = {e.object_type for e in audit_log(action=Action.DELETE)}
    assert deleted == {"awards.decision", "awards.award"}


# Money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "signed_on", "expected"),
    [
        # 0,3 × 1.800.000 = 540.000 (from 01/07/2023).
        ("ldtt", datetime.date(2024, 6, 30), 540_000),
        # 0,3 × 2.340.000 = 702.000 → 710.000 (from 01/07/2024).
        ("ldtt", datetime.date(2024, 12, 15), 710_000),
        # 1,0 × 2.340.000.
        ("cstdcs", datetime.date(2025, 1, 15), 2_340_000),
        # 0,3 × 2.530.000 = 759.000 → 760.000 (from 01/07/2026).
        ("ldtt", datetime.date(2026, 7, 1), 760_000),
    ],
)
def test_amount_on_the_decision_date(tree, people, code, signed_on, expected):
    year = min(signed_on.year, 2025) if signed_on.month > 6 else signed_on.year - 1
    award = make_award(person=people["teacher"], code=code, year=year, signed_on=signed_on)
    assert award.amount == expected


def test_bang_khen_of_the_provincial_chairman(tree, people):
    # 1,5 × 2.340.000 = 3.510.000 (individual); 3,0 × 2.340.000 = 7.020.000 (collective).
    decision = make_decision(tree.committee, signed_on=datetime.date(2025, 1, 15))
    person = make_award(person=people["teacher"], code="bk_tinh", year=2024, decision=decision)
    unit = make_award(unit=tree.school, code="bk_tinh", year=2024, decision=decision)
    assert (person.amount, unit.amount) == (3_510_000, 7_020_000)


def test_a_household_gets_one_and_a_half_times_the_individual_amount(tree):
    # Giấy khen: 0,3 × 2.340.000 × 1,5 = 1.053.000 → 1.060.000.
    household = make_household(tree.commune)
    award = make_award(household=household, code="giay_khen", year=2024, signed_on=DEC_2024)
    assert award.subject == Subject.HOUSEHOLD
    assert award.amount == 1_060_000


def test_only_the_highest_title_of_the_same_year_is_paid(tree, people):
    decision = _agency_decision(tree.education, signed_on=datetime.date(2025, 1, 15))
    ldtt = make_award(person=people["teacher"], code="ldtt", year=2024, decision=decision)
    cstdcs = make_award(person=people["teacher"], code="cstdcs", year=2024, decision=decision)
    ldtt.refresh_from_db()
    assert (cstdcs.amount, ldtt.amount) == (2_340_000, 0)
    # Taking the higher title off the draft pays the lower one again.
    services.award_remove(actor=None, award=cstdcs)
    ldtt.refresh_from_db()
    assert ldtt.amount == 710_000


def test_amounts_are_recomputed_when_the_date_changes(tree, people):
    award = make_award(
        person=people["teacher"],
        code="ldtt",
        year=2024,
        decision=_agency_decision(tree.education, signed_on=datetime.date(2024, 6, 15)),
    )
    assert award.amount == 540_000
    services.decision_update(
        actor=None, decision=award.decision, signed_on=datetime.date(2024, 12, 15)
    )
    award.refresh_from_db()
    assert award.amount == 710_000
    issue(award.decision, signed_on=datetime.date(2026, 7, 2))
    award.refresh_from_db()
    assert award.amount == 760_000


def test_a_title_without_money_has_no_amount(tree):
    household = make_household(tree.commune)
    award = make_award(household=household, code="gia_dinh_van_hoa", year=2024, signed_on=DEC_2024)
    assert award.amount is None
    assert award_type("gia_dinh_van_hoa").coefficient_household is None


def test_a_person_with_awards_cannot_be_deleted(clients, people, audit_log):
    """The registry keeps its history: deleting the person is refused with a clear
    message, and nothing changes."""
    from thidua.org.models import Person

    teacher = people["teacher"]
    from django.urls import reverse

    make_award(
        person=teacher, code="ldtt", year=2024, issue=True, signed_on=datetime.date(2024, 12, 20)
    )
    response = clients["secretariat"].post(reverse("org:person_delete", args=[teacher.pk]))
    assert response.status_code == 200
    assert 'data-testid="delete-error"' in response.content.decode()
    assert Person.objects.filter(pk=teacher.pk).exists()
    assert not audit_log(action="delete", object_type="org.person")
