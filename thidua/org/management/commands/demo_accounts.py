"""One demo account per role in the first demo province. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record, snapshot
from thidua.org.models import Grant, Unit, User
from thidua.org.roles import Role

ROOT_CODE = "T01"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    full_name: str
    role: str
    unit: str  # code suffix of the user's unit ("" for the root)
    grant_unit: str  # code suffix of the unit the role is granted on
    superuser: bool = False


ACCOUNTS = [
    DemoAccount("admin", "QuanTri#2026", "Trần Quốc Bảo", Role.ADMIN, "SNV", "", True),
    DemoAccount(
        "thuky", "BanTDKT#2026", "Nguyễn Thị Thanh Hương", Role.SECRETARIAT, "SNV.BTDKT", ""
    ),
    DemoAccount("canbo", "GiaoDuc#2026", "Lê Minh Tuấn", Role.UNIT_OFFICER, "SGDDT", "SGDDT"),
    DemoAccount("canbo_yte", "YTeTinh#2026", "Phạm Thị Ngọc Lan", Role.UNIT_OFFICER, "SYT", "SYT"),
    DemoAccount("truongkhoi", "KhoiThiDua#2026", "Hoàng Văn Sơn", Role.BLOCK_HEAD, "STC", "STC"),
    DemoAccount("hoidong", "HoiDongTDKT#2026", "Võ Thị Kim Oanh", Role.COUNCIL_MEMBER, "UBND", ""),
    DemoAccount("lanhdao", "LanhDaoTinh#2026", "Đặng Văn Hùng", Role.LEADER, "UBND", ""),
]


def _unit(suffix: str) -> Unit:
    code = f"{ROOT_CODE}.{suffix}" if suffix else ROOT_CODE
    try:
        return Unit.objects.get(code=code)
    except Unit.DoesNotExist as exc:
        raise CommandError(
            f"Unit {code} not found: load the demo data first with `python manage.py load_demo`."
        ) from exc


@transaction.atomic
def ensure_account(account: DemoAccount) -> tuple[User, bool]:
    """Create or reset one account to its documented values; return it and whether it changed."""
    unit, grant_unit = _unit(account.unit), _unit(account.grant_unit)
    user = User.objects.select_for_update().filter(username=account.username).first()
    created = user is None
    if created:
        user = User(username=account.username)
    before = None if created else snapshot(user)
    user.full_name = account.full_name
    user.unit = unit
    user.email = f"{account.username}@demo.thidua.vn"
    user.is_active = True
    user.is_staff = account.superuser
    user.is_superuser = account.superuser
    validate_password(account.password, user)
    password_reset = created or not user.check_password(account.password)
    if password_reset:
        user.set_password(account.password)
    changed = created or password_reset or snapshot(user) != before
    if changed:
        user.save()
    wanted = (account.role, grant_unit.pk, True)
    grants = list(user.grants.all())
    current = {(grant.role, grant.unit_id, grant.with_subtree) for grant in grants}
    if current != {wanted}:
        user.grants.exclude(role=account.role, unit=grant_unit, with_subtree=True).delete()
        Grant.objects.get_or_create(
            user=user, role=account.role, unit=grant_unit, defaults={"with_subtree": True}
        )
        changed = True
    if changed:
        after = {**snapshot(user), "grants": [list(wanted)]}
        if password_reset and not created:
            after["password_reset"] = True
        record(
            Action.CREATE if created else Action.UPDATE,
            user,
            actor=None,
            before=before,
            after=after,
        )
    return user, changed


def reset_lockout(username: str) -> None:
    try:
        from axes.utils import reset
    except ImportError:  # pragma: no cover - axes is a dependency
        return
    reset(username=username)


class Command(BaseCommand):
    help = (
        "Create or reset one demo account per role in the first demo province (T01) and "
        "print their usernames and passwords."
    )

    def handle(self, *args, verbosity=1, **options):
        if not Unit.objects.filter(code=ROOT_CODE).exists():
            raise CommandError(
                f"The demo province ({ROOT_CODE}) is not loaded: run "
                "`python manage.py load_demo` first."
            )
        rows = []
        for account in ACCOUNTS:
            try:
                existed = User.objects.filter(username=account.username).exists()
                user, changed = ensure_account(account)
            except ValidationError as exc:  # a password that the validators refuse
                raise CommandError(f"{account.username}: {' '.join(exc.messages)}") from exc
            reset_lockout(account.username)
            rows.append(
                (
                    account.username,
                    account.password,
                    Role(account.role).label,
                    user.unit.name,
                    ("reset" if existed else "created") if changed else "unchanged",
                )
            )
        if verbosity:
            headers = ("username", "password", "role", "unit", "account")
            widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(5)]
            for row in [headers, *rows]:
                self.stdout.write(
                    "  ".join(
                        str(value).ljust(width) for value, width in zip(row, widths, strict=True)
                    ).rstrip()
                )
