"""Forms of the decision pages: the decision, its awards, issuing and revoking, the budget,
the .docx templates and the certificate layout."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.core.text import format_number, parse_number
from thidua.org.forms import UnitChoiceField, UnitSelect
from thidua.org.models import Person, Unit

from ..models import (
    Authority,
    AwardType,
    CertificateLayout,
    CommendationKind,
    Decision,
    DecisionStatus,
    Household,
    Subject,
    TemplateKind,
)

DATE_ATTRS = {"placeholder": "dd/mm/yyyy", "autocomplete": "off"}


def _date_widget():
    return forms.DateInput(format="%d/%m/%Y", attrs=dict(DATE_ATTRS))


# Pickers ------------------------------------------------------------------------------------


class LookupSelect(UnitSelect):
    """The unit picker's widget (Tom Select, searched as you type) pointed at another
    lookup view: thidua.js reads the address from ``data-unit-lookup`` and sends
    ``?q=…&for=…``; the view answers ``{"results": [{"id", "text", "code", "trail"}]}``."""

    def __init__(self, url_name: str, acting_on: str = "change", attrs=None):
        super().__init__(acting_on, attrs)
        self.url_name = url_name

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-unit-lookup"] = reverse(self.url_name)
        return context


class PersonChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", LookupSelect("awards:person_lookup"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.full_name} – {obj.unit.name}"


class HouseholdChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", LookupSelect("awards:household_lookup"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.head_name} – {obj.address}"


class MillimetreField(forms.CharField):
    """A length in mm typed the Vietnamese way (2,5) or plainly (2.5); negative moves left
    or up."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "8"})
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return Decimal(0)
        try:
            number = parse_number(value)
        except ValueError:
            raise ValidationError(_("Write a length in mm, e.g. 2,5 or -3.")) from None
        return round(number, 1)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            return format_number(value)
        return value


# Decisions ----------------------------------------------------------------------------------


class DecisionFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Number or subject"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    authority = forms.ChoiceField(
        label=_("Authority"), required=False, choices=[("", _("Any authority")), *Authority.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Drafts and issued")), *DecisionStatus.choices],
    )


class DecisionForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Decision No."),
        max_length=60,
        required=False,
        help_text=_("E.g. 1234/QĐ-UBND. A draft may have none yet; it is asked when issuing."),
    )
    signed_on = forms.DateField(label=_("Date"), widget=_date_widget())
    authority = forms.ChoiceField(label=_("Authority"), choices=Authority.choices)
    authority_name = forms.CharField(
        label=_("Authority as printed"),
        max_length=255,
        help_text=_("As printed on the decision, e.g. Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị."),
    )
    signer_name = forms.CharField(label=_("Signed by"), max_length=150)
    signer_title = forms.CharField(
        label=_("Signer's title"),
        max_length=150,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One line each, e.g. KT. CHỦ TỊCH, then PHÓ CHỦ TỊCH."),
    )
    kind = forms.ChoiceField(label=_("Kind of commendation"), choices=CommendationKind.choices)
    subject_line = forms.CharField(
        label=_("Subject"),
        max_length=500,
        required=False,
        help_text=_("Về việc …, e.g. Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"),
    )
    grounds = forms.CharField(
        label=_("Grounds"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The Căn cứ … paragraphs, one per line."),
    )
    issuer = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Issuing unit"), acting_on="awards.decision"
    )
    movement = forms.ModelChoiceField(
        label=_("Movement"),
        queryset=Decision._meta.get_field("movement").related_model.objects.none(),
        required=False,
        empty_label=_("Not tied to a movement"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, issuers=None, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers if issuers is not None else Unit.objects.none()
        if movements is not None:
            self.fields["movement"].queryset = movements

    def clean_signer_title(self):
        lines = (self.cleaned_data.get("signer_title") or "").splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    def clean_grounds(self):
        lines = (self.cleaned_data.get("grounds") or "").splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    def clean_number(self):
        return (self.cleaned_data.get("number") or "").strip()


DECISION_FIELDS = (
    "number",
    "signed_on",
    "authority",
    "authority_name",
    "signer_name",
    "signer_title",
    "kind",
    "subject_line",
    "grounds",
    "issuer",
    "movement",
)


class AwardAddForm(BootstrapMixin, forms.Form):
    subject = forms.ChoiceField(
        label=_("Recipient kind"),
        choices=Subject.choices,
        initial=Subject.INDIVIDUAL,
        widget=forms.RadioSelect,
    )
    person = PersonChoiceField(queryset=Person.objects.none(), label=_("Person"), required=False)
    unit = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_("Collective"),
        required=False,
        acting_on="awards.award",
    )
    household = HouseholdChoiceField(
        queryset=Household.objects.none(), label=_("Household"), required=False
    )
    award_type = forms.ModelChoiceField(
        label=_("Title or form"), queryset=AwardType.objects.none(), empty_label=None
    )
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)
    period_start = forms.IntegerField(
        label=_("Period from"),
        min_value=1945,
        max_value=2100,
        required=False,
        help_text=_("For a period of several years (giai đoạn); empty for one year."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of commendation"),
        required=False,
        choices=[("", _("As the decision")), *CommendationKind.choices],
    )
    recipient_position = forms.CharField(
        label=_("Position"),
        max_length=255,
        required=False,
        help_text=_("As printed; empty: the person's current position."),
    )
    achievement = forms.CharField(
        label=_("Achievement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Printed on the certificate, e.g. Đã có thành tích xuất sắc trong năm học 2024–2025."
        ),
    )

    def __init__(self, *args, people=None, units=None, households=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["household"].queryset = (
            households if households is not None else Household.objects.none()
        )
        self.fields["award_type"].queryset = AwardType.objects.active().order_by(
            "category", "sort_order", "name"
        )
        self.fields["subject"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        data = super().clean()
        subject = data.get("subject")
        needed = {
            Subject.INDIVIDUAL: ("person", _("Choose the person.")),
            Subject.COLLECTIVE: ("unit", _("Choose the collective.")),
            Subject.HOUSEHOLD: ("household", _("Choose the household.")),
        }.get(subject)
        if needed and not data.get(needed[0]) and needed[0] not in self.errors:
            self.add_error(needed[0], needed[1])
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        subject = data["subject"]
        kwargs = {
            "award_type": data["award_type"],
            "subject": subject,
            "year": data["year"],
            "period_start": data.get("period_start"),
            "kind": data.get("kind") or None,
            "achievement": data.get("achievement") or "",
        }
        if subject == Subject.INDIVIDUAL:
            kwargs["person"] = data["person"]
            if data.get("recipient_position"):
                kwargs["recipient_position"] = data["recipient_position"]
        elif subject == Subject.COLLECTIVE:
            kwargs["unit"] = data["unit"]
        else:
            kwargs["household"] = data["household"]
        return kwargs


class IssueForm(BootstrapMixin, forms.Form):
    number = forms.CharField(label=_("Decision No."), max_length=60)
    signed_on = forms.DateField(label=_("Date signed"), widget=_date_widget())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > timezone.localdate():
            raise ValidationError(_("The date is after today."))
        return signed_on


class RevokeForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "E.g. the decision number that revokes it and why. Kept in the registry; not shown publicly."
        ),
    )


class BudgetFilterForm(BootstrapMixin, forms.Form):
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1945, max_value=2100
    )
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1945, max_value=2100)
    issuer = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Issuing unit (and below)"), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = units if units is not None else Unit.objects.none()


# Templates and layouts ----------------------------------------------------------------------


class TemplateUploadForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=TemplateKind.choices)
    owner = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_("For the decisions of"),
        acting_on="awards.documenttemplate",
        help_text=_("The unit and every unit below it that has no template of its own."),
    )
    file = forms.FileField(
        label=_("Template (.docx)"),
        widget=forms.FileInput(attrs={"accept": ".docx"}),
        help_text=_(
            "Start from the bundled template: download it, edit it in Word, keep the {{ … }} fields."
        ),
    )

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else Unit.objects.none()


class LayoutForm(BootstrapMixin, forms.Form):
    preprinted = forms.BooleanField(
        label=_("Print on pre-printed blanks"),
        required=False,
        help_text=_("Print only the text and the QR code, not the border and headings."),
    )
    offset_x_mm = MillimetreField(label=_("Move everything right (mm)"))
    offset_y_mm = MillimetreField(label=_("Move everything down (mm)"))
    name_offset_y_mm = MillimetreField(label=_("Move the recipient's name down (mm)"))
    qr_offset_x_mm = MillimetreField(label=_("Move the QR code right (mm)"))
    qr_offset_y_mm = MillimetreField(label=_("Move the QR code down (mm)"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def initial_for(cls, layout: CertificateLayout | None) -> dict:
        if layout is None:
            return {}
        return {
            "preprinted": layout.preprinted,
            "offset_x_mm": layout.offset_x_mm,
            "offset_y_mm": layout.offset_y_mm,
            "name_offset_y_mm": layout.name_offset_y_mm,
            "qr_offset_x_mm": layout.qr_offset_x_mm,
            "qr_offset_y_mm": layout.qr_offset_y_mm,
            "version": layout.version,
        }
