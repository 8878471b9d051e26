"""A unit officer imports people from Excel: a bad file shows its errors by row and
column and saves nothing; the corrected file imports."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from thidua.org.models import Person

from .conftest import shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Chức vụ",
    "Mã đơn vị",
    "Cấp quản lý",
    "Số định danh cá nhân/CCCD",
]


def workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = [
    "Hà Thị Mai",
    "Nữ",
    "02/09/1990",
    "Tày",
    "Giáo viên",
    "T99.SGDDT.THPT1",
    "Người lao động trực tiếp",
    "",
]


def upload(page, data: bytes) -> None:
    card = page.get_by_test_id("import-card-people")
    card.locator("input[type=file]").set_input_files(
        {
            "name": "ca-nhan.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": data,
        }
    )
    card.locator("button[type=submit]").click()


def test_failed_import_shows_row_errors_and_saves_nothing(page, users, tree):
    sign_in(page, "officer", PASSWORD)
    page.goto("/org/import/")
    # The officer may import people but not units.
    expect(page.get_by_test_id("import-card-people")).to_be_visible()
    expect(page.get_by_test_id("import-card-units")).to_have_count(0)
    bad = [
        GOOD,
        [
            "Lò Văn Pấng",
            "Nam",
            "31/02/1988",
            "Thái",
            "Giáo viên",
            "T99.SGDDT.THPT1",
            "Người lao động trực tiếp",
            "",
        ],
        [
            "Trần Văn Khác",
            "Nam",
            "01/01/1980",
            "Kinh",
            "Bác sĩ",
            "T99.SYT.BVDK",
            "Người lao động trực tiếp",
            "12345",
        ],
    ]
    upload(page, workbook(bad))
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_be_visible()
    # Row numbers are the spreadsheet's (the header is row 1).
    expect(errors.locator("tr[data-row='3']")).to_have_count(1)
    expect(errors.locator("tr[data-row='4']")).to_have_count(2)  # unit outside scope, bad number
    expect(errors.locator("tr[data-row='2']")).to_have_count(0)
    expect(errors).to_contain_text("Ngày sinh")
    shot(page, "07-import-errors")
    assert not Person.objects.filter(full_name="Hà Thị Mai").exists()

    upload(page, workbook([GOOD]))
    expect(page.get_by_test_id("created")).to_have_text("1")
    shot(page, "08-import-done")
    assert Person.objects.get(full_name="Hà Thị Mai").unit == tree.school
