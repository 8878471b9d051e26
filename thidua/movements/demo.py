"""Demo movements: the five seed texts as movements of the demo province, and this year's.

Each of the five seed texts of the movements issue becomes a movement of the demo
province "Tỉnh Hòa An" (T01, :mod:`thidua.org.demo`), with its real title, kind, theme,
mottos, document number and date, signer, numbered contents (label + " " + text is the
paragraph of the source), quantified targets, responsibilities and participants. The
source's own province name ("Hậu Giang", "Lai Châu", "Hà Giang") reads as the demo
province's; a handful of typing slips of the sources are corrected ("Bản là" → "Bảy là").
Then the year goes by through the services, with ``today=`` placing each step in the
past: most participants register (some never do, so the roll shows late units), the
province's leaders sign pledges, progress is reported every month or quarter — values
drawn from a seeded generator, so some targets are met, some on track, some at risk,
some missed, and a few reports are missing — and reviews are held: the 2022 and 2023
movements are closed (every target settled), the 2024 one is reviewed and still
running. A movement of the current year runs with reports up to the last finished
month, so the dashboards show live statuses.

Everything goes through :mod:`thidua.movements.services` with ``actor=None`` (the
system), so the audit log and the computed figures are those of real use. A movement
that exists already (same issuer, title and start) is skipped: loading twice changes
nothing. Values depend only on :data:`SEED`; the current year's movement also on the
day it is loaded (how many months have been reported).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from thidua.org import demo as org_demo
from thidua.org.models import ManagementLevel, Person, Unit, UnitKind

from . import completion, services
from .models import (
    AimedTitle,
    Comparator,
    Direction,
    Frequency,
    Movement,
    MovementKind,
    MovementStatusChange,
    ProgressReport,
    Registration,
    Review,
    Target,
    TargetGroup,
    TargetStatus,
)

ROOT_CODE = "T01"
SEED = 2026

# Who takes part, by unit kind.
DEPARTMENTS = (UnitKind.DEPARTMENT,)
MASS = (UnitKind.MASS_ORGANISATION,)
LOCAL = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)
# The block of economic and technical departments (seed 004); its head is Sở Tài chính,
# as in ``demo_accounts`` (the block head account "truongkhoi").
ECONOMIC_BLOCK = ("STC", "SXD", "SNNMT", "SCT", "SKHCN", "BQLKCN", "BQLDA")
# The companies the province owns (seed 001 names "doanh nghiệp" among its participants).
STATE_ENTERPRISES = tuple(f"UBND.{suffix}" for suffix, _name in org_demo.STATE_ENTERPRISES)

# Measures counted in whole numbers.
WHOLE = {
    "xã",
    "người",
    "lao động",
    "hộ",
    "tấn",
    "dự án",
    "khu công nghiệp",
    "chỉ tiêu",
    "tiêu chí",
    "vụ",
}
COMMENTS = (
    "Số liệu ước thực hiện.",
    "Theo số liệu sơ bộ của Thống kê tỉnh.",
    "Số liệu tổng hợp từ báo cáo của các đơn vị.",
    "Đã đối chiếu với số liệu của cơ quan chuyên môn.",
    "",
    "",
)


# Specs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetSpec:
    """A target as the text gives it, and how its year goes in the demo.

    ``outcome`` is the final value against the goal: 1.05 is 5% better than asked (above
    it for "more is better", below it for "less is better"), 0.9 falls 10% short.
    """

    indicator: str
    measure: str
    comparator: str
    value: str
    group: str
    unit: str = ""  # code suffix of the unit that reports it; "" = the issuer
    value_max: str | None = None
    direction: str = Direction.HIGHER
    cumulative: bool = False
    relative_change: bool = True
    reference: str = ""
    baseline: str | None = None
    due_on: date | None = None
    note: str = ""
    outcome: float = 1.0
    start: float | None = None  # a level's first report, as a share of its final value
    only_final: bool = False  # reported once, for the last period (yearly indices)
    last: int | None = None  # the last period reported (0-based); later ones missing


@dataclass(frozen=True)
class ShareSpec:
    """Target number ``target`` (0-based) broken down among ``units`` (code suffixes, or
    every participant of ``kinds``): together they carry ``portion`` of it."""

    target: int
    portion: float
    units: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class PledgeSpec:
    title: str
    signed_on: date
    place: str
    content: str
    owner: str = ""  # code suffix; "" = the issuer
    parties: tuple[str, ...] = ()  # code suffixes, besides the owner
    party_kinds: tuple[str, ...] = ()  # and every participant of these kinds


@dataclass(frozen=True)
class ReviewSpec:
    kind: str
    held_on: date
    title: str


@dataclass
class MovementSpec:
    key: str
    title: str
    kind: str
    issuer: str  # code suffix of the issuing unit
    starts_on: date
    ends_on: date
    report_frequency: str
    registration_opens: date
    registration_closes: date
    theme: str = ""
    mottos: Sequence[str] = ()
    purpose: str = ""
    signer: str = ""
    signer_title: str = ""
    document_number: str = ""
    document_date: date | None = None
    contents: Sequence[tuple[str, str]] = ()
    responsibilities: Sequence[tuple[str, str, str]] = ()  # agency, task, unit suffix
    participant_kinds: Sequence[str] = ()
    participant_units: Sequence[str] = ()
    targets: Sequence[TargetSpec] = ()
    shares: Sequence[ShareSpec] = ()
    # Targets each unit registers itself (a block's members), by code suffix.
    unit_targets: dict[str, Sequence[TargetSpec]] = field(default_factory=dict)
    pledges: Sequence[PledgeSpec] = ()
    reviews: Sequence[ReviewSpec] = ()
    registered: float = 0.85  # share of participants that register
    live: bool = False  # the current year's movement: reports up to today


# Loading -------------------------------------------------------------------------------


def load(
    *,
    today: date | None = None,
    root_code: str = ROOT_CODE,
    log: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Create the demo movements in the province ``root_code`` unless they exist.

    Returns the counts of what was created. Without the province, nothing is done."""
    totals = {"movements": 0, "skipped": 0, "targets": 0, "registrations": 0, "reports": 0}
    root = Unit.objects.filter(code=root_code).first()
    if root is None:
        log(f"{root_code}: no demo province, no demo movements")
        return totals
    today = today or timezone.localdate()
    started = time.monotonic()
    units = {
        unit.code: unit for unit in Unit.objects.filter(path__startswith=root.path, is_active=True)
    }
    province = root.name.removeprefix("Tỉnh").strip()
    committee = units.get(f"{root_code}.UBND")
    chairman = committee.head_name if committee else ""
    for spec in movement_specs(province, today, chairman):
        issuer = units.get(f"{root_code}.{spec.issuer}")
        if issuer is None:
            log(f"{spec.title}: issuing unit {root_code}.{spec.issuer} missing, skipped")
            continue
        if Movement.objects.filter(
            issuer=issuer, title=spec.title, starts_on=spec.starts_on
        ).exists():
            totals["skipped"] += 1
            continue
        tick = time.monotonic()
        with transaction.atomic():
            counts = _Loader(spec, root_code, units, issuer, today).run()
        totals["movements"] += 1
        for name, number in counts.items():
            totals[name] += number
        log(
            f"{spec.title[:70]}: {counts['targets']} targets, "
            f"{counts['registrations']} registrations, {counts['reports']} reports "
            f"({time.monotonic() - tick:.1f} s)"
        )
    totals["seconds"] = round(time.monotonic() - started, 1)
    return totals


def load_demo(*, log: Callable[[str], None] = lambda message: None) -> None:
    """The hook ``manage.py load_demo`` calls once the organisation is loaded."""
    totals = load(log=log)
    if totals["movements"] or totals["skipped"]:
        log(
            f"Demo movements: {totals['movements']} loaded, {totals['skipped']} already "
            f"present; {totals['targets']} targets, {totals['registrations']} registrations, "
            f"{totals['reports']} progress reports in {totals['seconds']} s."
        )


