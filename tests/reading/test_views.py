"""The reading pages: upload or paste → review (the text with what was read highlighted,
every field editable) → confirm (one draft movement with its contents, targets,
responsibilities and the document attached). Nothing is created before the
confirmation, a bad file is a message, and a token is confirmed once.

The reader itself is replaced by a fixed reading here, so these tests are about the page;
the reader's accuracy is tested on its own, and the browser test uses the real one.
"""

from __future__ import annotations

import io
import os
import re
import time
from datetime import date
from decimal import Decimal
from html import unescape
from pathlib import Path

import docx
import pytest
from django import forms
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import thidua.reading
from thidua.movements.models import Attachment, ContentItem, Movement, Responsibility, Target
from thidua.reading.extract import ReadError
from thidua.reading.schema import Reading, ReadTarget, Responsible
from thidua.reading.views import (
    Mark,
    highlight,
    load_draft,
    match_issuer,
    save_draft,
    split_label,
    suggest_kind,
)

from ..movements.access import PDF

TITLE = "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2025"
TEXT = (
    "CHỈ THỊ\n\n"
    f"{TITLE}\n\n"
    "UBND tỉnh phát động phong trào thi đua với chủ đề “Đoàn kết, sáng tạo”.\n\n"
    "1. Thi đua hoàn thành các chỉ tiêu: tốc độ tăng trưởng GRDP đạt 8%; thu ngân sách "
    "đạt 2.326 tỷ đồng, tăng 50,49% so với năm 2024.\n\n"
    "Ghi chú: <script>alert(1)</script>\n\n"
    "Sở Nội vụ theo dõi, tổng hợp kết quả.\n\n"
    "CHỦ TỊCH\n\nNguyễn Văn An"
)
RAWS = ("đạt 8%", "đạt 2.326 tỷ đồng", "tăng 50,49%")


