"""The reader (issue 4, "What is read"): the fields of a launch text, the noise it drops, the
key fields of the five real seed texts, bad input and speed. No database is needed."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from django.utils import translation

from thidua.reading import read_document, read_text
from thidua.reading.noise import clean

TEXTS = Path(__file__).parent / "texts"

DIRECTIVE = """ỦY BAN NHÂN DÂN
HUYỆN THANH SƠN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 27/KH-UBND
Thanh Sơn, ngày 08 tháng 12 năm 2024

KẾ HOẠCH
Phát động phong trào thi đua "Thanh Sơn chung sức xây dựng nông thôn mới" năm 2025

Năm 2024, toàn huyện đã có 12 xã đạt chuẩn nông thôn mới, thu ngân sách đạt 210 tỷ đồng. \
Ủy ban nhân dân huyện phát động phong trào thi đua năm 2025 với chủ đề “Đoàn kết, sáng tạo, \
về đích nông thôn mới” và phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân thụ \
hưởng”, gồm các nội dung sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần đoàn kết của cán bộ và Nhân dân.
2. Tổ chức phong trào thiết thực, tránh hình thức.

II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế: thu ngân sách trên địa bàn đạt 250 tỷ đồng; thu nhập bình \
quân đầu người đạt 60 triệu đồng/người/năm.
2. Thi đua xây dựng nông thôn mới: có thêm 3 xã đạt chuẩn nông thôn mới nâng cao; bê tông \
hóa 25 km đường giao thông nông thôn.
3. Thi đua giảm nghèo: tỷ lệ hộ nghèo giảm xuống còn dưới 2%.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ huyện chủ trì, hướng dẫn, theo dõi, tổng hợp kết quả thi đua.
2. Đề nghị Ủy ban MTTQ huyện và các đoàn thể phối hợp tuyên truyền, vận động Nhân dân.
3. UBND các xã, thị trấn xây dựng kế hoạch triển khai tại địa phương.

Nơi nhận:
- UBND tỉnh;
- Các xã, thị trấn;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

(Đã ký)

NGUYỄN VĂN HÙNG
"""

NEWS = """Trang chủ | Tin tức | Sự kiện | Liên hệ
Cao Bằng phát động thi đua hoàn thành thắng lợi nhiệm vụ năm 2025
Thứ Ba, 14/01/2025 - 08:15 | Lượt xem: 1.532 | In bài viết

(CB) - Sáng 13/1, UBND tỉnh Cao Bằng tổ chức Hội nghị tổng kết công tác thi đua, khen \
thưởng năm 2024 và phát động phong trào thi đua năm 2025. Đồng chí Nguyễn Văn An, Phó Bí \
thư Tỉnh ủy, tới dự.

Năm 2024, tăng trưởng kinh tế của tỉnh đạt 5,8%; thu ngân sách đạt 2.100 tỷ đồng.

Phát biểu phát động, Chủ tịch UBND tỉnh Lê Hải Hòa đề nghị các cấp, các ngành tập trung \
hoàn thành các chỉ tiêu: tốc độ tăng trưởng kinh tế khoảng 7%; thu ngân sách nhà nước trên \
địa bàn đạt 2.400 tỷ đồng, tăng 14% so với năm 2024; tỷ lệ hộ nghèo giảm trên 4%.

Đồng chí Lê Hải Hòa phát biểu chỉ đạo hội nghị.
Đồng chí Lê Hải Hòa phát biểu chỉ đạo hội nghị.

Dịp này, 15 tập thể và 30 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh.

