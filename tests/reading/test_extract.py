"""Getting the text out of uploads: Word, PDF (with and without a text layer), web pages,
plain text in the encodings Vietnamese offices use, and every kind of bad input."""

from __future__ import annotations

import codecs
import io
import random
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from django.utils import translation

from thidua.reading import extract
from thidua.reading.extract import ReadError, clean_text, extract_text, prepare_text

TEXTS = Path(__file__).parent / "texts"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROOT = Path(__file__).resolve().parents[2]

DIRECTIVE = [
    "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
    "Số: 15/CT-UBND",
    "CHỈ THỊ",
    "Về việc phát động phong trào thi đua năm 2022",
    "Phấn đấu tốc độ tăng trưởng kinh tế đạt 7,5%.",
    "Thu ngân sách nhà nước trên địa bàn đạt 1.250 tỷ đồng.",
    "Tỷ lệ hộ nghèo giảm 3%.",
]
VIETNAMESE = (
    "Ủy ban nhân dân tỉnh phát động phong trào thi đua năm 2022 với chủ đề đoàn kết, "
    "đổi mới; phấn đấu tốc độ tăng trưởng kinh tế đạt 7% và thu ngân sách trên địa bàn "
    "đạt 2.326 tỷ đồng."
)


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in their English original."""
    with translation.override("en"):
        yield


def read(data: bytes, name: str = "document") -> tuple[str, list[str]]:
    return extract_text(data, name)


def word(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- Word -----------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order():
    def build(document):
        header = document.add_table(rows=1, cols=2)
        header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU"
        header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        document.add_paragraph("CHỈ THỊ")
        document.add_paragraph("Về việc phát động phong trào thi đua năm 2022")
        targets = document.add_table(rows=2, cols=2)
        targets.cell(0, 0).text = "Chỉ tiêu"
        targets.cell(0, 1).text = "Kế hoạch"
        targets.cell(1, 0).text = "Tăng trưởng GRDP"
        targets.cell(1, 1).text = "7%"
        document.add_paragraph("Nơi nhận:")

    text, warnings = read(word(build), "chi-thi.docx")
    assert paragraphs(text) == [
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CHỈ THỊ",
        "Về việc phát động phong trào thi đua năm 2022",
        # A row of one-line cells stays one line: the value beside its indicator.
        "Chỉ tiêu | Kế hoạch",
        "Tăng trưởng GRDP | 7%",
        "Nơi nhận:",
    ]
    assert warnings == []


def test_docx_automatic_numbering_is_written_out():
    def build(document):
        document.add_paragraph("Nội dung thi đua:")
        for item in ("Tăng trưởng kinh tế", "Thu ngân sách", "Giảm nghèo bền vững"):
            document.add_paragraph(item, style="List Number")
        document.add_paragraph("Bảo đảm an sinh xã hội", style="List Bullet")

    text, _ = read(word(build))
    assert paragraphs(text)[1:] == [
        "1. Tăng trưởng kinh tế",
        "2. Thu ngân sách",
        "3. Giảm nghèo bền vững",
        "- Bảo đảm an sinh xã hội",
    ]


def test_docx_decomposed_text_nbsp_soft_hyphen_and_line_break():
    def build(document):
        paragraph = document.add_paragraph(
            unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo giảm\u00a02%")
            + "\u00ad; thu nhập bình quân"
        )
        paragraph.add_run().add_break()
        paragraph.add_run("đạt 60 triệu đồng/người/năm")

    text, _ = read(word(build))
    assert text == "Tỷ lệ hộ nghèo giảm 2%; thu nhập bình quân\nđạt 60 triệu đồng/người/năm"
    assert unicodedata.is_normalized("NFC", text)


def test_docx_text_boxes_are_read_once_and_deleted_text_not_at_all():
    from docx.oxml import parse_xml

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Số: 15/CT-UBND</w:t></w:r></w:p></w:txbxContent>"
    run = (
        f"<w:r {namespaces}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    deleted = (
        f'<w:del {namespaces} w:id="1" w:author="A"><w:r><w:delText>cũ</w:delText></w:r></w:del>'
    )

    def build(document):
        paragraph = document.add_paragraph("CHỈ THỊ")
        paragraph._p.append(parse_xml(run))
        paragraph._p.append(parse_xml(deleted))

    assert paragraphs(read(word(build))[0]) == ["CHỈ THỊ", "Số: 15/CT-UBND"]


def test_a_docx_is_recognised_by_its_content_not_its_name():
    data = word(lambda document: document.add_paragraph(VIETNAMESE))
    assert read(data, "ghi-chu.txt")[0] == VIETNAMESE


def test_a_zip_of_something_else_named_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("anh/bia.txt", "không phải văn bản Word")
    with pytest.raises(ReadError, match=r"ke-hoach\.docx is a ZIP archive but not a Word"):
        read(buffer.getvalue(), "ke-hoach.docx")


def test_a_damaged_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document>cut here")
    with pytest.raises(ReadError, match="damaged"):
        read(buffer.getvalue(), "hong.docx")


def test_excel_and_old_word_files_are_refused_with_what_to_do():
    import openpyxl

    workbook = openpyxl.Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ReadError, match="Excel workbook"):
        read(buffer.getvalue(), "chi-tieu.xlsx")
    old_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    with pytest.raises(ReadError, match=r"old Word format \(\.doc\)\. Save it as \.docx"):
        read(old_word, "chi-thi.doc")


# --- PDF ------------------------------------------------------------------------------


def text_pdf(body: str) -> bytes:
    from weasyprint import HTML

    page = f'<html><body style="font: 12pt DejaVu Serif; width: 14cm">{body}</body></html>'
    return HTML(string=page).write_pdf()


def scanned_pdf(lines: list[str], pages: int = 1) -> bytes:
    """Vietnamese text drawn into an image, saved as a PDF without a text layer."""
    from PIL import Image, ImageDraw, ImageFont

    if not FONT.exists():
        pytest.fail("the DejaVu font is needed: apt-get install fonts-dejavu-core")
    font = ImageFont.truetype(str(FONT), 40)
    images = []
    for _ in range(pages):
        image = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(lines):
            draw.text((200, 200 + 90 * index), line, font=font, fill=0)
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def test_pdf_lines_of_a_paragraph_are_joined_and_paragraphs_kept():
    long_sentence = (
        "Phát huy những thành tích đã đạt được trong năm 2021, UBND tỉnh phát động phong "
        "trào thi đua yêu nước năm 2022 với chủ đề đoàn kết, kỷ cương, đổi mới, sáng tạo, "
        "phấn đấu hoàn thành thắng lợi các chỉ tiêu kinh tế - xã hội của tỉnh."
    )
    data = text_pdf(f"<p>Số: 15/CT-UBND</p><p>CHỈ THỊ</p><p>{long_sentence}</p><p>Nơi nhận:</p>")
    text, warnings = read(data, "chi-thi.pdf")
    # The sentence wraps over several printed lines and comes back as one paragraph.
    assert paragraphs(text) == ["Số: 15/CT-UBND", "CHỈ THỊ", long_sentence, "Nơi nhận:"]
    assert warnings == []


def test_pdf_page_numbers_are_dropped_and_pages_kept_apart():
    data = text_pdf(
        "<p>Trang đầu của chỉ thị.</p><p style='break-before: page'>Trang sau của chỉ thị.</p>"
        "<style>@page { @bottom-center { content: counter(page) } }</style>"
    )
    text, _ = read(data)
    assert paragraphs(text) == ["Trang đầu của chỉ thị.", "Trang sau của chỉ thị."]


def test_a_damaged_pdf_is_refused():
    with pytest.raises(ReadError, match=r"The PDF hong\.pdf is damaged"):
        read(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "hong.pdf")


def test_scanned_pdf_without_ocr_says_what_to_install(monkeypatch):
    monkeypatch.setattr(extract, "ocr_available", lambda: False)
    with pytest.raises(ReadError) as raised:
        read(scanned_pdf(DIRECTIVE[:2]), "ban-chup.pdf")
    message = raised.value.message
    assert "ban-chup.pdf" in message
    assert "no text" in message
    assert "tesseract-ocr" in message and "tesseract-ocr-vie" in message


def test_scanned_pages_among_text_pages_are_skipped_with_a_warning_without_ocr(monkeypatch):
    import pypdfium2 as pdfium

    monkeypatch.setattr(extract, "ocr_available", lambda: False)
    document = pdfium.PdfDocument(text_pdf(f"<p>{VIETNAMESE}</p>"))
    document.import_pages(pdfium.PdfDocument(scanned_pdf(DIRECTIVE[:2])))
    buffer = io.BytesIO()
    document.save(buffer)
    text, warnings = read(buffer.getvalue())
    assert text == VIETNAMESE
    assert len(warnings) == 1
    assert "Pages: 2." in warnings[0] and "tesseract-ocr-vie" in warnings[0]


def ocr_or_fail():
    """OCR is a feature: without Tesseract the test fails and says what to install
    (`.ci/run` installs it), rather than passing silently."""
    if not extract.ocr_available():
        pytest.fail("OCR needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie")


def assert_mostly_read(text: str, expected: list[str]) -> None:
    """OCR may get a letter wrong here and there: most words must come back exactly."""
    words = [w for line in expected for w in line.split()]
    found = [w for w in words if w in text]
    assert len(found) >= 0.85 * len(words), (text, set(words) - set(found))


def test_scanned_pdf_is_read_with_ocr():
    ocr_or_fail()
    text, warnings = read(scanned_pdf(DIRECTIVE), "ban-chup.pdf")
    assert_mostly_read(text, DIRECTIVE)
    for key in ("CHỈ THỊ", "thi đua", "tăng trưởng", "7,5%", "tỷ đồng"):
        assert key in text
    assert any("optical character recognition" in warning for warning in warnings)


def test_a_photo_of_a_page_is_read_with_ocr():
    ocr_or_fail()
    from PIL import Image

    page = Image.open(io.BytesIO(_page_png(DIRECTIVE[3:6])))
    buffer = io.BytesIO()
    page.convert("RGB").save(buffer, "JPEG", quality=90)
    text, warnings = read(buffer.getvalue(), "anh-chup.jpg")
    assert_mostly_read(text, DIRECTIVE[3:6])
    assert warnings


def _page_png(lines: list[str]) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(scanned_pdf(lines))
    image = document[0].render(scale=1).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# --- web pages ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Cổng thông tin</title><style>p { color: red }</style>
<script>var counter = 3997;</script></head>
<body class="has-sidebar">
<header class="site"><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
<div id="main-menu"><ul><li>Giới thiệu</li><li>Liên hệ</li></ul></div>
<article>
  <header><h1>Phát động phong trào thi đua năm 2022</h1><time>09/02/2022</time></header>
  <div class="share-buttons">Chia sẻ bài viết lên facebook</div>
  <p>Theo đó, tỉnh phấn đấu
     tốc độ tăng trưởng kinh tế đạt <b>7%</b>;&nbsp;thu ngân sách<br>đạt 2.326 tỷ đồng.</p>
  <table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th></tr>
         <tr><td>GRDP</td><td>7%</td></tr></table>
  <ul><li>Một là, đoàn kết.</li><li>Hai là, đổi mới.</li></ul>
</article>
<aside><h3>Tin khác</h3><ul><li>Hội nghị tổng kết</li></ul></aside>
<footer><a href="#top">Back To Top</a> Lượt xem: 3997</footer>
<noscript>Bật JavaScript</noscript>
</body></html>"""


