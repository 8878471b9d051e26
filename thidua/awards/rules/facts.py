"""The facts the eligibility rules read, loaded in bulk: one :class:`History` per recipient.

A history holds what the registry knows of a person, a unit or a household:

* awards in force (decision issued, not revoked) with their kind — results of đột xuất and
  chuyên đề awards are kept but do not count toward higher merit awards (Điều 4.3 Nghị định
  152/2025/NĐ-CP, see :attr:`AwardFact.counts_for_merit`);
* yearly task ratings, with months worked, months of maternity leave and days absent;
* disciplines: decided ones with their period, and reviews under way (which suspend any
  award, Điều 4.4 Nghị định 152/2025/NĐ-CP);
* initiatives and scientific works the person wrote, with their scope of effect and the award
  they already served (an initiative serves one award only, CV 5007/BNV-TĐKT);
* for a unit, its members in the year considered: the active people whose unit is that unit,
  with their rating, their titles of the year (LĐTT, CSTT, CSTĐCS) and their disciplines.

Loading costs a fixed number of queries whatever the number of recipients: four for people,
six for units (the unit's own facts and its members'), one for households. ``recipients`` may
be a queryset (used as a subquery: nothing is sent as parameters, so 50.000 people cost the
same) or a list of objects or ids (sent as parameters; :func:`chunks` splits long lists).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from thidua.org.models import Person, Unit

from ..models import (
    DISCIPLINE_ORDER,
    NOT_A_BASIS_FOR_MERIT,
    Award,
    Discipline,
    DisciplineStatus,
    Household,
    Initiative,
    Subject,
    TaskRating,
)

# Titles of members that the collective titles count (Điều 27, 28 Luật Thi đua, khen thưởng
# 2022). A Chiến sĩ thi đua cơ sở meets the Lao động tiên tiến standard (Điều 23.1), so a
# member holding it counts as Lao động tiên tiến even without a separate LĐTT decision.
LDTT_CODES = frozenset({"ldtt", "cstt", "cstdcs"})
MEMBER_TITLE_CODES = LDTT_CODES

# Lists longer than this are loaded in several rounds (SQLite and PostgreSQL cap the number of
# parameters of one query). Querysets are never split.
CHUNK = 5000


@dataclass(frozen=True)
class AwardFact:
    code: str
    year: int
    kind: str
    decision_number: str = ""
    decision_date: datetime.date | None = None
    period_start: int | None = None

    @property
    def counts_for_merit(self) -> bool:
        """Whether this award may be a basis for a higher merit award (Điều 4.3 NĐ 152)."""
        return self.kind not in NOT_A_BASIS_FOR_MERIT


@dataclass(frozen=True)
class RatingFact:
    year: int
    rating: str
    months_worked: int | None = None
    maternity_leave_months: int = 0
    absent_days: int | None = None

    @property
    def months_counted(self) -> int | None:
        """Months worked with maternity leave counted as worked (Điều 4.5 NĐ 152); ``None``
        when the months were not recorded (taken as the whole year)."""
        if self.months_worked is None:
            return None
        return self.months_worked + (self.maternity_leave_months or 0)


@dataclass(frozen=True)
class DisciplineFact:
    status: str
    form: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    decision_number: str = ""

    @property
    def under_review(self) -> bool:
        return self.status == DisciplineStatus.UNDER_REVIEW

    @property
    def decided(self) -> bool:
        return self.status == DisciplineStatus.DECIDED

    @property
    def last_year(self) -> int:
        """The last year the period touches. Without a recorded end the period is taken to
        end in the year it started (the checks ask for the end when it could matter)."""
        return (self.ends_on or self.starts_on).year

    def years(self) -> range:
        return range(self.starts_on.year, self.last_year + 1)

    def overlaps(self, year: int) -> bool:
        return self.starts_on.year <= year <= self.last_year

    def at_least(self, form: str | None) -> bool:
        """Whether this is a decided discipline of ``form`` or a heavier one."""
        if not self.decided or not self.form or form is None:
            return False
        return DISCIPLINE_ORDER.get(self.form, -1) >= DISCIPLINE_ORDER[form]


@dataclass(frozen=True)
class InitiativeFact:
    pk: int
    kind: str
    title: str
    year: int
    scope: str
    used_for_id: int | None = None
    used_for_code: str = ""
    used_for_year: int | None = None

    @property
    def used(self) -> bool:
        return self.used_for_id is not None


@dataclass(frozen=True)
class MemberFact:
    """A member of a unit in the year considered."""

    person_id: int
    name: str
    rating: str | None = None
    titles: frozenset[str] = frozenset()
    disciplines: tuple[DisciplineFact, ...] = ()

    @property
    def holds_ldtt(self) -> bool:
        return bool(self.titles & LDTT_CODES)


@dataclass
class History:
    subject: str  # Subject: ca_nhan, tap_the, ho_gia_dinh
    recipient_id: int
    name: str = ""
    awards: tuple[AwardFact, ...] = ()
    ratings: dict[int, RatingFact] = field(default_factory=dict)
    disciplines: tuple[DisciplineFact, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    members: tuple[MemberFact, ...] | None = None  # units only, for ``members_year``
    members_year: int | None = None

    def awards_of(self, code: str, year: int | None = None) -> list[AwardFact]:
        return [a for a in self.awards if a.code == code and (year is None or a.year == year)]

    def holding(self, code: str, year: int) -> AwardFact | None:
        """The award of ``code`` for ``year`` in force, of any kind."""
        found = self.awards_of(code, year)
        return found[0] if found else None

    def merit_years(self, code: str) -> set[int]:
        """Years of ``code`` awards that may be a basis for a higher merit award."""
        return {a.year for a in self.awards if a.code == code and a.counts_for_merit}

    def rating(self, year: int) -> RatingFact | None:
        return self.ratings.get(year)

    def discipline_years(self) -> set[int]:
        """Years touched by a decided discipline period."""
        years: set[int] = set()
        for discipline in self.disciplines:
            if discipline.decided:
                years.update(discipline.years())
        return years

    def counts_from(self, year: int) -> int:
        """The first year whose achievements count for a proposal of ``year``: the year after
        the last discipline period up to ``year`` (Điều 4.4 Nghị định 152/2025/NĐ-CP)."""
        before = [y for y in self.discipline_years() if y <= year]
        return max(before) + 1 if before else 0


def subject_of(recipient) -> str:
    if isinstance(recipient, Person):
        return Subject.INDIVIDUAL
    if isinstance(recipient, Unit):
        return Subject.COLLECTIVE
    if isinstance(recipient, Household):
        return Subject.HOUSEHOLD
    raise TypeError(f"not a recipient of awards: {recipient!r}")


def _ids(source) -> QuerySet | list[int]:
    if isinstance(source, QuerySet):
        return source.values("pk")
    return [item if isinstance(item, int) else item.pk for item in source]


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _name_of(recipient) -> str:
    if isinstance(recipient, Person):
        return recipient.full_name
    if isinstance(recipient, Unit):
        return recipient.name
    if isinstance(recipient, Household):
        return str(recipient)
    return ""


# Loaders -----------------------------------------------------------------------------------

AWARD_VALUES = (
    "award_type__code",
    "year",
    "kind",
    "decision__number",
    "decision__signed_on",
    "period_start",
)


def _award_facts(owner_field: str, ids) -> dict[int, list[AwardFact]]:
    found: dict[int, list[AwardFact]] = defaultdict(list)
    rows = (
        Award.objects.in_force()
        .filter(**{f"{owner_field}__in": ids})
        .order_by()
        .values_list(owner_field, *AWARD_VALUES)
    )
    for owner, code, year, kind, number, signed_on, period_start in rows:
        found[owner].append(AwardFact(code, year, kind, number, signed_on, period_start))
    return found


def _rating_facts(owner_field: str, ids, **filters) -> dict[int, dict[int, RatingFact]]:
    found: dict[int, dict[int, RatingFact]] = defaultdict(dict)
    rows = (
        TaskRating.objects.filter(**{f"{owner_field}__in": ids}, **filters)
        .order_by()
        .values_list(
            owner_field, "year", "rating", "months_worked", "maternity_leave_months", "absent_days"
        )
    )
    for owner, year, rating, months, maternity, absent in rows:
        found[owner][year] = RatingFact(year, rating, months, maternity or 0, absent)
    return found


def _discipline_facts(person_field: str, ids, *conditions) -> dict[int, list[DisciplineFact]]:
    found: dict[int, list[DisciplineFact]] = defaultdict(list)
    rows = (
        Discipline.objects.filter(*conditions, **{f"{person_field}__in": ids})
        .order_by("starts_on", "pk")
        .values_list("person_id", "status", "form", "starts_on", "ends_on", "decision_number")
    )
    for person_id, status, form, starts_on, ends_on, number in rows:
        found[person_id].append(DisciplineFact(status, form, starts_on, ends_on, number))
    return found


def _initiative_facts(ids) -> dict[int, list[InitiativeFact]]:
    found: dict[int, list[InitiativeFact]] = defaultdict(list)
    rows = (
        Initiative.authors.through.objects.filter(person_id__in=ids)
        .order_by("initiative__year", "initiative_id")
        .values_list(
            "person_id",
            "initiative_id",
            "initiative__kind",
            "initiative__title",
            "initiative__year",
            "initiative__scope",
            "initiative__used_for_id",
            "initiative__used_for__award_type__code",
            "initiative__used_for__year",
        )
    )
    for person_id, pk, kind, title, year, scope, used_id, used_code, used_year in rows:
        found[person_id].append(
            InitiativeFact(pk, kind, title, year, scope, used_id, used_code or "", used_year)
        )
    return found


class Histories(dict):
    """Histories by recipient id; a recipient with no facts at all gets an empty history."""

    def __init__(self, subject: str, year: int | None = None):
        super().__init__()
        self.subject = subject
        self.year = year

    def __missing__(self, pk: int) -> History:
        history = History(subject=self.subject, recipient_id=pk)
        if self.subject == Subject.COLLECTIVE:
            history.members, history.members_year = (), self.year
        self[pk] = history
        return history


def load_people(people: QuerySet | Iterable) -> Histories:
    """Histories of people by id (4 queries)."""
    ids = _ids(people)
    histories = Histories(Subject.INDIVIDUAL)
    for pk, facts in _award_facts("person_id", ids).items():
        histories[pk].awards = tuple(facts)
    for pk, facts in _rating_facts("person_id", ids).items():
        histories[pk].ratings = facts
    for pk, facts in _discipline_facts("person_id", ids).items():
        histories[pk].disciplines = tuple(facts)
    for pk, facts in _initiative_facts(ids).items():
        histories[pk].initiatives = tuple(facts)
    return histories


def _year_disciplines(year: int) -> Q:
    """Disciplines whose period touches ``year`` (without a recorded end: started in it)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Q(starts_on__lte=last) & (
        Q(ends_on__gte=first) | Q(ends_on__isnull=True, starts_on__gte=first)
    )


