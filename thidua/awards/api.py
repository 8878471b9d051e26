"""API of the award registry: search, a person's or a unit's history, the eligibility check,
the catalogue, and the public verification of a certificate.

The same scoping as the pages (the selectors of :mod:`thidua.awards.selectors`): a person,
a unit or a household outside what the caller sees answers 404, like a missing one. Only
``/verify/{token}`` answers without signing in, with exactly what the public verification
page shows and under the same limit of lookups per client address.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from thidua.core.views import get_scoped_or_404
from thidua.org.models import Person, Unit

from . import selectors
from .models import (
    Authority,
    AwardType,
    Category,
    CertificateKind,
    CommendationKind,
    DisciplineForm,
    DisciplineStatus,
    EffectScope,
    Household,
    InitiativeKind,
    Level,
    Rating,
    Subject,
)
from .verification import no_store, over_limit, public_facts

router = Router(tags=["awards"])


# Schemas -------------------------------------------------------------------------------


class AwardOut(Schema):
    id: int
    subject: Subject
    recipient_name: str
    person_id: int | None
    unit_id: int | None = Field(description="The collective awarded")
    household_id: int | None
    recipient_unit_id: int = Field(description="The unit the award is filed under")
    recipient_unit_name: str
    recipient_position: str
    award_type: str = Field(alias="award_type.code")
    award_type_name: str = Field(alias="award_type.name")
    year: int
    period_start: int | None = Field(description="First year of a period; none for one year")
    period: str = Field(alias="period_label")
    kind: CommendationKind
    decision_id: int
    decision_number: str = Field(alias="decision.number")
    decision_date: date = Field(alias="decision.signed_on")
    authority: Authority = Field(alias="decision.authority")
    authority_name: str = Field(alias="decision.authority_name")
    signer_name: str = Field(alias="decision.signer_name")
    is_legacy: bool = Field(alias="decision.is_legacy", description="Imported from earlier records")
    movement_id: int | None
    amount: int | None = Field(description="đồng; none when nothing is paid")
    revoked: bool
    revoked_at: datetime | None
    revoked_reason: str


class RegistryFilter(Schema):
    q: str = Field("", description="Recipient's name, diacritics optional, or decision number")
    unit: int | None = Field(None, description="Awards filed under this unit")
    with_subtree: bool = Field(True, description="With the units below it")
    year: int | None = Field(None, description="Awards of this year (or of a period holding it)")
    award_type: str = Field("", description="Code of the title or form, e.g. cstdcs")
    decision_number: str = ""
    subject: Subject | None = None
    include_revoked: bool = True


class RatingOut(Schema):
    id: int
    year: int
    rating: Rating
    rating_label: str = Field(alias="get_rating_display")
    months_worked: int | None
    maternity_leave_months: int | None
    absent_days: int | None
    basis: str


class DisciplineOut(Schema):
    id: int
    status: DisciplineStatus
    form: DisciplineForm | None = None
    form_label: str = Field(alias="get_form_display")
    decision_number: str
    starts_on: date
    ends_on: date | None

    @staticmethod
    def resolve_form(obj) -> str | None:
        return obj.form or None


class InitiativeOut(Schema):
    id: int
    kind: InitiativeKind
    title: str
    year: int
    recognised_on: date | None
    recognised_by: str
    decision_number: str
    scope: EffectScope
    used_for_id: int | None = Field(description="The award it was the basis of")


class YearOut(Schema):
    year: int
    awards: list[AwardOut]
    ratings: list[RatingOut]
    disciplines: list[DisciplineOut]
    initiatives: list[InitiativeOut]


class RecipientOut(Schema):
    kind: Subject
    id: int
    name: str
    unit_id: int | None = None
    unit_name: str = ""


class SummaryOut(Schema):
    awards: int = Field(description="In force")
    revoked: int
    amount: int = Field(description="đồng, of the awards in force")
    years: int


class HistoryOut(Schema):
    recipient: RecipientOut
    summary: SummaryOut
    years: list[YearOut] = Field(description="Newest first")


class ReasonOut(Schema):
    outcome: str = Field(description="met | not_met | missing | note")
    text: str
    citation: str
    confidence: str = Field(description='"low" or "medium" when the rule data is uncertain')


class AwardTypeRef(Schema):
    code: str
    name: str


class VerdictOut(Schema):
    status: str = Field(description="eligible | not_eligible | needs_evidence")
    label: str
    is_eligible: bool
    confidence: str
    year: int
    award_type: AwardTypeRef
    recipient: RecipientOut
    reasons: list[ReasonOut]


class VerifyOut(Schema):
    recipient_name: str
    unit_name: str = Field(
        description="The person's unit, the unit above a collective, a household's commune"
    )
    title: str
    period: str
    decision_number: str
    decision_date: date
    status: str = Field(description="valid | revoked")
    revoked_at: date | None


class CatalogueOut(Schema):
    code: str
    name: str
    category: Category
    level: Level
    for_individual: bool
    for_collective: bool
    for_household: bool
    authorities: list[Authority]
    kinds: list[CommendationKind]
    coefficient_individual: Decimal | None
    coefficient_collective: Decimal | None
    coefficient_household: Decimal | None
    ballot_required: bool
    ballot_threshold: Decimal | None = Field(description="Share of the council, e.g. 0.8")
    certificate_kind: CertificateKind
    legal_basis: str
    is_builtin: bool = Field(description="Defined by law (else the province's own form)")
    is_active: bool


class Message(Schema):
    detail: str


# Registry ------------------------------------------------------------------------------


def _award_type(code: str, field: str = "award_type") -> AwardType:
    found = AwardType.objects.filter(code=code.strip()).first()
    if found is None:
        raise ValidationError({field: [_("Unknown title or form: %(code)s") % {"code": code}]})
    return found


@router.get("/registry", response=list[AwardOut])
@paginate(PageNumberPagination, page_size=50)
def registry(request, filters: Query[RegistryFilter]):
    """Awards of issued decisions the caller sees, newest decision first; revoked ones are
    included (marked) unless ``include_revoked=false``."""
    unit = get_scoped_or_404(Unit, request.user, pk=filters.unit) if filters.unit else None
    award_type = _award_type(filters.award_type) if filters.award_type.strip() else None
    awards = selectors.award_search(
        request.user,
        query=filters.q,
        unit=unit,
        with_subtree=filters.with_subtree,
        year=filters.year,
        award_type=award_type,
        decision_number=filters.decision_number,
        subject=filters.subject,
        include_revoked=filters.include_revoked,
    )
    return awards.order_by("-decision__signed_on", "decision_id", "sort_order", "pk")


def _history(request, recipient, out: RecipientOut) -> dict:
    timeline = selectors.history(request.user, recipient)
    return {
        "recipient": out,
        "summary": selectors.history_summary(timeline),
        "years": [
            {
                "year": year.year,
                "awards": year.awards,
                "ratings": year.ratings,
                "disciplines": year.disciplines,
                "initiatives": year.initiatives,
            }
            for year in timeline
        ],
    }


def _recipient_out(recipient) -> RecipientOut:
    if isinstance(recipient, Person):
        return RecipientOut(
            kind=Subject.INDIVIDUAL,
            id=recipient.pk,
            name=recipient.full_name,
            unit_id=recipient.unit_id,
            unit_name=recipient.unit.name,
        )
    if isinstance(recipient, Unit):
        return RecipientOut(kind=Subject.COLLECTIVE, id=recipient.pk, name=recipient.name)
    return RecipientOut(
        kind=Subject.HOUSEHOLD,
        id=recipient.pk,
        name=str(recipient),
        unit_id=recipient.unit_id,
        unit_name=recipient.unit.name,
    )


@router.get("/people/{person_id}/history", response=HistoryOut)
def person_history(request, person_id: int):
    """A person's awards, task ratings, discipline and initiatives, by year."""
    person = get_scoped_or_404(Person, request.user, pk=person_id)
    return _history(request, person, _recipient_out(person))


