"""A small province for tests, with one account per role and a sibling unit's officer
who must see nothing of the other unit."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from thidua.audit.models import AuditEntry
from thidua.org.models import Unit, UnitKind, User
from thidua.org.roles import Role

from .factories import PersonFactory, UnitFactory, UserFactory, grant

PASSWORD = "Thidua#2026"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 is slow on purpose; tests that create many accounts need not pay for it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Tree:
    province: Unit
    committee: Unit
    home_affairs: Unit  # Sở Nội vụ, where the secretariat sits
    education: Unit  # Sở Giáo dục và Đào tạo
    school: Unit  # a school under education
    health: Unit  # Sở Y tế, the sibling
    hospital: Unit  # under health
    commune: Unit


@pytest.fixture
def tree(db) -> Tree:
    province = UnitFactory(code="T99", name="Tỉnh Thử Nghiệm", kind=UnitKind.PROVINCE)
    return Tree(
        province=province,
        committee=UnitFactory(
            code="T99.UBND",
            name="Ủy ban nhân dân tỉnh",
            kind=UnitKind.PEOPLES_COMMITTEE,
            parent=province,
        ),
        home_affairs=UnitFactory(code="T99.SNV", name="Sở Nội vụ", parent=province),
        education=(
            education := UnitFactory(
                code="T99.SGDDT", name="Sở Giáo dục và Đào tạo", parent=province
            )
        ),
        school=UnitFactory(
            code="T99.SGDDT.THPT1",
            name="Trường THPT Chuyên Lê Quý Đôn",
            kind=UnitKind.SCHOOL,
            parent=education,
        ),
        health=(health := UnitFactory(code="T99.SYT", name="Sở Y tế", parent=province)),
        hospital=UnitFactory(
            code="T99.SYT.BVDK",
            name="Bệnh viện Đa khoa tỉnh",
            kind=UnitKind.HOSPITAL,
            parent=health,
        ),
        commune=UnitFactory(
            code="T99.XA01", name="Xã Đông Thành", kind=UnitKind.COMMUNE, parent=province
        ),
    )


def _user(
    username: str, unit: Unit, role: str | None, grant_unit: Unit | None = None, **extra
) -> User:
    user = UserFactory(username=username, unit=unit, **extra)
    if role:
        grant(user, role, grant_unit or unit)
    return user


@pytest.fixture
def users(tree) -> dict[str, User]:
    """One account per role, plus ``other_officer`` of the sibling unit (Sở Y tế)."""
    return {
        "admin": _user("admin", tree.home_affairs, Role.ADMIN, tree.province, is_staff=True),
        "secretariat": _user("secretariat", tree.home_affairs, Role.SECRETARIAT, tree.province),
        "unit_officer": _user("officer", tree.education, Role.UNIT_OFFICER),
        "other_officer": _user("other_officer", tree.health, Role.UNIT_OFFICER),
        "block_head": _user("block_head", tree.education, Role.BLOCK_HEAD),
        "council_member": _user("council", tree.committee, Role.COUNCIL_MEMBER, tree.province),
        "leader": _user("leader", tree.committee, Role.LEADER, tree.province),
        "no_role": _user("nobody", tree.commune, None),
    }


@pytest.fixture
def people(tree):
    return {
        "teacher": PersonFactory(
            full_name="Nguyễn Thị Ánh",
            gender="nu",
            unit=tree.school,
            identity_number="001190000001",
        ),
        "director": PersonFactory(
            full_name="Trần Văn Đức", unit=tree.education, management_level="lanh_dao"
        ),
        "doctor": PersonFactory(full_name="Lê Hoàng Long", unit=tree.hospital),
        "clerk": PersonFactory(full_name="Phạm Thu Hà", gender="nu", unit=tree.home_affairs),
    }


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clients(users) -> dict[str, Client]:
    return {role: client_for(user) for role, user in users.items()}


@pytest.fixture
def audit_log():
    """Entries written since the fixture was created: ``audit_log()`` returns them."""
    start = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0

    def entries(**filters):
        return list(AuditEntry.objects.filter(seq__gt=start, **filters).order_by("seq"))

    return entries
