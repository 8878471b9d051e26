"""Forms of the catalogue pages: the province's own titles and forms."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin

from ..models import (
    Authority,
    AwardType,
    Category,
    CertificateKind,
    CommendationKind,
    Level,
    Subject,
)


class CheckboxesMixin:
    """Checkbox lists render as Bootstrap form-checks, not as a text box."""

    checkbox_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.checkbox_fields:
            self.fields[name].widget.attrs["class"] = "form-check-input"


class AwardTypeForm(CheckboxesMixin, BootstrapMixin, forms.Form):
    """A province's own title or form (e.g. Kỷ niệm chương vì sự nghiệp … của tỉnh)."""

    checkbox_fields = ("authorities", "kinds")

    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_(
            "Short, lower case, without spaces, e.g. knc_tinh_gd. Cannot be changed later."
        ),
    )
    name = forms.CharField(label=_("Name"), max_length=255)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    for_individual = forms.BooleanField(label=_("For individuals"), required=False)
    for_collective = forms.BooleanField(label=_("For collectives"), required=False)
    for_household = forms.BooleanField(label=_("For households"), required=False)
    authorities = forms.MultipleChoiceField(
        label=_("Conferred by"),
        choices=Authority.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    coefficient_individual = forms.DecimalField(
        label=_("Coefficient (individual)"),
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=2,
        localize=True,
        help_text=_("Times the base salary, e.g. 0,3. Empty: no money."),
    )
    coefficient_collective = forms.DecimalField(
        label=_("Coefficient (collective)"),
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=2,
        localize=True,
    )
    coefficient_household = forms.DecimalField(
        label=_("Coefficient (household)"),
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=2,
        localize=True,
        help_text=_("Empty: 1,5 times the individual amount for a form."),
    )
    ballot_required = forms.BooleanField(label=_("Council ballot required"), required=False)
    ballot_threshold = forms.IntegerField(
        label=_("Ballot threshold (%)"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Share of the council's total members who must agree, e.g. 80."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of commendation"),
        choices=CommendationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    certificate_kind = forms.ChoiceField(label=_("Certificate"), choices=CertificateKind.choices)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=255, required=False)
    sort_order = forms.IntegerField(label=_("Order"), min_value=0, max_value=32767, initial=500)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: AwardType | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing is not None:
            # The code names the entry in imports and the API; it stays.
            self.fields["code"].disabled = True
            self.fields["code"].required = False

    def clean_code(self):
        if self.editing is not None:
            return self.editing.code
        code = self.cleaned_data["code"].strip().lower()
        if AwardType.objects.filter(code=code).exists():
            raise forms.ValidationError(
                _("A title or form with the code %(code)s exists already.") % {"code": code}
            )
        return code

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("for_individual", "for_collective", "for_household")):
            self.add_error(
                "for_individual",
                _("Say who may receive it: individuals, collectives or households."),
            )
        if data.get("ballot_required") and not data.get("ballot_threshold"):
            self.add_error("ballot_threshold", _("Give the share of votes the ballot needs."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        threshold = data.get("ballot_threshold")
        fields = {
            name: data.get(name)
            for name in (
                "name",
                "category",
                "level",
                "for_individual",
                "for_collective",
                "for_household",
                "authorities",
                "coefficient_individual",
                "coefficient_collective",
                "coefficient_household",
                "ballot_required",
                "kinds",
                "certificate_kind",
                "legal_basis",
                "sort_order",
                "is_active",
            )
        }
        fields["authorities"] = list(fields["authorities"] or [])
        fields["kinds"] = list(fields["kinds"] or [])
        fields["legal_basis"] = fields["legal_basis"] or ""
        fields["ballot_threshold"] = (
            Decimal(threshold) / 100 if data.get("ballot_required") and threshold else None
        )
        return fields

    @staticmethod
    def initial_for(award_type: AwardType) -> dict:
        initial = {
            name: getattr(award_type, name)
            for name in (
                "code",
                "name",
                "category",
                "level",
                "for_individual",
                "for_collective",
                "for_household",
                "authorities",
                "coefficient_individual",
                "coefficient_collective",
                "coefficient_household",
                "ballot_required",
                "kinds",
                "certificate_kind",
                "legal_basis",
                "sort_order",
                "is_active",
                "version",
            )
        }
        if award_type.ballot_threshold is not None:
            initial["ballot_threshold"] = int(award_type.ballot_threshold * 100)
        return initial


class CatalogueFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("Any category"))] + Category.choices,
    )
    subject = forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Any recipient"))] + Subject.choices
    )
    show_inactive = forms.BooleanField(label=_("Show those not in use"), required=False)
