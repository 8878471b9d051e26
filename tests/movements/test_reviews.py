"""Reviews (sơ kết, tổng kết): recording them from the movement page, closing the movement
with the final one, and the review report drafted as .docx."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from thidua.movements import services
from thidua.movements.models import Movement, MovementStatus, Review, Target, TargetStatus

from .factories import make_movement

YEAR = 2025


def report(target, actual, end=date(YEAR, 3, 31)):
    return services.progress_report_save(
        actor=None, target=target, period_end=end, actual=Decimal(actual), today=date(YEAR, 12, 31)
    )


@pytest.fixture
def fixture(tree):
    return make_movement(tree, year=YEAR)


def post_review(client, movement, **fields):
    data = {
        "kind": "so_ket",
        "held_on": f"15/07/{YEAR}",
        "title": "Sơ kết 6 tháng đầu năm",
        "conclusions": "Các đơn vị đã tích cực hưởng ứng.\nCòn một số chỉ tiêu chậm.",
    }
    data.update(fields)
    return client.post(reverse("movements:review_create", args=[movement.pk]), data)


def test_the_form_proposes_an_interim_review_during_the_period(tree, clients):
    today = timezone.localdate()
    running = make_movement(
        tree, year=today.year, ends_on=today + timedelta(days=30), title="Đang diễn ra"
    )
    response = clients["secretariat"].get(
        reverse("movements:review_create", args=[running.movement.pk])
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["kind"] == Review.Kind.INTERIM
    assert form.initial["held_on"] == today
    assert "Đang diễn ra" in form.initial["title"]


def test_the_form_proposes_the_final_review_after_the_period(fixture, clients):
    response = clients["secretariat"].get(
        reverse("movements:review_create", args=[fixture.movement.pk])
    )
    assert response.context["form"].initial["kind"] == Review.Kind.FINAL


def test_interim_review_keeps_the_movement_running(fixture, clients, audit_log):
    response = post_review(clients["secretariat"], fixture.movement)
    assert response.status_code == 302
    assert response["Location"].endswith("?tab=reviews")
    review = Review.objects.get(movement=fixture.movement)
    assert review.held_on == date(YEAR, 7, 15)
    assert review.kind == Review.Kind.INTERIM
    assert review.conclusions.startswith("Các đơn vị")
    movement = Movement.objects.get(pk=fixture.movement.pk)
    assert movement.status == MovementStatus.REVIEWED and movement.is_running
    assert audit_log(object_type="movements.review", action="create")
    # A second interim review is allowed.
    assert post_review(clients["secretariat"], movement, title="Sơ kết 9 tháng").status_code == 302
    assert Review.objects.filter(movement=movement).count() == 2
    page = clients["secretariat"].get(
        reverse("movements:detail", args=[movement.pk]), {"tab": "reviews"}
    )
    assert reverse("movements:review_report", args=[review.pk]) in page.content.decode()


def test_final_review_needs_a_confirmation(fixture, clients):
    response = post_review(clients["secretariat"], fixture.movement, kind="tong_ket")
    assert response.status_code == 200
    assert "confirm_close" in response.context["form"].errors
    assert not Review.objects.exists()
    assert Movement.objects.get(pk=fixture.movement.pk).status == MovementStatus.LAUNCHED


def test_final_review_closes_the_movement_and_settles_every_target(fixture, tree, clients):
    shares = services.target_split(
        actor=None, target=fixture.growth, shares=[(tree.education, Decimal(8))]
    )
    report(fixture.schools, "59.1")  # met
    report(fixture.growth, "7")  # on track during the year, 7 < 7,5 at the close
    report(shares[0], "8")  # met
    assert set(Target.objects.values_list("status", flat=True)) >= {
        TargetStatus.ON_TRACK,
        TargetStatus.NOT_REPORTED,
    }
    response = post_review(
        clients["secretariat"],
        fixture.movement,
        kind="tong_ket",
        title="Tổng kết phong trào năm 2025",
        held_on=f"20/12/{YEAR}",
        confirm_close="on",
    )
    assert response.status_code == 302
    movement = Movement.objects.get(pk=fixture.movement.pk)
    assert movement.status == MovementStatus.CLOSED and movement.closed_at is not None
    targets = Target.objects.filter(movement=movement)
    assert set(targets.values_list("status", flat=True)) <= {TargetStatus.MET, TargetStatus.MISSED}
    assert all(targets.values_list("settled", flat=True))
    statuses = dict(targets.values_list("pk", "status"))
    assert statuses[fixture.schools.pk] == TargetStatus.MET
    assert statuses[shares[0].pk] == TargetStatus.MET
    assert statuses[fixture.growth.pk] == TargetStatus.MISSED
    assert statuses[fixture.beds.pk] == TargetStatus.MISSED  # never reported
    # Closed: no more reviews.
    page = clients["secretariat"].get(reverse("movements:detail", args=[movement.pk]))
    assert reverse("movements:review_create", args=[movement.pk]) not in page.content.decode()
    response = post_review(clients["secretariat"], movement, title="Một lần nữa")
    assert response.status_code == 200 and response.context["form"].errors
    assert Review.objects.filter(movement=movement).count() == 1


def test_a_draft_cannot_be_reviewed(tree, clients):
    draft = make_movement(tree, launch=False, year=YEAR).movement
    response = post_review(clients["secretariat"], draft)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Review.objects.exists()


def test_bad_input_is_shown_next_to_the_fields(fixture, clients):
    response = post_review(clients["secretariat"], fixture.movement, held_on="31/02/2025", title="")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "held_on" in errors and "title" in errors
    assert not Review.objects.exists()


@pytest.mark.parametrize("role", ["unit_officer", "leader", "council_member", "other_officer"])
def test_only_the_secretariat_records_reviews(fixture, clients, role):
    assert post_review(clients[role], fixture.movement).status_code == 403
    assert (
        clients["no_role"]
        .get(reverse("movements:review_create", args=[fixture.movement.pk]))
        .status_code
        == 404
    )
    assert not Review.objects.exists()


# The review report ------------------------------------------------------------------------


def docx_of(response) -> Document:
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    return Document(io.BytesIO(response.content))


def table_texts(document) -> list[str]:
    return [
        "\n".join(" | ".join(cell.text for cell in row.cells) for row in table.rows)
        for table in document.tables
    ]


def full_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += table_texts(document)
    return "\n".join(parts)


@pytest.fixture
def closed(fixture, tree, people):
    report(fixture.schools, "59.1")
    report(fixture.growth, "7")
    services.registration_save(
        actor=None,
        movement=fixture.movement,
        unit=tree.school,
        collective_title="ttldxs",
        entries=[services.EntryRow(person=people["teacher"], title="cstdcs")],
        submit=True,
        today=date(YEAR, 1, 15),
    )
    review = services.review_create(
        actor=None,
        movement=fixture.movement,
        kind="tong_ket",
        held_on=date(YEAR, 12, 20),
        title="Tổng kết phong trào thi đua năm 2025",
        conclusions="Phong trào được triển khai sâu rộng.\nCần rút kinh nghiệm.",
    )
    return review


def test_report_lists_the_targets_achieved_and_missed(fixture, closed, clients):
    document = docx_of(
        clients["secretariat"].get(reverse("movements:review_report", args=[closed.pk]))
    )
    text = full_text(document)
    assert closed.title in text
    assert fixture.movement.title in text
    assert "09/CT-UBND" in text
    assert "Phong trào được triển khai sâu rộng." in text and "Cần rút kinh nghiệm." in text
    tables = table_texts(document)
    achieved = [t for t in tables if "Tỷ lệ trường học đạt chuẩn quốc gia" in t]
    missed = [t for t in tables if "Tốc độ tăng trưởng GRDP" in t]
    assert len(achieved) == 1 and len(missed) == 1 and achieved != missed
    assert "≥ 59,1 %" in achieved[0] and "59,1 %" in achieved[0] and "100 %" in achieved[0]
    assert "Số giường bệnh trên 1 vạn dân" in missed[0]  # not reported: missed
    assert "Tỷ lệ trường học" not in missed[0]
    assert "7 %" in missed[0] and "93,3 %" in missed[0]
    # Registrations by title: one unit, one person.
    registrations = [t for t in tables if "Tập thể lao động xuất sắc" in t]
    assert registrations and "1" in registrations[0]
    assert "Chiến sĩ thi đua cơ sở" in registrations[0]


def test_interim_report_lists_targets_still_in_progress(fixture, clients):
    report(fixture.schools, "59.1")
    report(fixture.growth, "5")  # at risk
    review = services.review_create(
        actor=None,
        movement=fixture.movement,
        kind="so_ket",
        held_on=date(YEAR, 7, 15),
        title="Sơ kết 6 tháng",
    )
    document = docx_of(clients["leader"].get(reverse("movements:review_report", args=[review.pk])))
    tables = table_texts(document)
    achieved = next(t for t in tables if "Tỷ lệ trường học" in t)
    in_progress = next(t for t in tables if "Tốc độ tăng trưởng GRDP" in t)
    assert achieved != in_progress
    assert "Số giường bệnh" in in_progress  # not reported yet
    assert "Tốc độ tăng trưởng GRDP" not in achieved


def test_report_holds_only_what_the_reader_may_see(fixture, closed, clients):
    response = clients["unit_officer"].get(reverse("movements:review_report", args=[closed.pk]))
    text = full_text(docx_of(response))
    assert "Tỷ lệ trường học đạt chuẩn quốc gia" in text
    assert "Số giường bệnh" not in text
    assert (
        clients["no_role"].get(reverse("movements:review_report", args=[closed.pk])).status_code
        == 404
    )
    assert (
        clients["secretariat"]
        .get(reverse("movements:review_report", args=[closed.pk + 1000]))
        .status_code
        == 404
    )


def test_the_template_is_built_by_the_script(tmp_path):
    from thidua.movements.documents.build_templates import build_review_report

    built = Document(str(build_review_report(tmp_path / "review_report.docx")))
    text = full_text(built)
    for tag in ("{{ heading }}", "{%tr for row in achieved %}", "{{ l.awards_none }}"):
        assert tag in text
