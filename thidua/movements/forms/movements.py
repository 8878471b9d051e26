"""Forms of the movement management pages: the movement itself, its contents,
responsibilities, participants, attachments and movement-wide targets."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.core.forms import BootstrapMixin
from thidua.core.text import format_number, parse_number
from thidua.org.forms import UnitChoiceField, UnitMultipleChoiceField, VersionedForm
from thidua.org.models import Unit, UnitKind

from ..models import DocumentKind, Movement, MovementKind, MovementStatus, Target

DATE_WIDGET = {"placeholder": "dd/mm/yyyy", "autocomplete": "off"}


def _date_input() -> forms.DateInput:
    return forms.DateInput(format="%d/%m/%Y", attrs=dict(DATE_WIDGET))


# Shared fields -------------------------------------------------------------------------


class VNDecimalField(forms.CharField):
    """A number typed the Vietnamese way (2.326,5) or plainly (2326.5).

    Input that could mean two numbers is refused with an explanation rather than guessed.
    """

    default_error_messages = {
        "invalid": _(
            "“%(value)s” cannot be read as one number. Write it as 2.326,5 or 2326.5: "
            "a dot groups thousands, a comma marks the decimals."
        ),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "40"})
        )
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 40:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value[:40]}
            )
        try:
            return parse_number(value)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            return format_number(value)
        return value


def _label(model, name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


# The list ------------------------------------------------------------------------------


class MovementFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *MovementStatus.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *MovementKind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Any year")), *((y, str(y)) for y in years)]


# The movement --------------------------------------------------------------------------


class MovementForm(VersionedForm):
    issuer = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_label(Movement, "issuer"),
        acting_on="movements.movement",
    )
    mottos = forms.CharField(
        label=_label(Movement, "mottos"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One slogan per line; quotation marks are optional."),
    )

    class Meta:
        model = Movement
        fields = [
            "title",
            "kind",
            "issuer",
            "signer",
            "signer_title",
            "document_number",
            "document_date",
            "starts_on",
            "ends_on",
            "theme",
            "mottos",
            "purpose",
            "report_frequency",
            "report_due_days",
            "registration_opens",
            "registration_closes",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "document_date": _date_input(),
            "starts_on": _date_input(),
            "ends_on": _date_input(),
            "registration_opens": _date_input(),
            "registration_closes": _date_input(),
        }
        help_texts = {
            "starts_on": _("The period may span several years, e.g. 01/01/2021 – 31/12/2025."),
        }

    def __init__(self, *args, issuer_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = (
            issuer_queryset if issuer_queryset is not None else Unit.objects.none()
        )
        if self.instance.pk:
            self.initial["mottos"] = "\n".join(self.instance.mottos or [])
        elif isinstance(self.initial.get("mottos"), list | tuple):
            self.initial["mottos"] = "\n".join(self.initial["mottos"])

    def clean_mottos(self):
        text = self.cleaned_data.get("mottos") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date is before the start date."))
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes < opens:
            self.add_error("registration_closes", _("Registration closes before it opens."))
        return data


# Contents and responsibilities ---------------------------------------------------------


class OrderedRowForm(BootstrapMixin, forms.Form):
    """A row of an ordered list: its number decides where it goes."""

    number = forms.IntegerField(
        label=pgettext_lazy("row number", "No."),
        required=False,
        min_value=1,
        max_value=999,
        widget=forms.NumberInput(attrs={"style": "width: 5rem"}),
    )


class ContentItemForm(OrderedRowForm):
    label = forms.CharField(
        label=_("Label"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": _("E.g. Một là, 1.")}),
    )
    text = forms.CharField(
        label=_("Content"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if (data.get("label") or "").strip() and not (data.get("text") or "").strip():
            self.add_error("text", _("Write the content, or clear the label."))
        return data


ContentFormSet = forms.formset_factory(ContentItemForm, extra=2, can_delete=True, max_num=500)


class ResponsibilityForm(OrderedRowForm):
    agency = forms.CharField(
        label=_("Agency (as written)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("E.g. Sở Nội vụ")}),
    )
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Matching unit"), required=False)
    task = forms.CharField(
        label=_("Task"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, unit_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            unit_queryset if unit_queryset is not None else Unit.objects.none()
        )

    def clean(self):
        data = super().clean()
        named = (data.get("agency") or "").strip() or data.get("unit")
        task = (data.get("task") or "").strip()
        if named and not task:
            self.add_error("task", _("Write what this agency does, or clear the row."))
        if task and not named:
            self.add_error("agency", _("Name the agency or choose its unit."))
        return data


ResponsibilityFormSet = forms.formset_factory(
    ResponsibilityForm, extra=2, can_delete=True, max_num=500
)


# Participants --------------------------------------------------------------------------


class ParticipantsForm(BootstrapMixin, forms.Form):
    units = UnitMultipleChoiceField(
        queryset=Unit.objects.none(),
        label=_("Chosen units"),
        required=False,
        help_text=_("Type part of a name, with or without diacritics."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Every unit of these kinds"),
        required=False,
        choices=UnitKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    roots = UnitMultipleChoiceField(
        queryset=Unit.objects.none(),
        label=_("Under these units"),
        required=False,
        help_text=_(
            "With kinds: only units of those kinds under these units. Without kinds: every "
            "unit under them. With kinds and no unit here: the issuer's area."
        ),
    )

    def __init__(self, *args, unit_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = unit_queryset if unit_queryset is not None else Unit.objects.none()
        self.fields["units"].queryset = queryset
        self.fields["roots"].queryset = queryset
        self.fields["kinds"].widget.attrs["class"] = "form-check-input"


# Attachments ---------------------------------------------------------------------------


class AttachmentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=DocumentKind.choices, initial=DocumentKind.LAUNCH
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Empty: the file name."),
    )
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, DOCX, XLSX, JPG or PNG; checked by its content.")
    )


# Targets -------------------------------------------------------------------------------


class TargetForm(VersionedForm):
    order = forms.IntegerField(
        label=_label(Target, "order"),
        required=False,
        min_value=1,
        max_value=32000,
        help_text=_("Empty: after the last target."),
    )
    value = VNDecimalField(label=_label(Target, "value"), help_text=_("E.g. 2.326,5 or 37,4."))
    value_max = VNDecimalField(
        label=_label(Target, "value_max"),
        required=False,
        help_text=_("Only for a range such as 6,5–7%: its upper end."),
    )
    baseline = VNDecimalField(
        label=_label(Target, "baseline"),
        required=False,
        help_text=_("The value the change is measured from (e.g. the 2021 figure)."),
    )
    unit = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_label(Target, "unit"),
        required=False,
        help_text=_("The unit that reports this target. Empty: the issuer's secretariat."),
    )

    class Meta:
        model = Target
        fields = [
            "order",
            "group",
            "indicator",
            "measure",
            "comparator",
            "value",
            "value_max",
            "direction",
            "cumulative",
            "relative_change",
            "reference",
            "baseline",
            "due_on",
            "unit",
            "note",
        ]
        widgets = {
            "indicator": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
            "due_on": _date_input(),
        }

    def __init__(self, *args, unit_queryset=None, fixed_unit=False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_unit:
            # A unit's target stays with its unit.
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = (
                unit_queryset if unit_queryset is not None else Unit.objects.none()
            )

    def clean_order(self):
        order = self.cleaned_data.get("order")
        if order is None:
            return self.instance.order if self.instance.pk else 0
        return order


class TargetSplitForm(BootstrapMixin, forms.Form):
    """One value per participating unit; an empty box leaves that unit out."""

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units)
        for unit in self.units:
            self.fields[self.field_name(unit)] = VNDecimalField(
                label=unit.name,
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "maxlength": "40", "class": "form-control"}
                ),
            )

    @staticmethod
    def field_name(unit: Unit) -> str:
        return f"share_{unit.pk}"

    def rows(self):
        """(unit, bound field) for the template."""
        return [(unit, self[self.field_name(unit)]) for unit in self.units]

    def shares(self) -> list[tuple[Unit, Decimal]]:
        return [
            (unit, self.cleaned_data[self.field_name(unit)])
            for unit in self.units
            if self.cleaned_data.get(self.field_name(unit)) is not None
        ]

    def clean(self):
        data = super().clean()
        if not self.errors and not self.shares():
            raise ValidationError(_("Enter the value of at least one unit."))
        return data
