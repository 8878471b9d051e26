"""The scorer itself (thidua.reading.evaluate), on small hand-made predictions, and the
labelled set's integrity. No reader is needed here: the predictions are written by hand."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import pytest

from thidua.reading import evaluate as ev
from thidua.reading.schema import COMPARATORS, DOC_TYPES, Reading

HERE = Path(__file__).parent


def target(indicator, value, unit, comparator=None, value_max=None, reference=None):
    return {
        "indicator": indicator,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "comparator": comparator,
        "reference": reference,
    }


GOLD = {
    "doc_type": "chi_thi",
    "issuer": "UBND tỉnh Lai Châu",
    "locality": "Lai Châu",
    "year": 2022,
    "document_number": "09/CT-UBND",
    "signed_on": "2022-01-20",
    "signer": "Trần Tiến Dũng",
    "title": "Về việc phát động phong trào thi đua năm 2022",
    "theme": "Đoàn kết, sáng tạo",
    "motto": None,
    "contents": [
        "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng thi đua yêu nước",
        "Thi đua thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội năm 2022",
    ],
    "targets": [
        target("Tổng thu ngân sách nhà nước", 2326, "tỷ đồng", "dat"),
        target("thu nội địa", 50.49, "%", "tang", reference="so với năm 2021"),
        target("tỷ suất sinh", 0.4, "‰", "giam"),
        target("tốc độ tăng trưởng kinh tế", 6.5, "%", value_max=7),
    ],
    "responsible": [
        {"agency": "Sở Nội vụ", "task": "theo dõi, tổng hợp"},
        {"agency": "Sở Thông tin và Truyền thông", "task": "tuyên truyền"},
    ],
    "warnings": [],
}


def predicted(**changes):
    data = copy.deepcopy(GOLD)
    data.update(changes)
    return data


# ------------------------------------------------------------------ targets


def test_perfect_prediction_scores_one_everywhere():
    score = ev.score_document("doc", GOLD, predicted())
    assert (score.tp, score.n_gold, score.n_pred) == (4, 4, 4)
    assert score.prf == (1.0, 1.0, 1.0)
    assert all(score.fields.values())
    assert ev.compare_reading(GOLD, predicted()) == []


def test_a_missing_target_lowers_recall_only():
    score = ev.score_document("doc", GOLD, predicted(targets=GOLD["targets"][:3]))
    precision, recall, f1 = score.prf
    assert precision == 1.0
    assert recall == pytest.approx(0.75)
    assert f1 == pytest.approx(2 * 0.75 / 1.75)
    assert score.missed() == [GOLD["targets"][3]]


def test_an_extra_target_lowers_precision_only():
    anniversary = target("Chiến thắng Điện Biên Phủ", 70, "năm")
    score = ev.score_document("doc", GOLD, predicted(targets=[*GOLD["targets"], anniversary]))
    precision, recall, _ = score.prf
    assert precision == pytest.approx(0.8)
    assert recall == 1.0
    assert score.extra() == [anniversary]
    assert any(
        "target extra" in p
        for p in ev.compare_reading(GOLD, predicted(targets=[*GOLD["targets"], anniversary]))
    )


def test_a_wrong_unit_does_not_match():
    gold = target("Tổng thu ngân sách nhà nước", 2326, "tỷ đồng", "dat")
    assert not ev.target_matches(
        gold, target("Tổng thu ngân sách nhà nước", 2326, "triệu đồng", "dat")
    )
    assert not ev.target_matches(gold, target("Tổng thu ngân sách nhà nước", 2326, "USD", "dat"))


def test_scale_words_may_sit_in_the_value_or_in_the_unit():
    gold = target("Thu hút khách du lịch", 3.2, "triệu lượt khách")
    assert ev.target_matches(gold, target("Thu hút khách du lịch", 3_200_000, "lượt khách"))
    composite = target("tổng vốn đầu tư toàn xã hội", 12739.6, "tỷ đồng", "dat")
    assert ev.target_matches(composite, target("tổng vốn đầu tư", 12_739_600, "triệu đồng", "dat"))
    assert not ev.target_matches(composite, target("tổng vốn đầu tư", 12739, "tỷ đồng", "dat"))


def test_units_are_lightly_normalised():
    gold = target("bình quân bác sĩ/1 vạn dân", 10.2, "bác sĩ/vạn dân")
    assert ev.target_matches(gold, target("bình quân bác sĩ", 10.2, "Bác sĩ / 1 vạn dân"))
    assert ev.target_matches(
        target("thu ngân sách", 5, "tỷ đồng"), target("thu ngân sách", 5, "tỉ VNĐ")
    )


def test_value_max_and_comparator_must_agree():
    gold = target("tốc độ tăng trưởng kinh tế", 6.5, "%", value_max=7)
    assert ev.target_matches(gold, target("tốc độ tăng trưởng kinh tế", 6.5, "%", value_max=7.0))
    assert not ev.target_matches(gold, target("tốc độ tăng trưởng kinh tế", 6.5, "%"))
    assert not ev.target_matches(gold, target("tốc độ tăng trưởng kinh tế", 6.5, "%", "dat", 7))
    increase = target("thu nội địa", 50.49, "%", "tang")
    assert not ev.target_matches(increase, target("thu nội địa", 50.49, "%", "dat"))
    assert not ev.target_matches(increase, target("thu nội địa", 50.49, "%"))


def test_indicator_overlap_needs_half_of_the_gold_content_words():
    gold = "Tỷ lệ hộ nghèo các huyện nghèo"
    assert ev.content_words(gold) == {"tỷ", "lệ", "hộ", "nghèo", "huyện"}
    assert ev.indicator_overlaps(gold, "riêng các huyện nghèo, tỷ lệ")  # 4 of 5
    assert ev.indicator_overlaps(gold, "hộ nghèo huyện")  # 3 of 5
    assert not ev.indicator_overlaps(gold, "huyện nghèo")  # 2 of 5
    assert not ev.indicator_overlaps(gold, "tổng sản lượng lương thực")


def test_indicator_overlap_ignores_case_tone_placement_numbers_and_function_words():
    assert ev.indicator_overlaps("Tổng thu ngân sách Nhà nước", "TỔNG THU NGÂN SÁCH")
    assert ev.indicator_overlaps("kim ngạch xuất khẩu hàng hóa", "kim ngạch hàng hoá")
    # "đạt", "các", "của", the year are not content words: only the subject counts.
    assert ev.content_words("tỷ lệ che phủ rừng đạt của các năm 2022") == {
        "tỷ",
        "lệ",
        "che",
        "phủ",
        "rừng",
    }
    assert not ev.indicator_overlaps("tỷ lệ che phủ rừng", "đạt năm 2024 của các")


def test_diacritics_tell_words_apart():
    # Without diacritics "đầu tư" would be the function words "(phấn) đấu" and "từ".
    assert ev.content_words("vốn đầu tư") == {"vốn", "đầu", "tư"}
    assert not ev.indicator_overlaps("tổng vốn đầu tư", "phấn đấu từ tổng")


def test_each_gold_target_matches_at_most_one_prediction():
    gold = [target("tỷ lệ hộ nghèo", 3.1, "%", "giam")]
    twice = [target("tỷ lệ hộ nghèo", 3.1, "%", "giam"), target("hộ nghèo", 3.1, "%", "giam")]
    assert len(ev.match_targets(gold, twice)) == 1
    score = ev.score_document("doc", {"targets": gold}, {"targets": twice})
    assert score.prf[0] == 0.5


def test_matching_is_optimal_not_greedy():
    # The first prediction fits both gold targets, the second only the first gold target:
    # a greedy pass would pair gold 0 with prediction 0 and leave gold 1 alone.
    gold = [
        target("tỷ lệ hộ nghèo", 3.1, "%", "giam"),
        target("hộ nghèo các huyện", 3.1, "%", "giam"),
    ]
    preds = [
        target("tỷ lệ hộ nghèo các huyện", 3.1, "%", "giam"),
        target("tỷ lệ hộ nghèo", 3.1, "%", "giam"),
    ]
    assert ev.match_targets(gold, preds) == [(0, 1), (1, 0)]


def test_no_targets_expected_and_none_predicted_is_perfect():
    assert ev.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert ev.prf(0, 0, 2)[2] == 0.0
    assert ev.prf(0, 3, 0)[2] == 0.0


# ------------------------------------------------------------------ fields


def test_text_fields_compare_folded_with_abbreviations_expanded():
    assert ev.field_correct("issuer", GOLD, predicted(issuer="Ủy ban nhân dân tỉnh Lai Châu"))
    assert ev.field_correct("issuer", GOLD, predicted(issuer="UBND TỈNH LAI CHÂU"))
    assert not ev.field_correct("issuer", GOLD, predicted(issuer="UBND tỉnh"))
    assert ev.field_correct("theme", GOLD, predicted(theme="“Đoàn kết, sáng tạo”"))
    assert ev.field_correct("document_number", GOLD, predicted(document_number="09 CT/UBND"))
    assert not ev.field_correct("document_number", GOLD, predicted(document_number="19/CT-TTg"))


def test_null_matches_only_null():
    gold = predicted(signer=None)
    assert ev.field_correct("signer", gold, predicted(signer=None))
    assert ev.field_correct("signer", gold, predicted(signer=""))
    assert not ev.field_correct("signer", gold, predicted(signer="Phạm Dương"))
    assert not ev.field_correct("signer", GOLD, predicted(signer=None))


def test_alternatives_in_the_gold_are_accepted():
    gold = predicted(
        issuer="Khối thi đua các sở, ban, ngành kinh tế - kỹ thuật",
        _alternatives={"issuer": ["Khối các sở, ban, ngành kinh tế - kỹ thuật"]},
    )
    assert ev.field_correct(
        "issuer", gold, predicted(issuer="Khối các sở, ban, ngành kinh tế - kỹ thuật")
    )
    assert not ev.field_correct("issuer", gold, predicted(issuer="Khối thi đua"))


def test_year_and_contents_count():
    assert ev.field_correct("year", GOLD, predicted(year="2022"))
    assert not ev.field_correct("year", GOLD, predicted(year=2021))
    assert ev.field_correct("contents", GOLD, predicted(contents=["a", "b"]))
    assert not ev.field_correct("contents", GOLD, predicted(contents=["a"]))


def test_compare_reading_names_each_disagreement():
    wrong = predicted(
        doc_type="tin_bai",
        signer="Phạm Dương",
        contents=[
            "1. Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng thi đua yêu nước",
            "Hai là, một nội dung khác hẳn",
        ],
        targets=[
            *GOLD["targets"][:1],
            target("thu nội địa", 50.49, "%", "tang", reference="so với năm 2020"),
            *GOLD["targets"][2:],
        ],
        responsible=[
            {"agency": "Sở Nội vụ", "task": "theo dõi"},
            {"agency": "Công an tỉnh", "task": "x"},
        ],
    )
    problems = ev.compare_reading(GOLD, wrong)
    assert any(p.startswith("doc_type") for p in problems)
    assert any(p.startswith("signer") for p in problems)
    assert any(p.startswith("contents[2]") for p in problems)
    assert not any(p.startswith("contents[1]") for p in problems)  # the "1." is tolerated
    assert any(p.startswith("target reference") for p in problems)
    assert any("responsible missing" in p and "Thông tin" in p for p in problems)
    assert any("responsible extra" in p and "Công an" in p for p in problems)
    assert len(problems) == 6


def test_responsible_agencies_may_be_split_or_merged():
    merged = predicted(
        responsible=[{"agency": "Sở Nội vụ; Sở Thông tin và Truyền thông", "task": "…"}]
    )
    assert ev.compare_reading(GOLD, merged) == []


# ------------------------------------------------------------------ running


def write_set(directory: Path, items: dict[str, tuple[str, dict]]) -> None:
    (directory / "texts").mkdir()
    (directory / "gold").mkdir()
    for name, (text, gold) in items.items():
        (directory / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
        (directory / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_evaluate_with_a_stub_reader_and_a_failing_document(tmp_path):
    write_set(tmp_path, {"a": ("văn bản A", GOLD), "b": ("văn bản B", GOLD)})

    def stub(text):
        if text.endswith("B"):
            raise ValueError("cannot read")
        return Reading(
            **{k: v for k, v in predicted().items() if k not in ("targets", "responsible")}
        )

    report = ev.evaluate(reader=stub, directory=tmp_path)
    assert [d.name for d in report.documents] == ["a", "b"]
    a, b = report.documents
    assert a.n_pred == 0 and a.fields["issuer"] and a.fields["contents"]
    assert b.error == "ValueError: cannot read" and not b.fields["issuer"]
    assert report.n_gold == 8 and report.tp == 0
    assert report.accuracy("issuer") == 0.5
    assert report.errors == ["b: ValueError: cannot read"]


def test_a_text_without_gold_is_an_error(tmp_path):
    write_set(tmp_path, {"a": ("văn bản A", GOLD)})
    (tmp_path / "texts" / "b.txt").write_text("không nhãn", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        ev.load_labelled(tmp_path)


def test_main_prints_a_table_per_document_and_overall(tmp_path, monkeypatch, capsys):
    write_set(tmp_path, {"seed_x": ("văn bản", GOLD), "own_y": ("văn bản", GOLD)})
    monkeypatch.setattr(
        "thidua.reading.read_text", lambda text: predicted(targets=GOLD["targets"][:2])
    )
    assert ev.main(["--dir", str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "seed_x" in out and "own_y" in out and "overall" in out
    assert "missed: 'tỷ suất sinh'" in out
    assert "F1 0.667" in out  # 4 of 8 found, all 4 predictions right
    assert ev.main(["--dir", str(tmp_path), "--min-f1", "0.95"]) == 1


# ------------------------------------------------------------------ the labelled set


def test_the_gold_read_back_as_a_prediction_scores_perfectly():
    """The scorer and the gold agree with themselves: no gold target is unmatchable, no
    field compares unequal to itself."""
    items = ev.load_labelled(HERE)
    by_text = {item.text: item.gold for item in items}
    report = ev.evaluate(reader=lambda text: copy.deepcopy(by_text[text]), labelled=items)
    assert report.prf == (1.0, 1.0, 1.0)
    assert all(report.accuracy(f) == 1.0 for f in ev.ACCURACY_FIELDS)
    for item in items:
        assert ev.compare_reading(item.gold, item.gold) == [], item.name


def labelled_set():
    return ev.load_labelled(HERE)


def test_the_labelled_set_covers_the_seeds_and_ten_texts_of_our_own():
    names = [item.name for item in labelled_set()]
    assert [n for n in names if n.startswith("seed_")] == [f"seed_00{i}" for i in range(5)]
    assert len([n for n in names if not n.startswith("seed_")]) >= 10
    assert sum(len(item.gold["targets"]) for item in labelled_set()) >= 100


@pytest.mark.parametrize("item", labelled_set(), ids=lambda item: item.name)
def test_gold_follows_the_reading_schema(item):
    gold = item.gold
    schema_keys = set(Reading().to_json())
    assert set(k for k in gold if not k.startswith("_")) == schema_keys
    assert gold["doc_type"] in DOC_TYPES
    assert gold["year"] is None or 1945 < gold["year"] < 2100
    if gold["signed_on"]:
        datetime.date.fromisoformat(gold["signed_on"])
    assert all(isinstance(c, str) and c.strip() for c in gold["contents"])
    for t in gold["targets"]:
        assert set(t) == {"indicator", "value", "value_max", "unit", "comparator", "reference"}
        assert t["indicator"].strip()
        assert isinstance(t["value"], int | float)
        assert t["value_max"] is None or t["value_max"] > t["value"]
        assert t["comparator"] is None or t["comparator"] in COMPARATORS
        assert t["unit"]
    for r in gold["responsible"]:
        assert set(r) == {"agency", "task"} and r["agency"].strip()
    for name in gold.get("_alternatives") or {}:
        assert name in schema_keys


@pytest.mark.parametrize("item", labelled_set(), ids=lambda item: item.name)
def test_gold_strings_come_from_the_text(item):
    """Contents, theme, motto and signer are quoted from the text, not paraphrased."""
    text = ev.fold(item.text)
    for name in ("signer", "theme", "motto"):
        if item.gold[name]:
            assert ev.fold(item.gold[name]) in text, name
    for content in item.gold["contents"]:
        assert ev.fold(content) in text