def test_html_keeps_the_article_as_paragraphs_and_drops_the_page_around_it():
    text, warnings = read(PAGE.encode(), "bai-viet.txt")
    assert paragraphs(text) == [
        "Phát động phong trào thi đua năm 2022",
        "09/02/2022",
        "Theo đó, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 7%; thu ngân sách\n"
        "đạt 2.326 tỷ đồng.",
        "Chỉ tiêu | Kế hoạch",
        "GRDP | 7%",
        "Một là, đoàn kết.",
        "Hai là, đổi mới.",
    ]
    assert warnings == []


def test_html_in_a_declared_legacy_encoding():
    page = (
        '<html><head><meta charset="windows-1258"></head><body><p>'
        + VIETNAMESE
        + "</p></body></html>"
    )
    assert read(encode_cp1258(page))[0] == VIETNAMESE


# --- plain text -----------------------------------------------------------------------


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: ê, ơ… precomposed, tones combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        for mark in ["", *marks]:
            head = unicodedata.normalize("NFC", base + mark)
            rest = marks.replace(mark, "", 1) if mark else marks
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise ValueError(char)
    return bytes(out)


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
        pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda text: text.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda text: text.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(encode_cp1258, id="windows-1258"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
    ],
)
def test_plain_text_encodings(encode):
    original = (TEXTS / "seed_001.txt").read_text(encoding="utf-8").replace("Ð", "Đ")
    text, warnings = read(encode(original), "bai.txt")
    assert text == clean_text(original)
    assert warnings == []


