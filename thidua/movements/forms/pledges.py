"""Forms of the pledge pages (giao ước thi đua)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.core.uploads import check_upload
from thidua.org.forms import UnitChoiceField, UnitMultipleChoiceField
from thidua.org.models import Unit

from ..models import Movement

SCAN_KINDS = frozenset({"pdf", "jpg", "png"})


class PledgeForm(BootstrapMixin, forms.Form):
    movement = forms.ModelChoiceField(
        label=_("Movement"),
        queryset=Movement.objects.none(),
        required=False,
        empty_label=_("Not tied to a movement"),
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    owner = UnitChoiceField(
        queryset=Unit.objects.none(),
        label=_("Recorded by"),
        # The picker offers only units where the user may record pledges; the form's
        # queryset refuses any other unit in any case.
        acting_on="movements.pledge",
        help_text=_("The unit that keeps the pledge: the block head, the province…"),
    )
    parties = UnitMultipleChoiceField(
        queryset=Unit.objects.none(),
        label=_("Parties"),
        help_text=_("Every unit that signed. Type to search."),
    )
    signed_on = forms.DateField(
        label=_("Signed on"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    signatories = forms.CharField(
        label=_("Signatories"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name, position, unit."),
    )
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 8}))
    scan = forms.FileField(
        label=_("Signed scan"),
        required=False,
        help_text=_("PDF, JPG or PNG."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, movements=None, owners=None, parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = (
            movements if movements is not None else Movement.objects.none()
        )
        self.fields["owner"].queryset = owners if owners is not None else Unit.objects.none()
        self.fields["parties"].queryset = parties if parties is not None else Unit.objects.none()

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan:
            # Checked here for a message next to the field; the service checks again.
            try:
                check_upload(scan, SCAN_KINDS)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return scan

    def clean_signatories(self):
        lines = (self.cleaned_data.get("signatories") or "").splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())


class PledgeFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    party = UnitChoiceField(queryset=Unit.objects.none(), label=_("Party"), required=False)
    movement = forms.ModelChoiceField(
        label=_("Movement"),
        queryset=Movement.objects.none(),
        required=False,
        empty_label=_("Any movement"),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)

    def __init__(self, *args, movements=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = (
            movements if movements is not None else Movement.objects.none()
        )
        self.fields["party"].queryset = units if units is not None else Unit.objects.none()
