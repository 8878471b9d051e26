"""The movement page, a target's page, the ranking of units, the leaders' dashboard and
the exports (Excel, PDF)."""

from __future__ import annotations

import io
import re
import zlib
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.movements import selectors, services
from thidua.movements.models import Target, TargetStatus
from thidua.org.models import Unit

from ..factories import UnitFactory
from .factories import make_movement

YEAR = 2025
Q1, Q2 = date(YEAR, 3, 31), date(YEAR, 6, 30)


def report(target, actual, end=Q1):
    return services.progress_report_save(
        actor=None, target=target, period_end=end, actual=Decimal(actual), today=date(YEAR, 12, 31)
    )


def unit_target(movement, unit, indicator, value, measure="người", comparator="dat"):
    return services.target_create(
        actor=None,
        movement=movement,
        level=Target.Level.UNIT,
        unit=unit,
        indicator=indicator,
        measure=measure,
        comparator=comparator,
        value=Decimal(value),
        group="xa_hoi",
    )


@pytest.fixture
def fixture(tree):
    return make_movement(tree, year=YEAR)


def rows_of(response) -> dict[int, tuple[str, str]]:
    """The target rows of a page: ``{target pk: (status, row html)}``."""
    html = response.content.decode()
    return {
        int(pk): (status, body)
        for pk, status, body in re.findall(
            r'<tr data-target="(\d+)" data-status="(\w+)">(.*?)</tr>', html, re.S
        )
    }


def workbook_rows(response) -> list[list]:
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# The movement page ----------------------------------------------------------------------


