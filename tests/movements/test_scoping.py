"""Who sees and who changes movements, targets, reports, registrations and pledges.

The province's movement is issued by the People's Committee; Sở Giáo dục và Đào tạo (the
unit officer's), its school and Sở Y tế (the other officer's) take part. Sở Y tế also runs a
movement of its own in which only its hospital takes part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.movements import services
from thidua.movements.models import (
    Movement,
    Participation,
    Pledge,
    ProgressReport,
    Registration,
    Review,
    Target,
)
from thidua.org.models import UnitKind
from thidua.org.roles import Role

from ..factories import UnitFactory, UserFactory, grant
from .factories import Fixture, make_movement

D = Decimal
Q1_END = date(2026, 3, 31)
AFTER_Q1 = date(2026, 4, 5)


@dataclass
class World:
    province: Fixture
    health_movement: Movement
    hospital_target: Target
    reports: dict[str, ProgressReport]
    registrations: dict[str, Registration]
    pledges: dict[str, Pledge]


def _report(target, actual):
    return services.progress_report_save(
        actor=None, target=target, period_end=Q1_END, actual=D(actual), today=AFTER_Q1
    )


@pytest.fixture
def world(tree) -> World:
    province = make_movement(tree)
    health_movement = services.movement_create(
        actor=None,
        title="Phong trào thi đua “Đổi mới phong cách, thái độ phục vụ”",
        kind="chuyen_de",
        issuer=tree.health,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        contents=[("1.", "Thi đua nâng cao chất lượng khám chữa bệnh.")],
    )
    services.participants_set(actor=None, movement=health_movement, units=[tree.hospital])
    hospital_target = services.target_create(
        actor=None,
        movement=health_movement,
        level=Target.Level.UNIT,
        unit=tree.hospital,
        indicator="Tỷ lệ người bệnh hài lòng",
        measure="%",
        comparator="tren",
        value=D("90"),
    )
    services.movement_launch(actor=None, movement=health_movement)
    reports = {
        "growth": _report(province.growth, "7.2"),
        "schools": _report(province.schools, "50"),
        "beds": _report(province.beds, "44"),
        "hospital": _report(hospital_target, "91"),
    }
    registrations = {
        key: services.registration_save(
            actor=None, movement=province.movement, unit=unit, today=date(2026, 1, 15)
        )
        for key, unit in (("education", tree.education), ("health", tree.health))
    }
    pledges = {
        "education": services.pledge_create(
            actor=None,
            title="Giao ước thi đua ngành giáo dục",
            owner=tree.education,
            parties=[tree.education, tree.school],
            signed_on=date(2026, 1, 20),
            content="Thi đua dạy tốt, học tốt.",
        ),
        "health": services.pledge_create(
            actor=None,
            title="Giao ước thi đua ngành y tế",
            owner=tree.health,
            parties=[tree.health, tree.hospital],
            signed_on=date(2026, 1, 20),
            content="Thi đua nâng cao chất lượng khám chữa bệnh.",
        ),
        # Kept by the province, signed by both departments.
        "joint": services.pledge_create(
            actor=None,
            title="Giao ước thi đua khối văn hóa – xã hội",
            owner=tree.province,
            parties=[tree.education, tree.health],
            signed_on=date(2026, 1, 25),
            content="Các sở cam kết thi đua.",
        ),
    }
    return World(province, health_movement, hospital_target, reports, registrations, pledges)


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


# The unit officer of education ---------------------------------------------------------


def test_unit_officer_sees_the_movements_it_takes_part_in(tree, users, world):
    officer = users["unit_officer"]
    assert ids(Movement.objects.restrict(officer)) == {world.province.movement.pk}
    # A movement issued by education counts too, even with no participant yet.
    own = services.movement_create(
        actor=None,
        title="Phong trào “Mỗi thầy cô giáo là một tấm gương”",
        kind="chuyen_de",
        issuer=tree.education,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    assert ids(Movement.objects.restrict(officer)) == {world.province.movement.pk, own.pk}


def test_taking_part_through_a_sub_unit_is_enough(tree, users, world):
    # Only the school takes part in a new movement: education's officer, whose grant
    # covers the school, sees it; Sở Y tế's does not.
    movement = services.movement_create(
        actor=None,
        title="Hội thi giáo viên dạy giỏi",
        kind="chuyen_de",
        issuer=tree.committee,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    services.participants_set(actor=None, movement=movement, units=[tree.school])
    # While it is drafted, participants do not see it yet.
    assert movement.pk not in ids(Movement.objects.restrict(users["unit_officer"]))
    services.contents_set(actor=None, movement=movement, items=[("1.", "Thi giáo viên giỏi.")])
    services.movement_launch(actor=None, movement=movement)
    assert movement.pk in ids(Movement.objects.restrict(users["unit_officer"]))
    assert movement.pk not in ids(Movement.objects.restrict(users["other_officer"]))


def test_unit_officer_sees_movement_wide_targets_and_its_own(users, world):
    officer = users["unit_officer"]
    fx = world.province
    assert ids(Target.objects.restrict(officer)) == {fx.growth.pk, fx.schools.pk}
    assert ids(ProgressReport.objects.restrict(officer)) == {
        world.reports["growth"].pk,
        world.reports["schools"].pk,
    }
    # Sở Y tế's officer: the other way round.
    other = users["other_officer"]
    assert ids(Target.objects.restrict(other)) == {
        fx.growth.pk,
        fx.beds.pk,
        world.hospital_target.pk,
    }
    assert ids(ProgressReport.objects.restrict(other)) == {
        world.reports["growth"].pk,
        world.reports["beds"].pk,
        world.reports["hospital"].pk,
    }


def test_unit_officer_cannot_change_the_movement(tree, users, world):
    officer = users["unit_officer"]
    movement = world.province.movement
    assert not Movement.objects.restrict(officer, "change").exists()
    assert not Participation.objects.restrict(officer, "change").exists()
    with pytest.raises(PermissionDenied):
        services.movement_update(actor=officer, movement=movement, title="Đổi tên")
    with pytest.raises(PermissionDenied):
        services.participants_set(actor=officer, movement=movement, units=[tree.education])
    with pytest.raises(PermissionDenied):
        services.contents_set(actor=officer, movement=movement, items=[("1.", "Khác")])
    with pytest.raises(PermissionDenied):
        services.target_update(actor=officer, target=world.province.growth, value=D("5"))
    with pytest.raises(PermissionDenied):
        services.review_create(
            actor=officer,
            movement=movement,
            kind=Review.Kind.FINAL,
            held_on=date(2026, 12, 28),
            title="Tổng kết",
        )
    assert Movement.objects.get(pk=movement.pk).title == movement.title


def test_unit_officer_changes_only_its_units_targets_and_reports(users, world):
    officer = users["unit_officer"]
    fx = world.province
    # The share the province assigned to education is reported, not changed, by its officer;
    # a target education registered itself is education's to change.
    own = services.target_create(
        actor=officer,
        movement=fx.movement,
        level=Target.Level.UNIT,
        unit=fx.schools.unit,
        registration=world.registrations["education"],
        indicator="Số giáo viên đạt chuẩn",
        comparator="toi_thieu",
        value=D("120"),
    )
    assert ids(Target.objects.restrict(officer, "change")) == {own.pk}
    assert ids(ProgressReport.objects.restrict(officer, "change")) == {world.reports["schools"].pk}
    assert ids(Registration.objects.restrict(officer, "change")) == {
        world.registrations["education"].pk
    }
    # Through the services as well.
    services.target_update(actor=officer, target=own, note="Theo kế hoạch năm học")
    with pytest.raises(PermissionDenied):
        services.target_update(actor=officer, target=fx.schools, note="Giao của tỉnh")
    with pytest.raises(PermissionDenied):
        services.target_update(actor=officer, target=fx.beds, note="Không phải của mình")
    with pytest.raises(PermissionDenied):
        services.target_delete(actor=officer, target=fx.beds)
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=officer, target=fx.beds, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
        )
    assert ProgressReport.objects.get(pk=world.reports["beds"].pk).actual == D("44")


def test_registrations_are_scoped_by_their_unit(users, world):
    assert ids(Registration.objects.restrict(users["unit_officer"])) == {
        world.registrations["education"].pk
    }
    assert ids(Registration.objects.restrict(users["other_officer"])) == {
        world.registrations["health"].pk
    }
    assert ids(Registration.objects.restrict(users["secretariat"])) == {
        r.pk for r in world.registrations.values()
    }


# A secretariat with a subtree ------------------------------------------------------------


@pytest.fixture
def district_secretariat(tree):
    """The emulation office of a lower level: a secretariat grant on education's subtree
    (the school, a participant of the province's movement, lies inside it)."""
    user = UserFactory(username="thuong_truc_nganh", unit=tree.education)
    grant(user, Role.SECRETARIAT, tree.education)
    return user


def test_a_lower_secretariat_cannot_change_a_provincial_movement(tree, district_secretariat, world):
    user = district_secretariat
    fx = world.province
    assert fx.movement.pk in ids(Movement.objects.restrict(user))  # seen as a participant
    assert fx.movement.pk not in ids(Movement.objects.restrict(user, "change"))
    assert fx.growth.pk not in ids(Target.objects.restrict(user, "change"))
    with pytest.raises(PermissionDenied):
        services.movement_update(actor=user, movement=fx.movement, title="Đổi tên")
    with pytest.raises(PermissionDenied):
        services.participants_set(actor=user, movement=fx.movement, units=[tree.school])
    with pytest.raises(PermissionDenied):
        services.target_create(
            actor=user, movement=fx.movement, indicator="Mới", comparator="dat", value=D("1")
        )
    with pytest.raises(PermissionDenied):
        services.target_split(actor=user, target=fx.growth, shares=[(tree.school, D("7"))])
    with pytest.raises(PermissionDenied):
        services.review_create(
            actor=user,
            movement=fx.movement,
            kind=Review.Kind.INTERIM,
            held_on=date(2026, 6, 30),
            title="Sơ kết",
        )
    with pytest.raises(ValidationError):  # the province-wide figure is the committee's
        services.progress_report_save(
            actor=user, target=fx.growth, period_end=Q1_END, actual=D("7"), today=AFTER_Q1
        )
    assert Movement.objects.get(pk=fx.movement.pk).status == fx.movement.status


def test_a_lower_secretariat_runs_its_own_movements(tree, district_secretariat):
    user = district_secretariat
    movement = services.movement_create(
        actor=user,
        title="Phong trào thi đua “Dạy tốt – học tốt”",
        kind="thuong_xuyen",
        issuer=tree.education,
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 5, 31),
        contents=[("1.", "Đổi mới phương pháp dạy học.")],
    )
    services.participants_set(actor=user, movement=movement, kinds=[UnitKind.SCHOOL])
    services.movement_launch(actor=user, movement=movement)
    assert movement.pk in ids(Movement.objects.restrict(user, "change"))
    assert set(movement.participations.values_list("unit_id", flat=True)) == {tree.school.pk}
    # It cannot hand the movement to the province's committee.
    with pytest.raises(PermissionDenied):
        services.movement_update(actor=user, movement=movement, issuer=tree.committee)


