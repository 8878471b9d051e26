"""Forms of the legacy import: the upload, and the choices for people (or households) the
file does not identify with certainty."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.uploads import check_upload

from ..imports import AwardImportResult, Uncertain

XLSX_ONLY = frozenset({"xlsx"})


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "class": "form-control",
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # By content, not by name: a renamed .docx or .pdf is refused here.
        check_upload(upload, allowed=XLSX_ONLY, max_bytes=settings.THIDUA_IMPORT_MAX_BYTES)
        return upload


def _choices(group: Uncertain) -> list[tuple[str, str]]:
    options = []
    for candidate in group.candidates:
        details = [part for part in (candidate.born, candidate.unit, candidate.position) if part]
        if candidate.identity:
            details.append(_("CCCD %(end)s") % {"end": candidate.identity})
        label = candidate.name + (f" ({', '.join(details)})" if details else "")
        options.append((str(candidate.pk), label))
    options.append(("new", _("New to thidua: create them in %(unit)s") % {"unit": group.unit_name}))
    return options


class ImportConfirmForm(forms.Form):
    """One radio group per uncertain person or household: which existing one, or new."""

    def __init__(self, result: AwardImportResult, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = list(result.uncertain)
        for group in self.groups:
            self.fields[group.field] = forms.ChoiceField(
                label=group.name,
                choices=_choices(group),
                widget=forms.RadioSelect,
                initial=group.chosen or None,
                error_messages={"required": _("Choose one.")},
            )

    def rows(self):
        """(group, bound field) pairs for the template."""
        return [(group, self[group.field]) for group in self.groups]

    def choices(self) -> dict[str, str]:
        return {group.key: self.cleaned_data[group.field] for group in self.groups}
