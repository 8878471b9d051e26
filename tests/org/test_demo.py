"""Demo data: `load_demo` builds a realistic province, `demo_accounts` one account per role."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from thidua.audit.models import Action, AuditEntry
from thidua.core.text import fold
from thidua.org import demo
from thidua.org.management.commands.demo_accounts import ACCOUNTS
from thidua.org.models import Grant, Person, Unit, UnitKind, User
from thidua.org.roles import Role

SMALL = ("--people", "300", "--communes", "5")


def load(*args: str) -> None:
    # The movements the command also loads are tested in tests/movements/test_demo.py.
    call_command("load_demo", "--org-only", *args, verbosity=0)


def counts() -> tuple[int, int]:
    return Unit.objects.count(), Person.objects.count()


@pytest.fixture
def small(db):
    load(*SMALL)
    return Unit.objects.get(code="T01")


# The generator alone -------------------------------------------------------------------


def test_same_seed_gives_the_same_province_and_another_seed_another():
    first = demo.build_province(1, seed=7, people=500, communes=8)
    again = demo.build_province(1, seed=7, people=500, communes=8)
    other = demo.build_province(1, seed=8, people=500, communes=8)
    assert [p.full_name for p in first.people] == [p.full_name for p in again.people]
    assert [u.name for u in first.units] == [u.name for u in again.units]
    assert [p.identity_number for p in first.people] == [p.identity_number for p in again.people]
    assert [p.full_name for p in first.people] != [p.full_name for p in other.people]


def test_a_province_does_not_depend_on_the_provinces_built_before_it():
    alone = demo.build_province(5, seed=3, people=200, communes=4)
    demo.build_province(1, seed=3, people=200, communes=4)
    after_another = demo.build_province(5, seed=3, people=200, communes=4)
    assert [p.full_name for p in alone.people] == [p.full_name for p in after_another.people]


def test_names_follow_real_family_name_frequencies():
    province = demo.build_province(1)  # default size: 5,000 people
    total = len(province.people)
    share = Counter(person.full_name.split()[0] for person in province.people)
    percent = {name: 100 * number / total for name, number in share.items()}
    assert abs(percent["Nguyễn"] - 38) < 3.5
    for name, target in [("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Phan", 4.5), ("Đặng", 2.1)]:
        assert abs(percent[name] - target) < 1.8, name
    assert abs(percent.get("Hoàng", 0) + percent.get("Huỳnh", 0) - 5) < 1.5
    assert abs(percent.get("Vũ", 0) + percent.get("Võ", 0) - 3.9) < 1.5
    assert len(share) > 25  # a long tail of other family names


def test_people_look_like_a_real_workforce():
    province = demo.build_province(1)
    people = province.people
    total = len(people)
    women = sum(person.gender == "nu" for person in people) / total
    assert 0.42 < women < 0.58
    for person in people:
        parts = person.full_name.split()
        assert 3 <= len(parts) <= 4, person.full_name
        if person.gender == "nam":
            assert parts[1] != "Thị", person.full_name
        age = (demo.REFERENCE_DATE - person.date_of_birth).days / 365.25
        assert 22 <= age <= 61, person
    kinh = sum(person.ethnicity == "01" for person in people) / total
    assert 0.85 < kinh < 0.99
    assert len({person.ethnicity for person in people}) >= 5
    levels = Counter(person.management_level for person in people)
    assert levels["truc_tiep"] > total * 0.6
    assert levels["lanh_dao"] > 0 and levels["quan_ly"] > 0
    # Schools are mostly women, the police mostly men.
    kinds = {i: unit for i, unit in enumerate(province.units)}
    teachers = [p for p in people if p.position == "Giáo viên"]
    police = [p for p in people if kinds[p.unit].code.endswith(".CAT")]
    assert sum(p.gender == "nu" for p in teachers) / len(teachers) > 0.6
    assert sum(p.gender == "nu" for p in police) / len(police) < 0.35


def test_positions_fit_the_unit():
    province = demo.build_province(1, people=2000)
    by_unit: dict[int, list] = {}
    for person in province.people:
        by_unit.setdefault(person.unit, []).append(person)
    for index, unit in enumerate(province.units):
        staff = by_unit.get(index, [])
        if unit.kind == UnitKind.PROVINCE:
            continue
        assert staff, unit.name
        head = staff[0]
        assert unit.head_name == head.full_name
        if unit.kind == UnitKind.DIVISION:
            assert head.management_level == "quan_ly"
        else:
            assert head.management_level == "lanh_dao"
        if unit.code.endswith(".SYT"):
            assert head.position == "Giám đốc Sở"
        if unit.kind == UnitKind.COMMUNE:
            assert head.position == "Chủ tịch UBND xã"
        if unit.kind == UnitKind.WARD:
            assert head.position == "Chủ tịch UBND phường"
        if unit.name.startswith("Trường THPT"):
            assert head.position == "Hiệu trưởng"
            assert {p.position for p in staff} & {"Giáo viên"}


# Loading ---------------------------------------------------------------------------------


def test_every_path_follows_the_parent_chain(small):
    units = {unit.pk: unit for unit in Unit.objects.all()}
    for unit in units.values():
        if unit.parent_id is None:
            assert unit.path == f"/{unit.pk}/" and unit.depth == 0
        else:
            parent = units[unit.parent_id]
            assert unit.path == f"{parent.path}{unit.pk}/"
            assert unit.depth == parent.depth + 1
        assert unit.name_folded == fold(unit.name)
        assert re.fullmatch(r"[A-Z0-9][A-Z0-9._-]*", unit.code)
        assert unit.code == "T01" or unit.code.startswith("T01.")
        assert unit.address and unit.phone and unit.email and unit.head_name
    assert len({unit.code for unit in units.values()}) == len(units)
    assert small.kind == UnitKind.PROVINCE and small.parent_id is None
    assert Unit.objects.filter(parent=small, kind=UnitKind.PEOPLES_COMMITTEE).count() == 1
    # No districts: communes and wards sit directly under the province.
    communes = Unit.objects.filter(kind__in=[UnitKind.COMMUNE, UnitKind.WARD])
    assert communes.count() >= 4
    assert set(communes.values_list("parent", flat=True)) == {small.pk}
    for commune in communes:
        assert {child.code.rsplit(".", 1)[1] for child in commune.children.all()} == {
            "MN",
            "TH",
            "THCS",
            "TYT",
        }


def test_the_secretariat_division_sits_in_home_affairs(small):
    board = Unit.objects.get(code="T01.SNV.BTDKT")
    assert board.name == "Ban Thi đua – Khen thưởng"
    assert board.kind == UnitKind.DIVISION
    assert board.parent.code == "T01.SNV" and board.parent.name == "Sở Nội vụ"


def test_identity_numbers_are_unique_twelve_digit_cccd(small):
    people = list(Person.objects.all())
    numbers = [p.identity_number for p in people if p.identity_number]
    assert len(numbers) == len(set(numbers))
    assert 0.55 < len(numbers) / len(people) < 0.85
    for person in people:
        number = person.identity_number
        if not number:
            continue
        assert re.fullmatch(r"\d{12}", number)
        century = 0 if person.date_of_birth.year < 2000 else 2
        assert int(number[3]) == century + (1 if person.gender == "nu" else 0)
        assert number[4:6] == f"{person.date_of_birth.year % 100:02d}"
        assert number[:3] == "001"
        assert person.name_folded == fold(person.full_name)


def test_loading_twice_changes_nothing_and_writes_one_audit_entry(small):
    before = counts()
    names = list(Person.objects.order_by("pk").values_list("full_name", flat=True))
    entries = AuditEntry.objects.filter(action=Action.IMPORT)
    assert entries.count() == 1
    assert entries.get().after["people"] == before[1]
    load(*SMALL)
    assert counts() == before
    assert list(Person.objects.order_by("pk").values_list("full_name", flat=True)) == names
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1


def test_loaded_names_are_those_of_the_seed(db):
    load("--seed", "11", *SMALL)
    spec = demo.build_province(1, seed=11, people=300, communes=5)
    assert sorted(Person.objects.values_list("full_name", flat=True)) == sorted(
        person.full_name for person in spec.people
    )
    assert sorted(Unit.objects.values_list("code", flat=True)) == sorted(
        unit.code for unit in spec.units
    )


def test_default_province_has_the_documented_size(db):
    load()
    root = Unit.objects.get(code="T01")
    units = Unit.objects.filter(path__startswith=root.path)
    assert 18 <= units.filter(kind=UnitKind.DEPARTMENT, parent=root).count() <= 22
    assert units.filter(kind=UnitKind.MASS_ORGANISATION).count() == 6
    communes = units.filter(
        kind__in=[UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE], parent=root
    )
    assert 55 <= communes.count() <= 65
    assert units.filter(kind=UnitKind.SPECIAL_ZONE).count() in (1, 2)  # T01 is coastal
    services = units.filter(
        kind__in=[
            UnitKind.PUBLIC_SERVICE,
            UnitKind.SCHOOL,
            UnitKind.HOSPITAL,
            UnitKind.ENTERPRISE,
        ]
    ).exclude(parent__kind__in=[UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE])
    assert 120 <= services.count() <= 180
    assert 4500 <= Person.objects.filter(unit__path__startswith=root.path).count() <= 5500
    for name in [
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Giáo dục và Đào tạo",
        "Sở Y tế",
        "Công an tỉnh",
        "Văn phòng UBND tỉnh",
    ]:
        assert units.filter(name=name, parent=root).exists(), name
    assert units.filter(name__startswith="Công ty TNHH MTV Xổ số kiến thiết").exists()
    assert units.filter(name__startswith="Trường THPT", parent__code="T01.SGDDT").count() >= 30
    assert units.filter(name__startswith="Bệnh viện", parent__code="T01.SYT").exists()


def test_national_scale_builds_34_provinces(db):
    load("--scale", "national", "--people", "20", "--communes", "1")
    roots = Unit.objects.filter(parent=None)
    assert sorted(roots.values_list("code", flat=True)) == [f"T{i:02d}" for i in range(1, 35)]
    assert len(set(roots.values_list("name", flat=True))) == 34
    assert roots.filter(kind=UnitKind.PROVINCE).count() == 34
    numbers = list(Person.objects.exclude(identity_number=None).values_list("identity_number"))
    assert len(numbers) == len(set(numbers))
    before = counts()
    load("--scale", "national", "--people", "20", "--communes", "1")
    assert counts() == before


# Demo accounts -------------------------------------------------------------------------


def test_demo_accounts_need_the_demo_data(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("demo_accounts", verbosity=0)


def test_one_account_per_role_with_a_working_password(small):
    call_command("demo_accounts", verbosity=0)
    users = {user.username: user for user in User.objects.all()}
    assert {account.role for account in ACCOUNTS} == set(Role.values)
    for account in ACCOUNTS:
        user = users[account.username]
        assert user.check_password(account.password)
        assert user.full_name and user.is_active
        assert [(g.role, g.with_subtree) for g in user.grants.all()] == [(account.role, True)]
        signed_in = authenticate(
            RequestFactory().post("/accounts/login/"),
            username=account.username,
            password=account.password,
        )
        assert signed_in == user
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["thuky"].is_superuser
    assert users["thuky"].unit.code == "T01.SNV.BTDKT"
    assert users["thuky"].grants.get().unit == small
    assert users["canbo"].unit.code == "T01.SGDDT"
    assert users["truongkhoi"].grants.get().unit.code == "T01.STC"
    assert users["lanhdao"].grants.get().unit == small
    assert len({account.password for account in ACCOUNTS}) == len(ACCOUNTS)


def test_demo_accounts_are_scoped_to_their_units(small):
    call_command("demo_accounts", verbosity=0)
    health = Unit.objects.get(code="T01.SYT")
    education = Unit.objects.get(code="T01.SGDDT")
    canbo = User.objects.get(username="canbo")
    visible = Unit.objects.restrict(canbo, "view")
    assert not visible.filter(pk=health.pk).exists()
    assert not Person.objects.restrict(canbo, "view").filter(unit=health).exists()
    assert visible.filter(pk=education.pk).exists()
    assert visible.filter(parent=education).exists()
    assert not visible.filter(pk=small.pk).exists()
    canbo_yte = User.objects.get(username="canbo_yte")
    assert not Unit.objects.restrict(canbo_yte, "view").filter(pk=education.pk).exists()
    thuky = User.objects.get(username="thuky")
    assert Unit.objects.restrict(thuky, "change").count() == Unit.objects.count()
    assert Person.objects.restrict(thuky, "change").filter(unit=health).exists()


def test_demo_accounts_twice_changes_nothing(small):
    call_command("demo_accounts", verbosity=0)
    snapshot = list(User.objects.order_by("username").values())
    grants = list(Grant.objects.order_by("pk").values())
    last = AuditEntry.objects.order_by("-seq").first().seq
    call_command("demo_accounts", verbosity=0)
    assert list(User.objects.order_by("username").values()) == snapshot
    assert list(Grant.objects.order_by("pk").values()) == grants
    assert AuditEntry.objects.order_by("-seq").first().seq == last


def test_demo_accounts_reset_passwords_grants_and_lockouts(small):
    from axes.models import AccessAttempt

    call_command("demo_accounts", verbosity=0)
    canbo = User.objects.get(username="canbo")
    canbo.set_password("Something-else#1")
    canbo.is_active = False
    canbo.save()
    Grant.objects.create(user=canbo, role=Role.SECRETARIAT, unit=small)
    AccessAttempt.objects.create(
        username="canbo",
        ip_address="127.0.0.1",
        user_agent="test",
        failures_since_start=9,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/accounts/login/",
    )
    call_command("demo_accounts", verbosity=0)
    canbo.refresh_from_db()
    assert canbo.is_active and canbo.check_password("GiaoDuc#2026")
    assert [(g.role, g.unit.code) for g in canbo.grants.all()] == [(Role.UNIT_OFFICER, "T01.SGDDT")]
    assert not AccessAttempt.objects.filter(username="canbo").exists()
    entry = AuditEntry.objects.filter(object_type="org.user").order_by("-seq").first()
    assert entry.action == Action.UPDATE and entry.object_repr == canbo.full_name


def test_demo_accounts_prints_usernames_and_passwords(small, capsys):
    call_command("demo_accounts")
    out = capsys.readouterr().out
    for account in ACCOUNTS:
        assert account.username in out and account.password in out
