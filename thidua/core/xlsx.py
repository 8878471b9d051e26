"""Excel (.xlsx) exports and the content check every upload goes through."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadError(ValueError):
    """An uploaded file that is not what it claims to be."""


def build_workbook(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> Workbook:
    """One sheet with a bold, frozen header row; rows are written as they come."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
    widths = [len(str(h)) for h in headers]
    # Counted here: sheet.max_row walks every cell, which makes long exports quadratic.
    row_number = 1
    for row in rows:
        values = []
        for index, value in enumerate(row):
            if isinstance(value, datetime):
                value = (
                    timezone.localtime(value).replace(tzinfo=None)
                    if timezone.is_aware(value)
                    else value
                )
            values.append(value)
            if index < len(widths):
                widths[index] = min(60, max(widths[index], len(str(value or ""))))
        sheet.append(values)
        row_number += 1
        for index, value in enumerate(values):
            if isinstance(value, datetime | date):
                sheet.cell(row=row_number, column=index + 1).number_format = (
                    "dd/mm/yyyy hh:mm" if isinstance(value, datetime) else "dd/mm/yyyy"
                )
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    return workbook


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def open_uploaded_workbook(data: bytes, max_bytes: int):
    """Open an uploaded .xlsx after checking its content, not its name.

    Raises ``UploadError`` with a Vietnamese message for anything that is not a
    readable Excel workbook: too large, not a zip container, a zip without a workbook
    part (a .docx renamed, say), or a corrupt file.
    """
    if not data:
        raise UploadError(_("The file is empty."))
    if len(data) > max_bytes:
        raise UploadError(
            _("The file is too large (%(size)s MB; at most %(max)s MB).")
            % {"size": round(len(data) / 1048576, 1), "max": round(max_bytes / 1048576, 1)}
        )
    if not data.startswith(b"PK\x03\x04"):
        raise UploadError(_("The file is not an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise UploadError(_("The file is damaged and cannot be read as .xlsx.")) from exc
    if "xl/workbook.xml" not in names:
        raise UploadError(_("The file is not an Excel workbook (.xlsx)."))
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a corrupt file
        raise UploadError(_("The file is damaged and cannot be read as .xlsx.")) from exc
