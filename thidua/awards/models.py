"""The award registry (khen thưởng) and the facts the law checks.

* :class:`AwardType` is the catalogue of emulation titles (danh hiệu thi đua) and
  commendation forms (hình thức khen thưởng). The entries the law defines come from the
  rule data file (:mod:`thidua.awards.rules.data`) and are synced on ``migrate``; the
  secretariat adds the province's own forms.
* :class:`Decision` (quyết định khen thưởng) confers a list of :class:`Award` rows. An
  award counts in the registry once its decision is issued and until it is revoked.
* :class:`TaskRating`, :class:`Discipline` and :class:`Initiative` are the facts the
  eligibility rules read: yearly task ratings, discipline with its period, recognised
  initiatives and scientific works.
* :class:`Household` is a household (hộ gia đình) that can be awarded.

Scoping: an award, a rating, a discipline and a household are filed under the unit of
their recipient (``recipient_unit``); an initiative under its unit; a decision is seen by
whoever sees its issuer or one of its recipients.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.core.models import ScopedManager, ScopedQuerySet, TimeStampedModel, paths_q
from thidua.core.text import fold, normalize_name
from thidua.org.models import Person, Unit


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Category(models.TextChoices):
    TITLE = "danh_hieu", _("Emulation title")
    FORM = "hinh_thuc", _("Commendation form")


class Subject(models.TextChoices):
    INDIVIDUAL = "ca_nhan", _("Individual")
    COLLECTIVE = "tap_the", _("Collective")
    HOUSEHOLD = "ho_gia_dinh", _("Household")


class Level(models.TextChoices):
    GRASSROOTS = "co_so", _("Grassroots")
    PROVINCE = "bo_tinh", _("Ministry, sector, province")
    NATIONAL = "toan_quoc", _("National (Government, Prime Minister)")
    STATE = "nha_nuoc", _("State")


class Authority(models.TextChoices):
    """Who may confer an award (thẩm quyền quyết định khen thưởng)."""

    PRESIDENT = "president", _("President of the State")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    MINISTER = "minister", _("Minister, head of a central body")
    PROVINCIAL_CHAIRMAN = "provincial_chairman", _("Chairman of the provincial People's Committee")
    AGENCY_HEAD = "agency_head", _("Head of a provincial agency or legal-entity unit")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Chairman of the commune People's Committee")
    ENTERPRISE_DIRECTOR = "enterprise_director", _("Director of an enterprise or cooperative")
    BOARD_CHAIRMAN = "board_chairman", _("Chairman of a board of directors or members")


class CommendationKind(models.TextChoices):
    """Loại hình khen thưởng (Điều 8 Luật Thi đua, khen thưởng 2022)."""

    MERIT = "cong_trang", _("Merit (công trạng)")
    SUDDEN = "dot_xuat", _("Sudden achievement (đột xuất)")
    MOVEMENT = "phong_trao", _("Emulation movement (theo đợt)")
    THEMATIC = "chuyen_de", _("Thematic (chuyên đề)")
    DEDICATION = "qua_trinh_cong_hien", _("Long dedication (quá trình cống hiến)")
    SENIORITY = "nien_han", _("Seniority (niên hạn)")
    FOREIGN = "doi_ngoai", _("Foreign relations (đối ngoại)")


# Results of these kinds are not a basis for a higher merit award (Điều 4.3 NĐ 152/2025).
NOT_A_BASIS_FOR_MERIT = frozenset({CommendationKind.SUDDEN, CommendationKind.THEMATIC})


class CertificateKind(models.TextChoices):
    BANG_KHEN = "bang_khen", _("Certificate of merit (Bằng khen)")
    GIAY_KHEN = "giay_khen", _("Certificate of commendation (Giấy khen)")
    TITLE = "danh_hieu", _("Title certificate (Giấy chứng nhận danh hiệu)")
    FLAG = "co", _("Emulation flag (Cờ thi đua)")
    ORDER = "huan_chuong", _("Order or medal (Huân chương, Huy chương)")


class AwardTypeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_subject(self, subject: str):
        return self.filter(**{SUBJECT_FIELD[subject]: True})


SUBJECT_FIELD = {
    Subject.INDIVIDUAL: "for_individual",
    Subject.COLLECTIVE: "for_collective",
    Subject.HOUSEHOLD: "for_household",
}


class AwardType(TimeStampedModel):
    """One entry of the catalogue: an emulation title or a commendation form.

    Entries with ``is_builtin`` come from the rule data file and are rewritten from it on
    every ``migrate``; the secretariat cannot edit them, only hide them. The province's
    own forms (``owner`` set) are the secretariat's to edit.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    for_individual = models.BooleanField(_("for individuals"), default=False)
    for_collective = models.BooleanField(_("for collectives"), default=False)
    for_household = models.BooleanField(_("for households"), default=False)
    authorities = models.JSONField(
        _("conferred by"), default=list, blank=True, help_text=_("Codes of Authority.")
    )
    coefficient_individual = models.DecimalField(
        _("coefficient (individual)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    coefficient_collective = models.DecimalField(
        _("coefficient (collective)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    coefficient_household = models.DecimalField(
        _("coefficient (household)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty: 1.5 times the individual amount for a form, none for a title."),
    )
    ballot_required = models.BooleanField(_("council ballot required"), default=False)
    ballot_threshold = models.DecimalField(
        _("ballot threshold"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Share of the council's total members who must agree, e.g. 0.8."),
    )
    kinds = models.JSONField(
        _("kinds of commendation"),
        default=list,
        blank=True,
        help_text=_("Codes of CommendationKind this title or form is given for."),
    )
    certificate_kind = models.CharField(
        _("certificate"), max_length=12, choices=CertificateKind.choices
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    confidence = models.CharField(_("confidence of the rule data"), max_length=10, blank=True)
    is_builtin = models.BooleanField(_("defined by law"), default=False, editable=False)
    owner = models.ForeignKey(
        Unit,
        verbose_name=_("defined by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_award_types",
        help_text=_("The province that defined this form; empty for forms defined by law."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AwardTypeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("title or form")
        verbose_name_plural = _("titles and forms")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.name = normalize_name(self.name)
        if not (self.for_individual or self.for_collective or self.for_household):
            raise ValidationError(
                _("Say who may receive it: individuals, collectives or households.")
            )
        if self.ballot_threshold is not None and not 0 < self.ballot_threshold <= 1:
            raise ValidationError(
                {"ballot_threshold": _("The threshold is a share between 0 and 1, e.g. 0,8.")}
            )

    def allows(self, subject: str) -> bool:
        return getattr(self, SUBJECT_FIELD[subject])

    @property
    def subjects(self) -> list[str]:
        return [s for s in Subject.values if self.allows(s)]

    def coefficient_for(self, subject: str):
        """The coefficient × base salary for ``subject``, or ``None`` when none is paid."""
        if subject == Subject.INDIVIDUAL:
            return self.coefficient_individual
        if subject == Subject.COLLECTIVE:
            return self.coefficient_collective
        return self.coefficient_household


class Household(TimeStampedModel):
    """A household (hộ gia đình) that can be awarded, filed under its commune or ward."""

    head_name = models.CharField(_("head of household"), max_length=150)
    name_folded = models.CharField(max_length=150, editable=False, db_index=True)
    address = models.CharField(_("address"), max_length=255)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("commune or ward"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "unit__path"

    class Meta:
        ordering = ["name_folded", "pk"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return _("Household of %(name)s") % {"name": self.head_name}

    def clean(self) -> None:
        self.head_name = normalize_name(self.head_name)

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.head_name)
        super().save(*args, **kwargs)


class DecisionStatus(models.TextChoices):
    DRAFT = "nhap", _("Draft")
    ISSUED = "da_ban_hanh", pgettext_lazy("decision", "Issued")


class DecisionQuerySet(ScopedQuerySet):
    def scope_condition(self, grants, action):
        issuer = paths_q("issuer__path", grants)
        if action != "view":
            return issuer
        # A unit sees the decisions that award its people, itself or its households.
        concerns = Award.objects.filter(
            paths_q("recipient_unit__path", grants), decision=OuterRef("pk")
        )
        return issuer | (Q(status=DecisionStatus.ISSUED) & Exists(concerns))

    def issued(self):
        return self.filter(status=DecisionStatus.ISSUED)


class Decision(TimeStampedModel):
    """A decision conferring awards (quyết định khen thưởng) and its annex list."""

    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("E.g. 1234/QĐ-UBND. A draft may have none yet; an issued decision must."),
    )
    signed_on = models.DateField(_("date"))
    authority = models.CharField(_("authority"), max_length=24, choices=Authority.choices)
    authority_name = models.CharField(
        _("issued by"),
        max_length=255,
        help_text=_("As printed on the decision, e.g. Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị."),
    )
    signer_name = models.CharField(_("signed by"), max_length=150)
    signer_title = models.CharField(
        _("signer's title"),
        max_length=150,
        blank=True,
        help_text=_("E.g. KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"),
    )
    kind = models.CharField(
        _("kind of commendation"), max_length=24, choices=CommendationKind.choices
    )
    subject_line = models.CharField(
        _("subject"),
        max_length=500,
        blank=True,
        help_text=_("Về việc …, e.g. tặng Bằng khen của Chủ tịch UBND tỉnh"),
    )
    grounds = models.TextField(
        _("grounds"), blank=True, help_text=_("The Căn cứ … paragraphs, one per line.")
    )
    issuer = models.ForeignKey(
        Unit,
        verbose_name=_("issuing unit"),
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    movement = models.ForeignKey(
        "movements.Movement",
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_decisions",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    is_legacy = models.BooleanField(_("imported from earlier records"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager.from_queryset(DecisionQuerySet)()
    scope_path_field = "issuer__path"

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["number", "signed_on", "authority_name"],
                condition=~Q(number=""),
                name="awards_decision_unique",
            )
        ]
        indexes = [models.Index(fields=["signed_on"], name="awards_decision_date")]

    def __str__(self) -> str:
        return _("Decision %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.signed_on.strftime("%d/%m/%Y"),
        }

    @property
    def is_issued(self) -> bool:
        return self.status == DecisionStatus.ISSUED


def new_verify_token() -> str:
    """128 random bits, URL-safe: the public verification link cannot be guessed."""
    return secrets.token_urlsafe(16)


class AwardQuerySet(ScopedQuerySet):
    def in_force(self):
        """Awards that count: their decision is issued and they are not revoked."""
        return self.filter(decision__status=DecisionStatus.ISSUED, revoked=False)


class Award(TimeStampedModel):
    """One title or form conferred on a person, a collective or a household."""

    award_type = models.ForeignKey(
        AwardType, verbose_name=_("title or form"), on_delete=models.PROTECT, related_name="awards"
    )
    subject = models.CharField(_("recipient kind"), max_length=12, choices=Subject.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("collective"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="collective_awards",
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    # Snapshots at the time of the decision: people move and units are renamed.
    recipient_name = models.CharField(_("recipient"), max_length=255)
    recipient_name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    recipient_position = models.CharField(_("position"), max_length=255, blank=True)
    recipient_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The person's unit, the collective itself, or the household's commune."),
    )
    recipient_unit_name = models.CharField(_("unit name"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    period_start = models.PositiveSmallIntegerField(
        _("period from"),
        null=True,
        blank=True,
        help_text=_("For a period of several years (giai đoạn); empty for one year."),
    )
    kind = models.CharField(
        _("kind of commendation"), max_length=24, choices=CommendationKind.choices
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="awards"
    )
    movement = models.ForeignKey(
        "movements.Movement",
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    achievement = models.TextField(_("achievement"), blank=True)
    amount = models.PositiveBigIntegerField(_("amount (đồng)"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("No."), default=0)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verify_token = models.CharField(
        max_length=32, unique=True, default=new_verify_token, editable=False
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager.from_queryset(AwardQuerySet)()
    scope_path_field = "recipient_unit__path"

    class Meta:
        ordering = ["decision", "sort_order", "pk"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(
                name="awards_award_one_recipient",
                condition=(
                    Q(
                        subject=Subject.INDIVIDUAL,
                        person__isnull=False,
                        unit__isnull=True,
                        household__isnull=True,
                    )
                    | Q(
                        subject=Subject.COLLECTIVE,
                        person__isnull=True,
                        unit__isnull=False,
                        household__isnull=True,
                    )
                    | Q(
                        subject=Subject.HOUSEHOLD,
                        person__isnull=True,
                        unit__isnull=True,
                        household__isnull=False,
                    )
                ),
            ),
            # One title or form per recipient and period (revoked ones excepted).
            models.UniqueConstraint(
                fields=["person", "award_type", "year"],
                condition=Q(revoked=False, person__isnull=False),
                name="awards_award_unique_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "award_type", "year"],
                condition=Q(revoked=False, unit__isnull=False),
                name="awards_award_unique_unit",
            ),
            models.UniqueConstraint(
                fields=["household", "award_type", "year"],
                condition=Q(revoked=False, household__isnull=False),
                name="awards_award_unique_household",
            ),
        ]
        indexes = [
            models.Index(fields=["award_type", "year"], name="awards_award_type_year"),
            models.Index(fields=["person", "year"], name="awards_award_person_year"),
            models.Index(fields=["unit", "year"], name="awards_award_unit_year"),
            models.Index(fields=["year"], name="awards_award_year"),
        ]

    def __str__(self) -> str:
        return f"{self.award_type} – {self.recipient_name} ({self.period_label})"

    def save(self, *args, **kwargs):
        self.recipient_name_folded = fold(self.recipient_name)
        super().save(*args, **kwargs)

    @property
    def recipient(self):
        return self.person or self.unit or self.household

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_start != self.year:
            return f"{self.period_start}–{self.year}"
        return str(self.year)

    @property
    def in_force(self) -> bool:
        return self.decision.is_issued and not self.revoked


class Rating(models.TextChoices):
    """Yearly task rating (xếp loại mức độ hoàn thành nhiệm vụ), from lowest to highest."""

    NOT_COMPLETED = "khong_hoan_thanh", _("Did not complete tasks")
    COMPLETED = "hoan_thanh", _("Completed tasks")
    GOOD = "hoan_thanh_tot", _("Completed tasks well")
    EXCELLENT = "hoan_thanh_xuat_sac", _("Completed tasks excellently")


RATING_ORDER = {value: index for index, value in enumerate(Rating.values)}


class TaskRating(TimeStampedModel):
    """A person's or a unit's task rating for a year, with the time facts the rules read."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="task_ratings",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("collective"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="task_ratings",
    )
    recipient_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    months_worked = models.PositiveSmallIntegerField(
        _("months worked"),
        null=True,
        blank=True,
        help_text=_("Months in post during the year, not counting maternity leave."),
    )
    maternity_leave_months = models.PositiveSmallIntegerField(
        _("months of maternity leave"), default=0, blank=True
    )
    absent_days = models.PositiveSmallIntegerField(
        _("working days absent"),
        null=True,
        blank=True,
        help_text=_("Not counting maternity leave, which counts as time worked."),
    )
    basis = models.CharField(_("rated by"), max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "recipient_unit__path"

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("task rating")
        verbose_name_plural = _("task ratings")
        constraints = [
            models.CheckConstraint(
                name="awards_rating_one_subject",
                condition=Q(person__isnull=False, unit__isnull=True)
                | Q(person__isnull=True, unit__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["person", "year"],
                condition=Q(person__isnull=False),
                name="awards_rating_unique_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=Q(unit__isnull=False),
                name="awards_rating_unique_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.get_rating_display()}"


class DisciplineForm(models.TextChoices):
    """Forms of discipline (hình thức kỷ luật), from lightest to heaviest."""

    REPRIMAND = "khien_trach", _("Reprimand (khiển trách)")
    WARNING = "canh_cao", _("Warning (cảnh cáo)")
    SALARY_DOWNGRADE = "ha_bac_luong", _("Salary downgrade (hạ bậc lương)")
    DEMOTION = "giang_chuc", _("Demotion (giáng chức)")
    DISMISSAL_FROM_POST = "cach_chuc", _("Removal from post (cách chức)")
    DISMISSAL = "buoc_thoi_viec", _("Dismissal (buộc thôi việc)")


DISCIPLINE_ORDER = {value: index for index, value in enumerate(DisciplineForm.values)}


class DisciplineStatus(models.TextChoices):
    UNDER_REVIEW = "dang_xem_xet", _("Under review")
    DECIDED = "da_quyet_dinh", _("Decided")


class Discipline(TimeStampedModel):
    """A discipline (kỷ luật) of a person, or a review that may lead to one."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="disciplines"
    )
    recipient_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DisciplineStatus.choices,
        default=DisciplineStatus.DECIDED,
    )
    form = models.CharField(_("form"), max_length=16, choices=DisciplineForm.choices, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("The end of the discipline period.")
    )
    reason = models.TextField(_("reason"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "recipient_unit__path"

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_form_display() or self.get_status_display()}"

    def clean(self) -> None:
        if self.status == DisciplineStatus.DECIDED and not self.form:
            raise ValidationError({"form": _("Say which form of discipline was decided.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes before the start.")})


class InitiativeKind(models.TextChoices):
    INITIATIVE = "sang_kien", _("Initiative (sáng kiến)")
    SCIENCE = "de_tai", _("Scientific work (đề tài, đề án, công trình)")


class EffectScope(models.TextChoices):
    """How far an initiative's effect is recognised (phạm vi ảnh hưởng)."""

    GRASSROOTS = "co_so", _("Grassroots")
    PROVINCE = "bo_tinh", _("Ministry, sector, province")
    NATIONAL = "toan_quoc", _("National")


SCOPE_ORDER = {value: index for index, value in enumerate(EffectScope.values)}


class Initiative(TimeStampedModel):
    """A recognised initiative or accepted scientific work, with its authors."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE
    )
    title = models.CharField(_("title"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False)
    authors = models.ManyToManyField(Person, verbose_name=_("authors"), related_name="initiatives")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="initiatives"
    )
    year = models.PositiveSmallIntegerField(_("year recognised"))
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    recognised_by = models.CharField(_("recognised by"), max_length=255, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    scope = models.CharField(
        _("scope of effect"),
        max_length=10,
        choices=EffectScope.choices,
        default=EffectScope.GRASSROOTS,
    )
    used_for = models.ForeignKey(
        Award,
        verbose_name=_("used as the basis of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        help_text=_("An initiative is the basis of one award only (CV 5007/BNV-TĐKT)."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "unit__path"

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("initiative or scientific work")
        verbose_name_plural = _("initiatives and scientific works")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title_folded = fold(self.title)
        super().save(*args, **kwargs)


class TemplateKind(models.TextChoices):
    DECISION = "decision", _("Decision (.docx)")
    ANNEX = "annex", _("Annex list (.docx)")


class DocumentTemplate(TimeStampedModel):
    """A .docx template the secretariat uploaded to replace the bundled one."""

    kind = models.CharField(_("document"), max_length=10, choices=TemplateKind.choices)
    owner = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="award_templates"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="awards/templates/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_path_field = "owner__path"

    class Meta:
        ordering = ["kind", "-created_at"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "owner"], name="awards_template_unique")
        ]


class CertificateLayout(TimeStampedModel):
    """How certificates print for one unit: full design on plain paper, or only the text
    on pre-printed blanks, moved by offsets measured on the office's printer."""

    owner = models.OneToOneField(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="certificate_layout"
    )
    preprinted = models.BooleanField(
        _("print on pre-printed blanks"),
        default=False,
        help_text=_("Print only the text and the QR code, not the border and headings."),
    )
    offset_x_mm = models.DecimalField(
        _("move right (mm)"), max_digits=5, decimal_places=1, default=0
    )
    offset_y_mm = models.DecimalField(
        _("move down (mm)"), max_digits=5, decimal_places=1, default=0
    )
    name_offset_y_mm = models.DecimalField(
        _("move the recipient's name down (mm)"), max_digits=5, decimal_places=1, default=0
    )
    qr_offset_x_mm = models.DecimalField(
        _("move the QR code right (mm)"), max_digits=5, decimal_places=1, default=0
    )
    qr_offset_y_mm = models.DecimalField(
        _("move the QR code down (mm)"), max_digits=5, decimal_places=1, default=0
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager()
    scope_path_field = "owner__path"

    class Meta:
        verbose_name = _("certificate layout")
        verbose_name_plural = _("certificate layouts")
