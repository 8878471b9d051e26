"""API for movements, their targets, registrations and progress reports.

The same scoping as the pages: a movement, a target or a report outside what the caller
may see answers 404; one the caller sees but may not change answers 403. Progress is
pushed through :func:`thidua.movements.services.progress_report_save`, so another system
reporting figures meets exactly the checks an officer meets in the page.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import StrictFloat, StrictInt, StrictStr

from thidua.core.concurrency import StaleObjectError
from thidua.core.text import fold, parse_number
from thidua.core.views import get_scoped_or_404

from . import services
from .models import (
    Comparator,
    Direction,
    Frequency,
    Movement,
    MovementKind,
    MovementStatus,
    ProgressReport,
    Registration,
    RegistrationEntry,
    Target,
    TargetGroup,
    TargetStatus,
)

router = Router(tags=["movements"])


# Schemas -------------------------------------------------------------------------------


class MovementOut(Schema):
    id: int
    title: str
    kind: MovementKind
    status: MovementStatus
    issuer_id: int
    issuer_name: str = Field(alias="issuer.name")
    document_number: str
    document_date: date | None
    starts_on: date
    ends_on: date
    theme: str
    report_frequency: Frequency
    registration_opens: date | None
    registration_closes: date | None
    version: int
    updated_at: datetime


class ContentOut(Schema):
    order: int
    label: str
    text: str


class ResponsibilityOut(Schema):
    order: int
    agency: str
    unit_id: int | None
    task: str


class MovementDetailOut(MovementOut):
    signer: str
    signer_title: str
    purpose: str
    mottos: list[str]
    participant_kinds: list[str]
    launched_at: datetime | None
    closed_at: datetime | None
    contents: list[ContentOut]
    responsibilities: list[ResponsibilityOut]
    participants_count: int


class MovementFilter(FilterSchema):
    q: str = Field("", description="Title, with or without diacritics, or document number")
    status: MovementStatus | None = None
    kind: MovementKind | None = None
    year: int | None = Field(None, description="Movements running during this year")


class TargetOut(Schema):
    id: int
    movement_id: int
    level: Target.Level
    parent_id: int | None
    registration_id: int | None
    unit_id: int | None = Field(description="The responsible unit; none: the issuer's side")
    unit_name: str | None
    order: int
    group: TargetGroup
    indicator: str
    measure: str
    comparator: Comparator
    value: Decimal
    value_max: Decimal | None
    direction: Direction
    cumulative: bool
    relative_change: bool
    reference: str
    baseline: Decimal | None
    due_on: date | None
    latest_actual: Decimal | None
    latest_period_end: date | None
    completion: Decimal | None = Field(description="1 is 100%")
    status: TargetStatus
    settled: bool
    version: int

    @staticmethod
    def resolve_unit_name(obj) -> str | None:
        return obj.unit.name if obj.unit_id else None


class EntryOut(Schema):
    person_id: int
    person_name: str = Field(alias="person.full_name")
    title: str


class RegistrationOut(Schema):
    id: int
    movement_id: int
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    collective_title: str
    note: str
    status: Registration.Status
    submitted_at: datetime | None
    entries: list[EntryOut]
    version: int
    updated_at: datetime


class EvidenceOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return reverse("movements:evidence", args=[obj.pk])


class ReportOut(Schema):
    id: int
    target_id: int
    unit_id: int
    period_start: date
    period_end: date
    actual: Decimal
    comment: str
    completion: Decimal | None = Field(description="1 is 100%")
    status: TargetStatus
    evidence: list[EvidenceOut]
    version: int
    updated_at: datetime


class ReportIn(Schema):
    period_end: date = Field(description="The last day of a reporting period of the movement")
    actual: StrictStr | StrictInt | StrictFloat = Field(
        description='A number, or text written the Vietnamese way ("2.326,5") or plainly '
        '("2326.5"); text that can be read two ways is refused.'
    )
    comment: str = ""
    version: int | None = Field(
        None, description="The version of the report you read; a newer one answers 409."
    )


class Conflict(Schema):
    detail: str


class Invalid(Schema):
    detail: dict[str, list[str]] | list[dict[str, Any]] = Field(
        description="The messages per field (``__all__``: about the whole report), or the "
        "request's shape errors"
    )


# Movements -----------------------------------------------------------------------------


@router.get("/movements/", response=list[MovementOut])
@paginate(PageNumberPagination, page_size=50)
def list_movements(request, filters: Query[MovementFilter]):
    queryset = Movement.objects.restrict(request.user, "view").select_related("issuer")
    folded = fold(filters.q)
    if folded:
        queryset = queryset.filter(
            Q(title_folded__contains=folded) | Q(document_number__iexact=filters.q.strip())
        )
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.year:
        queryset = queryset.filter(
            starts_on__lte=date(filters.year, 12, 31), ends_on__gte=date(filters.year, 1, 1)
        )
    return queryset.order_by("-starts_on", "-pk")


@router.get("/movements/{movement_id}", response=MovementDetailOut)
def get_movement(request, movement_id: int):
    movement = get_scoped_or_404(Movement, request.user, pk=movement_id)
    movement = (
        Movement.objects.select_related("issuer")
        .prefetch_related("contents", "responsibilities")
        .annotate(participants_count=Count("participations"))
        .get(pk=movement.pk)
    )
    return movement


@router.get("/movements/{movement_id}/targets", response=list[TargetOut])
@paginate(PageNumberPagination, page_size=100)
def list_movement_targets(request, movement_id: int):
    """The movement's targets the caller may see: every movement-wide target, and the
    unit targets of the caller's units."""
    movement = get_scoped_or_404(Movement, request.user, pk=movement_id)
    return (
        Target.objects.restrict(request.user, "view")
        .filter(movement=movement)
        .select_related("unit")
        .order_by("order", "pk")
    )


