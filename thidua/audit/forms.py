from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin

from .models import Action

OBJECT_TYPES = [
    ("", _("All objects")),
    ("org.unit", _("Unit")),
    ("org.person", _("Person")),
    ("org.user", _("User")),
    ("org.apitoken", _("API token")),
]


class AuditFilterForm(BootstrapMixin, forms.Form):
    actor = forms.CharField(label=_("User"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions"))] + list(Action.choices)
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False, choices=OBJECT_TYPES)
    object_id = forms.CharField(label=_("Object id"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )
    q = forms.CharField(label=_("Object, address or request id"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data
