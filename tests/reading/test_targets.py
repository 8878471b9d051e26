"""Targets (chỉ tiêu): Vietnamese numbers, units, comparators, ranges, references, and the
numbers that are not targets. Each case is a small sentence written for the test."""

from __future__ import annotations

import pytest
from django.utils import translation

from thidua.reading.rules import normalise_unit, parse_number
from thidua.reading.targets import find_targets


def read(sentence: str, year: int | None = 2024):
    targets, _warnings = find_targets(sentence, year)
    for target in targets:
        assert sentence[target.start : target.end] == target.raw
    return targets


def one(sentence: str, year: int | None = 2024):
    targets = read(sentence, year)
    assert len(targets) == 1, targets
    return targets[0]


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.326", 2326),
        ("37,4", 37.4),
        ("8.150", 8150),
        ("275.794", 275794),
        ("2.460,5", 2460.5),
        ("1.234.567", 1234567),
        ("0,4", 0.4),
        ("02", 2),
    ],
)
def test_vietnamese_number_formats(written, value):
    assert parse_number(written).value == pytest.approx(value)


def test_a_leading_zero_is_noted_and_marks_are_flagged_when_ambiguous():
    assert parse_number("06").leading_zero
    assert not parse_number("6").leading_zero
    assert parse_number("2,500").ambiguous  # 2.5 in Vietnamese, 2500 in English
    assert parse_number("10.5").ambiguous  # a decimal point where Vietnamese writes a comma
    assert not parse_number("2.500").ambiguous


def test_a_count_written_with_an_english_comma_is_read_as_thousands_with_a_warning():
    with translation.override("en"):
        targets, warnings = find_targets("Phấn đấu giải quyết việc làm cho 2,500 lao động.")
    assert targets[0].value == 2500
    assert any("2,500" in w for w in warnings)


def test_a_decimal_point_is_read_as_decimal_with_a_warning():
    with translation.override("en"):
        targets, warnings = find_targets("Tỷ lệ đô thị hóa đạt 10.5%.")
    assert targets[0].value == 10.5
    assert any("10,5" in w for w in warnings)


# --- comparators --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "comparator", "value"),
    [
        ("Tỷ lệ che phủ rừng đạt 45%.", "dat", 45),
        ("Tỷ lệ che phủ rừng ước đạt 45%.", "dat", 45),
        ("Tỷ lệ che phủ rừng khoảng 45%.", "khoang", 45),
        ("Tỷ lệ trẻ em được tiêm chủng trên 95%.", "tren", 95),
        ("Phấn đấu giải quyết việc làm cho hơn 2.000 lao động.", "tren", 2000),
        ("Mỗi huyện xây dựng ít nhất 3 mô hình dân vận khéo.", "toi_thieu", 3),
        ("Tỷ lệ hộ dân dùng nước sạch tối thiểu 80%.", "toi_thieu", 80),
        ("Tổng thu ngân sách không dưới 5.600 tỷ đồng.", "toi_thieu", 5600),
        ("Tỷ lệ thất nghiệp khu vực thành thị dưới 3,5%.", "duoi", 3.5),
        ("Tỷ lệ nợ xấu không quá 3%.", "khong_qua", 3),
        ("Thời gian giải quyết hồ sơ tối đa 10 ngày.", "khong_qua", 10),
        ("Tổng sản phẩm trên địa bàn tăng 7,5%.", "tang", 7.5),
        ("Số vụ tai nạn giao thông giảm 5%.", "giam", 5),
        ("Giảm số hộ nghèo toàn huyện xuống còn 1.200 hộ.", "khong_qua", 1200),
        ("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ từ 90% trở lên.", "toi_thieu", 90),
        ("Phấn đấu 100% hồ sơ được giải quyết đúng hạn.", None, 100),
        ("Duy trì 100% xã đạt chuẩn nông thôn mới.", None, 100),
    ],
)
def test_comparator_words(sentence, comparator, value):
    target = one(sentence)
    assert (target.comparator, target.value) == (comparator, value)