def test_a_grant_without_the_subtree_sees_only_its_unit(tree, world):
    user = UserFactory(username="chi_so", unit=tree.education)
    grant(user, Role.UNIT_OFFICER, tree.education, with_subtree=False)
    share = services.target_create(
        actor=None,
        movement=world.province.movement,
        level=Target.Level.UNIT,
        unit=tree.school,
        indicator="Tỷ lệ học sinh tốt nghiệp",
        comparator="toi_thieu",
        value=D("98"),
    )
    visible = ids(Target.objects.restrict(user))
    assert world.province.schools.pk in visible
    assert share.pk not in visible


# Pledges -------------------------------------------------------------------------------------


def test_pledges_are_seen_by_their_parties_and_owner(tree, users, world):
    p = world.pledges
    assert ids(Pledge.objects.restrict(users["unit_officer"])) == {
        p["education"].pk,
        p["joint"].pk,
    }
    assert ids(Pledge.objects.restrict(users["other_officer"])) == {p["health"].pk, p["joint"].pk}
    assert ids(Pledge.objects.restrict(users["secretariat"])) == {x.pk for x in p.values()}
    # A commune that signed nothing sees none of them.
    commune_officer = UserFactory(username="xa", unit=tree.commune)
    grant(commune_officer, Role.UNIT_OFFICER, tree.commune)
    assert not Pledge.objects.restrict(commune_officer).exists()


