"""Emulation movements (phong trào thi đua) and what hangs off them.

A movement is issued by a unit (usually the province's People's Committee), has
numbered contents, targets, participants and responsibilities, and walks the status
machine in :mod:`thidua.movements.states`. Participating units register the titles they
aim for (:class:`Registration`), sign pledges, and report progress on targets
(:class:`ProgressReport`); reviews (sơ kết, tổng kết) summarise it.

Scoping: a movement is seen by whoever sees its issuer or one of its participants, and
changed only inside the issuer's scope. Unit-owned rows (participations, registrations,
unit targets, reports) are scoped by their unit.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import ScopedQuerySet, TimeStampedModel, paths_q
from thidua.org.models import Person, Unit


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class MovementKind(models.TextChoices):
    ANNUAL = "thuong_xuyen", _("Regular (annual)")
    THEMATIC = "chuyen_de", _("Periodic or thematic")
    SPECIAL = "dac_biet", _("Special")


class MovementStatus(models.TextChoices):
    DRAFT = "nhap", _("Draft")
    LAUNCHED = "phat_dong", _("Launched")
    REVIEWED = "so_ket", _("Reviewed (interim)")
    CLOSED = "tong_ket", _("Closed (final review)")


class Frequency(models.TextChoices):
    MONTH = "thang", _("Monthly")
    QUARTER = "quy", _("Quarterly")
    HALF = "6_thang", _("Every 6 months")
    YEAR = "nam", _("Yearly")


class MovementQuerySet(ScopedQuerySet):
    def scope_condition(self, grants, action):
        issuer = paths_q("issuer__path", grants)
        if action != "view":
            # Only the issuer's side changes a movement; a participant inside some
            # secretariat's scope does not hand it the movement.
            return issuer
        participates = Participation.objects.filter(
            paths_q("unit__path", grants), movement=OuterRef("pk")
        )
        # Participants learn of a movement when it is launched, not while it is drafted.
        return issuer | (Q(Exists(participates)) & ~Q(status=MovementStatus.DRAFT))


class Movement(TimeStampedModel):
    title = models.CharField(_("title"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MovementKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MovementStatus.choices,
        default=MovementStatus.DRAFT,
        editable=False,
        db_index=True,
    )
    issuer = models.ForeignKey(
        Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    signer = models.CharField(_("signed by"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=150, blank=True)
    document_number = models.CharField(
        _("document number"), max_length=60, blank=True, help_text=_("E.g. 09/CT-UBND.")
    )
    document_date = models.DateField(_("document date"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    theme = models.TextField(_("theme"), blank=True)
    mottos = models.JSONField(
        _("mottos"), default=list, blank=True, help_text=_("One quoted slogan per line.")
    )
    purpose = models.TextField(_("purpose and background"), blank=True)
    report_frequency = models.CharField(
        _("progress reports"), max_length=10, choices=Frequency.choices, default=Frequency.QUARTER
    )
    report_due_days = models.PositiveSmallIntegerField(
        _("reports due (days after the period)"), default=10
    )
    registration_opens = models.DateField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateField(_("registration closes"), null=True, blank=True)
    participant_kinds = models.JSONField(_("every unit of these kinds"), default=list, blank=True)
    participant_roots = models.ManyToManyField(
        Unit, verbose_name=_("every unit under"), blank=True, related_name="+"
    )
    launched_at = models.DateTimeField(_("launched at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    source_text = models.TextField(_("source text"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = MovementQuerySet.as_manager()
    scope_path_field = "issuer__path"

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_running(self) -> bool:
        return self.status in (MovementStatus.LAUNCHED, MovementStatus.REVIEWED)

    @property
    def is_closed(self) -> bool:
        return self.status == MovementStatus.CLOSED


class MovementStatusChange(models.Model):
    """One step of a movement through its status machine."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=MovementStatus.choices)
    to_status = models.CharField(max_length=20, choices=MovementStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.movement_id}: {self.from_status} → {self.to_status}"