def test_legacy_tcvn3_text_is_converted():
    tcvn3 = (
        "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\n"
        "§éc lËp - Tù do - H¹nh phóc\n"
        "Ph¸t ®éng phong trµo thi ®ua n¨m 2022 cña tØnh, phÊn ®Êu tèc ®é t¨ng tr­ëng kinh "
        "tÕ ®¹t 7%, thu ng©n s¸ch trªn ®Þa bµn ®¹t 2.326 tû ®ång."
    )
    text, warnings = read(tcvn3.encode("latin-1"), "cu.txt")
    assert text.splitlines() == [
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phát động phong trào thi đua năm 2022 của tỉnh, phấn đấu tốc độ tăng trưởng kinh "
        "tế đạt 7%, thu ngân sách trên địa bàn đạt 2.326 tỷ đồng.",
    ]
    assert any("TCVN3" in warning for warning in warnings)


def test_a_file_cut_in_the_middle_of_a_character_is_read():
    data = VIETNAMESE.encode()
    cut = data[: data.index("đồng".encode()) + 1]  # inside the two bytes of "đ"
    text, _ = read(cut)
    assert text == VIETNAMESE[: VIETNAMESE.index("đồng")].strip()


def test_the_seed_texts_come_back_as_they_are():
    for path in sorted(TEXTS.glob("seed_*.txt")):
        original = path.read_text(encoding="utf-8")
        text, warnings = read(original.encode(), path.name)
        assert text == clean_text(original), path.name
        assert warnings == [], path.name