def load_units(units: QuerySet | Iterable, year: int) -> Histories:
    """Histories of units by id, with their members in ``year`` (6 queries)."""
    ids = _ids(units)
    histories = Histories(Subject.COLLECTIVE, year)
    for pk, facts in _award_facts("unit_id", ids).items():
        histories[pk].awards = tuple(facts)
    for pk, facts in _rating_facts("unit_id", ids).items():
        histories[pk].ratings = facts
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    member_rows = (
        Person.objects.filter(is_active=True, unit_id__in=ids)
        .order_by("name_folded", "pk")
        .values_list("pk", "unit_id", "full_name")
    )
    for pk, unit_id, name in member_rows:
        members[unit_id].append((pk, name))
    in_units = {"person__is_active": True, "person__unit_id__in": ids}
    titles: dict[int, set[str]] = defaultdict(set)
    for person_id, code in (
        Award.objects.in_force()
        .filter(year=year, award_type__code__in=MEMBER_TITLE_CODES, **in_units)
        .order_by()
        .values_list("person_id", "award_type__code")
    ):
        titles[person_id].add(code)
    ratings = {
        person_id: rating
        for person_id, rating in TaskRating.objects.filter(year=year, **in_units)
        .order_by()
        .values_list("person_id", "rating")
    }
    disciplines = _discipline_facts(
        "person__unit_id", ids, _year_disciplines(year), Q(person__is_active=True)
    )
    for unit_id, people in members.items():
        histories[unit_id].members = tuple(
            MemberFact(
                person_id=person_id,
                name=name,
                rating=ratings.get(person_id),
                titles=frozenset(titles.get(person_id, ())),
                disciplines=tuple(disciplines.get(person_id, ())),
            )
            for person_id, name in people
        )
    return histories


def load_households(households: QuerySet | Iterable) -> Histories:
    """Histories of households by id (1 query)."""
    histories = Histories(Subject.HOUSEHOLD)
    for pk, facts in _award_facts("household_id", _ids(households)).items():
        histories[pk].awards = tuple(facts)
    return histories


LOADERS = {
    Subject.INDIVIDUAL: lambda recipients, year: load_people(recipients),
    Subject.COLLECTIVE: load_units,
    Subject.HOUSEHOLD: lambda recipients, year: load_households(recipients),
}


def load_histories(subject: str, recipients: QuerySet | Sequence, year: int) -> Histories:
    """Histories of recipients of one kind, by id, for a proposal of ``year``."""
    loader = LOADERS[subject]
    if isinstance(recipients, QuerySet):
        return loader(recipients, year)
    histories = Histories(subject, year)
    for part in chunks(list(recipients)):
        histories.update(loader(part, year))
    return histories


def load_history(recipient, year: int) -> History:
    """The history of one person, unit or household for a proposal of ``year``."""
    subject = subject_of(recipient)
    history = load_histories(subject, [recipient], year)[recipient.pk]
    history.name = _name_of(recipient)
    return history