def test_a_qualifier_keeps_an_increase_an_increase():
    assert one("Doanh thu tăng từ 8% trở lên so với năm 2023.").comparator == "tang"
    assert one("Tỷ lệ hộ nghèo giảm trên 4%.").comparator == "giam"
    assert one("Cắt giảm ít nhất 20% thời gian xử lý hồ sơ.").comparator == "giam"


def test_a_change_verb_opening_the_clause_is_the_comparator():
    target = one("Giảm tỷ suất sinh thô 0,2‰ so với năm 2023.")
    assert (target.comparator, target.value, target.unit) == ("giam", 0.2, "‰")
    assert "tỷ suất sinh thô" in target.indicator.lower()


def test_dat_inside_the_indicator_is_not_a_comparator():
    text = "Các chỉ tiêu chủ yếu: (1) Tỷ lệ trường học đạt chuẩn quốc gia 60%; (2) Tỷ lệ tăng dân số tự nhiên 1,2%."
    first, second = read(text)
    assert first.comparator is None and "đạt chuẩn quốc gia" in first.indicator
    assert second.comparator is None and second.indicator.startswith("Tỷ lệ tăng dân số")


def test_tren_dia_ban_is_not_the_comparator_tren():
    target = one("Thu ngân sách nhà nước trên địa bàn đạt 2.460 tỷ đồng.")
    assert target.comparator == "dat"
    assert target.indicator == "Thu ngân sách nhà nước trên địa bàn"


# --- ranges, composite amounts, units ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tốc độ tăng trưởng kinh tế đạt 6,5–7%.",
        "Tốc độ tăng trưởng kinh tế đạt 6,5 - 7%.",
        "Tốc độ tăng trưởng kinh tế đạt 6,5% - 7%.",
        "Tốc độ tăng trưởng kinh tế đạt từ 6,5 đến 7%.",
        "Tốc độ tăng trưởng kinh tế đạt từ 6,5% đến 7%.",
    ],
)
def test_ranges(sentence):
    target = one(sentence)
    assert (target.value, target.value_max, target.unit, target.comparator) == (6.5, 7, "%", "dat")


def test_a_range_without_comparator_is_a_target_and_tu_is_not_a_comparator():
    target = one("Tốc độ tăng trưởng kinh tế từ 6,5 đến 7%.")
    assert (target.value, target.value_max, target.comparator) == (6.5, 7, None)


def test_a_year_range_is_not_a_range_target():
    assert read("Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021-2025 và 2026 - 2030.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Phấn đấu huy động 12.739 tỷ 600 triệu đồng cho đầu tư.", 12739.6, "tỷ đồng"),
        ("Quỹ Vì người nghèo phấn đấu đạt 1 tỷ 250 triệu đồng.", 1.25, "tỷ đồng"),
        ("Dành 3 tỷ 500 triệu đồng hỗ trợ xây nhà cho hộ nghèo.", 3.5, "tỷ đồng"),
    ],
)
def test_composite_amounts_are_folded_into_one_unit(sentence, value, unit):
    target = one(sentence)
    assert (target.value, target.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Thu nhập bình quân đầu người đạt 37,4 triệu đồng/người/năm.", "triệu đồng/người/năm"),
        ("Kim ngạch xuất khẩu đạt 98 triệu USD.", "triệu USD"),
        ("Kim ngạch xuất khẩu đạt 1,2 tỷ đô la Mỹ.", "tỷ USD"),
        ("Sản lượng lương thực đạt 275.794 tấn.", "tấn"),
        ("Thu hút 3,2 triệu lượt khách du lịch.", "triệu lượt khách"),
        ("Phấn đấu đạt 10 bác sĩ/1 vạn dân.", "bác sĩ/vạn dân"),
        ("Tỷ suất sinh giảm 0,5‰.", "‰"),
        ("Tỷ lệ hộ nghèo giảm 2 phần trăm.", "%"),
        ("Trồng mới 1.500 ha rừng tập trung.", "ha"),
        ("Năng suất lúa đạt 62 tạ/ha.", "tạ/ha"),
        ("Trong năm có thêm 4 xã đạt chuẩn nông thôn mới.", "xã"),
        ("Giảm 12 hộ nghèo.", "hộ"),
        ("Tổ chức thăm, tặng 15 ngàn suất quà cho đoàn viên.", "nghìn suất quà"),
        ("Tỷ số giới tính khi sinh không quá 110 bé trai/100 bé gái.", "bé trai/100 bé gái"),
    ],
)
def test_units_are_read_and_lightly_normalised(sentence, unit):
    assert one(sentence).unit == unit


