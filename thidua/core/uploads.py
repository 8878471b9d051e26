"""Checking uploaded documents by what they contain, not by their name."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# kind → (extension, MIME type)
KINDS = {
    "pdf": ("pdf", "application/pdf"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "jpg": ("jpg", "image/jpeg"),
    "png": ("png", "image/png"),
}
DOCUMENTS = frozenset(KINDS)  # evidence, scans, attachments
# The part of an Office file that tells a Word document from a workbook.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    content_type: str
    name: str
    size: int


def detect(data: bytes) -> str | None:
    """The kind of ``data`` among :data:`KINDS`, or None."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        for kind, part in OFFICE_PARTS.items():
            if part in names:
                return kind
        return None
    guess = filetype.guess(data[:8192])
    if guess is None:
        return None
    return {"pdf": "pdf", "jpg": "jpg", "png": "png"}.get(guess.extension)


def check_upload(
    upload: UploadedFile, allowed: frozenset[str] = DOCUMENTS, max_bytes: int | None = None
) -> CheckedFile:
    """Refuse an empty, oversized or unexpected file with a message naming what is wrong."""
    max_bytes = max_bytes or settings.THIDUA_UPLOAD_MAX_BYTES
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
    if size > max_bytes:
        raise ValidationError(
            _("The file %(name)s is too large (%(size)s MB; at most %(max)s MB).")
            % {
                "name": upload.name,
                "size": round(size / 1048576, 1),
                "max": round(max_bytes / 1048576, 1),
            }
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = detect(data)
    if kind not in allowed:
        raise ValidationError(
            _("The file %(name)s is not one of the accepted kinds (%(kinds)s).")
            % {"name": upload.name, "kinds": ", ".join(sorted(k.upper() for k in allowed))}
        )
    extension, content_type = KINDS[kind]
    stem = (upload.name or "tep").rsplit(".", 1)[0][:150] or "tep"
    return CheckedFile(kind=kind, content_type=content_type, name=f"{stem}.{extension}", size=size)
