"""Forms of the movement page and its reviews."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin

from ..models import Review


class ReviewForm(BootstrapMixin, forms.Form):
    """A sơ kết or tổng kết. The final review closes the movement for good, so it asks for
    a confirmation."""

    kind = forms.ChoiceField(label=_("Kind of review"), choices=Review.Kind.choices)
    held_on = forms.DateField(
        label=_("Held on"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    conclusions = forms.CharField(
        label=_("Conclusions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What was achieved, what was not and why, the tasks ahead."),
    )
    confirm_close = forms.BooleanField(
        label=_(
            "I understand: the final review closes the movement; every target is settled "
            "as met or not met and no more progress can be reported."
        ),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == Review.Kind.FINAL and not data.get("confirm_close"):
            self.add_error("confirm_close", _("Confirm that the final review closes the movement."))
        return data
