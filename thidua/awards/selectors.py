"""Reads of the award registry: search, a recipient's whole history, totals.

Every function takes the requesting user and starts from ``Model.objects.restrict(user)``,
so a unit officer reads their subtree only. The registry holds the awards of issued
decisions (drafts are the decisions pages' business); revoked awards stay in it, marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum

from thidua.core.models import subtree_q
from thidua.core.text import fold
from thidua.org.models import Person, Unit

from .models import (
    Award,
    AwardType,
    Decision,
    DecisionStatus,
    Discipline,
    Household,
    Initiative,
    Subject,
    TaskRating,
)

# The columns a registry list shows, fetched with the award in one query.
AWARD_LIST_RELATED = ("award_type", "decision", "movement")


def registry(user) -> QuerySet[Award]:
    """Awards of issued decisions the user sees (revoked ones included)."""
    return Award.objects.restrict(user).filter(decision__status=DecisionStatus.ISSUED)


def award_search(
    user,
    *,
    query: str = "",
    unit: Unit | None = None,
    with_subtree: bool = True,
    year: int | None = None,
    award_type: AwardType | None = None,
    decision_number: str = "",
    subject: str | None = None,
    include_revoked: bool = True,
    revoked_only: bool = False,
) -> QuerySet[Award]:
    """Search the registry.

    ``query`` matches the recipient's name without diacritics ("nguyen van an" finds
    "Nguyễn Văn An") or a decision number ("1234/QĐ-UBND", "1234"); ``unit`` keeps the
    awards filed under that unit (and, ``with_subtree``, the units below it).
    """
    awards = registry(user).select_related(*AWARD_LIST_RELATED)
    query = (query or "").strip()
    if query:
        condition = Q(recipient_name_folded__contains=fold(query))
        if any(ch.isdigit() for ch in query):
            condition |= Q(decision__number__icontains=query)
        awards = awards.filter(condition)
    if unit is not None:
        awards = awards.filter(subtree_q("recipient_unit__path", unit.path, with_subtree))
    if year:
        awards = awards.filter(Q(year=year) | Q(period_start__lte=year, year__gte=year))
    if award_type is not None:
        awards = awards.filter(award_type=award_type)
    decision_number = (decision_number or "").strip()
    if decision_number:
        awards = awards.filter(decision__number__icontains=decision_number)
    if subject:
        awards = awards.filter(subject=subject)
    if revoked_only:
        awards = awards.filter(revoked=True)
    elif not include_revoked:
        awards = awards.filter(revoked=False)
    return awards


def award_totals(awards: QuerySet[Award]) -> dict:
    """Count and money of a (filtered) registry list; revoked awards are not paid."""
    totals = awards.order_by().aggregate(
        total_count=Count("pk"),
        revoked_count=Count("pk", filter=Q(revoked=True)),
        paid=Sum("amount", filter=Q(revoked=False)),
    )
    return {
        "count": totals["total_count"],
        "revoked": totals["revoked_count"],
        "amount": totals["paid"] or 0,
    }


def totals_by_year(user, *, unit: Unit | None = None) -> list[dict]:
    """Awards in force and their money per year, newest first (for the budget)."""
    awards = award_search(user, unit=unit, include_revoked=False)
    return list(
        awards.order_by()
        .values("year")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("-year")
    )


# History ---------------------------------------------------------------------------------


@dataclass
class TimelineYear:
    """What happened to one recipient in one year."""

    year: int
    awards: list[Award] = field(default_factory=list)
    ratings: list[TaskRating] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    @property
    def rating(self) -> TaskRating | None:
        return self.ratings[0] if self.ratings else None

    @property
    def is_empty(self) -> bool:
        return not (self.awards or self.ratings or self.disciplines or self.initiatives)


def recipient_kind(recipient) -> str:
    if isinstance(recipient, Person):
        return Subject.INDIVIDUAL
    if isinstance(recipient, Unit):
        return Subject.COLLECTIVE
    if isinstance(recipient, Household):
        return Subject.HOUSEHOLD
    raise TypeError(f"not a recipient: {recipient!r}")


def _recipient_visible(user, recipient) -> bool:
    model = type(recipient)
    return model.objects.restrict(user).filter(pk=recipient.pk).exists()


def recipient_awards(user, recipient) -> QuerySet[Award]:
    """Every award of the registry conferred on ``recipient``, newest first.

    A recipient's history is whole once the user sees the recipient: the awards of a
    person who moved here from another unit are filed under the former unit, and the
    eligibility rules read them all the same.
    """
    if not _recipient_visible(user, recipient):
        return Award.objects.none()
    lookup = {
        Subject.INDIVIDUAL: "person",
        Subject.COLLECTIVE: "unit",
        Subject.HOUSEHOLD: "household",
    }[recipient_kind(recipient)]
    return (
        Award.objects.filter(decision__status=DecisionStatus.ISSUED, **{lookup: recipient})
        .select_related("award_type", "decision", "movement", "revoked_by")
        .order_by("-year", "-decision__signed_on", "award_type__sort_order", "pk")
    )


def recipient_ratings(user, recipient) -> QuerySet[TaskRating]:
    kind = recipient_kind(recipient)
    if kind == Subject.HOUSEHOLD or not _recipient_visible(user, recipient):
        return TaskRating.objects.none()
    lookup = "person" if kind == Subject.INDIVIDUAL else "unit"
    return TaskRating.objects.filter(**{lookup: recipient}).order_by("-year")


def recipient_disciplines(user, recipient) -> QuerySet[Discipline]:
    if recipient_kind(recipient) != Subject.INDIVIDUAL or not _recipient_visible(user, recipient):
        return Discipline.objects.none()
    return Discipline.objects.filter(person=recipient).order_by("-starts_on", "-pk")


def recipient_initiatives(user, recipient) -> QuerySet[Initiative]:
    """A person's initiatives (as an author) or a unit's (filed under it)."""
    kind = recipient_kind(recipient)
    if kind == Subject.HOUSEHOLD or not _recipient_visible(user, recipient):
        return Initiative.objects.none()
    initiatives = (
        Initiative.objects.filter(authors=recipient)
        if kind == Subject.INDIVIDUAL
        else Initiative.objects.filter(unit=recipient)
    )
    return initiatives.prefetch_related("authors").order_by("-year", "title")


def _discipline_years(discipline: Discipline) -> Iterable[int]:
    """The years a discipline weighs on: from its start to its end (or its start)."""
    start = discipline.starts_on.year
    end = discipline.ends_on.year if discipline.ends_on else start
    return range(start, max(start, end) + 1)


def history(user, recipient) -> list[TimelineYear]:
    """``recipient``'s whole history grouped by year, newest first.

    Awards (revoked ones marked), task ratings, discipline (under every year of its
    period) and initiatives. Empty when the user does not see the recipient.
    """
    years: dict[int, TimelineYear] = {}

    def at(year: int) -> TimelineYear:
        if year not in years:
            years[year] = TimelineYear(year)
        return years[year]

    for award in recipient_awards(user, recipient):
        at(award.year).awards.append(award)
    for rating in recipient_ratings(user, recipient):
        at(rating.year).ratings.append(rating)
    for discipline in recipient_disciplines(user, recipient):
        for year in _discipline_years(discipline):
            at(year).disciplines.append(discipline)
    for initiative in recipient_initiatives(user, recipient):
        at(initiative.year).initiatives.append(initiative)
    return [years[year] for year in sorted(years, reverse=True)]


def history_summary(timeline: list[TimelineYear]) -> dict:
    """Counts for the head of a history page."""
    awards = [a for year in timeline for a in year.awards]
    return {
        "awards": sum(1 for a in awards if not a.revoked),
        "revoked": sum(1 for a in awards if a.revoked),
        "amount": sum(a.amount or 0 for a in awards if not a.revoked),
        "years": len(timeline),
    }


# Facts lists -----------------------------------------------------------------------------


def household_list(user, *, query: str = "", unit: Unit | None = None) -> QuerySet[Household]:
    households = Household.objects.restrict(user).select_related("unit")
    query = (query or "").strip()
    if query:
        folded = fold(query)
        households = households.filter(
            Q(name_folded__contains=folded) | Q(address__icontains=query)
        )
    if unit is not None:
        households = households.filter(subtree_q("unit__path", unit.path))
    return households.annotate(
        award_count=Count(
            "awards",
            filter=Q(awards__decision__status=DecisionStatus.ISSUED, awards__revoked=False),
        )
    )


def catalogue(*, include_inactive: bool = True) -> QuerySet[AwardType]:
    types = AwardType.objects.select_related("owner")
    if not include_inactive:
        types = types.active()
    return types.order_by("category", "level", "sort_order", "name")


def decisions_visible(user) -> QuerySet[Decision]:
    return Decision.objects.restrict(user)


__all__ = [
    "AWARD_LIST_RELATED",
    "TimelineYear",
    "award_search",
    "award_totals",
    "catalogue",
    "decisions_visible",
    "history",
    "history_summary",
    "household_list",
    "recipient_awards",
    "recipient_disciplines",
    "recipient_initiatives",
    "recipient_kind",
    "recipient_ratings",
    "registry",
    "totals_by_year",
]