def test_pledges_are_changed_by_their_owner_only(users, world):
    p = world.pledges
    block_head = users["block_head"]  # education
    assert ids(Pledge.objects.restrict(block_head, "change")) == {p["education"].pk}
    # Education signed the joint pledge but does not keep it.
    with pytest.raises(PermissionDenied):
        services.pledge_update(actor=block_head, pledge=p["joint"], place="Sở Giáo dục")
    with pytest.raises(PermissionDenied):
        services.pledge_delete(actor=block_head, pledge=p["joint"])
    assert not Pledge.objects.restrict(users["unit_officer"], "change").exists()
    assert Pledge.objects.get(pk=p["joint"].pk).place == ""


# Nothing for those without a role ---------------------------------------------------------------


@pytest.mark.parametrize(
    "model", [Movement, Participation, Target, ProgressReport, Registration, Pledge]
)
def test_no_role_and_anonymous_see_nothing(users, world, model):
    assert model.objects.exists()
    for user in (users["no_role"], AnonymousUser(), None):
        assert not model.objects.restrict(user).exists()
        assert not model.objects.restrict(user, "change").exists()


def test_an_inactive_grant_unit_gives_nothing(tree, world):
    unit = UnitFactory(
        code="T99.XA02", name="Xã Tây Sơn", kind=UnitKind.COMMUNE, parent=tree.province
    )
    user = UserFactory(username="xa_tay_son", unit=unit)
    grant(user, Role.UNIT_OFFICER, unit)
    services.participants_set(
        actor=None,
        movement=world.province.movement,
        units=[tree.education, tree.school, tree.health, unit],
    )
    assert ids(Movement.objects.restrict(user)) == {world.province.movement.pk}
    type(unit).objects.filter(pk=unit.pk).update(is_active=False)
    user = type(user).objects.get(pk=user.pk)
    assert not Movement.objects.restrict(user).exists()


def test_the_provincial_secretariat_and_leader_see_everything(users, world):
    for role in ("secretariat", "leader", "council_member", "admin"):
        user = users[role]
        assert ids(Movement.objects.restrict(user)) == {
            world.province.movement.pk,
            world.health_movement.pk,
        }
        assert Target.objects.restrict(user).count() == 4
        assert ProgressReport.objects.restrict(user).count() == 4
    assert Movement.objects.restrict(users["secretariat"], "change").count() == 2
    assert not Movement.objects.restrict(users["leader"], "change").exists()