def test_clean_text():
    raw = "\ufeff  Số:\u00a015/CT-UBND\r\nĐiện\u00adBiên,  ngày\t5\r\n\r\n\r\n\r\nÐoàn kết\u200b \n"
    assert clean_text(raw) == "Số: 15/CT-UBND\nĐiệnBiên, ngày 5\n\nĐoàn kết"
    assert clean_text(unicodedata.normalize("NFD", "Thi đua")) == "Thi đua"


# --- bad input ------------------------------------------------------------------------


def test_an_empty_file_is_refused():
    with pytest.raises(ReadError, match=r"The file rong\.txt is empty"):
        read(b"", "rong.txt")


def test_a_file_of_blanks_has_no_text():
    with pytest.raises(ReadError, match=r"trang\.txt contains no text"):
        read(b" \r\n\t \n", "trang.txt")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_binary_garbage_is_refused(seed):
    data = random.Random(seed).randbytes(20000)
    with pytest.raises(ReadError, match="does not contain readable text"):
        read(data, "rac.docx")


def test_a_binary_file_full_of_zeros_is_not_taken_for_utf16(tmp_path):
    import sqlite3

    database = tmp_path / "so-lieu.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("create table chi_tieu (ten text)")
        connection.executemany("insert into chi_tieu values (?)", [("thi đua",)] * 500)
    with pytest.raises(ReadError, match="does not contain readable text"):
        read(database.read_bytes(), "so-lieu.txt")


def test_an_image_without_ocr_says_what_to_install(monkeypatch):
    monkeypatch.setattr(extract, "ocr_available", lambda: False)
    with pytest.raises(ReadError, match=r"anh\.png is an image.*tesseract-ocr-vie"):
        read(_page_png(DIRECTIVE[:1]), "anh.png")


def test_a_font_file_is_refused():
    if not FONT.exists():
        pytest.fail("the DejaVu font is needed: apt-get install fonts-dejavu-core")
    with pytest.raises(ReadError, match="does not contain readable text"):
        read(FONT.read_bytes()[:100_000], "chi-thi.pdf")


def test_a_50_mb_file_is_refused_by_the_default_limit(settings):
    del settings.THIDUA_READING_MAX_BYTES  # the default applies
    with pytest.raises(ReadError, match=r"too large \(50\.0 MB; at most 20\.0 MB\)"):
        read(b"a" * (50 * 1024 * 1024), "lon.txt")


def test_the_limit_is_a_setting(settings):
    settings.THIDUA_READING_MAX_BYTES = 1000
    with pytest.raises(ReadError, match="too large"):
        read(VIETNAMESE.encode() * 10, "dai.txt")
    assert read(VIETNAMESE.encode(), "ngan.txt")[0] == VIETNAMESE


def test_the_limit_has_a_default_without_django_settings():
    code = "from thidua.reading.extract import max_bytes; print(max_bytes())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert result.stdout.strip() == str(20 * 1024 * 1024)


def test_a_zip_bomb_posing_as_docx_is_refused(settings):
    settings.THIDUA_READING_MAX_BYTES = 100_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 5_000_000)
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(ReadError, match="too large"):
        read(buffer.getvalue(), "nen.docx")


# --- language -------------------------------------------------------------------------


def test_vietnamese_text_has_no_language_warning():
    assert prepare_text(VIETNAMESE) == (VIETNAMESE, [])


@pytest.mark.parametrize(
    "text",
    [
        "The People's Committee of the province launched an emulation movement for 2022 "
        "with the theme of solidarity and innovation; growth shall reach 7 per cent.",
        "Le comité populaire de la province a lancé un mouvement d'émulation pour l'année "
        "2022 sur le thème de la solidarité et de l'innovation, avec une croissance de 7 %.",
        "省人民委员会发起2022年爱国竞赛运动，主题为团结、创新，力争经济增长率达到百分之七，"
        "财政收入达到两千三百亿越南盾，各部门各单位认真组织实施。",
    ],
    ids=["english", "french", "chinese"],
)
def test_another_language_is_warned_about(text):
    _, warnings = read(text.encode(), "other.txt")
    assert any("does not look like Vietnamese" in warning for warning in warnings)


def test_vietnamese_without_diacritics_is_warned_about():
    from thidua.core.text import fold

    _, warnings = prepare_text(fold(VIETNAMESE))
    assert len(warnings) == 1 and "without Vietnamese diacritics" in warnings[0]


def test_a_short_text_is_not_judged():
    assert prepare_text("GRDP tăng 7%")[1] == []
    assert prepare_text("GDP growth 7%")[1] == []
