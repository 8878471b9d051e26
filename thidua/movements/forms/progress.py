"""Forms for progress reporting: one report with its evidence, and the Excel import."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.core.text import format_number, parse_number
from thidua.core.uploads import check_upload

from ..progress_xlsx import number_problem

EVIDENCE_ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ReportForm(BootstrapMixin, forms.Form):
    actual = forms.CharField(
        label=_("Actual value"),
        max_length=40,
        help_text=_("E.g. 2.326,5 or 2326.5. For a target that builds up, the total so far."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    files = MultipleFileField(label=_("Evidence files"), required=False)
    # The report's version when the page was opened; 0: there was no report yet.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "PDF, DOCX, XLSX, JPG or PNG, at most %(size)s MB each; you can choose several."
        ) % {"size": format_number(round(settings.THIDUA_UPLOAD_MAX_BYTES / 1048576, 1))}

    def clean_actual(self):
        text = self.cleaned_data["actual"]
        try:
            value = parse_number(text)
        except ValueError as exc:
            raise ValidationError(number_problem(text.strip())) from exc
        if value is None:
            raise ValidationError(_("Enter the actual value."))
        if abs(value) >= 10**16:
            raise ValidationError(_("The value is too large."))
        return value

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Attach at most %(count)s files at a time.") % {"count": MAX_FILES}
            )
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class ProgressImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "class": "form-control",
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
    )
