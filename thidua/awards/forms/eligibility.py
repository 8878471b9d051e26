"""Forms of the eligibility pages: one check, and "who in this unit is eligible"."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.org.forms import UnitChoiceField
from thidua.org.models import Person, Unit

from ..models import AwardType, Household, Subject
from .facts import HouseholdChoiceField, PersonChoiceField
from .registry import AwardTypeChoiceField

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
NEEDS_EVIDENCE = "needs_evidence"
VERDICTS = (ELIGIBLE, NOT_ELIGIBLE, NEEDS_EVIDENCE)


def default_year() -> int:
    """The year being assessed: the current one from November (year-end reviews), else the
    one before."""
    today = timezone.localdate()
    return today.year if today.month >= 11 else today.year - 1


def award_types_for(subject: str | None = None):
    types = AwardType.objects.active().order_by("category", "level", "sort_order", "name")
    if subject:
        types = types.for_subject(subject)
    return types


class EligibilityCheckForm(BootstrapMixin, forms.Form):
    """Recipient + title or form + year. The recipient is a person, a unit or a household,
    as ``subject`` says; each has its own picker."""

    subject = forms.ChoiceField(
        label=_("Recipient kind"), choices=Subject.choices, initial=Subject.INDIVIDUAL
    )
    person = PersonChoiceField(queryset=Person.objects.none(), label=_("Person"), required=False)
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Collective"), required=False)
    household = HouseholdChoiceField(
        queryset=Household.objects.none(), label=_("Household"), required=False
    )
    award_type = AwardTypeChoiceField(
        label=_("Title or form"), queryset=AwardType.objects.none(), empty_label=None
    )
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)

    def __init__(self, *args, people=None, units=None, households=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["household"].queryset = (
            households if households is not None else Household.objects.none()
        )
        self.fields["award_type"].queryset = award_types_for()
        self.fields["year"].initial = default_year()

    def clean(self):
        data = super().clean()
        subject = data.get("subject")
        field = {
            Subject.INDIVIDUAL: "person",
            Subject.COLLECTIVE: "unit",
            Subject.HOUSEHOLD: "household",
        }.get(subject)
        if field and not data.get(field) and field not in self.errors:
            self.add_error(field, _("Choose the recipient."))
        award_type = data.get("award_type")
        if award_type is not None and subject and not award_type.allows(subject):
            self.add_error(
                "award_type",
                _("%(title)s is not given to a recipient of this kind (%(kind)s).")
                % {"title": award_type.name, "kind": Subject(subject).label},
            )
        return data

    @property
    def recipient(self):
        data = self.cleaned_data
        return {
            Subject.INDIVIDUAL: data.get("person"),
            Subject.COLLECTIVE: data.get("unit"),
            Subject.HOUSEHOLD: data.get("household"),
        }[data["subject"]]


class BatchForm(BootstrapMixin, forms.Form):
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    only_unit = forms.BooleanField(label=_("This unit only, not the units below"), required=False)
    award_type = AwardTypeChoiceField(
        label=_("Title or form"), queryset=AwardType.objects.none(), empty_label=None
    )
    subject = forms.ChoiceField(
        label=_("Check"),
        choices=[
            ("", _("As the title or form says")),
            (Subject.INDIVIDUAL, _("People")),
            (Subject.COLLECTIVE, _("Collectives (units)")),
        ],
        required=False,
        help_text=_("For a form given to both people and collectives: whom to check."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)
    verdict = forms.ChoiceField(
        label=_("Verdict"),
        required=False,
        choices=[
            ("", _("Every verdict")),
            (ELIGIBLE, _("Eligible")),
            (NOT_ELIGIBLE, _("Not eligible")),
            (NEEDS_EVIDENCE, _("Needs evidence")),
        ],
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        # Households are checked one by one; a batch is of people or of collectives.
        self.fields["award_type"].queryset = award_types_for().filter(
            Q(for_individual=True) | Q(for_collective=True)
        )
        self.fields["year"].initial = default_year()

    def clean(self):
        data = super().clean()
        award_type = data.get("award_type")
        if award_type is None:
            return data
        subject = data.get("subject")
        if not subject:
            subject = Subject.INDIVIDUAL if award_type.for_individual else Subject.COLLECTIVE
        if not award_type.allows(subject):
            self.add_error(
                "subject",
                _("%(title)s is not given to a recipient of this kind (%(kind)s).")
                % {"title": award_type.name, "kind": Subject(subject).label},
            )
        data["subject"] = subject
        return data