def test_normalise_unit():
    assert normalise_unit("tỉ  đồng") == "tỷ đồng"
    assert normalise_unit("ngàn  tấn") == "nghìn tấn"
    assert normalise_unit("giường bệnh / 1 vạn dân") == "giường bệnh/vạn dân"
    assert normalise_unit("VNĐ") == "đồng"


# --- references and chained increases -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        ("Doanh thu du lịch tăng 15% so với năm 2023.", "so với năm 2023"),
        ("Số vụ cháy rừng giảm 10% so với cùng kỳ.", "so với cùng kỳ"),
        (
            "Giá trị xuất khẩu tăng 9% so với ước thực hiện năm 2023.",
            "so với ước thực hiện năm 2023",
        ),
    ],
)
def test_references(sentence, reference):
    assert one(sentence).reference == reference


def test_an_increase_after_a_target_is_its_own_tang_entry_with_the_same_indicator():
    first, second = read(
        "Kim ngạch xuất khẩu hàng hóa, dịch vụ đạt 500 triệu USD, tăng 10% so với năm 2023."
    )
    assert (first.comparator, first.value, first.unit, first.reference) == (
        "dat",
        500,
        "triệu USD",
        None,
    )
    assert (second.comparator, second.value, second.unit) == ("tang", 10, "%")
    assert second.reference == "so với năm 2023"
    assert first.indicator == second.indicator == "Kim ngạch xuất khẩu hàng hóa, dịch vụ"


def test_a_narrowing_clause_inherits_the_subject_before_it():
    _total, part = read(
        "Tỷ lệ lao động qua đào tạo đạt 65%, trong đó có bằng cấp, chứng chỉ đạt 30%."
    )
    assert part.indicator == "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"
    _all, poor = read("Tỷ lệ hộ nghèo giảm 2%, riêng các huyện nghèo giảm 4%.")
    assert poor.indicator.startswith("Tỷ lệ hộ nghèo") and "huyện nghèo" in poor.indicator


def test_and_carries_the_comparator_to_the_next_quantity():
    doctors, beds = read("Phát triển y tế: đạt 12 bác sĩ/vạn dân và 35 giường bệnh/vạn dân.")
    assert (doctors.comparator, beds.comparator) == ("dat", "dat")
    assert beds.indicator == "Giường bệnh/vạn dân"


# --- lists ------------------------------------------------------------------------------


def test_numbered_targets_without_comparators():
    targets = read(
        "Các chỉ tiêu chủ yếu: (1) Tỷ lệ lao động qua đào tạo 70%; (2) Số xã đạt chuẩn nông "
        "thôn mới 5 xã; (3) Tỷ lệ che phủ rừng đạt 58%."
    )
    assert [(t.value, t.unit, t.comparator) for t in targets] == [
        (70, "%", None),
        (5, "xã", None),
        (58, "%", "dat"),
    ]
    assert targets[0].indicator == "Tỷ lệ lao động qua đào tạo"


def test_a_share_takes_its_indicator_from_what_follows():
    target = one("Thi đua với các chỉ tiêu: 95% số hộ được sử dụng nước hợp vệ sinh.")
    assert target.indicator == "Số hộ được sử dụng nước hợp vệ sinh"


def test_a_count_after_a_verb_of_doing_is_a_target():
    target = one("Hoàn thành thủ tục và khởi công dự án hạ tầng 03 cụm công nghiệp mới.")
    assert (target.value, target.unit, target.comparator) == (3, "cụm công nghiệp", None)
    assert "khởi công" in target.indicator