class ContentItem(models.Model):
    """One numbered content of a movement ("Một là…", "1.")."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="contents")
    order = models.PositiveSmallIntegerField(_("order"))
    label = models.CharField(_("label"), max_length=30, blank=True)
    text = models.TextField(_("content"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("content item")

    def __str__(self) -> str:
        return f"{self.label} {self.text[:80]}".strip()


class Responsibility(models.Model):
    """Which agency does what ("Sở Nội vụ theo dõi, tổng hợp…")."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="responsibilities"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    agency = models.CharField(_("agency"), max_length=500)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    task = models.TextField(_("task"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("responsibility")

    def __str__(self) -> str:
        return f"{self.agency}: {self.task[:80]}"


class DocumentKind(models.TextChoices):
    LAUNCH = "phat_dong", _("Launch document")
    PLAN = "ke_hoach", _("Plan")
    GUIDANCE = "huong_dan", _("Guidance")
    REPORT = "bao_cao", _("Report")
    OTHER = "khac", _("Other")


class Attachment(TimeStampedModel):
    """A document attached to a movement (the directive, the plan…)."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), storage=private_storage, upload_to="movements/%Y/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]


class Participation(models.Model):
    """A unit taking part in a movement (đối tượng thi đua)."""

    class Source(models.TextChoices):
        CHOSEN = "chon", _("Chosen")
        RULE = "quy_tac", _("By kind or subtree")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="participations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="participations")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.CHOSEN)
    added_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path_field = "unit__path"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.movement}"


class TargetGroup(models.TextChoices):
    ECONOMIC = "kinh_te", _("Economy")
    SOCIAL = "xa_hoi", _("Society and culture")
    ENVIRONMENT = "moi_truong", _("Environment")
    DEFENCE = "quoc_phong", _("Defence and security")
    GOVERNANCE = "chinh_quyen", _("Government and administrative reform")
    PARTY = "xay_dung_dang", _("Party and political system")
    OTHER = "khac", _("Other")


class Comparator(models.TextChoices):
    REACH = "dat", _("reach (đạt)")
    ABOUT = "khoang", _("about (khoảng)")
    ABOVE = "tren", _("above (trên)")
    AT_LEAST = "toi_thieu", _("at least (ít nhất, tối thiểu)")
    BELOW = "duoi", _("below (dưới)")
    AT_MOST = "khong_qua", _("at most (không quá)")
    INCREASE = "tang", _("increase by (tăng)")
    DECREASE = "giam", _("decrease by (giảm)")


class Direction(models.TextChoices):
    HIGHER = "cao", _("Higher is better")
    LOWER = "thap", _("Lower is better")
    WITHIN = "trong", _("Within the range")


class TargetStatus(models.TextChoices):
    NOT_REPORTED = "chua_bao_cao", _("Not reported")
    MET = "dat", _("Met")
    ON_TRACK = "dung_tien_do", _("On track")
    AT_RISK = "nguy_co", _("At risk")
    MISSED = "khong_dat", _("Not met")
    UNKNOWN = "chua_xac_dinh", _("Cannot be assessed")


class TargetQuerySet(ScopedQuerySet):
    def scope_condition(self, grants, action):
        """A unit's targets are its own data; a movement target goes with its movement
        (seen by every participant, changed by the issuer's side)."""
        own = paths_q("unit__path", grants)
        movement = Movement.objects.filter(
            Movement.objects.scope_condition(grants, action), pk=OuterRef("movement_id")
        )
        if action != "view":
            # A unit changes the targets it registered itself; the shares the issuer
            # assigned to it stay the issuer's, like the movement targets.
            return (Q(level=Target.Level.UNIT, registration__isnull=False) & own) | (
                (Q(level=Target.Level.MOVEMENT) | Q(registration__isnull=True))
                & Q(Exists(movement))
            )
        return (Q(level=Target.Level.UNIT) & own) | (
            Q(level=Target.Level.MOVEMENT) & Q(Exists(movement))
        )


class Target(models.Model):
    """A quantified goal (chỉ tiêu).

    A movement target (``level=movement``) is the province-wide figure; ``unit`` then names
    the unit that reports it (none: the issuer's secretariat). A unit target is either one
    unit's share of a movement target (``parent``) or a target the unit registered itself
    (``registration``).
    """

    class Level(models.TextChoices):
        MOVEMENT = "phong_trao", _("Movement-wide")
        UNIT = "don_vi", _("Unit")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="targets")
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("share of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shares",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    registration = models.ForeignKey(
        "Registration", null=True, blank=True, on_delete=models.CASCADE, related_name="targets"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    group = models.CharField(
        _("group"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.OTHER
    )
    indicator = models.CharField(_("indicator"), max_length=500)
    measure = models.CharField(_("unit of measure"), max_length=60, blank=True)
    comparator = models.CharField(
        _("comparator"), max_length=12, choices=Comparator.choices, default=Comparator.REACH
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    value_max = models.DecimalField(
        _("up to"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    cumulative = models.BooleanField(
        _("builds up over the period"),
        default=False,
        help_text=_(
            "Revenue, people trained, visitors: the expected value grows with time. "
            "Rates and levels are compared with the target at every report."
        ),
    )
    relative_change = models.BooleanField(
        _("change in per cent of the baseline"),
        default=True,
        help_text=_(
            "For increase/decrease targets: on, the value is a percentage of the baseline; "
            "off, it is an amount in the unit of measure (or percentage points)."
        ),
    )
    reference = models.CharField(
        _("compared with"), max_length=255, blank=True, help_text=_("E.g. so với năm 2021.")
    )
    baseline = models.DecimalField(
        _("baseline value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    due_on = models.DateField(
        _("due on"), null=True, blank=True, help_text=_("Empty: the end of the movement.")
    )
    note = models.TextField(_("note"), blank=True)
    # The latest report, kept here so dashboards read one row per target.
    latest_actual = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True, editable=False
    )
    latest_period_end = models.DateField(null=True, blank=True, editable=False)
    completion = models.DecimalField(
        max_digits=12, decimal_places=4, null=True, blank=True, editable=False
    )
    status = models.CharField(
        max_length=20,
        choices=TargetStatus.choices,
        default=TargetStatus.NOT_REPORTED,
        editable=False,
    )
    settled = models.BooleanField(default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = TargetQuerySet.as_manager()
    scope_path_field = "unit__path"

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return self.indicator

    @property
    def reporting_unit_id(self) -> int:
        return self.unit_id or self.movement.issuer_id


class AimedTitle(models.TextChoices):
    """Titles a unit or a person registers to aim for. The award registry brings the full
    catalogue; these are the titles a registration names."""

    LAO_DONG_TIEN_TIEN = "ldtt", _("Advanced Worker (Lao động tiên tiến)")
    CHIEN_SI_CO_SO = "cstdcs", _("Grassroots Emulation Fighter (Chiến sĩ thi đua cơ sở)")
    CHIEN_SI_TINH = "cstd_tinh", _("Provincial Emulation Fighter (Chiến sĩ thi đua cấp tỉnh)")
    CHIEN_SI_TOAN_QUOC = "cstd_tq", _("National Emulation Fighter (Chiến sĩ thi đua toàn quốc)")
    TAP_THE_TIEN_TIEN = "ttldtt", _("Advanced Collective (Tập thể lao động tiên tiến)")
    TAP_THE_XUAT_SAC = "ttldxs", _("Excellent Collective (Tập thể lao động xuất sắc)")
    CO_TINH = "co_tinh", _("Provincial Emulation Flag (Cờ thi đua cấp tỉnh)")
    CO_CHINH_PHU = "co_cp", _("Government Emulation Flag (Cờ thi đua của Chính phủ)")


COLLECTIVE_TITLES = (
    AimedTitle.TAP_THE_TIEN_TIEN,
    AimedTitle.TAP_THE_XUAT_SAC,
    AimedTitle.CO_TINH,
    AimedTitle.CO_CHINH_PHU,
)
INDIVIDUAL_TITLES = (
    AimedTitle.LAO_DONG_TIEN_TIEN,
    AimedTitle.CHIEN_SI_CO_SO,
    AimedTitle.CHIEN_SI_TINH,
    AimedTitle.CHIEN_SI_TOAN_QUOC,
)


class Registration(TimeStampedModel):
    """A unit's registration (đăng ký thi đua): the collective title it aims for, its
    people and their titles (:class:`RegistrationEntry`), and its own targets."""

    class Status(models.TextChoices):
        DRAFT = "nhap", _("Draft")
        SUBMITTED = "da_gui", _("Submitted")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="registrations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="registrations")
    collective_title = models.CharField(
        _("collective title aimed for"),
        max_length=12,
        choices=[(t.value, t.label) for t in COLLECTIVE_TITLES],
        blank=True,
    )
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path_field = "unit__path"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="registration_unique")
        ]
        verbose_name = _("registration")

    def __str__(self) -> str:
        return f"{self.unit} – {self.movement}"


class RegistrationEntry(models.Model):
    """A person of the unit and the individual title they aim for."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT)
    title = models.CharField(
        _("title aimed for"),
        max_length=12,
        choices=[(t.value, t.label) for t in INDIVIDUAL_TITLES],
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "person"], name="entry_unique")
        ]
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_title_display()}"


class PledgeQuerySet(ScopedQuerySet):
    def scope_condition(self, grants, action):
        owner = paths_q("owner__path", grants)
        if action != "view":
            return owner
        party = Pledge.parties.through.objects.filter(
            paths_q("unit__path", grants), pledge=OuterRef("pk")
        )
        return owner | Q(Exists(party))


class Pledge(TimeStampedModel):
    """A signed emulation agreement (giao ước thi đua) between units."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
    )
    title = models.CharField(_("title"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, db_index=True)
    owner = models.ForeignKey(
        Unit,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit that keeps the pledge: the block head, the province…"),
    )
    parties = models.ManyToManyField(Unit, verbose_name=_("parties"), related_name="pledges")
    signed_on = models.DateField(_("signed on"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    signatories = models.TextField(
        _("signatories"), blank=True, help_text=_("One per line: name, position, unit.")
    )
    content = models.TextField(_("content"))
    scan = models.FileField(
        _("signed scan"), storage=private_storage, upload_to="pledges/%Y/", blank=True
    )
    scan_name = models.CharField(max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PledgeQuerySet.as_manager()
    scope_path_field = "owner__path"

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("pledge")

    def __str__(self) -> str:
        return self.title


class ProgressReportQuerySet(ScopedQuerySet):
    def scope_condition(self, grants, action):
        """Reports on a movement target are seen with the movement, like the target."""
        own = paths_q("unit__path", grants)
        if action != "view":
            return own
        movement = Movement.objects.filter(
            Movement.objects.scope_condition(grants, action), pk=OuterRef("target__movement_id")
        )
        return own | (Q(target__level=Target.Level.MOVEMENT) & Q(Exists(movement)))


class ProgressReport(TimeStampedModel):
    """The actual value of a target at the end of a reporting period (báo cáo tiến độ).

    For a cumulative target the value is the running total since the start (lũy kế)."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    actual = models.DecimalField(_("actual value"), max_digits=20, decimal_places=4)
    comment = models.TextField(_("comment"), blank=True)
    completion = models.DecimalField(
        max_digits=12, decimal_places=4, null=True, blank=True, editable=False
    )
    status = models.CharField(max_length=20, choices=TargetStatus.choices, editable=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ProgressReportQuerySet.as_manager()
    scope_path_field = "unit__path"

    class Meta:
        ordering = ["target_id", "period_end"]
        constraints = [
            models.UniqueConstraint(fields=["target", "period_end"], name="report_unique")
        ]
        indexes = [models.Index(fields=["unit", "period_end"])]
        verbose_name = _("progress report")


class Evidence(TimeStampedModel):
    """A file supporting a progress report."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=private_storage, upload_to="evidence/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]


class Review(TimeStampedModel):
    """A mid-term (sơ kết) or final (tổng kết) review of a movement."""

    class Kind(models.TextChoices):
        INTERIM = "so_ket", _("Interim review (sơ kết)")
        FINAL = "tong_ket", _("Final review (tổng kết)")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=500)
    conclusions = models.TextField(_("conclusions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("review")


class Reminder(models.Model):
    """A reminder or escalation already sent, so the daily job never sends it twice."""

    class Kind(models.TextChoices):
        REGISTRATION = "dang_ky", _("Registration")
        REPORT = "bao_cao", _("Progress report")

    class Level(models.TextChoices):
        REMIND = "nhac", _("Reminder")
        ESCALATE = "bao_thu_truong", _("Escalated to the head of unit")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    level = models.CharField(max_length=20, choices=Level.choices)
    # The period the report is for; for a registration, the day registration closed.
    period_end = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit", "kind", "level", "period_end"],
                name="reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.unit} ({self.period_end:%d/%m/%Y})"
