"""Read queries for movements, each starting from what the user may see.

Sections per feature (movements, registrations, progress, dashboards, pledges); add
functions to your feature's section only.
"""

from __future__ import annotations

# Movements -----------------------------------------------------------------------------


def movement_list(user, *, query: str = "", status: str = "", kind: str = "", year=None):
    """Movements ``user`` may see, searched by title (diacritics optional, every word) or
    document number, filtered by status, kind and a year the period overlaps; each with
    ``participant_count`` and ``target_count`` (movement-wide targets), in one query."""
    from datetime import date

    from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
    from django.db.models.functions import Coalesce

    from thidua.core.text import fold

    from .models import Movement, Participation, Target

    movements = Movement.objects.restrict(user, "view")
    words = fold(query).split()
    if words:
        title = Q()
        for word in words:
            title &= Q(title_folded__contains=word)
        movements = movements.filter(title | Q(document_number__icontains=query.strip()))
    if status:
        movements = movements.filter(status=status)
    if kind:
        movements = movements.filter(kind=kind)
    if year:
        movements = movements.filter(
            starts_on__lte=date(year, 12, 31), ends_on__gte=date(year, 1, 1)
        )

    def count(queryset):
        counted = queryset.order_by().values("movement_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted[:1], output_field=IntegerField()), Value(0))

    return movements.select_related("issuer").annotate(
        participant_count=count(Participation.objects.filter(movement=OuterRef("pk"))),
        target_count=count(
            Target.objects.filter(movement=OuterRef("pk"), level=Target.Level.MOVEMENT)
        ),
    )


def movement_years(user) -> list[int]:
    """The years covered by the movements ``user`` may see, newest first (for the year
    filter): one query."""
    from django.db.models import Max, Min
    from django.utils import timezone

    from .models import Movement

    span = Movement.objects.restrict(user, "view").aggregate(
        first=Min("starts_on"), last=Max("ends_on")
    )
    this_year = timezone.localdate().year
    first = span["first"].year if span["first"] else this_year
    last = span["last"].year if span["last"] else this_year
    return list(range(max(last, this_year), min(first, this_year) - 1, -1))


def participant_area(issuer):
    """Where "every unit of these kinds" looks when no subtree is named: the area a
    People's Committee governs (its parent: the province, the commune), else the
    issuer's own subtree. The departments of a province sit beside its committee."""
    from thidua.org.models import UnitKind

    if issuer.kind == UnitKind.PEOPLES_COMMITTEE and issuer.parent_id:
        return issuer.parent
    return issuer


def units_by_rule(issuer, kinds=(), roots=()) -> set[int]:
    """Ids of the active units of ``kinds`` under ``roots`` (or the issuer's area); with
    roots and no kinds, every unit below the roots (not the roots themselves)."""
    from django.db.models import Q

    from thidua.core.models import subtree_q
    from thidua.org.models import Unit

    kinds, roots = list(kinds), list(roots)
    if not kinds and not roots:
        return set()
    condition = Q(pk__in=[])
    for root in roots or [participant_area(issuer)]:
        condition |= subtree_q("path", root.path)
    rows = Unit.objects.filter(condition, is_active=True)
    if kinds:
        rows = rows.filter(kind__in=kinds)
    if roots and not kinds:
        rows = rows.exclude(pk__in=[r.pk for r in roots])
    return set(rows.values_list("pk", flat=True))


def participants_preview(movement, *, units=(), kinds=(), roots=()) -> dict:
    """What :func:`services.participants_set` would do with these choices, without doing
    it: ``total`` participants afterwards, how many ``added``, ``removed``, and ``kept``
    (units no longer chosen that stay because they registered or reported)."""
    from .models import ProgressReport, Registration

    wanted = {u.pk for u in units} | units_by_rule(movement.issuer, kinds, roots)
    existing = set(movement.participations.values_list("unit_id", flat=True))
    leaving = existing - wanted
    kept = leaving & (
        set(
            Registration.objects.filter(movement=movement, unit_id__in=leaving).values_list(
                "unit_id", flat=True
            )
        )
        | set(
            ProgressReport.objects.filter(
                target__movement=movement, unit_id__in=leaving
            ).values_list("unit_id", flat=True)
        )
    )
    return {
        "total": len(wanted | kept),
        "added": len(wanted - existing),
        "removed": len(leaving - kept),
        "kept": len(kept),
    }


# Progress ------------------------------------------------------------------------------


def reportable_targets(user, movement):
    """The movement's targets ``user`` may report on: those of the units where the user
    may change progress reports; a movement-wide target without a unit is reported by
    the issuer's side (the secretariat)."""
    from django.db.models import Q

    from thidua.core.models import paths_q

    from .models import Target

    grants = user.scope_for("movements.progressreport", "change")
    targets = Target.objects.filter(movement=movement)
    if grants is not None:
        if not grants:
            return targets.none()
        targets = targets.filter(
            paths_q("unit__path", grants)
            | (Q(unit__isnull=True) & paths_q("movement__issuer__path", grants))
        )
    return targets.select_related("unit").order_by("order", "pk")


def reports_by_cell(targets, period_ends=None) -> dict:
    """The reports of ``targets`` (a queryset: one query, whatever its size), keyed by
    ``(target_id, period_end)``, each with its ``evidence_count``."""
    from django.db.models import Count

    from .models import ProgressReport

    reports = ProgressReport.objects.filter(target__in=targets.values("pk"))
    if period_ends is not None:
        reports = reports.filter(period_end__in=list(period_ends))
    reports = reports.annotate(evidence_count=Count("evidence")).order_by()
    return {(r.target_id, r.period_end): r for r in reports}


def visible_evidence(user, pk: int):
    """An evidence file, if ``user`` may see the report it supports; else None."""
    from .models import Evidence, ProgressReport

    return Evidence.objects.filter(
        pk=pk, report__in=ProgressReport.objects.restrict(user, "view")
    ).first()


# Registrations -------------------------------------------------------------------------


def registration_roll(user, movement, *, status: str = "", late_only: bool = False, today=None):
    """The movement's participants ``user`` may see, each annotated with its registration:
    ``reg_pk``, ``reg_status``, ``reg_submitted_at``, ``reg_title``, ``reg_people`` and
    ``reg_late`` (the window has closed without a submitted registration). One query,
    whatever the number of units.

    ``status``: ``submitted``, ``draft`` or ``none`` (not registered)."""
    from django.db.models import (
        BooleanField,
        Case,
        Count,
        ExpressionWrapper,
        IntegerField,
        OuterRef,
        Q,
        Subquery,
        Value,
        When,
    )
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from .models import Participation, Registration, RegistrationEntry

    today = today or timezone.localdate()
    registration = Registration.objects.filter(movement=movement, unit=OuterRef("unit_id"))
    people = (
        RegistrationEntry.objects.filter(
            registration__movement=movement, registration__unit=OuterRef("unit_id")
        )
        .order_by()
        .values("registration")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        Participation.objects.restrict(user)
        .filter(movement=movement)
        .select_related("unit")
        .annotate(
            reg_pk=Subquery(registration.values("pk")[:1]),
            reg_status=Subquery(registration.values("status")[:1]),
            reg_submitted_at=Subquery(registration.values("submitted_at")[:1]),
            reg_title=Subquery(registration.values("collective_title")[:1]),
            reg_people=Coalesce(Subquery(people[:1], output_field=IntegerField()), Value(0)),
        )
    )
    not_submitted = Q(reg_status__isnull=True) | Q(reg_status=Registration.Status.DRAFT)
    closes = movement.registration_closes
    is_late = closes is not None and today > closes
    # Late: the window has closed and the unit has not submitted.
    late = (
        Case(When(not_submitted, then=Value(True)), default=Value(False))
        if is_late
        else Value(False)
    )
    rows = rows.annotate(reg_late=ExpressionWrapper(late, output_field=BooleanField()))
    if status == "submitted":
        rows = rows.filter(reg_status=Registration.Status.SUBMITTED)
    elif status == "draft":
        rows = rows.filter(reg_status=Registration.Status.DRAFT)
    elif status == "none":
        rows = rows.filter(reg_pk__isnull=True)
    if late_only:
        rows = rows.filter(not_submitted) if is_late else rows.none()
    return rows


def registration_rollup(user, movement) -> dict:
    """How many units aim for each collective title and how many people for each
    individual title, among the registrations ``user`` may see, split into submitted and
    draft: ``{"collective": [(title, label, submitted, draft)], "individual": [...]}``.
    Two queries."""
    from django.db.models import Count

    from .models import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, Registration, RegistrationEntry

    registrations = Registration.objects.restrict(user).filter(movement=movement)
    submitted = Registration.Status.SUBMITTED
    units = {}
    for row in (
        registrations.exclude(collective_title="")
        .order_by()
        .values("collective_title", "status")
        .annotate(n=Count("pk"))
    ):
        units[(row["collective_title"], row["status"] == submitted)] = row["n"]
    people = {}
    for row in (
        RegistrationEntry.objects.filter(registration__in=registrations.values("pk"))
        .order_by()
        .values("title", "registration__status")
        .annotate(n=Count("pk"))
    ):
        people[(row["title"], row["registration__status"] == submitted)] = row["n"]

    def table(titles, counts):
        return [
            (t.value, t.label, counts.get((t.value, True), 0), counts.get((t.value, False), 0))
            for t in titles
        ]

    return {
        "collective": table(COLLECTIVE_TITLES, units),
        "individual": table(INDIVIDUAL_TITLES, people),
    }


def registration_people(user, unit):
    """The people of ``unit`` itself (not its sub-units) ``user`` may register."""
    from thidua.org.models import Person

    return (
        Person.objects.restrict(user)
        .filter(unit=unit, is_active=True)
        .only("pk", "full_name", "position", "unit_id")
        .order_by("name_folded", "pk")
    )


# Pledges -------------------------------------------------------------------------------


def pledge_list(user, *, query: str = "", party=None, movement=None, year=None):
    """Pledges ``user`` may see, searched by title or by a party's name (diacritics
    optional), filtered by a party unit, a movement and the year signed."""
    from django.db.models import Exists, OuterRef, Q

    from thidua.core.text import fold

    from .models import Pledge

    pledges = Pledge.objects.restrict(user)
    parties = Pledge.parties.through.objects.filter(pledge=OuterRef("pk"))
    folded = fold(query)
    if folded:
        pledges = pledges.filter(
            Q(title_folded__contains=folded)
            | Q(Exists(parties.filter(unit__name_folded__contains=folded)))
            | Q(owner__name_folded__contains=folded)
        )
    if party is not None:
        pledges = pledges.filter(Exists(parties.filter(unit=party)))
    if movement is not None:
        pledges = pledges.filter(movement=movement)
    if year:
        pledges = pledges.filter(signed_on__year=year)
    return pledges.select_related("movement", "owner").prefetch_related("parties")


# Dashboards ----------------------------------------------------------------------------

# In rankings and averages a target counts for at most 150%: one target overshot tenfold
# (a new indicator from a tiny base, a typo) must not lift a unit above others that met
# all of theirs. A target not reported counts as 0; one that cannot be assessed (no
# baseline) is left out of the average.
COMPLETION_CAP = 1.5


def _capped_completion():
    from decimal import Decimal

    from django.db.models import DecimalField, Value
    from django.db.models.functions import Coalesce, Least

    field = DecimalField(max_digits=12, decimal_places=4)
    return Least(
        Coalesce("completion", Value(Decimal(0), output_field=field), output_field=field),
        Value(Decimal(str(COMPLETION_CAP)), output_field=field),
        output_field=field,
    )


def _status_aggregates(prefix: str = "") -> dict:
    """``total``, one count per status and ``score`` (the average capped completion, 1 =
    100%) over targets, for ``aggregate`` or ``annotate``."""
    from django.db.models import Avg, Count, FloatField, Q

    from .models import TargetStatus

    return {
        "total": Count("pk"),
        **{f"n_{status}": Count("pk", filter=Q(status=status)) for status in TargetStatus.values},
        "score": Avg(
            _capped_completion(),
            filter=~Q(status=TargetStatus.UNKNOWN),
            output_field=FloatField(),
        ),
    }


def movement_targets(user, movement):
    """The movement's targets ``user`` may see (movement-wide ones, and the unit targets
    of the units in the user's scope), by group in the order of the groups, a movement
    target followed by its units' shares."""
    from django.db.models import Case, F, IntegerField, Value, When
    from django.db.models.functions import Coalesce

    from .models import Target, TargetGroup

    group_rank = Case(
        *(When(group=value, then=Value(i)) for i, value in enumerate(TargetGroup.values)),
        default=Value(99),
        output_field=IntegerField(),
    )
    return (
        Target.objects.restrict(user, "view")
        .filter(movement=movement)
        .select_related("unit")
        .annotate(group_rank=group_rank, family=Coalesce("parent_id", "pk"))
        .order_by(
            "group_rank",
            "order",
            "family",
            F("parent_id").asc(nulls_first=True),
            "unit__name",
            "pk",
        )
    )


def target_summary(targets) -> dict:
    """Counts by status and the average capped completion of ``targets``: one query."""
    return targets.order_by().aggregate(**_status_aggregates())


def unit_ranking(user, movement):
    """Units ranked by the average completion of their unit targets (each capped at
    :data:`COMPLETION_CAP`), with their counts by status. Only the unit targets ``user``
    may see count, so a unit officer ranks the units of their own scope. One query."""
    from django.db.models import F

    from .models import Target

    return (
        Target.objects.restrict(user, "view")
        .filter(movement=movement, level=Target.Level.UNIT)
        .order_by()
        .values("unit_id", "unit__name", "unit__code")
        .annotate(**_status_aggregates())
        .order_by(F("score").desc(nulls_last=True), "-n_dat", "unit__name", "unit_id")
    )


def running_movements(user):
    """Launched or reviewed movements ``user`` may see, newest first."""
    from .models import Movement, MovementStatus

    return (
        Movement.objects.restrict(user, "view")
        .filter(status__in=(MovementStatus.LAUNCHED, MovementStatus.REVIEWED))
        .select_related("issuer")
        .order_by("-starts_on", "pk")
    )


def dashboard_figures(user, movements, today=None) -> dict[int, dict]:
    """For each of ``movements`` (a list): target counts by status and the average capped
    completion of the targets ``user`` may see, participants and submitted registrations
    in the user's scope, and the reports due and not received (``late``: per target, the
    periods whose report deadline has passed without a report). Four queries, whatever
    the number of movements, targets, units or reports."""
    from django.db.models import Count
    from django.utils import timezone

    from . import completion
    from .models import Participation, ProgressReport, Registration, Target

    today = today or timezone.localdate()
    ids = [m.pk for m in movements]
    targets = Target.objects.restrict(user, "view").filter(movement_id__in=ids)
    figures = {
        pk: {"total": 0, "score": None, "participants": 0, "registered": 0, "late": 0} for pk in ids
    }
    for row in targets.order_by().values("movement_id").annotate(**_status_aggregates()):
        figures[row.pop("movement_id")].update(row)
    for row in (
        Participation.objects.restrict(user, "view")
        .filter(movement_id__in=ids)
        .order_by()
        .values("movement_id")
        .annotate(n=Count("pk"))
    ):
        figures[row["movement_id"]]["participants"] = row["n"]
    for row in (
        Registration.objects.restrict(user, "view")
        .filter(movement_id__in=ids, status=Registration.Status.SUBMITTED)
        .order_by()
        .values("movement_id")
        .annotate(n=Count("pk"))
    ):
        figures[row["movement_id"]]["registered"] = row["n"]
    received: dict[tuple[int, object], int] = {}
    for row in (
        ProgressReport.objects.filter(target__in=targets.values("pk"))
        .order_by()
        .values("target__movement_id", "period_end")
        .annotate(n=Count("pk"))
    ):
        received[(row["target__movement_id"], row["period_end"])] = row["n"]
    for movement in movements:
        due = [
            end
            for _start, end in completion.periods(
                movement.report_frequency, movement.starts_on, movement.ends_on
            )
            if completion.due_date(end, movement.report_due_days) < today
        ]
        figure = figures[movement.pk]
        expected = figure["total"] * len(due)
        figure["late"] = max(0, expected - sum(received.get((movement.pk, end), 0) for end in due))
    return figures