Minh Thu
Tin khác
- Cao Bằng: thu hút 2 triệu lượt khách
- Hội nghị tổng kết năm 2024
Chia sẻ bài viết lên facebook
Back To Top
,
.
"""


def seed(n: int):
    return read_text((TEXTS / f"seed_00{n}.txt").read_text(encoding="utf-8"))


def by(reading, indicator_start: str, comparator: str | None = "any"):
    found = [
        t
        for t in reading.targets
        if t.indicator.lower().startswith(indicator_start.lower())
        and (comparator == "any" or t.comparator == comparator)
    ]
    assert found, f"no target {indicator_start!r} in {[t.indicator for t in reading.targets]}"
    return found[0]


def assert_spans_point_into_the_text(reading):
    for target in reading.targets:
        assert reading.text[target.start : target.end] == target.raw
    for name, spans in reading.spans.items():
        for start, end in spans:
            assert 0 <= start < end <= len(reading.text), name


# --- a formal document --------------------------------------------------------------------


def test_a_formal_plan_is_read_field_by_field():
    reading = read_text(DIRECTIVE)
    assert reading.doc_type == "ke_hoach"
    assert reading.issuer == "UBND huyện Thanh Sơn"
    assert reading.locality == "Thanh Sơn"
    assert reading.document_number == "27/KH-UBND"
    assert reading.signed_on == "2024-12-08"
    assert reading.signer == "Nguyễn Văn Hùng"  # written in capitals under "CHỦ TỊCH"
    # Signed in December for next year's movement.
    assert reading.year == 2025
    assert reading.title.startswith("Phát động phong trào thi đua")
    assert reading.theme == "Đoàn kết, sáng tạo, về đích nông thôn mới"
    assert reading.motto == "Dân biết, dân bàn, dân làm, dân kiểm tra, dân thụ hưởng"
    # Contents are the items of section II, not the purposes of section I nor section III.
    assert len(reading.contents) == 3
    assert reading.contents[0].startswith("Thi đua phát triển kinh tế")
    assert_spans_point_into_the_text(reading)


def test_a_formal_plan_targets_skip_last_years_results():
    reading = read_text(DIRECTIVE)
    assert [(t.value, t.unit, t.comparator) for t in reading.targets] == [
        (250, "tỷ đồng", "dat"),
        (60, "triệu đồng/người/năm", "dat"),
        (3, "xã", None),
        (25, "km", None),
        (2, "%", "duoi"),
    ]


def test_who_does_what_comes_from_the_organisation_section():
    reading = read_text(DIRECTIVE)
    agencies = {r.agency: r.task for r in reading.responsible}
    assert agencies["Phòng Nội vụ huyện"].startswith("chủ trì, hướng dẫn")
    assert agencies["Ủy ban MTTQ huyện"].startswith("phối hợp tuyên truyền")
    assert "các đoàn thể" in agencies
    assert agencies["UBND các xã, thị trấn"].startswith("xây dựng kế hoạch")
    # The distribution list is not a list of responsibilities.
    assert "UBND tỉnh" not in agencies


def test_fields_have_spans_for_the_review_screen():
    reading = read_text(DIRECTIVE)
    text = reading.text
    for name in ("issuer", "document_number", "title", "theme", "motto", "signer"):
        assert reading.spans.get(name), name
    ((start, end),) = reading.spans["document_number"]
    assert text[start:end] == "27/KH-UBND"
    ((start, end),) = reading.spans["theme"]
    assert text[start:end] == reading.theme
    assert len(reading.spans["contents"]) == len(reading.contents)


def test_an_unfilled_number_and_date_are_null_with_warnings():
    text = (
        "Số: /CT-UBND\n\nHòa Bình, ngày    tháng    năm 2025\n\nCHỈ THỊ\nVề việc phát động "
        "phong trào thi đua năm 2025\n\nUBND tỉnh phát động phong trào thi đua năm 2025.\n"
    )
    with translation.override("en"):
        reading = read_text(text)
    assert reading.doc_type == "chi_thi"
    assert reading.document_number is None
    assert reading.signed_on is None
    assert any("/CT-UBND" in w for w in reading.warnings)
    assert any("signing date" in w for w in reading.warnings)
    assert reading.issuer == "UBND tỉnh Hòa Bình"


def test_a_decision_heading_gives_its_genre_and_title():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 112/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc phát động đợt "
        "thi đua đặc biệt năm 2025\n\nĐiều 1. Phát động đợt thi đua đặc biệt.\n"
    )
    reading = read_text(text)
    assert (reading.doc_type, reading.document_number) == ("quyet_dinh", "112/QĐ-UBND")
    assert reading.title == "Về việc phát động đợt thi đua đặc biệt năm 2025"
    assert reading.issuer == "UBND tỉnh An Giang"


def test_a_department_under_a_province_and_a_union_standing_committee():
    department = read_text("UBND TỈNH NAM ĐỊNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 5/KH-SGDĐT\n")
    assert department.issuer == "Sở Giáo dục và Đào tạo tỉnh Nam Định"
    union = read_text("LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH\nBAN THƯỜNG VỤ\nSố: 3/KH-LĐLĐ\n")
    assert union.issuer == "Liên đoàn Lao động tỉnh Hà Tĩnh"


def test_ordinal_items_and_a_mistyped_one_are_contents_but_not_the_execution_items():
    text = (
        "UBND xã phát động phong trào thi đua với các nội dung:\n\n"
        "Một là, đẩy mạnh phát triển kinh tế hộ gia đình.\n\n"
        "Hai là, xây dựng nông thôn mới kiểu mẫu.\n\n"
        "Bả là, giữ gìn an ninh trật tự trên địa bàn.\n\n"
        "Bốn là, tổ chức thực hiện tốt công tác khen thưởng.\n\n"
        "Tổ chức thực hiện\na) Công chức văn hóa xã theo dõi phong trào.\n"
        "b) Các thôn tổ chức phát động.\n"
    )
    reading = read_text(text)
    assert [c.split(",")[0].split()[0] for c in reading.contents] == ["Đẩy", "Xây", "Giữ", "Tổ"]


def test_paragraphs_after_an_announced_list_of_contents_are_its_items():
    text = (
        "Chủ tịch UBND tỉnh phát động phong trào thi đua với các nội dung chủ yếu sau:\n\n"
        "Tiếp tục nâng cao hiệu quả quản lý nhà nước về thi đua, khen thưởng.\n\n"
        "Đẩy mạnh cải cách hành chính, chuyển đổi số trong các cơ quan nhà nước.\n\n"
        "Để tổ chức thực hiện, giao Sở Nội vụ theo dõi, tổng hợp kết quả.\n"
    )
    reading = read_text(text)
    assert len(reading.contents) == 2
    assert [(r.agency, r.task) for r in reading.responsible] == [
        ("Sở Nội vụ", "theo dõi, tổng hợp kết quả")
    ]


# --- a news article -----------------------------------------------------------------------


def test_web_page_noise_is_dropped():
    text = clean(NEWS).text
    for noise in ("Trang chủ", "Lượt xem", "Tin khác", "Back To Top", "Chia sẻ", "lượt khách"):
        assert noise not in text
    assert text.count("phát biểu chỉ đạo hội nghị") == 1  # a caption repeated under a picture
    assert "\n,\n" not in text and not text.endswith(".")  # lines of lone punctuation


def test_a_news_article_is_read():
    reading = read_text(NEWS)
    assert reading.doc_type == "tin_bai"
    assert reading.title == "Cao Bằng phát động thi đua hoàn thành thắng lợi nhiệm vụ năm 2025"
    assert reading.issuer == "UBND tỉnh Cao Bằng"
    assert reading.locality == "Cao Bằng"
    assert reading.signer == "Lê Hải Hòa"  # the chairman who launches, not the guest
    assert reading.year == 2025
    assert (reading.document_number, reading.signed_on) == (None, None)
    # Last year's results and the award counts are not targets.
    assert [(t.value, t.unit, t.comparator) for t in reading.targets] == [
        (7, "%", "khoang"),
        (2400, "tỷ đồng", "dat"),
        (14, "%", "tang"),
        (4, "%", "giam"),
    ]
    assert reading.targets[2].reference == "so với năm 2024"
    assert_spans_point_into_the_text(reading)


def test_a_news_article_about_a_block_with_a_guest_has_no_signer():
    text = (
        "Khối thi đua các trường đại học phát động phong trào thi đua năm 2025\n\n"
        "Ngày 12-1, Khối thi đua các trường đại học tổ chức hội nghị, phát động phong trào thi "
        "đua năm 2025. Đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh tới dự.\n"
    )
    reading = read_text(text)
    assert reading.doc_type == "tin_bai"
    assert reading.issuer.startswith("Khối")
    assert reading.signer is None


# --- the five seed texts --------------------------------------------------------------------


def test_seed_000_news_article_of_a_province():
    reading = seed(0)
    assert reading.doc_type == "tin_bai"
    assert reading.issuer == "UBND tỉnh"  # the article never names the province
    assert reading.signer == "Lê Thành Đô"
    assert reading.year == 2022
    assert reading.motto.startswith("Đoàn kết, kỷ cương")
    assert reading.theme is None
    assert len(reading.contents) == 5
    assert (by(reading, "Tốc độ tăng trưởng", "dat").value, reading.targets[0].unit) == (10, "%")
    grdp = by(reading, "GRDP")
    assert (grdp.value, grdp.unit, grdp.comparator) == (37.4, "triệu đồng/người/năm", "dat")
    budget = by(reading, "Thu ngân sách")
    assert (budget.value, budget.unit, budget.comparator) == (2326, "tỷ đồng", "dat")
    domestic = [t for t in reading.targets if t.indicator == "Thu nội địa"]
    assert [(t.value, t.unit, t.comparator, t.reference) for t in domestic] == [
        (2316, "tỷ đồng", "dat", None),
        (50.49, "%", "tang", "so với năm 2021"),
    ]
    poor = by(reading, "Số hộ nghèo")
    assert (poor.value, poor.unit, poor.comparator) == (43048, "hộ", "khong_qua")
    assert len(reading.targets) == 20
    assert "Lượt xem" not in reading.text and "Back To Top" not in reading.text
    assert_spans_point_into_the_text(reading)


def test_seed_001_special_campaign_with_a_mistyped_ordinal():
    reading = seed(1)
    assert (reading.issuer, reading.locality, reading.year) == (
        "UBND tỉnh Hậu Giang",
        "Hậu Giang",
        2023,
    )
    assert reading.signer == "Đồng Văn Thanh"
    assert reading.theme.startswith("Đoàn kết, đột phá, phát triển")
    assert len(reading.contents) == 12  # "Bản là" is the seventh
    assert reading.contents[6].startswith("Hoàn thành thủ tục")
    assert [(t.value, t.unit, t.comparator) for t in reading.targets] == [
        (2, "khu công nghiệp", None),
        (70, "%", "toi_thieu"),
    ] or [(t.value, t.unit, t.comparator) for t in reading.targets] == [
        (70, "%", "toi_thieu"),
        (2, "khu công nghiệp", None),
    ]


def test_seed_002_twenty_numbered_targets_and_the_cited_programme():
    reading = seed(2)
    assert reading.issuer == "UBND tỉnh Hà Giang"
    assert reading.document_number == "322/CTr-UBND"
    assert reading.signed_on == "2023-12-26"
    assert reading.title is None
    assert reading.theme.endswith("năm 2024")
    assert len(reading.contents) == 6
    assert len(reading.targets) == 15
    assert by(reading, "Tỷ lệ trường học đạt chuẩn").comparator is None
    assert by(reading, "Tỷ lệ xã, phường").comparator == "tren"
    assert (by(reading, "Số tiêu chí").value, by(reading, "Số tiêu chí").comparator) == (
        960,
        "tang",
    )
    assert all(t.unit != "tiêu chí" or t.value != 3 for t in reading.targets)
    assert "Thống kê truy cập" not in reading.text and "481.223" not in reading.text


def test_seed_003_draft_directive():
    with translation.override("en"):
        reading = seed(3)
    assert reading.doc_type == "chi_thi"
    assert (reading.issuer, reading.locality) == ("UBND tỉnh Lai Châu", "Lai Châu")
    assert (reading.document_number, reading.signed_on) == (None, None)
    assert any("Số: /CT-UBND" in w for w in reading.warnings)
    assert reading.signer == "Trần Tiến Dũng"
    assert reading.theme.startswith("Bảo đảm thích ứng an toàn")  # not the national theme
    assert len(reading.contents) == 7  # item 8 is "Tổ chức thực hiện"
    assert "ra những đột phát" in reading.contents[0]  # mended across the page break
    birth = by(reading, "Mức giảm tỷ suất sinh")
    assert (birth.value, birth.unit, birth.comparator) == (0.4, "‰", "giam")
    assert len(reading.targets) == 8
    agencies = [r.agency for r in reading.responsible]
    assert "Sở Thông tin và Truyền thông" in agencies
    assert "Sở Nội vụ (Ban Thi đua, khen thưởng tỉnh)" in agencies
    assert "Giám đốc các doanh nghiệp trên địa bàn tỉnh" in agencies


def test_seed_004_block_without_targets():
    with translation.override("en"):
        reading = seed(4)
    assert reading.doc_type == "tin_bai"
    assert reading.issuer.startswith("Khối")
    assert (reading.signer, reading.locality, reading.year) == (None, None, 2022)
    assert reading.targets == []
    assert any("No targets" in w for w in reading.warnings)
    assert reading.text.count("phát biểu kết luận hội nghị") == 1


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n  ", None])
def test_empty_text_is_a_warning_not_a_crash(text):
    with translation.override("en"):
        reading = read_text(text)
    assert reading.targets == [] and reading.warnings
    assert "empty" in reading.warnings[0]


def test_another_language_is_warned_about():
    with translation.override("en"):
        reading = read_text("The quick brown fox jumps over the lazy dog. " * 20)
    assert any("Vietnamese" in w for w in reading.warnings)


def test_garbage_does_not_crash():
    reading = read_text("\x00\x01ÿþ%%%\n" * 500 + "12,34,56 / 7.8.9 % tỷ" * 300)
    assert reading.targets == []


def test_a_text_cut_off_in_the_middle_is_warned_about():
    with translation.override("en"):
        reading = read_text(
            "Chủ tịch UBND tỉnh phát động phong trào thi đua với các chỉ tiêu: thu ngân sách "
            "đạt 5.000 tỷ đồng; tỷ lệ che phủ rừng đạt"
        )
    assert [t.value for t in reading.targets] == [5000]
    assert any("cut off" in w for w in reading.warnings)


def test_read_document_extracts_then_reads():
    reading = read_document(DIRECTIVE.encode("utf-8"), "ke-hoach.txt")
    assert reading.document_number == "27/KH-UBND"
    assert len(reading.targets) == 5


# --- speed --------------------------------------------------------------------------------


def test_a_15_kb_directive_is_read_well_under_100_ms():
    text = (TEXTS / "seed_003.txt").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) > 15_000
    read_text(text)  # warm up
    times = []
    for _ in range(5):
        start = time.perf_counter()
        read_text(text)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.1


def test_reading_time_grows_linearly_with_pathological_input():
    text = "Các chỉ tiêu: " + " ".join(f"({i % 20 + 1}) tỷ lệ {i}%;" for i in range(5000))
    start = time.perf_counter()
    reading = read_text(text)
    assert time.perf_counter() - start < 5
    assert len(reading.targets) == 5000
