"""Forms of the reading pages: the upload, and the review of what was read (the movement,
its contents, targets and responsibilities, each row with an "include" box)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.movements.forms.movements import MovementForm, VNDecimalField
from thidua.movements.models import Comparator, Target

from .extract import ReadError, check_size

# What the reader understands; the file input offers these.
ACCEPT = ".docx,.pdf,.html,.htm,.txt,.jpg,.jpeg,.png"
# A pasted text longer than this is not a launch document (the longest seed is 15 KB).
MAX_TEXT = 1_000_000


class UploadForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Document"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("Word (.docx), PDF, web page (.html), plain text (.txt) or a scan (JPG, PNG)."),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=_("Copied from a web page or a document; menus and share buttons are ignored."),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        text = (data.get("text") or "").strip()
        if upload and text:
            self.add_error("text", _("Choose a file or paste a text, not both."))
        elif not upload and not text and not self.errors:
            self.add_error("file", _("Choose a file or paste the text of the document."))
        if upload is not None:
            # Refused before the file is read into memory.
            try:
                check_size(upload.size, upload.name)
            except ReadError as error:
                self.add_error("file", error.message)
        data["text"] = text
        return data


class ReviewForm(MovementForm):
    """The movement as read, every field editable (the fields of the movement form that a
    launch document gives; the rest keep their defaults and are edited later)."""

    version = None  # a new movement has no version to compare

    class Meta(MovementForm.Meta):
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
        ]
        help_texts = {}  # the period is read from the document's year


class RowForm(BootstrapMixin, forms.Form):
    """A row read from the document; untick "include" to leave it out."""

    include = forms.BooleanField(label=_("Include"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Many rows on one page: the small controls.
        for field in self.fields.values():
            css = field.widget.attrs.get("class", "")
            if "form-control" in css.split():
                field.widget.attrs["class"] = f"{css} form-control-sm"
            elif "form-select" in css.split():
                field.widget.attrs["class"] = f"{css} form-select-sm"

    def kept(self) -> bool:
        data = getattr(self, "cleaned_data", None) or {}
        return bool(data.get("include")) and self.has_content(data)

    def has_content(self, data: dict) -> bool:
        """Whether the row holds anything besides its tick; rows say what counts."""
        return any(
            str(value).strip() for name, value in data.items() if name != "include" and value
        )


class ContentRowForm(RowForm):
    label = forms.CharField(
        label=_("Label"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": _("E.g. Một là, 1.")}),
    )
    text = forms.CharField(
        label=_("Content"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def has_content(self, data: dict) -> bool:
        return bool((data.get("text") or "").strip())

    def clean(self):
        data = super().clean()
        if data.get("include") and (data.get("label") or "").strip() and not self.has_content(data):
            self.add_error("text", _("Write the content, or untick the row."))
        return data


class TargetRowForm(RowForm):
    indicator = forms.CharField(
        label=_("Indicator"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    comparator = forms.ChoiceField(
        label=_("Comparator"), choices=Comparator.choices, initial=Comparator.REACH
    )
    value = VNDecimalField(label=_("Value"), required=False)
    value_max = VNDecimalField(label=_("Up to"), required=False)
    measure = forms.CharField(label=_("Unit of measure"), required=False, max_length=60)
    reference = forms.CharField(label=_("Compared with"), required=False, max_length=255)

    def has_content(self, data: dict) -> bool:
        return bool((data.get("indicator") or "").strip()) or data.get("value") is not None

    def clean(self):
        data = super().clean()
        if not data.get("include") or not self.has_content(data):
            return data
        if not (data.get("indicator") or "").strip():
            self.add_error("indicator", _("Name the indicator, or untick the target."))
        if data.get("value") is None and "value" not in self.errors:
            self.add_error("value", _("Enter the value, or untick the target."))
        low, high = data.get("value"), data.get("value_max")
        if low is not None and high is not None and high < low:
            self.add_error("value_max", _("The upper end of the range is below its lower end."))
        return data


class ResponsibilityRowForm(RowForm):
    agency = forms.CharField(label=_("Agency"), required=False, max_length=500)
    task = forms.CharField(
        label=_("Task"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def has_content(self, data: dict) -> bool:
        return bool((data.get("agency") or "").strip() or (data.get("task") or "").strip())

    def clean(self):
        data = super().clean()
        if data.get("include") and self.has_content(data):
            if not (data.get("agency") or "").strip():
                self.add_error("agency", _("Name the agency, or untick the row."))
            if not (data.get("task") or "").strip():
                self.add_error("task", _("Write what this agency does, or untick the row."))
        return data


# One empty row at the end of each list, for what the reader missed.
ContentFormSet = forms.formset_factory(ContentRowForm, extra=1, max_num=500, absolute_max=500)
TargetFormSet = forms.formset_factory(TargetRowForm, extra=1, max_num=500, absolute_max=500)
ResponsibilityFormSet = forms.formset_factory(
    ResponsibilityRowForm, extra=1, max_num=500, absolute_max=500
)

# The longest values the movement's fields hold, so what is read always fits.
TARGET_LIMITS = {
    "indicator": Target._meta.get_field("indicator").max_length,
    "measure": Target._meta.get_field("measure").max_length,
    "reference": Target._meta.get_field("reference").max_length,
}
