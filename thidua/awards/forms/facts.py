"""Forms of the facts the eligibility rules read: task ratings, discipline, initiatives,
households; and the pickers that search people and households as you type."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.org.forms import UnitChoiceField
from thidua.org.models import Person, Unit

from ..models import (
    DisciplineForm,
    DisciplineStatus,
    EffectScope,
    InitiativeKind,
    Rating,
)

DATE_INPUT = {"placeholder": "dd/mm/yyyy"}


class RemoteSelect(forms.Select):
    """A select that renders only the chosen option; the page searches the rest as you
    type against ``url_name`` (see awards/fact_pickers.html)."""

    allow_multiple_selected = False

    def __init__(self, url_name: str, attrs=None):
        super().__init__(attrs)
        self.url_name = url_name

    def get_context(self, name, value, attrs):
        attrs = {**(attrs or {}), "data-remote-lookup": reverse(self.url_name)}
        return super().get_context(name, value, attrs)

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if v not in (None, "")]
        options = []
        if not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", not chosen, 0, attrs=attrs))
        if chosen:
            field = self.choices.field
            objects = field.queryset.filter(pk__in=chosen)
            if hasattr(field.queryset.model, "unit"):
                objects = objects.select_related("unit")
            for index, obj in enumerate(objects, start=len(options)):
                options.append(
                    self.create_option(
                        name, obj.pk, field.label_from_instance(obj), True, index, attrs=attrs
                    )
                )
        return [(None, options, 0)]


class RemoteSelectMultiple(RemoteSelect, forms.SelectMultiple):
    allow_multiple_selected = True


class PersonChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RemoteSelect("awards:person_lookup"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.full_name} – {obj.unit.name}"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RemoteSelectMultiple("awards:person_lookup"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.full_name} – {obj.unit.name}"


class HouseholdChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RemoteSelect("awards:household_lookup"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.head_name} – {obj.address}, {obj.unit.name}"


class TaskRatingForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)
    rating = forms.ChoiceField(label=_("Rating"), choices=Rating.choices)
    months_worked = forms.IntegerField(
        label=_("Months worked"),
        required=False,
        min_value=0,
        max_value=12,
        help_text=_("Months in post during the year, not counting maternity leave."),
    )
    maternity_leave_months = forms.IntegerField(
        label=_("Months of maternity leave"),
        required=False,
        min_value=0,
        max_value=12,
        help_text=_("Maternity leave counts as time worked."),
    )
    absent_days = forms.IntegerField(
        label=_("Working days absent"),
        required=False,
        min_value=0,
        max_value=366,
        help_text=_("Not counting maternity leave."),
    )
    basis = forms.CharField(
        label=_("Rated by"),
        required=False,
        max_length=255,
        help_text=_("E.g. Quyết định số 12/QĐ-SGDĐT ngày 20/12/2024 về xếp loại."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, fixed_year: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_year:
            self.fields["year"].disabled = True

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "rating": data["rating"],
            "months_worked": data.get("months_worked"),
            "maternity_leave_months": data.get("maternity_leave_months") or 0,
            "absent_days": data.get("absent_days"),
            "basis": data.get("basis") or "",
        }


class DisciplineEditForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DisciplineStatus.choices)
    form = forms.ChoiceField(
        label=_("Form of discipline"),
        required=False,
        choices=[("", _("Not decided yet"))] + DisciplineForm.choices,
    )
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs=DATE_INPUT))
    ends_on = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs=DATE_INPUT),
        help_text=_("The end of the discipline period; empty while it is not known."),
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == DisciplineStatus.DECIDED and not data.get("form"):
            self.add_error("form", _("Say which form of discipline was decided."))
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end comes before the start."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "status": data["status"],
            "form": data.get("form") or "",
            "decision_number": data.get("decision_number") or "",
            "starts_on": data["starts_on"],
            "ends_on": data.get("ends_on"),
            "reason": data.get("reason") or "",
        }


class InitiativeForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=500)
    authors = PeopleChoiceField(
        queryset=Person.objects.none(),
        label=_("Authors"),
        help_text=_("Type a name to search, with or without diacritics."),
    )
    unit = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_("Unit"),
        acting_on="awards.initiative",
        help_text=_("The unit where the initiative was applied and recognised."),
    )
    year = forms.IntegerField(label=_("Year recognised"), min_value=1945, max_value=2100)
    scope = forms.ChoiceField(label=_("Scope of effect"), choices=EffectScope.choices)
    recognised_on = forms.DateField(
        label=_("Recognised on"), required=False, widget=forms.DateInput(attrs=DATE_INPUT)
    )
    recognised_by = forms.CharField(
        label=_("Recognised by"),
        required=False,
        max_length=255,
        help_text=_("E.g. Hội đồng sáng kiến cấp tỉnh."),
    )
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authors"].queryset = people if people is not None else Person.objects.none()
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("The year is still to come."))
        return year

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"].strip(),
            "unit": data["unit"],
            "year": data["year"],
            "scope": data["scope"],
            "recognised_on": data.get("recognised_on"),
            "recognised_by": data.get("recognised_by") or "",
            "decision_number": data.get("decision_number") or "",
        }


class HouseholdForm(BootstrapMixin, forms.Form):
    head_name = forms.CharField(label=_("Head of household"), max_length=150)
    address = forms.CharField(
        label=_("Address"), max_length=255, help_text=_("Village, hamlet or street.")
    )
    unit = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Commune or ward"), acting_on="awards.household"
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "head_name": data["head_name"],
            "address": data["address"].strip(),
            "unit": data["unit"],
            "note": data.get("note") or "",
        }


class HouseholdFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=150)
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Commune or ward"), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()


__all__ = [
    "DisciplineEditForm",
    "HouseholdChoiceField",
    "HouseholdFilterForm",
    "HouseholdForm",
    "InitiativeForm",
    "PeopleChoiceField",
    "PersonChoiceField",
    "TaskRatingForm",
]
