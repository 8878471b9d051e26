"""Demo award history of the demo province (T01): five years of task ratings, initiatives
and the decisions that followed them, as an office would have recorded them.

For the people of Sở Giáo dục và Đào tạo, Sở Y tế, Sở Nội vụ and two communes, 2021–2025:

* a task rating every year; each person has a steady "merit" so good ratings come in runs,
  some women take maternity leave, a few are disciplined (one is under review now);
* initiatives for some of the excellent, a few recognised province-wide;
* each year the agency heads (Giám đốc Sở, Chủ tịch UBND xã) confer Lao động tiên tiến on
  those rated at least "hoàn thành tốt", Chiến sĩ thi đua cơ sở on the excellent ones and
  Tập thể lao động tiên tiến on their sub-units; the chairman of the province confers
  Chiến sĩ thi đua cấp tỉnh (three consecutive CSTĐCS and a province-wide initiative),
  Bằng khen and Tập thể lao động xuất sắc; households of the communes get Gia đình văn hóa;
* one award revoked with its reason, and a draft decision of 2026 waiting to be signed.

The awards follow the rules, so the eligibility checks agree with the registry. Rows are
written in bulk, each with its audit entry; decisions are issued through the service.
Loading twice changes nothing.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from django.apps import apps
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_many, snapshot
from thidua.org.models import Gender, Person, Unit

from . import services
from .models import (
    Authority,
    Award,
    AwardType,
    CommendationKind,
    Decision,
    DisciplineForm,
    DisciplineStatus,
    EffectScope,
    Initiative,
    InitiativeKind,
    Rating,
    Subject,
    TaskRating,
)

ROOT_CODE = "T01"
YEARS = range(2021, 2026)
LEGACY_UNTIL = 2023  # decisions before 2024 were typed in from the paper registry
DEPARTMENTS = [("SGDDT", "SGDĐT"), ("SYT", "SYT"), ("SNV", "SNV")]
COMMUNES = ["X016", "P001"]
RATING_WEIGHTS = {  # by a person's merit (0 weak … 3 strong): excellent, good, completed, not
    0: (0.02, 0.45, 0.45, 0.08),
    1: (0.08, 0.72, 0.18, 0.02),
    2: (0.30, 0.65, 0.05, 0.0),
    3: (0.85, 0.15, 0.0, 0.0),
}
RATINGS = (Rating.EXCELLENT, Rating.GOOD, Rating.COMPLETED, Rating.NOT_COMPLETED)


def load_demo(*, log: Callable[[str], None] = lambda message: None) -> None:
    """The hook ``manage.py load_demo`` calls once the organisation is loaded."""
    root = Unit.objects.filter(code=ROOT_CODE).first()
    if root is None:
        return
    if Decision.objects.filter(issuer__path__startswith=root.path).exists():
        log("Demo awards: already present.")
        return
    started = time.monotonic()
    with transaction.atomic():
        totals = _Loader(root).run()
    log(
        f"Demo awards: {totals['decisions']} decisions, {totals['awards']} awards, "
        f"{totals['ratings']} task ratings, {totals['initiatives']} initiatives "
        f"in {time.monotonic() - started:.1f} s."
    )


class _Loader:
    def __init__(self, root: Unit):
        self.root = root
        self.rng = random.Random("thidua-awards-demo")
        self.types = {t.code: t for t in AwardType.objects.all()}
        self.units = {
            u.code: u for u in Unit.objects.filter(path__startswith=root.path, is_active=True)
        }
        self.committee = self.units[f"{ROOT_CODE}.UBND"]
        self.totals = defaultdict(int)
        self.ratings: dict[tuple[int, int], str] = {}
        self.cstdcs: dict[int, list[int]] = defaultdict(list)  # person → years
        self.disciplined: dict[int, set[int]] = defaultdict(set)  # person → years
        self.initiatives: dict[tuple[int, int], str] = {}  # (person, year) → scope
        self.movements = {
            m.starts_on.year: m
            for m in apps.get_model("movements", "Movement")
            .objects.filter(issuer=self.committee, kind="thuong_xuyen")
            .order_by("starts_on")
        }

    # people and facts --------------------------------------------------------------

    def people_of(self, code: str) -> list[Person]:
        unit = self.units.get(f"{ROOT_CODE}.{code}")
        if unit is None:
            return []
        return list(
            Person.objects.filter(unit__path__startswith=unit.path, is_active=True)
            .select_related("unit")
            .order_by("pk")
        )

    def run(self) -> dict[str, int]:
        groups = {code: self.people_of(code) for code, _ in DEPARTMENTS}
        groups |= {code: self.people_of(code) for code in COMMUNES}
        everyone = [p for people in groups.values() for p in people]
        merit = {p.pk: self.rng.choices((0, 1, 2, 3), (0.15, 0.5, 0.25, 0.1))[0] for p in everyone}
        self.facts(everyone, merit)
        for year in YEARS:
            for code, short in DEPARTMENTS:
                self.grassroots_decision(year, code, short, groups[code])
            for code in COMMUNES:
                self.grassroots_decision(year, code, "UBND", groups[code], commune=True)
            self.provincial_decision(year, everyone)
        self.households()
        self.revoke_one()
        self.draft_2026(everyone)
        return self.totals

    def facts(self, people: list[Person], merit: dict[int, int]) -> None:
        ratings, disciplines = [], []
        for person in people:
            on_leave = (
                person.gender == Gender.FEMALE
                and person.date_of_birth
                and person.date_of_birth.year > 1985
                and self.rng.random() < 0.25
            )
            leave_year = self.rng.choice(list(YEARS)) if on_leave else None
            for year in YEARS:
                rating = self.rng.choices(RATINGS, RATING_WEIGHTS[merit[person.pk]])[0]
                self.ratings[(person.pk, year)] = rating
                maternity = 6 if year == leave_year else 0
                ratings.append(
                    TaskRating(
                        person=person,
                        recipient_unit=person.unit,
                        year=year,
                        rating=rating,
                        months_worked=12 - maternity,
                        maternity_leave_months=maternity,
                        absent_days=self.rng.choice((0, 0, 0, 2, 5, 12)),
                        basis=f"Hội đồng đánh giá {person.unit.name}",
                    )
                )
            if rating == Rating.NOT_COMPLETED or self.rng.random() < 0.004:
                year = self.rng.choice(list(YEARS))
                self.disciplined[person.pk].add(year)
                disciplines.append(
                    services.discipline_create(
                        actor=None,
                        person=person,
                        status=DisciplineStatus.DECIDED,
                        form=self.rng.choice((DisciplineForm.REPRIMAND, DisciplineForm.WARNING)),
                        decision_number=f"{self.rng.randint(10, 400)}/QĐ-KL",
                        starts_on=date(year, 6, 1),
                        ends_on=date(year + 1, 5, 31),
                        reason="Vi phạm quy định về thời gian làm việc, đã được kiểm điểm.",
                    )
                )
        TaskRating.objects.bulk_create(ratings, batch_size=1000)
        record_many(Action.CREATE, [(r, snapshot(r)) for r in ratings])
        self.totals["ratings"] += len(ratings)
        # One person under review now: every award is suspended for them (Điều 4.4 NĐ 152).
        reviewed = next(p for p in people if merit[p.pk] == 3)
        services.discipline_create(
            actor=None,
            person=reviewed,
            status=DisciplineStatus.UNDER_REVIEW,
            starts_on=date(2026, 9, 15),
            reason="Đang xem xét trách nhiệm theo kết luận thanh tra.",
        )
        self.initiative_facts(people, merit)

    def initiative_facts(self, people: list[Person], merit: dict[int, int]) -> None:
        rows, authors = [], []
        for person in people:
            for year in YEARS:
                if self.ratings[(person.pk, year)] != Rating.EXCELLENT:
                    continue
                if self.rng.random() > (0.5 if merit[person.pk] == 3 else 0.15):
                    continue
                scope = (
                    EffectScope.PROVINCE
                    if merit[person.pk] == 3 and self.rng.random() < 0.3
                    else EffectScope.GRASSROOTS
                )
                self.initiatives[(person.pk, year)] = scope
                rows.append(
                    Initiative(
                        kind=InitiativeKind.INITIATIVE,
                        title=self.rng.choice(INITIATIVE_TITLES).format(unit=person.unit.name),
                        unit=person.unit,
                        year=year,
                        recognised_on=date(year, 11, 20),
                        recognised_by=(
                            "Hội đồng sáng kiến tỉnh"
                            if scope == EffectScope.PROVINCE
                            else f"Hội đồng sáng kiến {person.unit.name}"
                        ),
                        decision_number=f"{self.rng.randint(100, 900)}/QĐ-HĐSK",
                        scope=scope,
                    )
                )
                authors.append(person)
        Initiative.objects.bulk_create(rows, batch_size=1000)
        Through = Initiative.authors.through
        Through.objects.bulk_create(
            [Through(initiative=i, person=p) for i, p in zip(rows, authors, strict=True)],
            batch_size=1000,
        )
        record_many(Action.CREATE, [(i, snapshot(i)) for i in rows])
        self.totals["initiatives"] += len(rows)

    # decisions ------------------------------------------------------------------

    def decision(
        self,
        *,
        issuer: Unit,
        year: int,
        number: str,
        authority: str,
        name: str,
        signer: str,
        title: str,
        subject_line: str,
        signed_on: date,
    ) -> Decision:
        decision = services.decision_create(
            actor=None,
            issuer=issuer,
            number=number,
            signed_on=signed_on,
            authority=authority,
            authority_name=name,
            signer_name=signer,
            signer_title=title,
            kind=CommendationKind.MERIT,
            subject_line=subject_line,
            grounds=(
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ "
                "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n"
                f"Xét đề nghị của Hội đồng Thi đua – Khen thưởng về thành tích năm {year}."
            ),
            movement=self.movements.get(year),
        )
        if year <= LEGACY_UNTIL:
            Decision.objects.filter(pk=decision.pk).update(is_legacy=True)
        return decision

    def confer(self, decision: Decision, rows: list[tuple[str, object, int, str]]) -> None:
        """Add (code, recipient, year, achievement) rows in bulk, then issue."""
        awards = []
        for order, (code, recipient, year, achievement) in enumerate(rows, start=1):
            award_type = self.types[code]
            if isinstance(recipient, Person):
                fields = {
                    "subject": Subject.INDIVIDUAL,
                    "person": recipient,
                    "recipient_name": recipient.full_name,
                    "recipient_position": recipient.position,
                    "recipient_unit": recipient.unit,
                    "recipient_unit_name": recipient.unit.name,
                }
            elif isinstance(recipient, Unit):
                fields = {
                    "subject": Subject.COLLECTIVE,
                    "unit": recipient,
                    "recipient_name": recipient.name,
                    "recipient_unit": recipient,
                    "recipient_unit_name": recipient.name,
                }
            else:
                fields = {
                    "subject": Subject.HOUSEHOLD,
                    "household": recipient,
                    "recipient_name": str(recipient),
                    "recipient_unit": recipient.unit,
                    "recipient_unit_name": recipient.unit.name,
                }
            awards.append(
                Award(
                    decision=decision,
                    award_type=award_type,
                    year=year,
                    kind=decision.kind,
                    movement=decision.movement,
                    achievement=achievement,
                    sort_order=order,
                    **fields,
                )
            )
        if not awards:
            decision.delete()
            return
        Award.objects.bulk_create(awards, batch_size=1000)
        services.recompute_amounts(decision)
        record_many(Action.CREATE, [(a, snapshot(a)) for a in awards])
        services.decision_issue(actor=None, decision=decision, notify_units=False)
        self.totals["decisions"] += 1
        self.totals["awards"] += len(awards)

    def grassroots_decision(self, year, code, short, people, commune=False) -> None:
        unit = self.units.get(f"{ROOT_CODE}.{code}")
        if unit is None or not people:
            return
        rows = []
        members = defaultdict(list)
        for person in people:
            members[person.unit_id].append(person)
            rating = self.ratings[(person.pk, year)]
            if year in self.disciplined[person.pk]:
                continue
            if rating not in (Rating.EXCELLENT, Rating.GOOD):
                continue
            rows.append(("ldtt", person, year, ""))
            if rating == Rating.EXCELLENT:
                rows.append(("cstdcs", person, year, "Hoàn thành xuất sắc nhiệm vụ"))
                self.cstdcs[person.pk].append(year)
        ldtt = {person.pk for code_, person, *_ in rows if code_ == "ldtt"}
        for staff in members.values():
            sub_unit = next(p.unit for p in staff)
            share = sum(p.pk in ldtt for p in staff) / len(staff)
            if len(staff) >= 5 and share >= 0.7 and sub_unit.pk != unit.pk:
                rows.append(("ttldtt", sub_unit, year, ""))
        if commune:
            authority, name = (
                Authority.COMMUNE_CHAIRMAN,
                f"Chủ tịch Ủy ban nhân dân {unit.name}",
            )
            title = "CHỦ TỊCH"
        else:
            authority, name = Authority.AGENCY_HEAD, f"Giám đốc {unit.name}"
            title = "GIÁM ĐỐC"
        decision = self.decision(
            issuer=unit,
            year=year,
            number=f"{self.rng.randint(20, 99)}/QĐ-{short}",
            authority=authority,
            name=name,
            signer=unit.head_name or "Nguyễn Văn Bình",
            title=title,
            subject_line=f"Về việc công nhận danh hiệu thi đua năm {year}",
            signed_on=date(year, 12, 26),
        )
        self.confer(decision, rows)

    def provincial_decision(self, year: int, people: list[Person]) -> None:
        rows = []
        for person in people:
            if year in self.disciplined[person.pk]:
                continue
            run = [y for y in self.cstdcs[person.pk] if y <= year]
            last_three = {year - 2, year - 1, year}
            province_wide = any(
                self.initiatives.get((person.pk, y)) == EffectScope.PROVINCE for y in last_three
            )
            if last_three <= set(run) and province_wide:
                rows.append(
                    (
                        "cstd_tinh",
                        person,
                        year,
                        "Ba năm liên tục đạt Chiến sĩ thi đua cơ sở, "
                        "có sáng kiến được công nhận phạm vi toàn tỉnh",
                    )
                )
            elif {year - 1, year} <= set(run) and self.rng.random() < 0.35:
                rows.append(
                    ("bk_tinh", person, year, "Hai năm liên tục đạt Chiến sĩ thi đua cơ sở")
                )
        for code, _ in DEPARTMENTS:
            unit = self.units.get(f"{ROOT_CODE}.{code}")
            if unit is not None and self.rng.random() < 0.5:
                rows.append(("ttldxs", unit, year, "Hoàn thành xuất sắc nhiệm vụ năm " + str(year)))
        leader = self.units.get(f"{ROOT_CODE}.{DEPARTMENTS[year % len(DEPARTMENTS)][0]}")
        if leader is not None:
            rows.append(("co_tinh", leader, year, "Dẫn đầu khối thi đua các sở, ban, ngành"))
        self.confer(
            self.decision(
                issuer=self.committee,
                year=year,
                number=f"{self.rng.randint(100, 400)}/QĐ-UBND",
                authority=Authority.PROVINCIAL_CHAIRMAN,
                name=f"Chủ tịch {self.committee.name}",
                signer=self.committee.head_name or "Võ Thị Hồng Chi",
                title="CHỦ TỊCH",
                subject_line=f"Về việc tặng danh hiệu thi đua và Bằng khen năm {year}",
                signed_on=date(year + 1, 1, 20),
            ),
            rows,
        )

    def households(self) -> None:
        for code in COMMUNES:
            commune = self.units.get(f"{ROOT_CODE}.{code}")
            if commune is None:
                continue
            households = [
                services.household_create(
                    actor=None,
                    head_name=name,
                    address=f"Thôn {hamlet}, {commune.name}",
                    unit=commune,
                )
                for name, hamlet in zip(HOUSEHOLD_HEADS[code], ("1", "2", "3", "4"), strict=False)
            ]
            for year in (2024, 2025):
                decision = self.decision(
                    issuer=commune,
                    year=year,
                    number=f"{self.rng.randint(100, 200)}/QĐ-UBND",
                    authority=Authority.COMMUNE_CHAIRMAN,
                    name=f"Chủ tịch Ủy ban nhân dân {commune.name}",
                    signer=commune.head_name or "Nguyễn Quốc Tùng",
                    title="CHỦ TỊCH",
                    subject_line=f"Về việc công nhận danh hiệu Gia đình văn hóa năm {year}",
                    signed_on=date(year, 12, 28),
                )
                rows = [("gia_dinh_van_hoa", h, year, "") for h in households]
                rows.append(
                    (
                        "giay_khen",
                        households[0],
                        year,
                        "Hiến đất mở rộng đường giao thông nông thôn",
                    )
                )
                self.confer(decision, rows)

    def revoke_one(self) -> None:
        award = (
            Award.objects.filter(
                award_type__code="bk_tinh", recipient_unit__path__startswith=self.root.path
            )
            .order_by("pk")
            .first()
        )
        if award is not None:
            services.award_revoke(
                actor=None,
                award=award,
                reason="Thu hồi theo kết luận thanh tra: hồ sơ đề nghị kê khai không đúng thành tích.",
            )

    def draft_2026(self, people: list[Person]) -> None:
        """A decision of the chairman waiting to be signed: Bằng khen for the 2026 movement."""
        decision = services.decision_create(
            actor=None,
            issuer=self.committee,
            number="",
            signed_on=date(2026, 11, 20),
            authority=Authority.PROVINCIAL_CHAIRMAN,
            authority_name=f"Chủ tịch {self.committee.name}",
            signer_name=self.committee.head_name or "Võ Thị Hồng Chi",
            signer_title="KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            kind=CommendationKind.SUDDEN,
            subject_line="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân có "
            "thành tích xuất sắc đột xuất trong công tác ứng phó bão số 3 năm 2026",
            movement=self.movements.get(2026),
        )
        chosen = [p for p in people if p.unit.code.startswith(f"{ROOT_CODE}.SYT")][:4]
        for person in chosen:
            services.award_add(
                actor=None,
                decision=decision,
                award_type=self.types["bk_tinh"],
                subject=Subject.INDIVIDUAL,
                person=person,
                year=2026,
                achievement="Có thành tích xuất sắc đột xuất trong công tác cứu chữa người bị "
                "thương do bão số 3",
            )
        self.totals["decisions"] += 1
        self.totals["awards"] += len(chosen)


INITIATIVE_TITLES = [
    "Ứng dụng chuyển đổi số trong quản lý hồ sơ tại {unit}",
    "Giải pháp rút ngắn thời gian giải quyết thủ tục hành chính tại {unit}",
    "Đổi mới phương pháp bồi dưỡng chuyên môn cho viên chức {unit}",
    "Xây dựng phần mềm theo dõi tiến độ nhiệm vụ tại {unit}",
    "Giải pháp tiết kiệm điện năng và văn phòng phẩm tại {unit}",
    "Mô hình phối hợp với cơ sở trong triển khai nhiệm vụ của {unit}",
]

HOUSEHOLD_HEADS = {
    "X016": ["Nguyễn Văn Lợi", "Trần Thị Mến", "Lê Văn Tám", "Phạm Thị Hoa"],
    "P001": ["Hoàng Văn Sáu", "Đỗ Thị Lan", "Bùi Văn Hậu"],
}
