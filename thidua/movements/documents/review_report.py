"""Fill the review report template (``review_report.docx``) with docxtpl."""

from __future__ import annotations

import io
from pathlib import Path

from docxtpl import DocxTemplate, Listing

TEMPLATE = Path(__file__).resolve().parent / "review_report.docx"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(context: dict) -> bytes:
    """The report as .docx bytes. ``context["conclusions"]`` keeps its line breaks; every
    value is escaped for the XML of the document."""
    document = DocxTemplate(TEMPLATE)
    context = dict(context)
    context["conclusions"] = Listing(context.get("conclusions") or "")
    labels = dict(context.get("l") or {})
    if "recipients_list" in labels:
        labels["recipients_list"] = Listing(labels["recipients_list"])
    context["l"] = labels
    document.render(context, autoescape=True)
    document.docx.core_properties.title = str(context.get("heading", ""))[:255]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
