"""Forms of the registration pages: the unit's registration with its people, the roll's
filters, and a target of the unit's own."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.core.text import parse_number

from ..models import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    Comparator,
    Direction,
    TargetGroup,
)


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way (2.326,5) or plainly (2326.5); ambiguous input is
    refused with an explanation instead of being guessed."""

    default_error_messages = {
        "invalid": _(
            "“%(value)s” is not a number thidua can read. Write it like 2.326,5 or 2326.5 "
            "(a dot groups thousands, a comma marks decimals)."
        ),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_number(value)
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None


class RegistrationForm(BootstrapMixin, forms.Form):
    collective_title = forms.ChoiceField(
        label=_("Collective title aimed for"),
        required=False,
        choices=[("", _("No collective title"))] + [(t.value, t.label) for t in COLLECTIVE_TITLES],
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EntryForm(BootstrapMixin, forms.Form):
    """One person of the unit and the individual title they aim for."""

    person = forms.TypedChoiceField(label=_("Person"), coerce=int, required=False)
    title = forms.ChoiceField(
        label=_("Title aimed for"),
        required=False,
        choices=[("", "—")] + [(t.value, t.label) for t in INDIVIDUAL_TITLES],
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "—")] + list(people)
        self.fields["person"].widget.attrs["data-person-picker"] = ""

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("person") and not data.get("title"):
            self.add_error("title", _("Choose the title this person aims for."))
        if data.get("title") and not data.get("person"):
            self.add_error("person", _("Choose the person."))
        return data


EntryFormSet = forms.formset_factory(EntryForm, extra=3, can_delete=True)


class RollFilterForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Registration"),
        required=False,
        choices=[
            ("", _("Any status")),
            ("submitted", _("Submitted")),
            ("draft", _("Draft")),
            ("none", _("Not registered")),
        ],
    )
    late = forms.BooleanField(label=_("Late only"), required=False)


class UnitTargetForm(BootstrapMixin, forms.Form):
    """A target the unit sets itself, beside those the movement gives it."""

    group = forms.ChoiceField(
        label=_("Group"), choices=TargetGroup.choices, initial=TargetGroup.OTHER
    )
    indicator = forms.CharField(label=_("Indicator"), max_length=500)
    measure = forms.CharField(
        label=_("Unit of measure"),
        max_length=60,
        required=False,
        help_text=_("E.g. %, tỷ đồng, lượt khách."),
    )
    comparator = forms.ChoiceField(
        label=_("Comparator"), choices=Comparator.choices, initial=Comparator.REACH
    )
    value = VietnameseNumberField(
        label=_("Value"), help_text=_("The value, or the lower end of a range (6,5 in 6,5–7%).")
    )
    value_max = VietnameseNumberField(
        label=_("Up to"), required=False, help_text=_("For a range only: its upper end.")
    )
    direction = forms.ChoiceField(
        label=_("Direction"), choices=Direction.choices, initial=Direction.HIGHER
    )
    cumulative = forms.BooleanField(
        label=_("Builds up over the period"),
        required=False,
        help_text=_("Revenue, people trained, visitors: the expected value grows with time."),
    )
    relative_change = forms.BooleanField(
        label=_("Change in per cent of the baseline"),
        required=False,
        initial=True,
        help_text=_("For increase/decrease targets."),
    )
    reference = forms.CharField(
        label=_("Compared with"),
        max_length=255,
        required=False,
        help_text=_("E.g. so với năm 2021."),
    )
    baseline = VietnameseNumberField(label=_("Baseline value"), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