def _decimal(value: float | Decimal, places: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _places(spec: TargetSpec) -> int:
    if spec.measure in WHOLE:
        return 0
    return 2


class _Loader:
    def __init__(self, spec: MovementSpec, root_code: str, units, issuer: Unit, today: date):
        self.spec = spec
        self.root_code = root_code
        self.units = units
        self.issuer = issuer
        self.today = today
        self.rng = random.Random(f"{SEED}-{spec.key}")
        self.counts = {"targets": 0, "registrations": 0, "reports": 0}

    def unit(self, suffix: str) -> Unit | None:
        if not suffix:
            return None
        return self.units.get(f"{self.root_code}.{suffix}")

    def run(self) -> dict[str, int]:
        spec = self.spec
        movement = services.movement_create(
            actor=None,
            contents=spec.contents,
            title=spec.title,
            kind=spec.kind,
            issuer=self.issuer,
            signer=spec.signer,
            signer_title=spec.signer_title,
            document_number=spec.document_number,
            document_date=spec.document_date,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            theme=spec.theme,
            mottos=list(spec.mottos),
            purpose=spec.purpose,
            report_frequency=spec.report_frequency,
            registration_opens=spec.registration_opens,
            registration_closes=spec.registration_closes,
        )
        if spec.responsibilities:
            services.responsibilities_set(
                actor=None,
                movement=movement,
                items=[
                    (agency, task, self.unit(unit)) for agency, task, unit in spec.responsibilities
                ],
            )
        chosen = [u for u in (self.unit(s) for s in spec.participant_units) if u is not None]
        services.participants_set(
            actor=None, movement=movement, units=chosen, kinds=list(spec.participant_kinds)
        )
        self.participants = list(
            Unit.objects.filter(participations__movement=movement).order_by("code")
        )
        targets = [
            self.create_target(movement, target, order)
            for order, target in enumerate(spec.targets, start=1)
        ]
        movement = services.movement_launch(actor=None, movement=movement)
        plans = list(zip(targets, spec.targets, strict=True))
        plans += self.split(targets)
        plans += self.register(movement)
        for pledge in spec.pledges:
            self.pledge(movement, pledge)
        self.report_and_review(movement, plans)
        self.backdate(movement)
        return self.counts

    def backdate(self, movement: Movement) -> None:
        """Place the rows' own timestamps on the days the demo simulates (a report of a
        2022 quarter was sent in 2022), as an import of past records would. The audit log
        keeps the real time of loading."""

        def moment(day: date, hour: int = 9):
            day = min(day, self.today)
            return timezone.make_aware(
                datetime.combine(day, datetime.min.time()).replace(hour=hour)
            )

        launched = movement.document_date or movement.starts_on
        Movement.objects.filter(pk=movement.pk).update(launched_at=moment(launched))
        MovementStatusChange.objects.filter(movement=movement, to_status="phat_dong").update(
            at=moment(launched)
        )
        registrations = list(Registration.objects.filter(movement=movement))
        opens = movement.registration_opens or movement.starts_on
        for index, registration in enumerate(registrations):
            day = opens + timedelta(days=index % 20)
            registration.created_at = moment(day, 8)
            if registration.submitted_at:
                registration.submitted_at = moment(day, 15)
        Registration.objects.bulk_update(registrations, ["created_at", "submitted_at"], 500)
        reports = list(ProgressReport.objects.filter(target__movement=movement))
        for index, report in enumerate(reports):
            report.created_at = report.updated_at = moment(
                report.period_end + timedelta(days=3 + index % 8), 10
            )
        ProgressReport.objects.bulk_update(reports, ["created_at", "updated_at"], 1000)

    # targets

    def target_fields(self, target: TargetSpec) -> dict:
        return dict(
            indicator=target.indicator,
            measure=target.measure,
            comparator=target.comparator,
            value=Decimal(target.value),
            value_max=None if target.value_max is None else Decimal(target.value_max),
            direction=target.direction,
            cumulative=target.cumulative,
            relative_change=target.relative_change,
            reference=target.reference,
            baseline=None if target.baseline is None else Decimal(target.baseline),
            due_on=target.due_on,
            note=target.note,
            group=target.group,
        )

    def create_target(self, movement: Movement, target: TargetSpec, order: int) -> Target:
        self.counts["targets"] += 1
        return services.target_create(
            actor=None,
            movement=movement,
            order=order,
            unit=self.unit(target.unit),
            **self.target_fields(target),
        )

    def split(self, targets: list[Target]) -> list[tuple[Target, TargetSpec]]:
        """Break a few province targets down into unit targets; each unit's year goes its
        own way around the province's."""
        plans = []
        for share in self.spec.shares:
            parent, parent_spec = targets[share.target], self.spec.targets[share.target]
            named = {f"{self.root_code}.{suffix}" for suffix in share.units}
            units = [u for u in self.participants if u.code in named or u.kind in share.kinds]
            if not units:
                continue
            weights = [self.rng.uniform(0.5, 1.5) for _unit in units]
            total = Decimal(parent_spec.value) * Decimal(str(share.portion))
            places = 0 if total / len(units) >= 100 else _places(parent_spec)
            values = [
                max(_decimal(float(total) * w / sum(weights), places), Decimal(1)) for w in weights
            ]
            rows = services.target_split(
                actor=None, target=parent, shares=list(zip(units, values, strict=True))
            )
            for row, value in zip(rows, values, strict=True):
                self.counts["targets"] += 1
                spread = self.rng.uniform(-0.08, 0.14)
                plans.append(
                    (
                        row,
                        TargetSpec(
                            indicator=row.indicator,
                            measure=row.measure,
                            comparator=row.comparator,
                            value=str(value),
                            group=row.group,
                            direction=row.direction,
                            cumulative=row.cumulative,
                            relative_change=row.relative_change,
                            baseline=parent_spec.baseline,
                            outcome=max(parent_spec.outcome + spread, 0.5),
                            last=parent_spec.last,
                        ),
                    )
                )
        return plans

    # registration

    def register(self, movement: Movement) -> list[tuple[Target, TargetSpec]]:
        """Most participants register, a few keep a draft, the others are late."""
        spec, rng = self.spec, self.rng
        people: dict[int, list[Person]] = {}
        for person in Person.objects.filter(unit__in=self.participants).order_by("pk"):
            people.setdefault(person.unit_id, []).append(person)
        opens, closes = spec.registration_opens, spec.registration_closes
        window = max((closes - opens).days, 0)
        plans = []
        for unit in self.participants:
            own_targets = spec.unit_targets.get(unit.code.removeprefix(f"{self.root_code}."), ())
            if not own_targets and rng.random() >= spec.registered:
                continue
            day = min(opens + timedelta(days=rng.randint(0, window)), self.today)
            staff = people.get(unit.pk, [])
            chosen = rng.sample(staff, min(len(staff), rng.randint(2, 5)))
            entries = [
                services.EntryRow(
                    person=person,
                    title=(
                        AimedTitle.CHIEN_SI_CO_SO
                        if person.management_level != ManagementLevel.DIRECT_WORKER
                        and rng.random() < 0.6
                        else AimedTitle.LAO_DONG_TIEN_TIEN
                    ),
                )
                for person in sorted(chosen, key=lambda p: p.pk)
            ]
            collective = rng.choices(
                [AimedTitle.TAP_THE_TIEN_TIEN, AimedTitle.TAP_THE_XUAT_SAC, AimedTitle.CO_TINH],
                weights=[0.5, 0.4, 0.1],
            )[0]
            registration = services.registration_save(
                actor=None,
                movement=movement,
                unit=unit,
                collective_title=collective,
                entries=entries,
                submit=bool(own_targets) or rng.random() < 0.92,
                today=day,
            )
            self.counts["registrations"] += 1
            for order, target in enumerate(own_targets, start=1):
                self.counts["targets"] += 1
                row = services.target_create(
                    actor=None,
                    movement=movement,
                    level=Target.Level.UNIT,
                    registration=registration,
                    unit=unit,
                    order=100 + order,
                    **self.target_fields(target),
                )
                plans.append((row, target))
        return plans

    def pledge(self, movement: Movement, pledge: PledgeSpec) -> None:
        owner = self.unit(pledge.owner) or self.issuer
        parties = [owner]
        parties += [u for u in (self.unit(s) for s in pledge.parties) if u and u != owner]
        parties += [u for u in self.participants if u.kind in pledge.party_kinds]
        signatories = "\n".join(
            f"{unit.head_name}, {_head_title(unit)}" for unit in parties if unit.head_name
        )
        services.pledge_create(
            actor=None,
            parties=parties,
            movement=movement,
            title=pledge.title,
            owner=owner,
            signed_on=pledge.signed_on,
            place=pledge.place,
            signatories=signatories,
            content=pledge.content,
        )

    # progress and reviews

    def report_and_review(self, movement: Movement, plans) -> None:
        spec, rng = self.spec, self.rng
        periods = completion.periods(spec.report_frequency, spec.starts_on, spec.ends_on)
        if spec.live:
            periods = [p for p in periods if p[1] < self.today]
        series = [self.series(target, target_spec, periods) for target, target_spec in plans]
        reviews = sorted(spec.reviews, key=lambda r: r.held_on)
        for index, (_start, end) in enumerate(periods):
            day = min(end + timedelta(days=rng.randint(3, 12)), self.today)
            reviews = self.hold_reviews(movement, reviews, before=day)
            for (target, _target_spec), values in zip(plans, series, strict=True):
                actual = values[index]
                if actual is None:
                    continue
                if spec.live and index == len(periods) - 1 and rng.random() < 0.25:
                    continue  # not reported yet: late
                services.progress_report_save(
                    actor=None,
                    target=target,
                    period_end=end,
                    actual=actual,
                    comment=rng.choice(COMMENTS),
                    today=day,
                )
                self.counts["reports"] += 1
        self.hold_reviews(movement, reviews, before=self.today + timedelta(days=1), final=True)

    def hold_reviews(
        self, movement: Movement, reviews: list[ReviewSpec], *, before: date, final: bool = False
    ) -> list[ReviewSpec]:
        """Hold the reviews due before ``before``; the final one (which closes the
        movement) only once every report is in."""
        while (
            reviews
            and reviews[0].held_on < before
            and (final or reviews[0].kind != Review.Kind.FINAL)
        ):
            review = reviews.pop(0)
            if review.held_on > self.today:
                continue
            services.review_create(
                actor=None,
                movement=movement,
                kind=review.kind,
                held_on=review.held_on,
                title=review.title,
                conclusions=_conclusions(movement, review),
            )
        return reviews

    def series(
        self, target: Target, spec: TargetSpec, periods: list[tuple[date, date]]
    ) -> list[Decimal | None]:
        """The values reported for each period: a running total for a cumulative
        target, a level drifting towards its final value otherwise; ``None`` where no
        report is made."""
        unit = target.unit.code if target.unit_id else ""
        rng = random.Random(f"{SEED}-{self.spec.key}-{unit}-{target.indicator}")
        start, end = target.movement.starts_on, target.due_on or target.movement.ends_on
        final = _final(spec)
        places = _places(spec)
        if spec.start is not None:
            first = final * spec.start
        elif spec.comparator in (Comparator.INCREASE, Comparator.DECREASE) and not spec.cumulative:
            first = float(spec.baseline)
        else:
            first = final * (1.07 if _wants_lower(spec) else 0.93)
        values: list[Decimal | None] = []
        previous = 0.0
        for index, (period_start, period_end) in enumerate(periods):
            if (
                period_start > end
                or (spec.last is not None and index > spec.last)
                or (spec.only_final and period_end < end)
            ):
                values.append(None)
                continue
            elapsed = float(completion.elapsed_share(start, end, period_end))
            if spec.cumulative:
                share = elapsed**1.06 * (1 + rng.uniform(-0.03, 0.03))
                if elapsed >= 1:
                    share = 1.0
                value = max(final * min(share, 1.0), previous)
                previous = value
            else:
                value = first + (final - first) * elapsed**0.9
                value *= 1 + rng.uniform(-0.008, 0.008) * (1 - elapsed)
            if spec.measure == "%" and Decimal(spec.value) == 100:
                value = min(value, 100.0)
            values.append(_decimal(value, places))
        return values


def _wants_lower(spec: TargetSpec) -> bool:
    if spec.comparator in completion.LESS:
        return True
    if spec.comparator in completion.MORE:
        return False
    return spec.direction == Direction.LOWER


def _final(spec: TargetSpec) -> float:
    """The value at the end of the year for the spec's ``outcome``."""
    value, outcome = float(spec.value), spec.outcome
    if spec.comparator in (Comparator.INCREASE, Comparator.DECREASE):
        baseline = float(spec.baseline)
        if value == 0:  # "cao hơn năm trước", "giảm": any change the right way
            return (
                baseline * outcome if spec.comparator == Comparator.INCREASE else baseline / outcome
            )
        amount = value * abs(baseline) / 100 if spec.relative_change else value
        if spec.comparator == Comparator.INCREASE:
            return baseline + amount * outcome
        return baseline - amount * outcome
    if spec.direction == Direction.WITHIN and spec.value_max is not None:
        return (value + float(spec.value_max)) / 2 * outcome
    return value / outcome if _wants_lower(spec) else value * outcome


def _head_title(unit: Unit) -> str:
    if unit.kind == UnitKind.PEOPLES_COMMITTEE:
        return "Chủ tịch UBND tỉnh"
    if unit.kind in LOCAL:
        return f"Chủ tịch UBND {unit.name[0].lower()}{unit.name[1:]}"
    if unit.name.startswith("Sở "):
        return f"Giám đốc {unit.name}"
    return f"Thủ trưởng {unit.name}"


def _conclusions(movement: Movement, review: ReviewSpec) -> str:
    targets = list(movement.targets.filter(level=Target.Level.MOVEMENT))
    by_status: dict[str, int] = {}
    for target in targets:
        by_status[target.status] = by_status.get(target.status, 0) + 1
    registered = movement.registrations.count()
    participants = movement.participations.count()
    met = by_status.get(TargetStatus.MET, 0)
    lines = [
        f"{registered}/{participants} cơ quan, đơn vị, địa phương đã đăng ký thi đua.",
        f"Đã đạt {met}/{len(targets)} chỉ tiêu.",
    ]
    if review.kind == Review.Kind.INTERIM:
        lines.append(
            f"{by_status.get(TargetStatus.ON_TRACK, 0)} chỉ tiêu đúng tiến độ, "
            f"{by_status.get(TargetStatus.AT_RISK, 0)} chỉ tiêu có nguy cơ không đạt; "
            "các đơn vị tập trung chỉ đạo, phấn đấu hoàn thành trong những tháng cuối năm."
        )
    else:
        lines.append(
            "Các chỉ tiêu chưa đạt được phân tích nguyên nhân, rút kinh nghiệm "
            "cho phong trào năm sau."
        )
    return "\n".join(lines)


# The movements -------------------------------------------------------------------------

T = TargetSpec
DAT, KHOANG, TREN = Comparator.REACH, Comparator.ABOUT, Comparator.ABOVE
TOI_THIEU, KHONG_QUA = Comparator.AT_LEAST, Comparator.AT_MOST
TANG, GIAM = Comparator.INCREASE, Comparator.DECREASE
ECO, SOC, ENV = TargetGroup.ECONOMIC, TargetGroup.SOCIAL, TargetGroup.ENVIRONMENT
DEF, GOV, PARTY = TargetGroup.DEFENCE, TargetGroup.GOVERNANCE, TargetGroup.PARTY
LOWER, WITHIN = Direction.LOWER, Direction.WITHIN
INTERIM, FINAL = Review.Kind.INTERIM, Review.Kind.FINAL
POVERTY_STANDARD = "theo chuẩn nghèo giai đoạn 2021 - 2025"


def movement_specs(province: str, today: date, chairman: str = "") -> list[MovementSpec]:
    """The five seed movements, then the current year's."""
    return [
        _seed_000(),
        _seed_001(province),
        _seed_002(province),
        _seed_003(province),
        _seed_004(),
        _current_year(today.year, chairman),
    ]


def _seed_000() -> MovementSpec:
    """ "Phát động phong trào thi đua năm 2022": the chairman's annual movement."""
    return MovementSpec(
        key="000",
        title="Phong trào thi đua trên địa bàn tỉnh năm 2022",
        kind=MovementKind.ANNUAL,
        issuer="UBND",
        signer="Lê Thành Đô",
        signer_title="Chủ tịch UBND tỉnh",
        starts_on=date(2022, 1, 1),
        ends_on=date(2022, 12, 31),
        report_frequency=Frequency.QUARTER,
        registration_opens=date(2022, 2, 9),
        registration_closes=date(2022, 3, 31),
        mottos=["Đoàn kết, kỷ cương, chủ động thích ứng, an toàn hiệu quả, bứt phá, phát triển"],
        purpose=PURPOSE_000,
        contents=CONTENTS_000,
        responsibilities=RESPONSIBILITIES_000,
        participant_kinds=DEPARTMENTS + MASS + LOCAL,
        targets=[
            T("Tốc độ tăng trưởng kinh tế (GRDP)", "%", DAT, "10", ECO, "STC", outcome=0.71),
            T(
                "GRDP bình quân đầu người",
                "triệu đồng/người/năm",
                DAT,
                "37.4",
                ECO,
                "STC",
                outcome=1.01,
            ),
            T(
                "Tổng thu ngân sách Nhà nước",
                "tỷ đồng",
                DAT,
                "2326",
                ECO,
                "STC",
                cumulative=True,
                outcome=1.08,
            ),
            T("Thu nội địa", "tỷ đồng", DAT, "2316", ECO, "STC", cumulative=True, outcome=1.04),
            T(
                "Thu nội địa tăng so với năm 2021",
                "tỷ đồng",
                TANG,
                "50.49",
                ECO,
                "STC",
                cumulative=True,
                reference="so với năm 2021",
                baseline="1538.97",
                note="Thu nội địa năm 2021: 1.538,97 tỷ đồng.",
                outcome=1.1,
            ),
            T(
                "Tổng vốn đầu tư toàn xã hội",
                "tỷ đồng",
                DAT,
                "17277",
                ECO,
                "STC",
                cumulative=True,
                outcome=0.94,
            ),
            T(
                "Tổng vốn đầu tư toàn xã hội tăng so với năm 2021",
                "tỷ đồng",
                TANG,
                "19.46",
                ECO,
                "STC",
                cumulative=True,
                reference="so với năm 2021",
                baseline="14462.58",
                note="Tổng vốn đầu tư toàn xã hội năm 2021: 14.462,58 tỷ đồng.",
                outcome=0.63,
            ),
            T(
                "Tổng kim ngạch xuất khẩu hàng hóa, dịch vụ",
                "triệu USD",
                DAT,
                "98",
                ECO,
                "SCT",
                cumulative=True,
                outcome=1.12,
            ),
            T(
                "Kim ngạch xuất khẩu hàng hóa, dịch vụ tăng so với ước thực hiện năm 2021",
                "triệu USD",
                TANG,
                "24.05",
                ECO,
                "SCT",
                cumulative=True,
                reference="so với ước thực hiện năm 2021",
                baseline="79",
                note="Ước thực hiện năm 2021: 79 triệu USD.",
                outcome=1.62,
            ),
            T(
                "Tốc độ tăng trưởng khu vực nông lâm nghiệp, thủy sản",
                "%",
                KHOANG,
                "6.14",
                ECO,
                "SNNMT",
                outcome=0.93,
            ),
            T(
                "Tổng sản lượng lương thực",
                "tấn",
                DAT,
                "275794",
                ECO,
                "SNNMT",
                cumulative=True,
                outcome=1.003,
            ),
            T(
                "Giá trị sản xuất công nghiệp",
                "tỷ đồng",
                DAT,
                "3462",
                ECO,
                "SCT",
                cumulative=True,
                outcome=1.02,
            ),
            T(
                "Giá trị sản xuất công nghiệp tăng so với năm 2021",
                "tỷ đồng",
                TANG,
                "16.02",
                ECO,
                "SCT",
                cumulative=True,
                reference="so với năm 2021",
                baseline="2983.97",
                note="Giá trị sản xuất công nghiệp năm 2021: 2.983,97 tỷ đồng.",
                outcome=1.144,
            ),
            T(
                "Tỷ lệ số hộ được sử dụng điện lưới quốc gia",
                "%",
                DAT,
                "92",
                SOC,
                "SCT",
                outcome=1.003,
                start=0.99,
            ),
            T(
                "Số xã cơ bản đạt chuẩn nông thôn mới tăng thêm trong năm",
                "xã",
                DAT,
                "4",
                SOC,
                "SNNMT",
                cumulative=True,
            ),
            T(
                "Số xã đạt chuẩn nông thôn mới nâng cao",
                "xã",
                DAT,
                "1",
                SOC,
                "SNNMT",
                cumulative=True,
            ),
            T(
                "Số lao động được đào tạo nghề",
                "lao động",
                DAT,
                "8150",
                SOC,
                "SGDDT",
                cumulative=True,
                outcome=1.03,
            ),
            T(
                "Số người được tạo việc làm mới",
                "người",
                DAT,
                "8900",
                SOC,
                "SNV",
                cumulative=True,
                outcome=0.97,
            ),
            T(
                "Tổng số hộ nghèo toàn tỉnh",
                "hộ",
                KHONG_QUA,
                "43048",
                SOC,
                "SNNMT",
                direction=LOWER,
                reference=POVERTY_STANDARD,
                outcome=1.01,
                start=1.12,
            ),
            T(
                "Tỷ lệ hộ nghèo",
                "%",
                KHONG_QUA,
                "31.1",
                SOC,
                "SNNMT",
                direction=LOWER,
                reference=POVERTY_STANDARD,
                outcome=0.98,
                start=1.1,
            ),
        ],
        shares=[ShareSpec(17, 0.3, units=("P001", "P002", "P003", "P004", "P005", "P006"))],
        reviews=[
            ReviewSpec(INTERIM, date(2022, 7, 15), "Sơ kết 6 tháng đầu năm 2022"),
            ReviewSpec(FINAL, date(2023, 1, 18), "Tổng kết phong trào thi đua năm 2022"),
        ],
    )


def _seed_001(province: str) -> MovementSpec:
    """The special movement for the province's 20th anniversary."""
    theme = (
        "Đoàn kết, đột phá, phát triển, thi đua lập thành tích chào mừng kỷ niệm 20 năm "
        f"thành lập tỉnh {province}"
    )
    index = dict(relative_change=False, only_final=True, reference="so với năm 2022", group=GOV)
    return MovementSpec(
        key="001",
        title=f"Phong trào thi đua đặc biệt chào mừng kỷ niệm 20 năm thành lập tỉnh {province}",
        kind=MovementKind.SPECIAL,
        issuer="UBND",
        signer="Đồng Văn Thanh",
        signer_title="Chủ tịch UBND tỉnh",
        starts_on=date(2023, 1, 1),
        ends_on=date(2023, 12, 31),
        report_frequency=Frequency.QUARTER,
        registration_opens=date(2023, 2, 1),
        registration_closes=date(2023, 3, 31),
        theme=theme,
        purpose=_local(PURPOSE_001 + "\n\n" + SUBJECTS_001, "Hậu Giang", province),
        contents=[
            (label.replace("Bản là", "Bảy là"), _local(text, "Hậu Giang", province))
            for label, text in CONTENTS_001
        ],
        participant_kinds=DEPARTMENTS + MASS + LOCAL,
        participant_units=STATE_ENTERPRISES,
        targets=[
            T(
                "Số chỉ tiêu chủ yếu phát triển kinh tế - xã hội, quốc phòng – an ninh năm 2023 "
                "đạt và vượt",
                "chỉ tiêu",
                DAT,
                "18",
                ECO,
                "STC",
                only_final=True,
                outcome=16 / 18,
            ),
            T(
                "Số khu công nghiệp mới hoàn thành thủ tục và khởi công dự án hạ tầng",
                "khu công nghiệp",
                DAT,
                "2",
                ECO,
                "BQLKCN",
                cumulative=True,
            ),
            T(
                "Tỷ lệ mặt bằng bàn giao để khởi công dự án thành phần 3 thuộc dự án cao tốc "
                "Châu Đốc - Cần Thơ - Sóc Trăng giai đoạn 1",
                "%",
                TOI_THIEU,
                "70",
                ECO,
                "BQLDA",
                cumulative=True,
                due_on=date(2023, 5, 30),
                outcome=1.1,
            ),
            T(
                "Tỷ lệ mặt bằng các tuyến cao tốc qua địa bàn tỉnh được bàn giao",
                "%",
                DAT,
                "100",
                ECO,
                "BQLDA",
                cumulative=True,
                outcome=0.97,
            ),
            T(
                "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
                "điểm",
                TANG,
                "0",
                unit="STC",
                baseline="64.92",
                note="Năm 2022: 64,92 điểm.",
                outcome=1.02,
                **index,
            ),
            T(
                "Chỉ số cải cách hành chính (PAR INDEX)",
                "%",
                TANG,
                "0",
                unit="SNV",
                baseline="84.31",
                note="Năm 2022: 84,31%.",
                outcome=1.015,
                **index,
            ),
            T(
                "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
                "điểm",
                TANG,
                "0",
                unit="VPUBND",
                baseline="42.18",
                note="Năm 2022: 42,18 điểm.",
                outcome=0.99,
                **index,
            ),
            T(
                "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà "
                "nước (SIPAS)",
                "%",
                TANG,
                "0",
                unit="SNV",
                baseline="81.47",
                note="Năm 2022: 81,47%.",
                outcome=1.03,
                **index,
            ),
            T(
                "Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin và truyền thông "
                "(Vietnam ICT Index)",
                "điểm",
                TANG,
                "0",
                unit="SKHCN",
                baseline="0.4215",
                note="Năm 2022: 0,4215 điểm.",
                outcome=1.05,
                **index,
            ),
        ],
        reviews=[
            ReviewSpec(
                FINAL,
                date(2024, 1, 5),
                f"Tổng kết đợt thi đua đặc biệt chào mừng kỷ niệm 20 năm thành lập tỉnh {province}",
            )
        ],
    )


def _seed_002(province: str) -> MovementSpec:
    """Chương trình số 322/CTr-UBND: 2024, twenty numbered targets, a pledge."""
    qualitative = "Đánh giá bằng tỷ lệ hoàn thành nhiệm vụ được giao."
    return MovementSpec(
        key="002",
        title=(
            "Phong trào thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát "
            "triển kinh tế - xã hội năm 2024"
        ),
        kind=MovementKind.ANNUAL,
        issuer="UBND",
        document_number="322/CTr-UBND",
        document_date=date(2023, 12, 26),
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
        report_frequency=Frequency.QUARTER,
        registration_opens=date(2024, 1, 2),
        registration_closes=date(2024, 2, 29),
        theme=(
            "Đoàn kết, đổi mới, sáng tạo, linh hoạt trong thực hiện nhiệm vụ phát triển kinh "
            "tế - xã hội năm 2024"
        ),
        purpose=PURPOSE_002,
        contents=[(label, _local(text, "Hà Giang", province)) for label, text in CONTENTS_002],
        participant_kinds=DEPARTMENTS + MASS + LOCAL,
        targets=[
            T(
                "Tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP)",
                "%",
                DAT,
                "7.5",
                ECO,
                "STC",
                outcome=0.95,
            ),
            T(
                "Tổng sản phẩm bình quân đầu người",
                "triệu đồng",
                DAT,
                "40",
                ECO,
                "STC",
                outcome=1.01,
            ),
            T(
                "Thu ngân sách nhà nước trên địa bàn",
                "tỷ đồng",
                DAT,
                "2460",
                ECO,
                "STC",
                cumulative=True,
                outcome=1.06,
            ),
            T(
                "Thu hút khách du lịch",
                "triệu lượt",
                DAT,
                "3.2",
                ECO,
                "SVHTTDL",
                cumulative=True,
                outcome=1.09,
            ),
            T(
                "Tổng giá trị hàng hóa xuất - nhập khẩu qua cửa khẩu",
                "triệu USD",
                DAT,
                "308",
                ECO,
                "SCT",
                cumulative=True,
                outcome=0.9,
            ),
            T(
                "Tỷ lệ hộ nghèo",
                "%",
                GIAM,
                "4.4",
                SOC,
                "SNNMT",
                relative_change=False,
                reference="so với cuối năm 2023",
                baseline="27.82",
                note="Giảm 4,4 điểm phần trăm; cuối năm 2023: 27,82%.",
                outcome=1.02,
                last=2,
            ),
            T("Tỷ lệ lao động qua đào tạo", "%", DAT, "60", SOC, "SGDDT", outcome=1.005),
            T(
                "Tỷ lệ tăng dân số tự nhiên",
                "%",
                DAT,
                "1.3",
                SOC,
                "SYT",
                direction=LOWER,
                outcome=1.04,
            ),
            T(
                "Số bác sĩ bình quân trên 1 vạn dân",
                "bác sĩ/1 vạn dân",
                DAT,
                "10.2",
                SOC,
                "SYT",
                outcome=1.01,
            ),
            T(
                "Số giường bệnh bình quân trên 1 vạn dân",
                "giường bệnh/1 vạn dân",
                DAT,
                "45.7",
                SOC,
                "SYT",
                outcome=0.98,
                last=2,
            ),
            T("Tỷ lệ trường học đạt chuẩn quốc gia", "%", DAT, "59.1", SOC, "SGDDT"),
            T(
                "Số tiêu chí nông thôn mới tăng trong năm",
                "tiêu chí",
                DAT,
                "960",
                SOC,
                "SNNMT",
                cumulative=True,
                outcome=0.93,
            ),
            T("Tỷ lệ che phủ rừng", "%", DAT, "59.3", ENV, "SNNMT", outcome=1.002, start=0.995),
            T(
                "Tỷ lệ xã, phường, thị trấn, cơ quan đạt tiêu chuẩn an toàn về an ninh trật tự",
                "%",
                TREN,
                "95",
                DEF,
                "CAT",
                outcome=1.02,
            ),
            T(
                "Số vụ tai nạn giao thông (giảm cả 3 tiêu chí: số vụ, người chết, bị thương)",
                "vụ",
                GIAM,
                "0",
                DEF,
                "CAT",
                cumulative=True,
                relative_change=False,
                reference="so với năm 2023",
                baseline="168",
                note="Năm 2023: 168 vụ.",
                outcome=1.08,
            ),
            T(
                "Đảm bảo công tác quốc phòng và quân sự địa phương",
                "%",
                DAT,
                "100",
                DEF,
                "BCHQS",
                note=qualitative,
                start=0.92,
            ),
            T(
                "Chỉ số cải cách hành chính (PAR Index) của tỉnh",
                "%",
                TANG,
                "0",
                GOV,
                "SNV",
                relative_change=False,
                reference="so với năm 2023",
                baseline="85.06",
                note="Cùng các chỉ số PCI, PAPI; năm 2023: 85,06%.",
                only_final=True,
                outcome=1.01,
            ),
            T(
                "Thực hành tiết kiệm, chống tham nhũng, lãng phí",
                "%",
                DAT,
                "100",
                GOV,
                "TTT",
                note=qualitative,
                outcome=0.96,
                last=2,
            ),
            T(
                "Đảm bảo vệ sinh, môi trường, quản lý tài nguyên",
                "%",
                DAT,
                "100",
                ENV,
                "SNNMT",
                note=qualitative,
                outcome=0.97,
            ),
            T(
                "Thực hiện tốt hoạt động tín dụng; chính sách xã hội trên địa bàn",
                "%",
                DAT,
                "100",
                SOC,
                "STC",
                cumulative=True,
                note="Tỷ lệ giải ngân kế hoạch vốn tín dụng chính sách xã hội.",
            ),
            T(
                "Tỷ lệ tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên",
                "%",
                TREN,
                "90",
                PARTY,
                only_final=True,
                outcome=1.03,
            ),
        ],
        pledges=[
            PledgeSpec(
                title=(
                    "Giao ước thi đua năm 2024: lãnh đạo các xã, phường ký kết thi đua với "
                    "Chủ tịch UBND tỉnh"
                ),
                signed_on=date(2024, 1, 5),
                place=(
                    "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và phát động "
                    "phong trào thi đua yêu nước năm 2024"
                ),
                content=(
                    "Lãnh đạo các xã, phường, đặc khu ký kết thi đua với Chủ tịch UBND tỉnh, "
                    "cam kết thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ "
                    "phát triển kinh tế - xã hội năm 2024 theo Chương trình số 322/CTr-UBND "
                    "ngày 26/12/2023 của UBND tỉnh."
                ),
                party_kinds=LOCAL,
            )
        ],
        reviews=[ReviewSpec(INTERIM, date(2024, 7, 18), "Sơ kết 6 tháng đầu năm 2024")],
    )


def _seed_003(province: str) -> MovementSpec:
    """The directive "Số: /CT-UBND" of 2022, signed by the chairman."""
    return MovementSpec(
        key="003",
        title="Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022",
        kind=MovementKind.ANNUAL,
        issuer="UBND",
        signer="Trần Tiến Dũng",
        signer_title="Chủ tịch UBND tỉnh",
        document_number="/CT-UBND",
        starts_on=date(2022, 1, 1),
        ends_on=date(2022, 12, 31),
        report_frequency=Frequency.QUARTER,
        registration_opens=date(2022, 1, 15),
        registration_closes=date(2022, 3, 15),
        theme=(
            "Bảo đảm thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19, góp phần "
            "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022"
        ),
        purpose=PURPOSE_003,
        contents=[
            (label, _local(text, "Lai Châu", province).replace("đột phát", "đột phá"))
            for label, text in CONTENTS_003
        ],
        responsibilities=[
            (agency, text, unit)
            for (agency, unit), (_label, text) in zip(
                [
                    (
                        "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch UBND các huyện, "
                        "thành phố; Giám đốc các doanh nghiệp",
                        "",
                    ),
                    ("Ủy ban MTTQ Việt Nam tỉnh, các đoàn thể chính trị - xã hội", "MTTQ"),
                    ("Sở Thông tin và Truyền thông", "SKHCN"),
                    ("Trưởng các Khối thi đua thuộc tỉnh", ""),
                    ("Sở Nội vụ (Ban Thi đua, khen thưởng tỉnh)", "SNV.BTDKT"),
                ],
                RESPONSIBILITIES_003,
                strict=True,
            )
        ],
        participant_kinds=DEPARTMENTS + MASS + LOCAL,
        targets=[
            T(
                "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
                "%",
                KHOANG,
                "7.7",
                ECO,
                "STC",
                outcome=1.03,
            ),
            T(
                "GRDP bình quân đầu người",
                "triệu đồng",
                KHOANG,
                "47.9",
                ECO,
                "STC",
                outcome=0.985,
            ),
            T(
                "Thu ngân sách trên địa bàn",
                "tỷ đồng",
                DAT,
                "2250",
                ECO,
                "STC",
                cumulative=True,
                outcome=1.12,
            ),
            T("Tỷ lệ trường chuẩn quốc gia", "%", DAT, "56.3", SOC, "SGDDT", outcome=1.004),
            T(
                "Mức giảm tỷ suất sinh",
                "‰",
                GIAM,
                "0.4",
                SOC,
                "SYT",
                relative_change=False,
                reference="so với năm 2021",
                baseline="21.6",
                note="Năm 2021: 21,6‰.",
                outcome=1.1,
            ),
            T(
                "Mức giảm tỷ lệ hộ nghèo",
                "%",
                GIAM,
                "3.1",
                SOC,
                "SNNMT",
                relative_change=False,
                reference="so với năm 2021",
                baseline="30.12",
                note="Giảm 3,1 điểm phần trăm; năm 2021: 30,12%.",
                outcome=1.03,
            ),
            T(
                "Mức giảm tỷ lệ hộ nghèo các huyện nghèo",
                "%",
                GIAM,
                "4.8",
                SOC,
                "SNNMT",
                relative_change=False,
                reference="so với năm 2021",
                baseline="45.36",
                note="Giảm 4,8 điểm phần trăm; năm 2021: 45,36%.",
                outcome=0.92,
            ),
            T(
                "Số lao động được giải quyết việc làm",
                "lao động",
                DAT,
                "8030",
                SOC,
                "SNV",
                cumulative=True,
                outcome=1.05,
            ),
        ],
        reviews=[
            ReviewSpec(
                FINAL,
                date(2023, 1, 12),
                "Tổng kết phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - "
                "xã hội năm 2022",
            )
        ],
    )


def _block_targets(own: Sequence[TargetSpec], on_time: float) -> list[TargetSpec]:
    return [
        *own,
        T(
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            DAT,
            "100",
            GOV,
            outcome=on_time,
            start=0.97,
        ),
    ]


def _seed_004() -> MovementSpec:
    """The economic and technical block's 2022 movement, issued by its head unit."""
    block = "Khối thi đua các sở, ban, ngành tham mưu và quản lý Nhà nước về kinh tế - kỹ thuật"
    return MovementSpec(
        key="004",
        title=f"Phong trào thi đua năm 2022 của {block}",
        kind=MovementKind.ANNUAL,
        issuer="STC",
        document_date=date(2021, 12, 10),
        starts_on=date(2022, 1, 1),
        ends_on=date(2022, 12, 31),
        report_frequency=Frequency.QUARTER,
        registration_opens=date(2021, 12, 10),
        registration_closes=date(2022, 1, 31),
        purpose=BLOCK_PURPOSE,
        contents=BLOCK_CONTENTS,
        responsibilities=[("Các đơn vị trong Khối", BLOCK_TASK, "")],
        participant_units=ECONOMIC_BLOCK,
        unit_targets={
            "STC": _block_targets(
                [
                    T(
                        "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao",
                        "%",
                        DAT,
                        "95",
                        ECO,
                        cumulative=True,
                        outcome=0.93,
                    )
                ],
                1.0,
            ),
            "SXD": _block_targets(
                [T("Tỷ lệ đô thị hóa", "%", DAT, "32", ECO, outcome=1.01, start=0.98)], 0.995
            ),
            "SNNMT": _block_targets(
                [
                    T(
                        "Số xã đạt chuẩn nông thôn mới kiểu mẫu",
                        "xã",
                        DAT,
                        "2",
                        SOC,
                        cumulative=True,
                    )
                ],
                1.0,
            ),
            "SCT": _block_targets(
                [
                    T(
                        "Số doanh nghiệp được hỗ trợ tham gia xúc tiến thương mại",
                        "doanh nghiệp",
                        DAT,
                        "60",
                        ECO,
                        cumulative=True,
                        outcome=1.1,
                    )
                ],
                0.99,
            ),
            "SKHCN": _block_targets(
                [
                    T(
                        "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến",
                        "%",
                        TREN,
                        "50",
                        GOV,
                        outcome=1.2,
                    )
                ],
                1.0,
            ),
            "BQLKCN": _block_targets(
                [
                    T(
                        "Số dự án đầu tư mới vào các khu công nghiệp",
                        "dự án",
                        DAT,
                        "6",
                        ECO,
                        cumulative=True,
                        outcome=5 / 6,
                    )
                ],
                1.0,
            ),
            "BQLDA": _block_targets(
                [
                    T(
                        "Tỷ lệ giải ngân vốn đầu tư được giao",
                        "%",
                        DAT,
                        "95",
                        ECO,
                        cumulative=True,
                        outcome=0.97,
                    )
                ],
                0.98,
            ),
        },
        pledges=[
            PledgeSpec(
                title=f"Giao ước thi đua năm 2022 của {block}",
                signed_on=date(2021, 12, 10),
                place="Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 của Khối",
                content=(
                    "Các đơn vị thành viên Khối thống nhất ký kết giao ước thi đua năm 2022: "
                    "thực hiện có hiệu quả các phong trào thi đua thực hiện thắng lợi các chỉ "
                    "tiêu kinh tế - xã hội năm 2022; đăng ký chỉ tiêu thi đua và nỗ lực phấn "
                    "đấu hoàn thành ngay từ đầu năm."
                ),
                parties=ECONOMIC_BLOCK,
            )
        ],
        reviews=[
            ReviewSpec(
                FINAL,
                date(2023, 1, 16),
                "Tổng kết công tác thi đua, khen thưởng năm 2022 của Khối",
            )
        ],
        registered=1.0,
    )


def _current_year(year: int, chairman: str) -> MovementSpec:
    """This year's movement: running, reported month by month up to today."""
    return MovementSpec(
        key=f"nam-{year}",
        title=f"Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {year}",
        kind=MovementKind.ANNUAL,
        issuer="UBND",
        signer=chairman,
        signer_title="Chủ tịch UBND tỉnh" if chairman else "",
        document_number="03/CT-UBND",
        document_date=date(year, 1, 12),
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        report_frequency=Frequency.MONTH,
        registration_opens=date(year, 1, 12),
        registration_closes=date(year, 3, 31),
        theme=(
            "Đoàn kết, kỷ cương, đổi mới, sáng tạo, thi đua hoàn thành thắng lợi nhiệm vụ phát "
            f"triển kinh tế - xã hội năm {year}"
        ),
        mottos=["Chính quyền gần dân, phục vụ Nhân dân", "Chủ động, sáng tạo, bứt phá"],
        purpose=(
            f"Phát huy kết quả đạt được trong năm {year - 1}, UBND tỉnh phát động phong trào "
            f"thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {year} tới "
            "toàn thể cán bộ, công chức, viên chức, người lao động, lực lượng vũ trang và Nhân "
            "dân trong tỉnh, với các nội dung chủ yếu sau:"
        ),
        contents=[
            (
                "1.",
                f"Thi đua thực hiện thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội "
                f"năm {year}; tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh, đẩy nhanh "
                "tiến độ giải ngân vốn đầu tư công.",
            ),
            (
                "2.",
                "Thi đua vận hành thông suốt, hiệu quả chính quyền địa phương hai cấp; đẩy mạnh "
                "cải cách hành chính, chuyển đổi số, nâng cao chất lượng phục vụ người dân, "
                "doanh nghiệp.",
            ),
            (
                "3.",
                "Thi đua chăm lo an sinh xã hội, giảm nghèo bền vững; nâng cao chất lượng giáo "
                "dục, y tế; giữ gìn và phát huy giá trị văn hóa.",
            ),
            (
                "4.",
                "Thi đua bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội; kiềm chế, kéo "
                "giảm tai nạn giao thông, cháy, nổ.",
            ),
        ],
        responsibilities=[
            (
                "Sở Nội vụ (Ban Thi đua – Khen thưởng)",
                "Giao Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện các chỉ tiêu hằng "
                "tháng, báo cáo UBND tỉnh; tham mưu sơ kết 6 tháng và tổng kết phong trào.",
                "SNV.BTDKT",
            ),
            (
                "Các sở, ban, ngành, UBND các xã, phường, đặc khu",
                "Báo cáo kết quả thực hiện các chỉ tiêu được giao trước ngày 10 của tháng sau.",
                "",
            ),
        ],
        participant_kinds=DEPARTMENTS + MASS + LOCAL,
        targets=[
            T(
                "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
                "%",
                KHOANG,
                "8",
                ECO,
                "STC",
                value_max="8.5",
                outcome=0.985,
            ),
            T(
                "GRDP bình quân đầu người",
                "triệu đồng/người/năm",
                DAT,
                "95",
                ECO,
                "STC",
                outcome=1.03,
                start=0.95,
            ),
            T(
                "Thu ngân sách nhà nước trên địa bàn",
                "tỷ đồng",
                DAT,
                "12500",
                ECO,
                "STC",
                cumulative=True,
                outcome=1.04,
            ),
            T(
                "Tổng vốn đầu tư toàn xã hội",
                "tỷ đồng",
                TANG,
                "12",
                ECO,
                "STC",
                cumulative=True,
                reference=f"so với năm {year - 1}",
                baseline="48600",
                note=f"Năm {year - 1}: 48.600 tỷ đồng.",
                outcome=0.85,
            ),
            T(
                "Tổng kim ngạch xuất khẩu hàng hóa",
                "triệu USD",
                DAT,
                "1850",
                ECO,
                "SCT",
                cumulative=True,
                outcome=1.25,
            ),
            T(
                "Thu hút khách du lịch",
                "triệu lượt",
                DAT,
                "5.2",
                ECO,
                "SVHTTDL",
                cumulative=True,
                outcome=1.05,
            ),
            T(
                "Tỷ lệ hộ nghèo",
                "%",
                GIAM,
                "1.5",
                SOC,
                "SNNMT",
                relative_change=False,
                reference=f"so với cuối năm {year - 1}",
                baseline="4.85",
                note=f"Giảm 1,5 điểm phần trăm; cuối năm {year - 1}: 4,85%.",
                outcome=0.95,
            ),
            T("Tỷ lệ trường học đạt chuẩn quốc gia", "%", DAT, "68", SOC, "SGDDT", outcome=0.99),
            T(
                "Số bác sĩ trên 1 vạn dân",
                "bác sĩ/1 vạn dân",
                TOI_THIEU,
                "13",
                SOC,
                "SYT",
                outcome=1.03,
                start=0.98,
            ),
            T(
                "Tỷ lệ tăng dân số tự nhiên",
                "%",
                KHOANG,
                "0.9",
                SOC,
                "SYT",
                value_max="1.1",
                direction=WITHIN,
            ),
            T(
                "Tỷ lệ người dân tham gia bảo hiểm y tế",
                "%",
                TREN,
                "95",
                SOC,
                "SYT",
                outcome=1.005,
                start=0.99,
            ),
            T(
                "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình",
                "%",
                TREN,
                "80",
                GOV,
                "SKHCN",
                outcome=0.97,
            ),
            T("Tỷ lệ che phủ rừng", "%", DAT, "42.5", ENV, "SNNMT", outcome=1.003, start=0.995),
            T(
                "Số lao động được tạo việc làm mới",
                "người",
                DAT,
                "32000",
                SOC,
                "SNV",
                cumulative=True,
                outcome=0.9,
            ),
            T(
                "Tỷ lệ giải ngân kế hoạch vốn đầu tư công",
                "%",
                DAT,
                "95",
                ECO,
                "BQLDA",
                cumulative=True,
                outcome=1.02,
            ),
            T(
                "Số vụ tai nạn giao thông",
                "vụ",
                GIAM,
                "5",
                DEF,
                "CAT",
                cumulative=True,
                reference=f"so với năm {year - 1}",
                baseline="420",
                note=f"Năm {year - 1}: 420 vụ.",
                outcome=0.3,
            ),
            T(
                "Số vụ cháy, nổ",
                "vụ",
                KHONG_QUA,
                "60",
                DEF,
                "CAT",
                direction=LOWER,
                cumulative=True,
                outcome=0.8,
            ),
        ],
        shares=[ShareSpec(2, 0.45, kinds=(UnitKind.WARD,))],
        reviews=[ReviewSpec(INTERIM, date(year, 7, 20), f"Sơ kết 6 tháng đầu năm {year}")],
        live=True,
    )


def _local(text: str, name: str, province: str) -> str:
    """The source's province, read as the demo province."""
    return text.replace(name, province)


# The texts (from the seeds) ----------------------------------------------------------


PURPOSE_000 = (
    "Kế thừa những kết quả đã đạt được trong các phong trào thi đua năm 2021; tiếp tục phát "
    "huy tinh thần đoàn kết, chung sức đồng lòng của cả hệ thống chính trị, sự đồng tình "
    "ủng hộ của nhân dân và cộng đồng doanh nghiệp trên địa bàn tỉnh với niềm tin, khát "
    "vọng vươn lên, quyết tâm vượt qua khó khăn, thách thức với phương châm “Đoàn kết, kỷ "
    "cương, chủ động thích ứng, an toàn hiệu quả, bứt phá, phát triển”, Chủ tịch UBND tỉnh "
    "Lê Thành Đô phát động phong trào thi đua trên địa bàn tỉnh năm 2022 với các nội dung "
    "chủ yếu sau:"
)

CONTENTS_000 = [
    (
        "",
        (
            "Tiếp tục nâng cao hiệu quả hoạt động quản lý, điều hành của chính quyền các "
            "cấp, các ngành; nâng cao hiệu quả công tác giảm nghèo bền vững, đảm bảo an "
            "sinh xã hội; bảo vệ môi trường, khai thác tài nguyên; bảo tồn, phát huy giá "
            "trị văn hóa; giữ vững ổn định chính trị, đảm bảo quốc phòng - an ninh... theo "
            "Nghị quyết Đại hội Đảng bộ tỉnh khóa XIV và nghị quyết HĐND tỉnh, góp phần "
            "thiết thực, lập thành tích hướng tới kỷ niệm 70 năm Chiến thắng lịch sử Điện "
            "Biên Phủ."
        ),
    ),
    (
        "",
        (
            "Tiếp tục tuyên truyền, quán triệt sâu sắc đường lối, chủ trương của Đảng, "
            "chính sách của Nhà nước về thi đua, khen thưởng, tư tưởng thi đua yêu nước của "
            "Chủ tịch Hồ Chí Minh; các chỉ thị, kế hoạch của Đảng, Chính phủ, của tỉnh về "
            "thi đua phát triển kinh tế - xã hội tới toàn thể cán bộ, đảng viên và nhân dân "
            "trong tỉnh."
        ),
    ),
    (
        "",
        (
            "Thi đua hoàn thành các mục tiêu cụ thể như: Tốc độ tăng trưởng đạt 10%, GRDP "
            "bình quân đầu người đạt 37,4 triệu đồng/người/năm. Tổng thu ngân sách Nhà nước "
            "năm 2022 phấn đấu đạt 2.326 tỷ đồng (trong đó thu nội địa đạt 2.316 tỷ đồng, "
            "tăng 50,49% so với năm 2021). Tổng vốn đầu tư toàn xã hội năm 2022 phấn đấu "
            "đạt 17.277 tỷ đồng, tăng 19,46% so với năm 2021. Tổng kim ngạch xuất khẩu hàng "
            "hóa, dịch vụ đạt 98 triệu USD, tăng 24,05% so với ước thực hiện năm 2021... "
            "Phấn đấu tốc độ tăng trưởng khu vực nông lâm nghiệp, thủy sản khoảng 6,14%; "
            "tổng sản lượng lương thực đạt 275.794 tấn. Giá trị sản xuất công nghiệp phấn "
            "đấu đạt 3.462 tỷ đồng, tăng 16,02% so với năm 2021."
        ),
    ),
    (
        "",
        (
            "Đẩy mạnh các phong trào thi đua trong lĩnh vực văn hóa - xã hội, y tế, giáo "
            "dục, khoa học công nghệ với các chỉ tiêu: 92% số hộ được sử dụng điện lưới "
            "quốc gia; trong năm có thêm 4 xã cơ bản đạt chuẩn nông thôn mới; 1 xã đạt "
            "chuẩn nông thôn mới nâng cao; đào tạo nghề cho 8.150 lao động, tạo việc làm "
            "mới cho 8.900 người. Giảm tổng số hộ nghèo toàn tỉnh xuống còn 43.048 hộ, tỷ "
            "lệ hộ nghèo xuống 31,1% (theo chuẩn nghèo giai đoạn 2021 - 2025)..."
        ),
    ),
    (
        "",
        (
            "Tiếp tục đẩy mạnh phong trào thi đua trong lĩnh vực xây dựng Đảng, xây dựng hệ "
            "thống chính trị, bộ máy Nhà nước, nâng cao năng lực, sức chiến đấu của tổ chức "
            "cơ sở Đảng. Hướng các phong trào thi đua vào việc học tập và làm theo tư "
            "tưởng, đạo đức, phong cách Hồ Chí Minh. Thi đua thực hiện cải cách hành chính, "
            "chuyển đổi số, tăng tỷ lệ thực hiện dịch vụ công trực tuyến. Thi đua xây dựng, "
            "hoàn thiện đồng bộ thể chế phát triển bền vững về kinh tế, chính trị, văn hóa, "
            "xã hội, bảo vệ môi trường, tổ chức và hoạt động của cơ quan hành chính Nhà "
            "nước... khơi dậy mọi tiềm năng và nguồn lực, tạo động lực mới, đột phá mới cho "
            "sự phát triển nhanh và bền vững của tỉnh."
        ),
    ),
]

RESPONSIBILITIES_000 = [
    (
        "Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội",
        (
            "UBND tỉnh đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội phối hợp "
            "chặt chẽ với cấp ủy, chính quyền các cấp trong tỉnh làm tốt công tác tuyên "
            "truyền, vận động cán bộ, hội viên và nhân dân tích cực hưởng ứng và thực hiện "
            "có hiệu quả phong trào thi đua yêu nước."
        ),
        "MTTQ",
    ),
    (
        "Sở Thông tin và Truyền thông; Sở Văn hóa, Thể thao và Du lịch",
        (
            "Giao các sở: Thông tin và Truyền thông; Văn hóa, Thể thao và Du lịch chủ trì "
            "phối hợp với các cơ quan đơn vị liên quan hướng dẫn, chỉ đạo các cơ quan thông "
            "tấn báo chí đẩy mạnh tuyên truyền về các phong trào thi đua, nhân rộng điển "
            "hình tiên tiến."
        ),
        "SVHTTDL",
    ),
    (
        "Sở Nội vụ",
        (
            "Giao Sở Nội vụ - cơ quan thường trực Hội đồng thi đua, khen thưởng tỉnh theo "
            "dõi các sở, ngành, đoàn thể tỉnh, các cơ quan, đơn vị, địa phương tổ chức thực "
            "hiện phong trào thi đua; thẩm định thành tích; định kỳ tổng hợp, báo cáo UBND "
            "tỉnh kết quả thực hiện."
        ),
        "SNV",
    ),
]

PURPOSE_001 = (
    "Theo đó, đợt thi đua nhằm phát hiện, tôn vinh, nhân rộng các điển hình tiên tiến có "
    "thành tích tiêu biểu, xuất sắc. Thông qua thực hiện đẩy mạnh tuyên truyền, giáo dục "
    "truyền thống 20 năm xây dựng và phát triển của tỉnh. Đồng thời, tạo chuyển biến mạnh "
    "mẽ trong nhận thức, trách nhiệm của các cấp ủy, chính quyền, mặt trận tổ quốc, đoàn "
    "thể quần chúng, cán bộ, đảng viên và Nhân dân về vai trò, tác dụng của công tác thi "
    "đua, khen thưởng. Đây là đợt thi đua có ý nghĩa thiết thực nhằm khơi dậy niềm tin "
    "tưởng, tự hào về sự lãnh đạo của Đảng; khát vọng đổi mới; ý thức tự lực, tự cường, "
    "vươn lên mạnh mẽ của Nhân dân Hậu Giang, nỗ lực, quyết tâm vượt qua khó khăn, phấn đấu "
    "thực hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị "
    "quyết Đại hội Đảng bộ tỉnh lần thứ XIV."
)

SUBJECTS_001 = (
    "Đối tượng thi đua gồm: các ban, sở, ngành, đoàn thể cấp tỉnh; các cơ quan Ngân hàng, "
    "doanh nghiệp; các huyện, thị xã, thành phố; cán bộ, đảng viên, công chức, viên chức, "
    "người lao động và Nhân dân trên địa bàn tỉnh."
)

CONTENTS_001 = [
    (
        "Một là,",
        (
            "tiếp tục quán triệt, triển khai, tuyên truyền và tổ chức thực hiện tốt các chủ "
            "trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, "
            "khen thưởng; quán triệt sâu sắc tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí "
            "Minh; Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về “Tiếp "
            "tục đổi mới công tác thi đua, khen thưởng” tạo sự chuyển biến mạnh mẽ hơn nữa "
            "trong nhận thức, tư tưởng và tăng cường sự lãnh đạo của các cấp ủy đảng, chính "
            "quyền, đề cao vai trò, trách nhiệm của người đứng đầu và Hội đồng Thi đua - "
            "Khen thưởng các cấp, làm cho công tác thi đua thực sự trở thành ý thức tự "
            "giác, trách nhiệm và việc làm thường xuyên của mỗi cấp, mỗi ngành, mỗi đơn vị, "
            "cá nhân; tạo thành cao trào hành động cách mạng, góp phần tích cực vào việc "
            "thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV."
        ),
    ),
    (
        "Hai là,",
        (
            "đẩy mạnh phong trào thi đua gắn với việc Học tập và làm theo tư tưởng, đạo "
            "đức, phong cách Hồ Chí Minh, tổ chức các hoạt động “Uống nước nhớ nguồn”, tôn "
            "vinh, tri ân những cống hiến, đóng góp của Nhân dân, những người có công với "
            "cách mạng; các phong trào thi đua yêu nước, thi đua lao động sáng tạo, phát "
            "huy sáng kiến, cải tiến kỹ thuật, nâng cao năng suất, chất lượng, vượt qua khó "
            "khăn thử thách, huy động sức mạnh tổng hợp, đảm bảo phát triển nhanh, bền "
            "vững, góp phần vào chỉ tiêu phấn đấu tăng trưởng kinh tế, bảo đảm an sinh xã "
            "hội, xóa đói, giảm nghèo, cải thiện và nâng cao đời sống vật chất và tinh thần "
            "của Nhân dân."
        ),
    ),
    (
        "Ba là,",
        (
            "triển khai, thực hiện có hiệu quả các phong trào thi đua do Thủ tướng Chính "
            "phủ phát động: Phong trào thi đua đặc biệt “Cả nước đoàn kết, chung sức, đồng "
            "lòng, chống và chiến thắng đại dịch COVID-19”; Phong trào thi đua “Cả nước "
            "chung sức xây dựng nông thôn mới”; Phong trào “Cả nước chung tay vì người "
            "nghèo - Không để ai bị bỏ lại phía sau”; Phong trào thi đua “Cán bộ, công "
            "chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025."
        ),
    ),
    (
        "Bốn là,",
        (
            "triển khai quyết liệt, có hiệu quả các nghị quyết, chương trình, đề án phát "
            "triển kinh tế - xã hội của tỉnh, trọng tâm là nghị quyết về phát triển công "
            "nghiệp, nông nghiệp, đô thị và du lịch tỉnh Hậu Giang, giai đoạn 2021 - 2025 "
            "và các năm tiếp theo; nghị quyết phát triển nguồn nhân lực, nghị quyết hỗ trợ, "
            "khuyến khích phát triển kinh tế tập thể, hợp tác xã,…"
        ),
    ),
    (
        "Năm là,",
        (
            "triển khai đồng bộ các nhóm nhiệm vụ, giải pháp thực hiện đạt và vượt tất cả "
            "18 chỉ tiêu chủ yếu phát triển kinh tế - xã hội, quốc phòng – an ninh năm "
            "2023."
        ),
    ),
    (
        "Sáu là,",
        (
            "phấn đấu thu ngân sách (nguồn thu nội địa) đạt và vượt chỉ tiêu năm 2023 và cả "
            "nhiệm kỳ 2020 - 2025 (Theo Nghị quyết Đại hội Đảng bộ tỉnh Hậu Giang lần thứ "
            "XIV)."
        ),
    ),
    (
        "Bản là,",
        (
            "hoàn thành thủ tục và khởi công dự án hạ tầng 02 khu công nghiệp mới theo Đề "
            "án được phê duyệt. Đồng thời, hoàn thành công tác giải phóng mặt bằng sạch "
            "phần diện tích còn lại của Khu công nghiệp Sông Hậu và Khu công nghiệp Tân Phú "
            "Thạnh."
        ),
    ),
    (
        "Tám là,",
        (
            "tập trung mọi nguồn lực cho công tác bồi thường, hỗ trợ, tái định cư các dự án "
            "trọng điểm quốc gia, trọng tâm là bàn giao toàn bộ mặt bằng các tuyến cao tốc "
            "qua địa bàn tỉnh trong năm 2023, trong đó đảm bảo bàn giao tối thiểu 70% mặt "
            "bằng để khởi công dự án thành phần 3 thuộc dự án cao tốc Châu Đốc - Cần Thơ - "
            "Sóc Trăng giai đoạn 1 trước ngày 30/5/2023."
        ),
    ),
    (
        "Chín là,",
        (
            "tiếp tục hoàn thiện hệ thống kết cấu hạ tầng giao thông chiến lược của Tỉnh, "
            "phấn đấu khởi công và khánh thành một số dự án trọng điểm: Đường tỉnh 927, "
            "Đường tỉnh 925B, Đường tỉnh 929, Đường ô tô về trung tâm xã Phú Hữu, Đường ô "
            "tô về trung tâm xã Phú Tân…"
        ),
    ),
    (
        "Mười là,",
        (
            "đẩy mạnh cải cách hành chính, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh "
            "(PCI); Chỉ số cải cách hành chính (PAR INDEX); Chỉ số hiệu quả quản trị và "
            "hành chính công cấp tỉnh (PAPI); Chỉ số đo lường sự hài lòng của người dân đối "
            "với sự phục vụ của các cơ quan hành chính nhà nước (SIPAS) và Chỉ số sẵn sàng "
            "cho phát triển và ứng dụng công nghệ thông tin và truyền thông (Vietnam ICT "
            "Index) cao hơn năm 2022”."
        ),
    ),
    (
        "Mười một là,",
        (
            "tập trung giải quyết những nhiệm vụ trọng tâm, những việc mới, việc khó, các "
            "chỉ tiêu, nhiệm vụ đang thực hiện chưa đạt hiệu quả của từng cấp, từng ngành, "
            "địa phương, từng lĩnh vực công tác; tiếp tục tổ chức thực hiện có hiệu quả các "
            "đề án, chương trình, kế hoạch. Xây dựng hệ thống chính trị trong sạch vững "
            "mạnh, bộ máy nhà nước năng động, hiệu lực, hiệu quả. Mỗi địa phương đơn vị đẩy "
            "mạnh các phong trào thi đua yêu nước, phấn đấu thực hiện tốt các nhiệm vụ "
            "chính trị của từng ngành, địa phương, trong đó tập trung vận động các cấp, các "
            "ngành và Nhân dân tích cực tham gia phòng, chống dịch bệnh, đoàn kết, chia sẻ, "
            "hỗ trợ lẫn nhau vượt qua khó khăn, để sớm kiểm soát đẩy lùi dịch bệnh, động "
            "viên toàn thể cán bộ, đoàn viên, hội viên, công chức, viên chức và toàn thể "
            "Nhân dân trong tỉnh phát huy tính năng động, sáng tạo, tham gia cùng với ngành "
            "chuyên môn và chính quyền các cấp khắc phục khó khăn."
        ),
    ),
    (
        "Mười hai là,",
        (
            "quan tâm phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến; kịp thời "
            "tuyên dương, khen thưởng và tuyên truyền về những tấm gương người tốt, việc "
            "tốt để mọi người học tập, noi theo; tạo khí thế thi đua sôi nổi, cổ vũ mọi "
            "người phát huy mọi khả năng và phẩm chất tốt đẹp để hoàn thành các nhiệm vụ; "
            "khen thưởng phải trên cơ sở đánh giá đúng thành tích, đúng tiêu chuẩn, bảo đảm "
            "dân chủ, công khai. Gắn việc xét khen thưởng hoàn thành nhiệm vụ được giao với "
            "đợt cao điểm thi đua chào mừng 20 năm thành lập tỉnh Hậu Giang. Qua đó cổ vũ, "
            "động viên cán bộ, công chức, viên chức, đảng viên và Nhân dân phát huy cao độ "
            "tinh thần yêu nước, ý chí tự lực, tự cường, sức mạnh đại đoàn kết toàn dân tộc "
            "và khát vọng vươn lên thực hiện thắng lợi Nghị quyết Đại hội Đảng toàn quốc "
            "lần thứ XIII và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV./."
        ),
    ),
]

PURPOSE_002 = (
    "Năm 2024 là năm thứ tư thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025, "
    "là năm quan trọng để tạo đà thực hiện thắng lợi các mục tiêu, chỉ tiêu đã đề ra của cả "
    "giai đoạn. Phát huy những thành tựu đạt được trong phong trào thi đua năm 2023 và tiếp "
    "tục đẩy mạnh phong trào thi đua yêu nước thiết thực lập thành tích chào mừng kỷ niệm "
    "các ngày lễ lớn của đất nước, của tỉnh. Theo đó, các cấp ủy đảng, chính quyền và thủ "
    "trưởng các cơ quan, đơn vị, địa phương tổ chức phát động các phong trào thi đua với "
    "nội dung thiết thực, hình thức phong phú, sâu rộng, đồng bộ, xuyên suốt từ tỉnh đến cơ "
    "sở; tập trung vào những nhiệm vụ trọng tâm, khâu đột phá; huy động sức mạnh tổng hợp "
    "của các cấp, các ngành, đơn vị và nhân dân, phấn đấu thực hiện thắng lợi mục tiêu, "
    "nhiệm vụ phát triển kinh tế - xã hội của tỉnh năm 2024 và kế hoạch 5 năm (2021 - 2025) "
    "đã đề ra; Chương trình số 322 CTr/UBND tỉnh, ngày 26/12/2023 về phát động phong trào "
    "thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - "
    "xã hội năm 2024 với 06 nội dung thi đua gồm:"
)

CONTENTS_002 = [
    (
        "Một là,",
        (
            "thi đua thực hiện thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2024, với các chỉ tiêu chủ yếu như: (1) Tăng trưởng tổng sản phẩm trên địa "
            "bàn tỉnh đạt 7,5%; (2) Tổng sản phẩm bình quân đầu người đạt 40 triệu đồng; "
            "(3) Thu ngân sách nhà nước trên địa bàn đạt 2.460 tỷ đồng; (4) Thu hút 3,2 "
            "triệu lượt khách du lịch; (5) Tổng giá trị hàng hóa xuất - nhập khẩu qua cửa "
            "khẩu đạt 308 triệu USD; (6) Tỷ lệ hộ nghèo giảm 4,4%; (7) Tỷ lệ lao động qua "
            "đào tạo 60%; (8) Tỷ lệ tăng dân số tự nhiên 1,3%; (9) Duy trì bình quân 10,2 "
            "bác sĩ/1 vạn dân; Bình quân có 45,7 giường bệnh/1 vạn dân; (10) Tỷ lệ trường "
            "học đạt chuẩn quốc gia 59,1%; (11) số tiêu chí nông thôn mới tăng trong năm "
            "960 tiêu chí; (12) Tỷ lệ che phủ rừng đạt 59,3%; (13)Tỷ lệ xã, phường, thị "
            "trấn, cơ quan đạt tiêu chuẩn an toàn về an ninh trật tự đạt trên 95%; (14) Tỷ "
            "lệ tai nạn giao thông giảm cả 3 tiêu chí (số vụ, người chết, bị thương); (15) "
            "Đảm bảo công tác quốc phòng và quân sự địa phương; (16) Thực hiện tốt công tác "
            "cải cách hành chính (PAR Index) của tỉnh; triển khai thực hiện các nhiệm vụ, "
            "giải pháp nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI); chỉ số hiệu quả "
            "quản trị và hành chính công cấp tỉnh (PAPI); (17) Thực hành tiết kiệm, chống "
            "tham nhũng, lãng phí; (18) Đảm bảo vệ sinh, môi trường, quản lý tài nguyên; "
            "(19) Thực hiện tốt hoạt động tín dụng; chính sách xã hội trên địa bàn; (20) "
            "Trên 90% tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên."
        ),
    ),
    (
        "Hai là,",
        (
            "thi đua phấn đấu hoàn thành thắng lợi các mục tiêu, nhiệm vụ phát triển kinh "
            "tế - xã hội của từng ngành, địa phương, đơn vị, trong đó tập trung cao cho thi "
            "đua thực hiện nhiệm vụ cơ cấu lại nền kinh tế gắn với đổi mới mô hình tăng "
            "trưởng, nâng cao năng suất, chất lượng, hiệu quả và sức cạnh tranh, tạo động "
            "lực thúc đẩy kinh tế phát triển nhanh và bền vững; thi đua quản lý và sử dụng "
            "ngân sách tiết kiệm, hiệu quả; thi đua tháo gỡ khó khăn, vướng mắc trong quá "
            "trình thực hiện dự án; thi đua đẩy nhanh tiến độ thực hiện, tiến độ giải ngân "
            "vốn đầu tư công; thi đua đẩy mạnh cải cách hành chính, cải thiện mạnh mẽ môi "
            "trường đầu tư kinh doanh, tạo sức hấp dẫn mới để thu hút đầu tư; thi đua đẩy "
            "mạnh và nâng cao hiệu quả các hoạt động xúc tiến đầu tư, thương mại và du "
            "lịch, huy động tối đa và sử dụng hiệu quả các nguồn lực cho đầu tư phát triển; "
            "tiếp tục triển khai hiệu quả và nhân rộng các mô hình điển hình trong thực "
            "hiện Đề án cải tạo vườn tạp, phát triển kinh tế vườn hộ; chuyển đổi số; đột "
            "phá về xây dựng kết cấu hạ tầng giao thông; phát triển du lịch; nông nghiệp "
            "đặc trưng hàng hóa chất lượng cao theo chuỗi giá trị; quản lý tốt tài nguyên "
            "thiên nhiên; bảo vệ môi trường rừng…"
        ),
    ),
    (
        "Ba là,",
        (
            "thi đua nâng cao chất lượng giáo dục - đào tạo, tiếp tục sắp xếp lại mạng lưới "
            "các trường và cơ sở giáo dục theo hướng tinh gọn, hiệu quả, triển khai Đề án "
            "nâng cao chất lượng giáo dục tỉnh Hà Giang, giai đoạn 2023 - 2030. Nâng cao "
            "chất lượng khám chữa bệnh cho người dân, đẩy mạnh phối hợp với các bệnh viện "
            "tuyến trung ương trong việc khám, chữa bệnh, nâng cao y đức trong cán bộ y tế. "
            "Quản lý, bảo vệ và phát huy tốt giá trị di sản văn hóa, di sản địa chất, các "
            "điểm du lịch trên địa bàn; đẩy mạnh xóa bỏ hủ tục, tập quán lạc hậu, xây dựng "
            "nếp sống văn minh trong nhân dân các dân tộc. Nâng cao chất lượng nguồn nhân "
            "lực gắn với thị trường lao động; đa dạng hóa các hình thức tạo sinh kế nâng "
            "cao thu nhập cho người nghèo; thực hiện tốt chính sách cho người có công."
        ),
    ),
    (
        "Bốn là,",
        (
            "thi đua đẩy mạnh cải cách hành chính, cải cách công vụ; tăng cường ứng dụng "
            "công nghệ thông tin trong giải quyết các thủ tục hành chính, nhất là dịch vụ "
            "công trực tuyến, đảm bảo thông suốt và đồng bộ từ tỉnh đến cơ sở. Tập trung "
            "nâng cao hiệu quả phối hợp giữa các sở, ngành và các địa phương trong triển "
            "khai thực hiện nhiệm vụ; đề cao tính chủ động và kịp thời đề xuất hướng giải "
            "quyết những khó khăn, vướng mắc phát sinh."
        ),
    ),
    (
        "Năm là,",
        (
            "thi đua đẩy mạnh nghiên cứu, ứng dụng khoa học công nghệ và chuyển đổi số; "
            "nâng cao khả năng ứng dụng của các đề tài, dự án vào thực tiễn; huy động có "
            "hiệu quả các nguồn lực để đầu tư hạ tầng số, đáp ứng yêu cầu chuyển đổi số "
            "trong các ngành, lĩnh vực; thi đua nâng cao kiến thức về công nghệ số, kỹ năng "
            "chuyển đổi số cho cán bộ, công chức, viên chức, chủ doanh nghiệp, công nhân "
            "lao động và nhân dân trong tỉnh."
        ),
    ),
    (
        "Sáu là,",
        (
            "thi đua xây dựng hệ thống chính trị từ tỉnh đến cơ sở vững mạnh; thi đua xây "
            "dựng củng cố quốc phòng - an ninh vững mạnh toàn diện; bảo vệ vững chắc chủ "
            "quyền biên giới quốc gia, giữ vững an ninh chính trị, trật tự an toàn xã hội; "
            "kết hợp chặt chẽ giữa phát triển kinh tế - xã hội với đảm bảo quốc phòng - an "
            "ninh; đẩy mạnh phòng, chống tham nhũng, lãng phí; tích cực hội nhập quốc tế, "
            "mở rộng quan hệ đối ngoại."
        ),
    ),
]

PURPOSE_003 = (
    "Năm 2022 là năm có ý nghĩa rất quan trọng đối với việc đẩy mạnh thực hiện Kế hoạch "
    "phát triển kinh tế - xã hội 5 năm 2021-2025. Trên địa bàn tỉnh, các chính sách, đề án, "
    "chương trình trọng điểm trong giai đoạn 2021-2025 tỉnh đã ban hành và bắt đầu tổ chức "
    "thực hiện, tạo điều kiện thuận lợi để thúc đẩy sản xuất, thu hút đầu tư vào địa bàn "
    "tỉnh; những kết quả đạt được về phát triển kinh tế - xã hội và đầu tư phát triển trong "
    "những năm qua, đặc biệt là Kế hoạch đầu tư công trung hạn 5 năm 2021-2025 được triển "
    "khai, một số dự án đầu tư ngoài ngân sách hoàn thành là yếu tố tích cực, thúc đẩy tăng "
    "trưởng kinh tế, gia tăng khả năng huy động nguồn lực cho đầu tư phát triển. Bên cạnh "
    "những thuận lợi, dự báo có những khó khăn, như: Diễn biến tình hình dịch Covid-19 còn "
    "phức tạp, khó lường; thời tiết diễn biến bất thường; những khó khăn nội tại của tỉnh "
    "về điều kiện kinh tế - xã hội, về nguồn lực phát triển,... sẽ tiếp tục là những thách "
    "thức không nhỏ trong việc thực hiện nhiệm vụ phát triển kinh tế - xã hội của tỉnh năm "
    "2022. Phát huy những thành tích đã đạt được trong năm 2021 và thực hiện thắng lợi các "
    "mục tiêu, nhiệm vụ và chương trình, kế hoạch công tác trọng tâm của tỉnh năm 2022, góp "
    "phần hoàn thành các chỉ tiêu kinh tế - xã hội giai đoạn (2021-2025). UBND tỉnh phát "
    "động phong trào thi đua yêu nước năm 2022 với chủ đề “Bảo đảm thích ứng an toàn, linh "
    "hoạt, kiểm soát hiệu quả dịch Covid-19, góp phần thực hiện thắng lợi nhiệm vụ phát "
    "triển kinh tế - xã hội năm 2022” tới toàn thể các tầng lớp Nhân dân, cán bộ, công "
    "chức, viên chức và lực lượng vũ trang trong toàn tỉnh với các nội dung chủ yếu sau:"
)

CONTENTS_003 = [
    (
        "1.",
        (
            "Tiếp tục quán triệt, tuyên truyền, phổ biến và triển khai sâu rộng về đường "
            "lối, chủ trương của Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh; "
            "Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; triển khai thực "
            "hiện hiệu quả Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về "
            "việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
            "hội năm 2021 và Kế hoạch 05 năm (2021-2025) theo Nghị quyết Đại hội Đại biểu "
            "toàn quốc lần thứ XIII, Chỉ thị số 09/CT-UBND ngày 11/8/2021 của Ủy ban nhân "
            "dân tỉnh về phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát "
            "triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết "
            "Đại hội Đảng bộ tỉnh lần thứ XIV; 05 nội dung thi đua do Thủ tướng Chính phủ "
            "phát động tại Đại hội Thi đua yêu nước toàn quốc lần thứ X với chủ đề “*Đoàn "
            "kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc*”; đồng thời, tiếp tục triển "
            "khai thực hiện các chương trình, kế hoạch công tác, bám sát các nhiệm vụ trọng "
            "tâm, trọng điểm, tạo ra những đột phát, tháo gỡ khó khăn, hoàn thành xuất sắc "
            "nhiệm vụ của từng ngành, cơ quan, đơn vị, địa phương, góp phần thực hiện thắng "
            "lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022 và các năm tiếp theo của "
            "tỉnh."
        ),
    ),
    (
        "2.",
        (
            "Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19, bảo vệ tối đa "
            "sức khỏe, tính mạng Nhân dân; nâng cao chất lượng tăng trưởng kinh tế; tạo "
            "chuyển biến mạnh mẽ trong cải cách hành chính, cải thiện môi trường đầu tư, "
            "kinh doanh, nâng cao năng lực cạnh tranh của tỉnh, hỗ trợ doanh nghiệp phát "
            "triển, khởi nghiệp. Tập trung đẩy mạnh sản xuất nông nghiệp theo hướng sản "
            "xuất hàng hóa chất lượng cao, liên kết sản xuất theo chuỗi giá trị gắn với xây "
            "dựng nông thôn mới; phát triển lĩnh vực công nghiệp có tiềm năng, lợi thế; "
            "phát huy lợi thế cửa khẩu quốc tế, mở rộng thị trường thúc đẩy xuất khẩu hàng "
            "hóa; đẩy mạnh phát triển du lịch gắn với bảo tồn bản sắc văn hóa các dân tộc. "
            "Huy động và sử dụng có hiệu quả các nguồn lực để đầu tư phát triển hệ thống "
            "kết cấu hạ tầng kinh tế - xã hội, nhất là hạ tầng giao thông liên kết vùng. "
            "Tiếp tục nâng cao chất lượng giáo dục, đào tạo nghề cho lao động, chăm sóc sức "
            "khỏe Nhân dân và chất lượng dân số. Thực hiện tốt các chính sách an sinh xã "
            "hội, phúc lợi xã hội, bảo vệ môi trường và cải thiện đời sống Nhân dân. Đảm "
            "bảo quốc phòng, giữ vững an ninh chính trị, trật tự an toàn xã hội, mở rộng và "
            "nâng cao hiệu quả hoạt động công tác đối ngoại.\n\n"
            "Phấn đấu hoàn thành, hoàn thành vượt mức một số chỉ tiêu chủ yếu năm 2022: Tốc "
            "độ tăng trưởng tổng sản phẩm trên địa bàn khoảng 7,7%. GRDP bình quân đầu "
            "người khoảng 47,9 triệu đồng; thu ngân sách trên địa bàn đạt 2.250 tỷ đồng; tỷ "
            "lệ trường chuẩn quốc gia đạt 56,3%; mức giảm tỷ suất sinh 0,4‰; mức giảm tỷ lệ "
            "hộ nghèo 3,1%, riêng các huyện nghèo giảm 4,8%; giải quyết việc làm cho 8.030 "
            "lao động..."
        ),
    ),
    (
        "3.",
        (
            "Đẩy mạnh các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát động và "
            "các phong trào thi đua chuyên đề của tỉnh như: Phong trào thi đua “Dân vận "
            "khéo”; “Toàn dân đoàn kết xây dựng nông thôn mới và đô thị văn minh”; “Xây "
            "dựng nông thôn mới và giảm nghèo bền vững”; “Lai Châu chung tay vì người nghèo "
            "- Không để ai bị bỏ lại phía sau”; “Doanh nghiệp Lai Châu hội nhập và phát "
            "triển”; “Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa "
            "công sở”; “Lai Châu đoàn kết, chung sức, đồng lòng thi đua phòng, chống và "
            "chiến thắng đại dịch Covid-19”. Tiếp tục đổi mới công tác thi đua, khen thưởng "
            "theo tinh thần Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về đổi mới "
            "công tác thi đua, khen thưởng, thực hiện có hiệu quả phong trào thi đua trên "
            "mọi lĩnh vực của đời sống xã hội như: Lao động giỏi, lao động sáng tạo, nâng "
            "cao hiệu quả công tác; thực hiện cải cách hành chính, cải tiến lề lối làm "
            "việc; thi đua đấu tranh phòng, chống tham nhũng, thực hành tiết kiệm chống "
            "lãng phí; xây dựng tổ chức Đảng, chính quyền và các tổ chức đoàn thể chính trị "
            "- xã hội trong sạch, vững mạnh, phát huy vai trò làm chủ của cộng đồng dân cư; "
            "thi đua bảo vệ an ninh tổ quốc, giữ gìn trật tự, an toàn xã hội, an toàn giao "
            "thông và thi đua xây dựng nông thôn mới... gắn phong trào thi đua với việc "
            "thực hiện “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” theo "
            "tinh thần Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị."
        ),
    ),
    (
        "4.",
        (
            "Nâng cao hơn nữa vai trò, trách nhiệm của cấp ủy đảng, chính quyền, đoàn thể "
            "và Thủ trưởng cơ quan, đơn vị trong tổ chức triển khai phong trào thi đua và "
            "công tác khen thưởng, tiếp tục củng cố kiện toàn tổ chức và hoạt động của các "
            "khối thi đua trong toàn tỉnh theo hướng dẫn của Ban Thi đua, khen thưởng Trung "
            "ương. Các khối thi đua tiếp tục hoàn chỉnh, xây dựng kế hoạch, quy chế hoạt "
            "động sát thực, phù hợp với đặc điểm của từng khối, đơn vị đảm bảo các nội "
            "dung, các tiêu chí thi đua theo đúng quy định."
        ),
    ),
    (
        "5.",
        (
            "Nâng cao vai trò quản lý nhà nước về công tác thi đua, khen thưởng. Tăng cường "
            "công tác kiểm tra, đôn đốc, hướng dẫn việc thực hiện các chủ trương, đường lối "
            "của Đảng, chính sách, pháp luật của Nhà nước về công tác thi đua, khen thưởng "
            "tại các cơ quan, đơn vị, địa phương trên địa bàn tỉnh; các thành viên Hội đồng "
            "Thi đua, khen thưởng tỉnh phát huy tinh thần trách nhiệm, chủ động, sáng tạo "
            "phối hợp chỉ đạo điều hành theo sự phân công của Chủ tịch Hội đồng Thi đua, "
            "khen thưởng tỉnh.\n\n"
            "Thực hiện tốt nhiệm vụ thành viên Cụm Thi đua 7 tỉnh miền núi biên giới phía "
            "Bắc năm 2022. Tiếp tục tăng cường tập huấn, bồi dưỡng nghiệp vụ về công tác "
            "thi đua, khen thưởng cho đối tượng là lãnh đạo các sở, ngành, các phòng, ban, "
            "xã, phường, thị trấn; Trưởng phòng Tổ chức hành chính (hoặc Chánh Văn phòng) "
            "và cán bộ làm công tác thi đua, khen thưởng tại các huyện, thành phố."
        ),
    ),
    (
        "6.",
        (
            "Thi đua xây dựng đội ngũ cán bộ đủ năng lực, phẩm chất, thạo chuyên môn; ngăn "
            "chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống và những "
            "biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ, góp phần xây dựng "
            "Đảng, chính quyền và các đoàn thể chính trị vững mạnh. Nêu cao tinh thần trách "
            "nhiệm “xây dựng ý thức tôn trọng Nhân dân, phát huy quyền làm chủ của Nhân "
            "dân, chăm lo đời sống Nhân dân” trong mỗi cán bộ, công chức, viên chức."
        ),
    ),
    (
        "7.",
        (
            "Tiếp tục thực hiện có hiệu quả chương trình phối hợp giữa cơ quan làm công tác "
            "thi đua, khen thưởng với các cơ quan thông tin, truyền thông. Các cơ quan "
            "thông tin đại chúng trên địa bàn tỉnh tiếp tục đẩy mạnh công tác tuyên truyền "
            "các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về thi đua, khen "
            "thưởng; đưa tin bài về những thành quả đạt được qua các phong trào thi đua; "
            "xây dựng các chuyên trang, chuyên mục và dành thời lượng phát sóng đáng kể để "
            "biểu dương kịp thời gương người tốt, việc tốt, các điển hình và nhân tố mới, "
            "tạo không khí thi đua sôi nổi, góp phần hoàn thành xuất sắc các chỉ tiêu, "
            "nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh giai đoạn "
            "2021-2025."
        ),
    ),
]

RESPONSIBILITIES_003 = [
    (
        "a)",
        (
            "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các "
            "huyện, thành phố; Giám đốc các doanh nghiệp trên địa bàn tỉnh xây dựng kế "
            "hoạch, phát động phong trào thi đua trên tinh thần cụ thể hóa những nội dung "
            "của Chỉ thị này. Tổ chức kiểm tra, sơ kết, tổng kết và tuyên dương khen thưởng "
            "kịp thời để động viên các nhân tố mới, những tập thể, cá nhân lập được thành "
            "tích xuất sắc trong phong trào thi đua, tạo sự phấn khởi và động viên tinh "
            "thần hăng hái thi đua lao động sản xuất, học tập và công tác của các đối tượng "
            "tham gia thi đua; chỉ đạo thực hiện các nhiệm vụ, quan tâm đến Chỉ số cải cách "
            "hành chính, Chỉ số năng lực cạnh tranh cấp tỉnh."
        ),
    ),
    (
        "b)",
        (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể chính trị xã hội "
            "và các tổ chức xã hội nghề nghiệp chỉ đạo và phối hợp chặt chẽ với cấp ủy, "
            "chính quyền các cấp, phát huy sức mạnh khối đại đoàn kết toàn dân để tham gia "
            "thực hiện các phong trào thi đua của tỉnh. Tăng cường công tác tuyên truyền, "
            "vận động quần chúng Nhân dân; sự phối hợp và giám sát, phản biện xã hội của "
            "Mặt trận Tổ quốc và các đoàn thể chính trị đối với công tác thi đua, khen "
            "thưởng trong giai đoạn mới."
        ),
    ),
    (
        "c)",
        (
            "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Văn hóa - Thể thao "
            "và Du lịch với các cơ quan có liên quan hướng dẫn, chỉ đạo các cơ quan thông "
            "tin đại chúng của tỉnh và địa phương đẩy mạnh công tác tuyên truyền về phong "
            "trào thi đua yêu nước, kịp thời nêu gương “Người tốt, việc tốt”, gương điển "
            "hình tiên tiến và nhân tố mới trong phong trào thi đua yêu nước của tỉnh."
        ),
    ),
    (
        "d)",
        (
            "Trưởng khối các Khối thi đua thuộc tỉnh, xây dựng kế hoạch tổ chức các hoạt "
            "động khối; bảng tiêu chí chấm điểm thi đua; đồng thời tổ chức tốt các phong "
            "trào chuyên đề, các hoạt động giao lưu văn hóa, văn nghệ, thể thao để tạo "
            "không khí thi đua sôi nổi, rộng khắp ở các cấp, các ngành và các tầng lớp Nhân "
            "dân trong tỉnh."
        ),
    ),
    (
        "e)",
        (
            "Giao Sở Nội vụ (Ban Thi đua, khen thưởng tỉnh) tổ chức triển khai và theo dõi "
            "việc thực hiện Chỉ thị này; đồng thời, phối hợp với các đồng chí thành viên "
            "Hội đồng Thi đua, khen thưởng tỉnh tổ chức kiểm tra, đôn đốc, sơ kết, tổng kết "
            "và báo cáo kịp thời tình hình, tiến độ triển khai và kết quả thực hiện phong "
            "trào thi đua của các cơ quan, đơn vị, địa phương; giúp Hội đồng Thi đua, khen "
            "thưởng tỉnh thẩm định thành tích để xem xét biểu dương, khen thưởng và đề nghị "
            "cấp trên khen thưởng chính xác, kịp thời đối với những tập thể, cá nhân có "
            "thành tích xuất sắc đóng góp tích cực trong phong trào thi đua của tỉnh."
        ),
    ),
]

BLOCK_PURPOSE = (
    "Ngày 10-12, Khối thi đua các sở, ban, ngành tham mưu và quản lý Nhà nước về kinh tế - "
    "kỹ thuật tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2021, phát động "
    "phong trào thi đua năm 2022. Đồng chí Hà Lan Anh, TUV, Phó Chủ tịch UBND tỉnh tới dự.\n\n"
    "Hưởng ứng phong trào thi đua năm 2021 do UBND tỉnh phát động, các thành viên của Khối "
    "đã triển khai hưởng ứng tích cực, chủ động, sáng tạo, đạt được nhiều kết quả tốt. Các "
    "đơn vị trong Khối đã hoàn thành tốt các nhiệm vụ chính trị, chỉ tiêu kế hoạch được "
    "giao; đẩy mạnh công tác cải cách thủ tục hành chính, duy trì ứng dụng công nghệ thông "
    "tin trong hoạt động của cơ quan, đơn vị. Chăm lo đời sống vật chất, tinh thần cho cán "
    "bộ, công chức, viên chức, lao động trong cơ quan, đơn vị. Tích cực tham gia các hoạt "
    "động từ thiện, nhân đạo. Xây dựng các tổ chức Đảng, chính quyền và đoàn thể vững mạnh. "
    "Các đơn vị thành viên trong Khối tích cực thực hiện các chương trình, kế hoạch chung "
    "của Khối thi đua đề ra từ đầu năm. Các phong trào thi đua của từng đơn vị diễn ra sôi "
    "nổi, thiết thực và hiệu quả gắn với các ngày lễ lớn của đất nước, của tỉnh, của ngành, "
    "góp phần hoàn thành các chỉ tiêu kinh tế - xã hội của tỉnh.\n\n"
    "Phát huy những kết quả đạt được trong năm 2021, các đơn vị thành viên Khối thi đua các "
    "sở, ngành về kinh tế - kỹ thuật thi đua thống nhất phương hướng, mục tiêu trọng tâm "
    "năm 2022 là:"
)

BLOCK_CONTENTS = [
    (
        "",
        (
            "Thực hiện có hiệu quả các phong trào thi đua thực hiện thắng lợi các chỉ tiêu "
            "kinh tế - xã hội năm 2022;"
        ),
    ),
    (
        "",
        (
            "Đẩy mạnh tuyên truyền tư tưởng về thi đua yêu nước của Chủ tịch Hồ Chí Minh, "
            "các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi "
            "đua, khen thưởng."
        ),
    ),
    (
        "",
        (
            "Đẩy mạnh phong trào thi đua “Xây dựng nông thôn mới”, nâng cao chất lượng các "
            "tiêu chí ở các xã đã đạt chuẩn nông thôn mới gắn với mô hình nông thôn mới "
            "kiểu mẫu “sáng - xanh - sạch - đẹp để phát triển bền vững” giai đoạn "
            "2019-2025."
        ),
    ),
    (
        "",
        (
            "Tiếp tục thực hiện linh hoạt, hiệu quả “mục tiêu kép” theo chỉ đạo của Chính "
            "phủ, vừa phòng chống đại dịch COVID-19 và phát triển kinh tế - xã hội trong "
            "trạng thái bình thường mới…"
        ),
    ),
]

BLOCK_TASK = (
    "Các đơn vị trong Khối cần tập trung đăng ký chỉ tiêu thi đua để nỗ lực phấn đấu hoàn "
    "thành ngay từ đầu năm. Tập trung tuyên truyền sâu rộng những nội dung của phong trào "
    "thi đua, khen thưởng của Khối tới toàn thể cán bộ, công chức, viên chức trong đơn vị. "
    "Chú trọng quan tâm tổ chức các phong trào thi đua một cách thực chất, hấp dẫn, tạo "
    "chuyển biến tích cực trong thực hiện nhiệm vụ chính trị được giao, đồng thời triển "
    "khai thực hiện tốt công tác phòng, chống dịch COVID-19 để góp phần thực hiện thắng lợi "
    "các chỉ tiêu phát triển kinh tế - xã hội của tỉnh năm 2022./."
)