def test_page_shows_each_target_with_the_colour_and_values_of_its_reports(fixture, clients):
    report(fixture.schools, "59.1")  # the goal: đạt
    report(fixture.growth, "5")  # 5 of 7,5 in the first quarter: có nguy cơ
    response = clients["secretariat"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    assert response.status_code == 200
    rows = rows_of(response)
    assert set(rows) == {fixture.growth.pk, fixture.schools.pk, fixture.beds.pk}

    status, html = rows[fixture.schools.pk]
    assert status == TargetStatus.MET
    assert "bg-success" in html and "59,1" in html and "100 %" in html
    assert "≥ 59,1 %" in html

    status, html = rows[fixture.growth.pk]
    assert status == TargetStatus.AT_RISK
    assert "bg-warning" in html and "66,7 %" in html and "≥ 7,5 %" in html

    status, html = rows[fixture.beds.pk]
    assert status == TargetStatus.NOT_REPORTED
    assert "bg-secondary" in html and "bg-success" not in html

    page = response.content.decode()
    # Overall: (100 % + 66,7 % + 0) ÷ 3.
    assert re.search(r"data-overall>\s*55,6 %", page)
    assert re.search(r'data-count="dat">.*?<strong>1</strong>', page)
    assert re.search(r'data-count="nguy_co">.*?<strong>1</strong>', page)


def test_missed_and_on_track_colours(fixture, clients):
    report(fixture.growth, "7")  # 93 % of 7,5 during the year: đúng tiến độ
    services.review_create(
        actor=None,
        movement=fixture.movement,
        kind="tong_ket",
        held_on=date(YEAR, 12, 20),
        title="Tổng kết",
    )
    response = clients["leader"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    rows = rows_of(response)
    # Settled at the close: 7 < 7,5 is not met; nothing reported is not met either.
    assert rows[fixture.growth.pk][0] == TargetStatus.MISSED
    assert "bg-danger" in rows[fixture.growth.pk][1]
    assert rows[fixture.beds.pk][0] == TargetStatus.MISSED


def test_on_track_is_blue(tree, clients):
    fixture = make_movement(tree, year=YEAR)
    report(fixture.growth, "7")
    rows = rows_of(
        clients["secretariat"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    )
    assert rows[fixture.growth.pk][0] == TargetStatus.ON_TRACK
    assert "bg-primary" in rows[fixture.growth.pk][1]


def test_unit_officer_sees_only_their_units_targets(fixture, clients, users):
    report(fixture.beds, "50")
    response = clients["unit_officer"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    assert set(rows_of(response)) == {fixture.growth.pk, fixture.schools.pk}
    assert "Số giường bệnh" not in response.content.decode()
    other = clients["other_officer"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    assert set(rows_of(other)) == {fixture.growth.pk, fixture.beds.pk}
    # Nor its page, its row in the export or in the ranking.
    assert (
        clients["unit_officer"].get(reverse("movements:target", args=[fixture.beds.pk])).status_code
        == 404
    )
    exported = workbook_rows(
        clients["unit_officer"].get(reverse("movements:targets_export", args=[fixture.movement.pk]))
    )
    assert [row[2] for row in exported[1:]] == [
        "Tốc độ tăng trưởng GRDP",
        "Tỷ lệ trường học đạt chuẩn quốc gia",
    ]
    ranked = selectors.unit_ranking(users["unit_officer"], fixture.movement)
    assert [row["unit_id"] for row in ranked] == [fixture.schools.unit_id]


def test_unit_officer_gets_a_link_to_register_their_unit(fixture, clients, tree):
    response = clients["unit_officer"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    url = reverse("movements:register", args=[fixture.movement.pk, tree.education.pk])
    assert url in response.content.decode()
    # The secretariat's own unit does not take part: no such link.
    response = clients["secretariat"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    assert 'data-testid="register-my-unit"' not in response.content.decode()


@pytest.mark.parametrize(
    "tab",
    ["contents", "responsibilities", "participants", "documents", "reviews", "history"],
)
def test_every_tab_renders(fixture, clients, tab):
    response = clients["secretariat"].get(
        reverse("movements:detail", args=[fixture.movement.pk]), {"tab": tab}
    )
    assert response.status_code == 200
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_htmx_gets_only_the_tab(fixture, clients):
    response = clients["secretariat"].get(
        reverse("movements:detail", args=[fixture.movement.pk]),
        {"tab": "contents"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Thi đua hoàn thành các chỉ tiêu" in html
    assert "<html" not in html and "nav-tabs" not in html


def test_tabs_show_their_data(fixture, clients, tree):
    services.registration_save(
        actor=None,
        movement=fixture.movement,
        unit=tree.education,
        collective_title="ttldxs",
        submit=True,
        today=date(YEAR, 1, 15),
    )
    url = reverse("movements:detail", args=[fixture.movement.pk])
    client = clients["secretariat"]
    assert (
        "Thi đua hoàn thành các chỉ tiêu" in client.get(url, {"tab": "contents"}).content.decode()
    )
    assert "Theo dõi, tổng hợp" in client.get(url, {"tab": "responsibilities"}).content.decode()
    participants = client.get(url, {"tab": "participants"}).content.decode()
    for unit in (tree.education, tree.school, tree.health):
        assert unit.code in participants
    history = client.get(url, {"tab": "history"}).content.decode()
    assert "<td>" in history and "phat_dong" in history  # the launch is in the history


# Query counts ----------------------------------------------------------------------------


def _grow(fixture, tree, count: int, start: int = 0) -> None:
    """``count`` more participating units, each with a target, a report and a registration,
    and ``count`` more movement targets, each reported."""
    movement = fixture.movement
    units = [
        UnitFactory(parent=tree.province, code=f"T99.X{i:03d}", name=f"Sở thử {i}")
        for i in range(start, start + count)
    ]
    existing = list(Unit.objects.filter(participations__movement=movement))
    services.participants_set(actor=None, movement=movement, units=existing + units)
    for i, unit in enumerate(units, start=start):
        report(
            unit_target(movement, unit, f"Chỉ tiêu đơn vị {i}", "90", "%", "toi_thieu"), 80 + i % 20
        )
        shared = services.target_create(
            actor=None,
            movement=movement,
            indicator=f"Chỉ tiêu chung {i}",
            measure="tỷ đồng",
            comparator="toi_thieu",
            value=Decimal(100),
            cumulative=True,
            group="kinh_te",
        )
        report(shared, 30 + i)
        services.registration_save(
            actor=None,
            movement=movement,
            unit=unit,
            collective_title="ttldtt",
            submit=True,
            today=date(YEAR, 1, 15),
        )


def _count_queries(client, urls) -> dict[str, int]:
    counts = {}
    for url in urls:
        client.get(url)  # warm up (sessions, caches)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_targets_units_and_reports(fixture, tree, clients):
    movement = fixture.movement
    pk = movement.pk
    shares = services.target_split(
        actor=None, target=fixture.growth, shares=[(tree.education, Decimal(8))]
    )
    report(shares[0], "6")
    report(fixture.growth, "5")
    _grow(fixture, tree, 5)
    urls = [
        reverse("movements:detail", args=[pk]),
        reverse("movements:detail", args=[pk]) + "?tab=participants",
        reverse("movements:target", args=[fixture.growth.pk]),
        reverse("movements:ranking", args=[pk]),
        reverse("movements:ranking_export", args=[pk]),
        reverse("movements:targets_export", args=[pk]),
        reverse("movements:dashboard"),
        reverse("movements:dashboard_export"),
        reverse("movements:pdf", args=[pk]),
    ]
    client = clients["secretariat"]
    small = _count_queries(client, urls)
    _grow(fixture, tree, 25, start=5)
    services.target_split(
        actor=None,
        target=fixture.growth,
        shares=[(tree.education, Decimal(8)), (tree.health, Decimal(7))],
    )
    for end in (Q2, date(YEAR, 9, 30)):
        report(fixture.growth, "7", end)
    assert Target.objects.filter(movement=movement).count() >= 60
    large = _count_queries(client, urls)
    assert large == small
    # And the pages stay small in absolute terms.
    assert max(small.values()) <= 25, small


def test_leader_dashboard_query_count_does_not_grow_with_movements(fixture, tree, clients):
    url = reverse("movements:dashboard")
    client = clients["leader"]
    one = _count_queries(client, [url])[url]
    for year in (2023, 2024):
        other = make_movement(tree, year=year, title=f"Phong trào năm {year}")
        report(other.growth, "7", date(year, 3, 31))
    three = _count_queries(client, [url])[url]
    assert three == one


# Ranking ---------------------------------------------------------------------------------


@pytest.fixture
def ranked(fixture, tree):
    """Two more units: A overshoots one target tenfold and misses the other entirely;
    B meets one and reaches 80 % of the other."""
    movement = fixture.movement
    a = UnitFactory(parent=tree.province, code="T99.A", name="Sở A")
    b = UnitFactory(parent=tree.province, code="T99.B", name="Sở B")
    services.participants_set(
        actor=None, movement=movement, units=[tree.education, tree.school, tree.health, a, b]
    )
    report(unit_target(movement, a, "Lớp tập huấn", "10"), "100")  # 1000 % → 150 %
    report(unit_target(movement, a, "Người được đào tạo", "100"), "0")  # 0 %
    report(unit_target(movement, b, "Lớp tập huấn", "100"), "100")  # 100 %
    report(unit_target(movement, b, "Người được đào tạo", "100"), "80")  # 80 %
    report(fixture.schools, "59.1")  # Sở GD&ĐT: 100 %
    return a, b


def test_ranking_averages_completion_capped_at_150_percent(fixture, ranked, tree, users):
    a, b = ranked
    rows = list(selectors.unit_ranking(users["secretariat"], fixture.movement))
    assert [row["unit_id"] for row in rows] == [tree.education.pk, b.pk, a.pk, tree.health.pk]
    scores = {row["unit_id"]: round(row["score"], 4) for row in rows}
    # Uncapped, A would average (1000 % + 0 %) ÷ 2 = 500 % and come first.
    assert scores == {tree.education.pk: 1.0, b.pk: 0.9, a.pk: 0.75, tree.health.pk: 0.0}
    by_unit = {row["unit_id"]: row for row in rows}
    assert by_unit[a.pk]["total"] == 2
    assert by_unit[a.pk]["n_dat"] == 1 and by_unit[a.pk]["n_nguy_co"] == 1
    assert by_unit[tree.health.pk]["n_chua_bao_cao"] == 1


def test_ranking_page_and_export(fixture, ranked, tree, clients):
    a, b = ranked
    response = clients["leader"].get(reverse("movements:ranking", args=[fixture.movement.pk]))
    html = response.content.decode()
    order = [int(pk) for pk in re.findall(r'<tr data-unit="(\d+)"', html)]
    assert order == [tree.education.pk, b.pk, a.pk, tree.health.pk]
    assert 'data-chart="ranking-chart"' in html and "vendor/chartjs/chart.umd.js" in html
    exported = workbook_rows(
        clients["leader"].get(reverse("movements:ranking_export", args=[fixture.movement.pk]))
    )
    assert [(row[0], row[1], row[-1]) for row in exported[1:]] == [
        (1, tree.education.code, 100),
        (2, "T99.B", 90),
        (3, "T99.A", 75),
        (4, tree.health.code, 0),
    ]


def test_unit_officer_ranks_only_the_units_in_scope(fixture, ranked, tree, clients):
    response = clients["unit_officer"].get(reverse("movements:ranking", args=[fixture.movement.pk]))
    order = [int(pk) for pk in re.findall(r'<tr data-unit="(\d+)"', response.content.decode())]
    assert order == [tree.education.pk]


# The leaders' dashboard -----------------------------------------------------------------


@pytest.mark.parametrize(
    "role,status",
    [
        ("admin", 200),
        ("secretariat", 200),
        ("leader", 200),
        ("unit_officer", 403),
        ("other_officer", 403),
        ("block_head", 403),
        ("council_member", 403),
        ("no_role", 403),
    ],
)
def test_leader_dashboard_is_for_leaders_and_the_secretariat(fixture, clients, role, status):
    assert clients[role].get(reverse("movements:dashboard")).status_code == status
    assert clients[role].get(reverse("movements:dashboard_export")).status_code == status


def test_leader_dashboard_figures(fixture, tree, users, clients):
    draft = make_movement(tree, launch=False, year=YEAR, title="Phong trào nháp")
    report(fixture.schools, "59.1")
    report(fixture.growth, "5")
    services.registration_save(
        actor=None,
        movement=fixture.movement,
        unit=tree.education,
        collective_title="ttldxs",
        submit=True,
        today=date(YEAR, 1, 15),
    )
    services.registration_save(  # a draft does not count
        actor=None,
        movement=fixture.movement,
        unit=tree.health,
        collective_title="ttldtt",
        today=date(YEAR, 1, 15),
    )
    movements = list(selectors.running_movements(users["leader"]))
    assert movements == [fixture.movement]  # not the draft
    figure = selectors.dashboard_figures(users["leader"], movements, today=date(YEAR, 7, 15))[
        fixture.movement.pk
    ]
    assert figure["total"] == 3
    assert (figure["n_dat"], figure["n_nguy_co"], figure["n_chua_bao_cao"]) == (1, 1, 1)
    assert figure["participants"] == 3 and figure["registered"] == 1
    # By 15 July the reports of Q1 (due 10 April) and Q2 (due 10 July) are due: 3 targets
    # × 2 periods, 2 received.
    assert figure["late"] == 4
    assert round(figure["score"], 3) == round((1 + 2 / 3) / 3, 3)

    response = clients["leader"].get(reverse("movements:dashboard"))
    html = response.content.decode()
    assert f'data-movement="{fixture.movement.pk}"' in html
    assert f'data-movement="{draft.movement.pk}"' not in html
    assert 'data-chart="status-chart"' in html and 'data-chart="movement-chart"' in html
    exported = workbook_rows(clients["leader"].get(reverse("movements:dashboard_export")))
    assert len(exported) == 2
    row = exported[1]
    assert row[0] == fixture.movement.title
    assert row[5] == 3  # targets
    assert row[-4:-1] == [3, 1, round(100 / 3, 1)]  # participants, registered, rate


# Exports -------------------------------------------------------------------------------


def test_targets_export_has_the_columns_of_the_page(fixture, clients):
    report(fixture.schools, "59.1")
    report(fixture.growth, "5.25")
    rows = workbook_rows(
        clients["secretariat"].get(reverse("movements:targets_export", args=[fixture.movement.pk]))
    )
    assert len(rows[0]) == 13
    body = {row[2]: row for row in rows[1:]}
    assert set(body) == {
        "Tốc độ tăng trưởng GRDP",
        "Tỷ lệ trường học đạt chuẩn quốc gia",
        "Số giường bệnh trên 1 vạn dân",
    }
    growth = body["Tốc độ tăng trưởng GRDP"]
    assert growth[4] == "Ủy ban nhân dân tỉnh"  # reported by the issuer's side
    assert growth[5] == "≥ 7,5 %"
    assert growth[9] == 5.25 and growth[11] == 70
    schools = body["Tỷ lệ trường học đạt chuẩn quốc gia"]
    assert schools[4] == "Sở Giáo dục và Đào tạo"
    assert (schools[9], schools[11]) == (59.1, 100)
    beds = body["Số giường bệnh trên 1 vạn dân"]
    assert beds[5] == "≥ 45,7 giường/vạn dân" and beds[9] is None and beds[11] is None


def test_goal_texts():
    from thidua.movements.views.dashboards import goal_text

    def target(**fields):
        defaults = dict(
            comparator="dat",
            value=Decimal("7.5"),
            value_max=None,
            direction="cao",
            measure="%",
            relative_change=True,
        )
        return Target(**(defaults | fields))

    assert goal_text(target()) == "≥ 7,5 %"
    assert goal_text(target(value=Decimal("6.5"), value_max=Decimal(7))) == "6,5–7 %"
    assert goal_text(target(comparator="khong_qua", value=Decimal(2))) == "≤ 2 %"
    assert goal_text(target(comparator="tren", value=Decimal(2326), measure="tỷ đồng")) == (
        "> 2.326 tỷ đồng"
    )
    assert goal_text(target(comparator="khoang", value=Decimal("6.14"))) == "≈ 6,14 %"
    assert goal_text(target(direction="thap", value=Decimal(1))) == "≤ 1 %"
    # The words of an increase or a decrease are translated: compare the number only.
    assert goal_text(target(comparator="giam", value=Decimal("4.4"))).endswith("4,4 %")
    assert goal_text(
        target(comparator="tang", value=Decimal(2), relative_change=False, measure="điểm")
    ).endswith("2 điểm")


def test_target_page_has_the_reports_and_a_trend_chart(fixture, tree, clients):
    shares = services.target_split(
        actor=None,
        target=fixture.growth,
        shares=[(tree.education, Decimal(8)), (tree.health, Decimal(7))],
    )
    first = report(fixture.growth, "5")
    report(fixture.growth, "6", Q2)
    report(shares[0], "4")
    report(shares[1], "3")
    response = clients["secretariat"].get(reverse("movements:target", args=[fixture.growth.pk]))
    assert response.status_code == 200
    chart = response.context["chart"]
    assert chart["type"] == "line"
    assert len(chart["data"]["labels"]) == 4  # the quarters of the year
    actual, total, goal = chart["data"]["datasets"][:3]
    assert actual["data"] == [5.0, 6.0, None, None]
    assert total["data"] == [7.0, None, None, None]  # the units' reports, added up
    assert goal["data"] == [7.5] * 4
    html = response.content.decode()
    assert 'id="trend-chart" type="application/json"' in html
    assert "vendor/chartjs/chart.umd.js" in html
    assert f'data-report="{first.pk}"' in html
    assert reverse("movements:report", args=[fixture.growth.pk]) in html
    assert {s.pk for s in response.context["shares"]} == {s.pk for s in shares}


def test_target_page_links_evidence(fixture, clients):
    from .access import pdf_upload

    saved = services.progress_report_save(
        actor=None,
        target=fixture.schools,
        period_end=Q1,
        actual=Decimal(50),
        files=[pdf_upload()],
        today=date(YEAR, 4, 1),
    )
    evidence = saved.evidence.get()
    html = clients["unit_officer"].get(reverse("movements:target", args=[fixture.schools.pk]))
    assert reverse("movements:evidence", args=[evidence.pk]) in html.content.decode()


# PDF -------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    """The text of a PDF written by WeasyPrint: fonts are Type0 (Identity-H) with a
    ToUnicode map, objects may sit in compressed object streams. Enough for tests."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    header = re.compile(rb"(\d+) 0 obj")
    position = 0
    while match := header.search(data, position):
        start = match.end()
        end = data.find(b"endobj", start)
        stream = data.find(b"stream", start)
        if stream != -1 and stream < end:
            head = data[start:stream]
            length = int(re.search(rb"/Length (\d+)", head)[1])
            body_start = stream + len(b"stream")
            body_start += 2 if data[body_start : body_start + 2] == b"\r\n" else 1
            raw = data[body_start : body_start + length]
            if b"/FlateDecode" in head:
                raw = zlib.decompress(raw)
            objects[int(match[1])] = (head, raw)
            position = data.find(b"endobj", body_start + length) + 6
        else:
            objects[int(match[1])] = (data[start:end], None)
            position = end + 6
    for head, raw in list(objects.values()):
        if raw is not None and b"/ObjStm" in head:
            first = int(re.search(rb"/First (\d+)", head)[1])
            numbers = list(map(int, raw[:first].split()))
            pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))
            for index, (number, offset) in enumerate(pairs):
                stop = pairs[index + 1][1] if index + 1 < len(pairs) else len(raw) - first
                objects[number] = (raw[first + offset : first + stop], None)

    def cmap(raw: bytes) -> dict[int, str]:
        mapping = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", raw, re.S):
            for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", raw, re.S):
            for low, high, dst in re.findall(
                rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
            ):
                base = int(dst, 16)
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    mapping[code] = chr(base + offset)
        return mapping

    maps = {}
    for number, (head, _raw) in objects.items():
        found = re.search(rb"/ToUnicode (\d+) 0 R", head)
        if found and objects.get(int(found[1]), (b"", None))[1] is not None:
            maps[number] = cmap(objects[int(found[1])][1])
    fonts = {}
    for head, _raw in objects.values():
        for name, number in re.findall(rb"/([A-Za-z0-9_.+-]+) (\d+) 0 R", head):
            if int(number) in maps:
                fonts[name] = maps[int(number)]
    text = []
    operator = re.compile(
        rb"/([A-Za-z0-9_.+-]+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj", re.S
    )
    for _head, raw in objects.values():
        if raw is None or b"Tf" not in raw:
            continue
        current: dict[int, str] = {}
        for match in operator.finditer(raw):
            if match[1]:
                current = fonts.get(match[1], {})
                continue
            pieces = (
                re.findall(rb"<([0-9a-fA-F]*)>", match[2]) if match[2] is not None else [match[3]]
            )
            for piece in pieces:
                hex_text = piece.decode()
                text.append(
                    "".join(
                        current.get(int(hex_text[i : i + 4], 16), "?")
                        for i in range(0, len(hex_text), 4)
                    )
                )
            text.append(" ")
    return " ".join("".join(text).split())


def test_pdf_summary_has_the_vietnamese_title_and_targets(fixture, clients):
    report(fixture.growth, "5")
    response = clients["secretariat"].get(reverse("movements:pdf", args=[fixture.movement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert fixture.movement.title in text  # diacritics intact: the font has the glyphs
    assert "Đoàn kết, kỷ cương, bứt phá, phát triển" in text
    assert "Tốc độ tăng trưởng GRDP" in text
    assert "≥ 7,5 %" in text and "66,7 %" in text
    assert "?" not in text  # every glyph maps back to its character


def test_ids_in_the_page_are_not_written_as_numbers(fixture, clients):
    # Vietnamese numbers carry a thousands separator (12.345); an id in an attribute or a
    # link must not, or a province's 12,345th target could not be found again.
    Target.objects.filter(pk=fixture.schools.pk).update(id=12345)
    page = clients["secretariat"].get(reverse("movements:detail", args=[fixture.movement.pk]))
    html = page.content.decode()
    assert 'data-target="12345"' in html
    assert "12.345" not in html
    target = clients["secretariat"].get(reverse("movements:target", args=[12345]))
    assert target.status_code == 200