def test_the_indicator_is_trimmed_of_filler():
    assert one("Năm 2024, phấn đấu tổng vốn đầu tư đạt 9.000 tỷ đồng.").indicator == "Vốn đầu tư"
    first, second = read("Phấn đấu thu ngân sách đạt 900 tỷ đồng và tỷ lệ giải ngân đạt trên 95%.")
    assert (first.indicator, second.indicator) == ("Thu ngân sách", "Tỷ lệ giải ngân")


# --- what is not a target ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 15/3/2024, UBND tỉnh ban hành văn bản hướng dẫn.",
        "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
        "Thực hiện Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị.",
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025.",
        "Lập thành tích chào mừng kỷ niệm 70 năm Chiến thắng Điện Biên Phủ.",
        "Thi đua chào mừng 20 năm thành lập tỉnh.",
        "Phong trào thi đua gồm 06 nội dung trọng tâm.",
        "Phấn đấu đạt và vượt tất cả 18 chỉ tiêu chủ yếu.",
        "Giảm tai nạn giao thông trên cả 3 tiêu chí.",
        "Hội nghị bắt đầu lúc 09:52 tại hội trường tỉnh.",
        "Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 20 tập thể và 30 cá nhân.",
        "Số lượng khen thưởng không quá 10% số tập thể được đề nghị.",
        "Nâng cấp Đường tỉnh 927 và Quốc lộ 1A.",
        "Thành viên Cụm thi đua 7 tỉnh miền núi phía Bắc.",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng được theo dõi hằng tháng.",
        "Chương trình diễn ra từ 8 giờ 30 đến 9 giờ 15.",
        "Kế hoạch được lập thành 11 bản.",
    ],
)
def test_numbers_that_are_not_targets(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023, thu ngân sách trên địa bàn đạt 5.000 tỷ đồng, tăng 12% so với năm 2022.",
        "Năm qua, tỷ lệ hộ nghèo giảm 2,1%.",
        "Toàn tỉnh đã đạt 95% kế hoạch năm.",
        "Năm 2023, phong trào thi đua được triển khai rộng khắp, thu ngân sách đạt 2.000 tỷ đồng.",
        "Kết quả, tốc độ tăng trưởng kinh tế đạt 6,8%.",
        "Theo báo cáo, giai đoạn 2019 - 2023 toàn tỉnh có 2.145 sáng kiến được công nhận.",
        "Tốc độ tăng trưởng bình quân giai đoạn 2016 - 2020 đạt 6,8%/năm.",
    ],
)
def test_past_results_are_not_targets(sentence):
    assert read(sentence, year=2024) == []


def test_a_figure_for_the_movement_year_is_not_a_past_result():
    assert one("Năm 2024, thu ngân sách phấn đấu đạt 5.500 tỷ đồng.", year=2024).value == 5500


def test_a_comparator_before_a_number_without_unit_is_warned_about_in_a_list():
    with translation.override("en"):
        targets, warnings = find_targets(
            "Các chỉ tiêu: chỉ số PAPI đạt trên 45; thu ngân sách đạt 10 tỷ đồng."
        )
    assert [t.value for t in targets] == [10]
    assert any("trên 45" in w for w in warnings)


def test_spans_point_into_the_text():
    text = (
        "Thi đua hoàn thành các mục tiêu: Tốc độ tăng trưởng đạt 8%, GRDP bình quân đầu người "
        "đạt 75 triệu đồng/người/năm; kim ngạch xuất khẩu đạt 1,2 tỷ USD, tăng 9% so với năm 2023."
    )
    targets = read(text)
    assert len(targets) == 4
    assert targets[0].raw == "Tốc độ tăng trưởng đạt 8%"
    assert targets[3].raw.endswith("tăng 9% so với năm 2023")
    assert all(a.end <= b.start for a, b in zip(targets, targets[1:], strict=False))