@router.get("/movements/{movement_id}/registrations", response=list[RegistrationOut])
@paginate(PageNumberPagination, page_size=50)
def list_movement_registrations(request, movement_id: int):
    movement = get_scoped_or_404(Movement, request.user, pk=movement_id)
    entries = RegistrationEntry.objects.select_related("person").order_by("pk")
    return (
        Registration.objects.restrict(request.user, "view")
        .filter(movement=movement)
        .select_related("unit")
        .prefetch_related(Prefetch("entries", queryset=entries))
        .order_by("unit__path", "pk")
    )


# Progress ------------------------------------------------------------------------------


@router.get("/targets/{target_id}/reports", response=list[ReportOut])
@paginate(PageNumberPagination, page_size=50)
def list_target_reports(request, target_id: int):
    target = get_scoped_or_404(Target, request.user, pk=target_id)
    return (
        ProgressReport.objects.restrict(request.user, "view")
        .filter(target=target)
        .prefetch_related("evidence")
        .order_by("period_end", "pk")
    )


def _read_actual(value) -> Decimal:
    try:
        number = parse_number(value)
    except ValueError:
        number = None
        message = _(
            "“%(value)s” cannot be read as a number without doubt. Write it the Vietnamese "
            "way (2.326,5) or plainly (2326.5)."
        ) % {"value": value}
    else:
        message = _("Enter the actual value.")
    if number is None or not number.is_finite():
        raise ValidationError({"actual": message})
    return number


@router.post(
    "/targets/{target_id}/reports",
    response={200: ReportOut, 201: ReportOut, 409: Conflict, 422: Invalid},
)
def save_target_report(request, target_id: int, payload: ReportIn):
    """Report (or correct) a target's actual value for one period. A report of the same
    period is replaced; send the ``version`` you read to be told when someone else
    changed it since (409)."""
    target = get_scoped_or_404(Target, request.user, pk=target_id)
    responsible = target.unit or target.movement.issuer
    if not request.user.holds("movements.progressreport", "change", responsible):
        raise PermissionDenied
    actual = _read_actual(payload.actual)
    try:
        report = services.progress_report_save(
            actor=request.user,
            target=target,
            period_end=payload.period_end,
            actual=actual,
            comment=payload.comment,
            expected_version=payload.version,
        )
    except StaleObjectError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    report = ProgressReport.objects.prefetch_related("evidence").get(pk=report.pk)
    return Status(201 if report.version == 1 else 200, report)