def _span(part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def fake_reading(text: str = TEXT) -> Reading:
    """What the reader would give for :data:`TEXT`."""
    content = TEXT[_span("1. Thi đua")[0] : _span("2024.")[1]]
    targets = [
        ("Tốc độ tăng trưởng GRDP", 8, "%", "dat", None),
        ("Thu ngân sách", 2326, "tỷ đồng", "dat", None),
        ("Thu ngân sách", 50.49, "%", "tang", "so với năm 2024"),
    ]
    return Reading(
        doc_type="chi_thi",
        issuer="UBND tỉnh",
        year=2025,
        signer="Nguyễn Văn An",
        title=TITLE,
        theme="Đoàn kết, sáng tạo",
        contents=[content],
        targets=[
            ReadTarget(
                indicator=indicator,
                value=value,
                unit=unit,
                comparator=comparator,
                reference=reference,
                raw=raw,
                start=_span(raw)[0],
                end=_span(raw)[1],
            )
            for (indicator, value, unit, comparator, reference), raw in zip(
                targets, RAWS, strict=True
            )
        ],
        responsible=[Responsible(agency="Sở Nội vụ", task="theo dõi, tổng hợp kết quả.")],
        warnings=["“khoảng 6 triệu” looked like a target but has no indicator."],
        text=text,
        spans={
            "title": [_span(TITLE)],
            "issuer": [_span("UBND tỉnh")],
            "theme": [_span("Đoàn kết, sáng tạo")],
            "signer": [_span("Nguyễn Văn An")],
            "contents": [_span(content)],
            "responsible": [_span("Sở Nội vụ theo dõi, tổng hợp kết quả.")],
        },
    )


@pytest.fixture(autouse=True)
def private_storage(db, settings, tmp_path):
    """Readings waiting for confirmation go to a temporary private store."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    yield tmp_path / "private"
    # Attachments keep the storage they were declared with: remove the test's files.
    for attachment in Attachment.objects.all():
        attachment.file.delete(save=False)


@pytest.fixture
def reader(monkeypatch):
    """The reader replaced by :func:`fake_reading`; ``reader.calls`` records its input."""

    class Fake:
        calls: list = []

        def read_document(self, data: bytes, filename: str) -> Reading:
            self.calls.append(("document", data, filename))
            return fake_reading()

        def read_text(self, text: str) -> Reading:
            self.calls.append(("text", text))
            return fake_reading()

    fake = Fake()
    fake.calls = []
    monkeypatch.setattr(thidua.reading, "read_document", fake.read_document)
    monkeypatch.setattr(thidua.reading, "read_text", fake.read_text)
    return fake


def _pdf(name: str = "chi-thi.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _upload(client, **data):
    return client.post(reverse("reading:upload"), data)


def _token(response) -> str:
    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    match = re.fullmatch(r"/reading/([\w-]+)/", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def _value(field) -> str | list | None:
    """What the browser would post for a bound field as rendered."""
    widget = field.field.widget
    value = field.value()
    if isinstance(widget, forms.CheckboxInput):
        return "on" if value else None
    if value is None:
        return ""
    if isinstance(widget, forms.DateInput):
        return widget.format_value(value) or ""
    return str(value)


def form_data(response, **changes) -> dict:
    """The review form as the page posts it unchanged, with ``changes``."""
    context = response.context
    data = {}
    fields = [*context["form"]]
    for name in ("contents", "targets", "responsibilities"):
        formset = context[name]
        fields += [*formset.management_form]
        for row in formset:
            fields += [*row]
    for field in fields:
        value = _value(field)
        if value is not None:
            data[field.html_name] = value
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def _marks(html: str) -> dict[str, str]:
    """{data-ref: the text inside its <mark>} for marks without nested marks."""
    return {
        ref: unescape(inner)
        for ref, inner in re.findall(r'<mark [^>]*data-ref="([^"]*)"[^>]*>([^<]*)</mark>', html)
    }


# Upload → review ------------------------------------------------------------------------


def test_upload_then_review_shows_highlights_and_targets(tree, clients, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    assert reader.calls == [("document", PDF, "chi-thi.pdf")]

    response = client.get(reverse("reading:review", args=[token]))
    assert response.status_code == 200
    html = response.content.decode()
    marks = _marks(html)
    # Each target is highlighted exactly where it was found, and leads to its value field.
    for index, raw in enumerate(RAWS):
        assert marks[f"targets-{index}-value"] == raw
        assert f'id="id_targets-{index}-value"' in html
    assert marks["issuer"] == "UBND tỉnh"
    assert marks["signer"] == "Nguyễn Văn An"
    # The content paragraph holds the targets: the highlights nest inside it.
    assert re.search(r'data-ref="contents-0-text"[^>]*>1\. Thi đua', html)
    # The text is escaped: a script in the document is shown, never run.
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The targets, as editable rows in Vietnamese notation.
    rows = response.context["targets"]
    assert [row["value"].value() for row in rows][:3] == ["8", "2.326", "50,49"]
    assert [row["comparator"].value() for row in rows][:3] == ["dat", "dat", "tang"]
    assert rows[2]["reference"].value() == "so với năm 2024"
    form = response.context["form"]
    assert form["issuer"].value() == tree.committee.pk  # "UBND tỉnh" is Ủy ban nhân dân tỉnh
    assert form["starts_on"].value() == date(2025, 1, 1)
    assert form["ends_on"].value() == date(2025, 12, 31)
    assert form["kind"].value() == "thuong_xuyen"
    contents = response.context["contents"]
    assert contents[0]["label"].value() == "1."
    assert contents[0]["text"].value().startswith("Thi đua hoàn thành")
    assert "looked like a target" in html  # the reader's warnings are shown
    # Nothing was created by reading and reviewing.
    assert not Movement.objects.exists()
    assert not Attachment.objects.exists()


def test_pasted_text_is_read_and_kept_as_the_source(tree, clients, reader, audit_log):
    client = clients["secretariat"]
    token = _token(_upload(client, text=f"  {TEXT}  "))
    assert reader.calls == [("text", TEXT)]
    review = client.get(reverse("reading:review", args=[token]))
    response = client.post(reverse("reading:review", args=[token]), form_data(review))
    movement = Movement.objects.get()
    assert response["Location"] == reverse("movements:detail", args=[movement.pk])
    assert movement.source_text == TEXT
    assert not movement.attachments.exists()


# Confirm --------------------------------------------------------------------------------


def test_confirm_creates_exactly_one_draft_with_targets_and_the_attachment(
    tree, clients, users, reader, audit_log, private_storage
):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    response = client.post(reverse("reading:review", args=[token]), form_data(review))

    movement = Movement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:detail", args=[movement.pk])
    assert movement.status == "nhap"
    assert movement.title == TITLE
    assert movement.issuer == tree.committee
    assert movement.kind == "thuong_xuyen"
    assert movement.signer == "Nguyễn Văn An"
    assert movement.theme == "Đoàn kết, sáng tạo"
    assert (movement.starts_on, movement.ends_on) == (date(2025, 1, 1), date(2025, 12, 31))
    assert movement.source_text == TEXT
    assert movement.created_by == users["secretariat"]
    targets = list(movement.targets.order_by("order"))
    assert [(t.indicator, t.value, t.measure, t.comparator) for t in targets] == [
        ("Tốc độ tăng trưởng GRDP", Decimal("8"), "%", "dat"),
        ("Thu ngân sách", Decimal("2326"), "tỷ đồng", "dat"),
        ("Thu ngân sách", Decimal("50.49"), "%", "tang"),
    ]
    assert all(t.level == Target.Level.MOVEMENT for t in targets)
    assert targets[2].reference == "so với năm 2024"
    assert targets[2].relative_change  # "tăng 50,49%" is a share of the 2024 figure
    assert [(c.label, c.text[:9]) for c in ContentItem.objects.filter(movement=movement)] == [
        ("1.", "Thi đua h")
    ]
    assert list(Responsibility.objects.values_list("agency", "task")) == [
        ("Sở Nội vụ", "theo dõi, tổng hợp kết quả.")
    ]
    attachment = movement.attachments.get()
    assert attachment.original_name == "chi-thi.pdf"
    assert attachment.kind == "phat_dong"
    with attachment.file.open("rb") as handle:
        assert handle.read() == PDF
    # Audited like any other creation.
    assert audit_log(action="create", object_type="movements.movement")
    assert len(audit_log(action="create", object_type="movements.target")) == 3
    # The temporary copy is gone.
    assert load_draft(users["secretariat"], token) is None
    folder = private_storage / "reading" / str(users["secretariat"].pk) / token
    assert not (folder / "source").exists()
    assert not (folder / "reading.json").exists()


def test_lower_is_better_for_decreases_and_caps(tree, clients, users):
    reading = fake_reading()
    reading.targets[0].comparator = "giam"
    reading.targets[1].comparator = "khong_qua"
    token = save_draft(users["secretariat"], reading)
    client = clients["secretariat"]
    review = client.get(reverse("reading:review", args=[token]))
    client.post(reverse("reading:review", args=[token]), form_data(review))
    directions = list(Target.objects.order_by("order").values_list("comparator", "direction"))
    assert directions == [("giam", "thap"), ("khong_qua", "thap"), ("tang", "cao")]


def test_edited_fields_are_saved_as_edited(tree, clients, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    data = form_data(
        review,
        **{
            "title": "Phong trào thi đua chuyển đổi số",
            "kind": "chuyen_de",
            "targets-1-value": "2.400,5",
            "targets-1-measure": "tỷ đồng",
            "targets-2-include": None,  # untick the third target
            # The reader missed one: the empty row at the end adds it.
            "targets-3-indicator": "Tỷ lệ hộ nghèo",
            "targets-3-comparator": "giam",
            "targets-3-value": "1,5",
            "targets-3-measure": "%",
            "contents-0-text": "Thi đua hoàn thành xuất sắc nhiệm vụ.",
            "responsibilities-0-include": None,
        },
    )
    response = client.post(reverse("reading:review", args=[token]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    movement = Movement.objects.get()
    assert movement.title == "Phong trào thi đua chuyển đổi số"
    assert movement.kind == "chuyen_de"
    assert list(
        movement.targets.order_by("order").values_list("indicator", "value", "comparator")
    ) == [
        ("Tốc độ tăng trưởng GRDP", Decimal("8"), "dat"),
        ("Thu ngân sách", Decimal("2400.5"), "dat"),
        ("Tỷ lệ hộ nghèo", Decimal("1.5"), "giam"),
    ]
    assert list(movement.contents.values_list("text", flat=True)) == [
        "Thi đua hoàn thành xuất sắc nhiệm vụ."
    ]
    assert not movement.responsibilities.exists()


def test_a_second_confirmation_does_not_create_a_second_movement(tree, clients, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    data = form_data(review)
    first = client.post(reverse("reading:review", args=[token]), data)
    second = client.post(reverse("reading:review", args=[token]), data)
    movement = Movement.objects.get()
    assert (
        first["Location"] == second["Location"] == reverse("movements:detail", args=[movement.pk])
    )
    assert Target.objects.count() == 3
    assert Attachment.objects.count() == 1
    # Coming back to the review page leads to the draft, not to a second reading.
    again = client.get(reverse("reading:review", args=[token]))
    assert again["Location"] == reverse("movements:detail", args=[movement.pk])


def test_a_confirmation_under_way_is_not_repeated(tree, clients, users, reader, private_storage):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    # Another request holds the token (its transaction not yet committed).
    folder = private_storage / "reading" / str(users["secretariat"].pk) / token
    (folder / "claimed").write_bytes(b"")
    response = client.post(reverse("reading:review", args=[token]), form_data(review))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Movement.objects.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["claimed", "reading.json", "source"]


def test_errors_are_shown_next_to_fields_and_nothing_is_created(tree, clients, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    data = form_data(
        review,
        **{"title": "", "targets-0-value": "1.2.3,4,5", "ends_on": "01/01/2024"},
    )
    response = client.post(reverse("reading:review", args=[token]), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "ends_on"}
    assert set(response.context["targets"][0].errors) == {"value"}
    assert not Movement.objects.exists()
    # The highlights are still there to correct against.
    assert "targets-0-value" in _marks(response.content.decode())


def test_a_target_refused_by_the_service_rolls_everything_back(tree, clients, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    review = client.get(reverse("reading:review", args=[token]))
    # 21 digits: the form reads it, the target's column (20 digits) does not hold it.
    too_big = form_data(review, **{"targets-2-value": "1" * 21})
    response = client.post(reverse("reading:review", args=[token]), too_big)
    assert response.status_code == 200
    assert response.context["targets"][2].errors
    assert not Movement.objects.exists()
    assert not Target.objects.exists()
    assert not Attachment.objects.exists()
    # Corrected, the same reading can still be confirmed.
    fixed = form_data(review, **{"targets-2-value": "50,49"})
    response = client.post(reverse("reading:review", args=[token]), fixed)
    assert response.status_code == 302
    assert Movement.objects.count() == 1


def test_discard_forgets_the_reading(tree, clients, users, reader):
    client = clients["secretariat"]
    token = _token(_upload(client, file=_pdf()))
    response = client.post(reverse("reading:review", args=[token]), {"discard": "1"})
    assert response["Location"] == reverse("reading:upload")
    assert load_draft(users["secretariat"], token) is None
    assert client.get(reverse("reading:review", args=[token])).status_code == 404
    assert not Movement.objects.exists()


# Bad input ------------------------------------------------------------------------------


def test_a_file_the_reader_refuses_shows_the_error_and_creates_nothing(
    tree, clients, monkeypatch, private_storage
):
    def refuse(data, filename):
        raise ReadError(f"The file {filename} is not a Word, PDF, web page or text file.")

    monkeypatch.setattr(thidua.reading, "read_document", refuse)
    response = _upload(clients["secretariat"], file=_pdf("rac.pdf"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["file"] == ["The file rac.pdf is not a Word, PDF, web page or text file."]
    assert b'data-field-error="file"' in response.content
    assert not Movement.objects.exists()
    assert not (private_storage / "reading").exists()


def test_a_reader_crash_is_a_message_not_a_server_error(tree, clients, monkeypatch):
    def crash(text):
        raise RuntimeError("bug")

    monkeypatch.setattr(thidua.reading, "read_text", crash)
    response = _upload(clients["secretariat"], text="Một văn bản")
    assert response.status_code == 200
    assert response.context["form"].errors["text"]


def test_empty_and_oversized_files_are_refused_before_reading(tree, clients, reader, settings):
    client = clients["secretariat"]
    empty = _upload(client, file=SimpleUploadedFile("trong.pdf", b""))
    assert empty.status_code == 200 and empty.context["form"].errors["file"]
    settings.THIDUA_READING_MAX_BYTES = 10
    large = _upload(client, file=_pdf("lon.pdf"))
    assert large.status_code == 200 and large.context["form"].errors["file"]
    nothing = _upload(client)
    assert nothing.status_code == 200 and nothing.context["form"].errors["file"]
    both = _upload(client, file=_pdf(), text="Văn bản")
    assert both.status_code == 200 and both.context["form"].errors["text"]
    assert reader.calls == []


def test_a_web_page_is_not_attached_but_its_text_is_kept(tree, clients, reader):
    client = clients["secretariat"]
    page = SimpleUploadedFile("tin-bai.html", b"<html><body><p>Tin</p></body></html>")
    token = _token(_upload(client, file=page))
    review = client.get(reverse("reading:review", args=[token]))
    client.post(reverse("reading:review", args=[token]), form_data(review))
    movement = Movement.objects.get()
    assert not movement.attachments.exists()
    assert movement.source_text == TEXT


# Access ---------------------------------------------------------------------------------


def test_only_who_launches_movements_reads_documents(tree, clients, reader):
    for role in ("unit_officer", "block_head", "leader", "no_role"):
        assert clients[role].get(reverse("reading:upload")).status_code == 403
        assert _upload(clients[role], text=TEXT).status_code == 403
    assert reader.calls == []


def test_a_reading_belongs_to_its_uploader(tree, clients, reader):
    token = _token(_upload(clients["secretariat"], file=_pdf()))
    url = reverse("reading:review", args=[token])
    assert clients["admin"].get(url).status_code == 404
    review = clients["secretariat"].get(url)
    assert clients["admin"].post(url, form_data(review)).status_code == 404
    assert clients["unit_officer"].get(url).status_code == 403
    assert not Movement.objects.exists()
    assert clients["secretariat"].get("/reading/..%2F..%2Fetc/").status_code == 404


def test_the_list_offers_reading_to_who_launches_movements(tree, clients):
    button = reverse("reading:upload").encode()
    assert button in clients["secretariat"].get(reverse("movements:list")).content
    assert button not in clients["unit_officer"].get(reverse("movements:list")).content


def test_stale_readings_are_dropped_at_the_next_upload(tree, clients, users, reader):
    client = clients["secretariat"]
    old = _token(_upload(client, text=TEXT))
    storage = storages["private"]
    folder = storage.path(f"reading/{users['secretariat'].pk}/{old}")
    past = time.time() - 2 * 86400
    for name in os.listdir(folder):
        os.utime(os.path.join(folder, name), (past, past))
    fresh = _token(_upload(client, text=TEXT))
    assert load_draft(users["secretariat"], old) is None
    assert not os.path.exists(folder)
    assert load_draft(users["secretariat"], fresh) is not None


# The pieces -----------------------------------------------------------------------------


def test_highlight_escapes_and_nests_marks():
    text = "a <b> & c d"
    marks = [
        Mark(0, 11, "contents", "contents-0-text", "contents-0", "Content 1"),
        Mark(2, 5, "target", "targets-0-value", "targets-0", "x"),
        # Crosses the end of the next one: split in two, still well nested.
        Mark(8, 11, "signer", "signer", "signer", "Signer"),
        Mark(6, 9, "target", "targets-1-value", "targets-1", "y"),
    ]
    html = str(highlight(text, marks))
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert "<b>" not in html
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0
    assert _marks(html)["targets-0-value"] == "<b>"


def test_highlight_ignores_spans_outside_the_text():
    html = str(highlight("abc", []))
    assert html == "abc"


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Phát động phong trào thi đua đặc biệt chào mừng 20 năm thành lập tỉnh", "", "dac_biet"),
        ("", "UBND tỉnh phát động phong trào thi đua đặc biệt “Đoàn kết…”", "dac_biet"),
        ("Phát động thi đua chuyên đề về chuyển đổi số", "", "chuyen_de"),
        ("", "Tổ chức đợt thi đua cao điểm 100 ngày", "chuyen_de"),
        ("Phong trào thi đua năm 2022", "… đặc biệt là Kế hoạch đầu tư công …", "thuong_xuyen"),
        (
            "",
            "UBND tỉnh phát động phong trào thi đua yêu nước năm 2022 … hưởng ứng các phong "
            "trào thi đua chuyên đề của tỉnh; tổ chức các đợt thi đua ngắn ngày.",
            "thuong_xuyen",
        ),
        ("", "Hậu Giang phát động thi đua chào mừng 20 năm thành lập tỉnh", "thuong_xuyen"),
        ("Về việc phát động phong trào thi đua “Doanh nghiệp chuyển đổi số”", "", "chuyen_de"),
    ],
)
def test_suggest_kind(title, text, kind):
    assert suggest_kind(title, text) == kind


def test_match_issuer_spells_out_abbreviations(tree):
    from thidua.org.models import Unit

    units = Unit.objects.all()
    assert match_issuer(units, "UBND tỉnh") == tree.committee
    assert match_issuer(units, "Ủy ban nhân dân tỉnh Thử Nghiệm") == tree.committee
    assert match_issuer(units, "SỞ GD&ĐT") == tree.education
    assert match_issuer(units, "Sở") is None  # too little to go on
    assert match_issuer(units, "Sở Giáo dục và Đào tạo") == tree.education
    assert match_issuer(units, "Ban Thi đua - Khen thưởng") is None
    assert match_issuer(units, None) is None


@pytest.mark.parametrize(
    ("item", "label", "text"),
    [
        ("1. Thi đua dạy tốt", "1.", "Thi đua dạy tốt"),
        ("Một là, thi đua học tốt", "Một là,", "thi đua học tốt"),
        ("b) Thi đua lao động sáng tạo", "b)", "Thi đua lao động sáng tạo"),
        ("- Đẩy mạnh cải cách hành chính", "", "Đẩy mạnh cải cách hành chính"),
        ("Năm 2022 là năm bản lề", "", "Năm 2022 là năm bản lề"),
    ],
)
def test_split_label(item, label, text):
    assert split_label(item) == (label, text)


# With the real reader -------------------------------------------------------------------

TEXTS = Path(__file__).parent / "texts"


def _docx(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_document_read_for_real_is_highlighted_confirmed_and_attached(tree, clients):
    client = clients["secretariat"]
    data = _docx((TEXTS / "seed_000.txt").read_text(encoding="utf-8"))
    token = _token(_upload(client, file=SimpleUploadedFile("phat-dong.docx", data)))
    review = client.get(reverse("reading:review", args=[token]))
    read = review.context["reading"]["targets"]
    text = review.context["draft"].text
    assert len(read) >= 8
    html = review.content.decode()
    for index, target in enumerate(read):
        # Each target's highlight holds the words it was read from.
        start = html.index(f'data-ref="targets-{index}-value"')
        inner = re.sub(r"<[^>]+>", "", html[html.index(">", start) + 1 :])
        assert unescape(inner).startswith(text[target["start"] : target["end"]])
    assert not Movement.objects.exists()

    client.post(reverse("reading:review", args=[token]), form_data(review))
    movement = Movement.objects.get()
    assert movement.targets.count() == sum(1 for t in read if t["value"] is not None)
    assert Decimal("2326") in set(movement.targets.values_list("value", flat=True))
    attachment = movement.attachments.get()
    assert attachment.original_name == "phat-dong.docx"
    with attachment.file.open("rb") as handle:
        assert handle.read() == data


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rac.pdf", bytes(range(256)) * 40),  # binary garbage named like a PDF
        ("nen.docx", b"PK\x03\x04" + b"\x00" * 200),  # a broken zip named like Word
    ],
)
def test_a_bad_file_read_for_real_shows_the_error_and_creates_nothing(
    tree, clients, private_storage, name, data
):
    response = _upload(clients["secretariat"], file=SimpleUploadedFile(name, data))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert b'data-field-error="file"' in response.content
    assert not Movement.objects.exists()
    assert not (private_storage / "reading").exists()
