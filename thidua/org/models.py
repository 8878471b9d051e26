"""The organisation tree, people, user accounts and their grants."""

from __future__ import annotations

import hashlib
import re
import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import ScopedManager, ScopedQuerySet, TimeStampedModel
from thidua.core.text import fold, normalize_name

from .ethnicities import ETHNICITIES
from .roles import Role, roles_for


class UnitKind(models.TextChoices):
    PROVINCE = "tinh", _("Province / centrally-run city")
    PEOPLES_COMMITTEE = "ubnd", _("People's Committee")
    DEPARTMENT = "so_nganh", _("Department, board or agency")
    COMMUNE = "xa", _("Commune")
    WARD = "phuong", _("Ward")
    SPECIAL_ZONE = "dac_khu", _("Special zone")
    PUBLIC_SERVICE = "su_nghiep", _("Public service unit")
    SCHOOL = "truong_hoc", _("School")
    HOSPITAL = "y_te", _("Hospital or health centre")
    ENTERPRISE = "doanh_nghiep", _("Enterprise")
    MASS_ORGANISATION = "doan_the", _("Mass organisation")
    DIVISION = "phong_ban", _("Division or office")
    OTHER = "khac", _("Other")


class Unit(TimeStampedModel):
    """A node of the organisation tree (cơ quan, đơn vị, địa phương).

    ``path`` is the materialised path of primary keys ("/1/7/42/"); it is written only by
    the services that create, move and merge units, and every scoped query filters on it.
    """

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A short unique code, e.g. T01.SNV. Used to match rows on import."),
    )
    name = models.CharField(_("name"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    merged_on = models.DateField(_("merged on"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    head_name = models.CharField(_("head of unit"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "path"

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        indexes = [
            models.Index(
                fields=["path"], name="org_unit_path_like", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["parent", "name"], name="org_unit_parent_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.name = normalize_name(self.name)
        self.code = (self.code or "").strip().upper()
        if self.code and not re.fullmatch(r"[A-Z0-9][A-Z0-9._-]*", self.code):
            raise ValidationError(
                {"code": _("Use only letters without diacritics, digits, '.', '-' and '_'.")}
            )
        self.name_folded = fold(self.name)

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]


class Gender(models.TextChoices):
    MALE = "nam", _("Male")
    FEMALE = "nu", _("Female")


class ManagementLevel(models.TextChoices):
    LEADER = "lanh_dao", _("Leader")
    MANAGER = "quan_ly", _("Manager")
    DIRECT_WORKER = "truc_tiep", _("Direct worker")


class Person(TimeStampedModel):
    """A person who can be nominated or awarded (cá nhân)."""

    full_name = models.CharField(_("full name"), max_length=150)
    name_folded = models.CharField(max_length=150, editable=False, db_index=True)
    gender = models.CharField(_("gender"), max_length=3, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=2, choices=ETHNICITIES, default="01")
    position = models.CharField(_("position"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people"
    )
    management_level = models.CharField(
        _("management level"),
        max_length=10,
        choices=ManagementLevel.choices,
        default=ManagementLevel.DIRECT_WORKER,
    )
    identity_number = models.CharField(
        _("identity number"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Citizen identity card number (12 digits) or old ID card (9 digits)."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("working"), default=True)
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "unit__path"

    class Meta:
        ordering = ["name_folded", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["unit", "name_folded"], name="org_person_unit_name")]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        self.full_name = normalize_name(self.full_name)
        self.name_folded = fold(self.full_name)
        number = (self.identity_number or "").strip().replace(" ", "")
        if number and not re.fullmatch(r"\d{9}|\d{12}", number):
            raise ValidationError(
                {
                    "identity_number": _(
                        "An identity number has 12 digits (or 9 for an old ID card)."
                    )
                }
            )
        self.identity_number = number or None

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.full_name)
        self.identity_number = (self.identity_number or "").strip() or None
        super().save(*args, **kwargs)


class ThiduaUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class User(AbstractUser):
    """An account. It belongs to one unit; its grants say what it may see and change."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    objects = ThiduaUserManager()
    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def cached_grants(self) -> list[Grant]:
        if not hasattr(self, "_grants_cache"):
            self._grants_cache = list(self.grants.select_related("unit")) if self.pk else []
        return self._grants_cache

    @property
    def roles(self) -> set[str]:
        return {grant.role for grant in self.cached_grants}

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or bool(self.roles & set(roles))

    @property
    def is_unrestricted(self) -> bool:
        return self.is_superuser or Role.ADMIN in self.roles

    def scope_for(self, label: str, action: str) -> list[tuple[str, bool]] | None:
        """``None`` for everything, else the (path, with_subtree) grants for this action."""
        if self.is_unrestricted:
            return None
        allowed = roles_for(label, action)
        return [
            (grant.unit.path, grant.with_subtree)
            for grant in self.cached_grants
            if grant.role in allowed and grant.unit.is_active
        ]

    def holds(self, label: str, action: str, unit: Unit) -> bool:
        """Whether the user may do ``action`` on ``label`` objects that belong to ``unit``."""
        grants = self.scope_for(label, action)
        if grants is None:
            return True
        return any(unit.path.startswith(path) if sub else unit.path == path for path, sub in grants)

    def can(self, label: str, action: str) -> bool:
        """Whether the user holds ``action`` on ``label`` anywhere (for menus and buttons)."""
        return self.scope_for(label, action) != []


class Grant(models.Model):
    """A role on a unit, with or without its sub-units."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="grants"
    )
    with_subtree = models.BooleanField(_("including sub-units"), default=True)

    scope_path_field = "unit__path"  # where its audit entries are filed

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="org_grant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="org_apitoken_named")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    @staticmethod
    def generate_key() -> str:
        return "td_" + secrets.token_urlsafe(32)
