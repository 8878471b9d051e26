"""Shared pieces of the legacy import tests and access rows: a workbook with the template's
Vietnamese headers, and an upload kept for a user (as the upload page keeps it)."""

from __future__ import annotations

import io

from openpyxl import Workbook

from thidua.awards import imports

# The template's header row as a Vietnamese office fills it in.
HEADERS = [
    "Loại đối tượng",
    "Họ và tên / Tên tập thể",
    "Số định danh (CCCD)",
    "Ngày sinh",
    "Giới tính",
    "Mã đơn vị",
    "Danh hiệu/Hình thức",
    "Năm",
    "Loại hình khen thưởng",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp quyết định/Thẩm quyền",
    "Người ký",
    "Số tiền",
]
COLUMN = {key: index for index, key in enumerate(column.key for column in imports.AWARD_COLUMNS)}


def row(
    name="Nguyễn Thị Ánh",
    *,
    subject="Cá nhân",
    number="",
    born="17/05/1985",
    gender="",
    unit="T99.SGDDT.THPT1",
    title="Lao động tiên tiến",
    year="2024",
    kind="",
    decision="15/QĐ-THPT",
    signed="10/01/2025",
    authority="Thủ trưởng cơ quan, đơn vị",
    signer="Trần Văn Bình",
    amount=None,
) -> list:
    return [
        subject,
        name,
        number,
        born,
        gender,
        unit,
        title,
        year,
        kind,
        decision,
        signed,
        authority,
        signer,
        amount,
    ]


def xlsx(rows, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for values in rows:
        sheet.append(list(values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def kept_upload(user, rows, filename="lich-su.xlsx") -> str:
    """Check ``rows`` for ``user`` and keep the file as the upload page does; the token."""
    data = xlsx(rows)
    result = imports.check_file(actor=user, data=data, filename=filename)
    assert result.ready, [issue.text for issue in result.errors]
    return imports.keep_upload(user, data, result)
