"""Forms of the registry search page (Sổ khen thưởng)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.org.forms import UnitChoiceField
from thidua.org.models import Unit

from ..models import AwardType, Subject

IN_FORCE = "in_force"
REVOKED = "revoked"


class AwardTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name if obj.is_active else f"{obj.name} ({_('not in use')})"


class RegistryFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Name or decision number"), required=False, max_length=150)
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Unit"), required=False)
    only_unit = forms.BooleanField(label=_("This unit only, not the units below"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    award_type = AwardTypeChoiceField(
        label=_("Title or form"),
        queryset=AwardType.objects.all(),
        required=False,
        empty_label=_("Any title or form"),
    )
    decision = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    subject = forms.ChoiceField(
        label=_("Recipient kind"),
        required=False,
        choices=[("", _("Any recipient"))] + Subject.choices,
    )
    revoked = forms.ChoiceField(
        label=_("Revoked"),
        required=False,
        choices=[
            ("", _("In force and revoked")),
            (IN_FORCE, _("In force only")),
            (REVOKED, _("Revoked only")),
        ],
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["award_type"].queryset = AwardType.objects.order_by(
            "-is_active", "category", "level", "sort_order", "name"
        )

    def search_kwargs(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q") or "",
            "unit": data.get("unit"),
            "with_subtree": not data.get("only_unit"),
            "year": data.get("year"),
            "award_type": data.get("award_type"),
            "decision_number": data.get("decision") or "",
            "subject": data.get("subject") or None,
            "include_revoked": data.get("revoked") != IN_FORCE,
            "revoked_only": data.get("revoked") == REVOKED,
        }