@router.get("/units/{unit_id}/history", response=HistoryOut)
def unit_history(request, unit_id: int):
    """A collective's awards, task ratings and initiatives, by year."""
    unit = get_scoped_or_404(Unit, request.user, pk=unit_id)
    return _history(request, unit, _recipient_out(unit))


# Eligibility ---------------------------------------------------------------------------


@router.get("/eligibility", response=VerdictOut)
def eligibility(
    request,
    award_type: str,
    year: int,
    person: int | None = None,
    unit: int | None = None,
    household: int | None = None,
):
    """May this person, unit or household (give exactly one) receive this title or form for
    this year? Every reason cites the article it comes from."""
    from .rules.eligibility import check

    given = [
        name
        for name, value in (("person", person), ("unit", unit), ("household", household))
        if value is not None
    ]
    if len(given) != 1:
        raise ValidationError({"__all__": [_("Give exactly one of person, unit or household.")]})
    today = timezone.localdate()
    if not 1945 <= year <= today.year + 1:
        raise ValidationError(
            {
                "year": [
                    _("The year must be between %(min)s and %(max)s.")
                    % {"min": 1945, "max": today.year + 1}
                ]
            }
        )
    the_type = _award_type(award_type)
    if person is not None:
        recipient = get_scoped_or_404(Person, request.user, pk=person)
    elif unit is not None:
        recipient = get_scoped_or_404(Unit, request.user, pk=unit)
    else:
        recipient = get_scoped_or_404(Household, request.user, pk=household)
    verdict = check(recipient, the_type, year, today=today)
    return {
        "status": verdict.status,
        "label": verdict.label,
        "is_eligible": verdict.is_eligible,
        "confidence": verdict.confidence,
        "year": verdict.year,
        "award_type": {"code": the_type.code, "name": the_type.name},
        "recipient": _recipient_out(recipient),
        "reasons": [
            {
                "outcome": reason.outcome,
                "text": str(reason.text),
                "citation": str(reason.citation or ""),
                "confidence": reason.confidence or "",
            }
            for reason in verdict.reasons
        ],
    }


# Catalogue -----------------------------------------------------------------------------


@router.get("/catalogue", response=list[CatalogueOut])
def catalogue(
    request,
    subject: Subject | None = None,
    category: Category | None = None,
    include_inactive: bool = False,
):
    """Titles and forms with who confers them, their coefficients and ballot thresholds."""
    types = selectors.catalogue(include_inactive=include_inactive)
    if subject:
        types = types.for_subject(subject)
    if category:
        types = types.filter(category=category)
    return types


# Verification (public) -----------------------------------------------------------------


@router.get(
    "/verify/{token}",
    auth=None,
    response={200: VerifyOut, 404: Message, 429: Message},
)
def verify_award(request, token: str, response: HttpResponse):
    """Public, no sign-in: is the certificate with this QR token valid or revoked? Only what
    the certificate prints; an unknown token, or one of a decision not yet issued, is 404."""
    no_store(response)
    if over_limit(request):
        response["Retry-After"] = "60"
        return Status(429, {"detail": _("Too many lookups; try again in a minute.")})
    facts = public_facts(token)
    if facts is None:
        raise Http404
    return {
        "recipient_name": facts.name,
        "unit_name": facts.unit,
        "title": facts.title,
        "period": facts.period,
        "decision_number": facts.decision_number,
        "decision_date": facts.decision_date,
        "status": "revoked" if facts.revoked else "valid",
        "revoked_at": facts.revoked_on,
    }
