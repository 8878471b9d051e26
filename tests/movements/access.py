"""Objects the movements rows of the access matrix point at.

"Inside" is Sở Giáo dục và Đào tạo (the unit officer's unit), "outside" is Sở Y tế (the
sibling officer's). The movement itself is the province's, issued by the People's
Committee: every participant sees it, only the secretariat changes it. The rows live in
``access_<feature>.py`` beside this module.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.movements import services
from thidua.movements.models import Registration

from .factories import make_movement

# The smallest valid PDF header is enough for the content check.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def world_extras(world) -> None:
    tree = world.tree
    year = timezone.localdate().year
    fixture = make_movement(
        tree, year=year, registration_opens=date(year, 1, 1), registration_closes=date(year, 12, 31)
    )
    draft = make_movement(tree, launch=False, year=year, title="Phong trào nháp")
    quarter_end = date(year, 3, 31)
    report_inside = services.progress_report_save(
        actor=None,
        target=fixture.schools,
        period_end=quarter_end,
        actual=Decimal("50"),
        files=[pdf_upload()],
        today=date(year, 4, 1),
    )
    report_outside = services.progress_report_save(
        actor=None,
        target=fixture.beds,
        period_end=quarter_end,
        actual=Decimal("40"),
        files=[pdf_upload()],
        today=date(year, 4, 1),
    )
    registrations = {}
    for key, unit in (("inside", tree.education), ("outside", tree.health)):
        registrations[key] = services.registration_save(
            actor=None,
            movement=fixture.movement,
            unit=unit,
            collective_title="ttldxs",
            today=date(year, 1, 15),
        )
    pledges = {}
    for key, owner, other in (
        ("inside", tree.education, tree.school),
        ("outside", tree.health, tree.hospital),
    ):
        pledges[key] = services.pledge_create(
            actor=None,
            movement=fixture.movement,
            title=f"Giao ước thi đua {owner.name}",
            owner=owner,
            parties=[owner, other],
            signed_on=date(year, 1, 20),
            content="Các bên cam kết thi đua hoàn thành xuất sắc nhiệm vụ.",
            scan=pdf_upload("giao-uoc.pdf"),
        )
    attachment = services.attachment_add(
        actor=None,
        movement=fixture.movement,
        upload=pdf_upload("chi-thi.pdf"),
        kind="phat_dong",
        title="Chỉ thị phát động",
    )
    world.extra.update(
        movement=fixture.movement,
        fixture=fixture,
        draft=draft.movement,
        target_inside=fixture.schools,
        target_outside=fixture.beds,
        target_province=fixture.growth,
        report_inside=report_inside,
        report_outside=report_outside,
        evidence_inside=report_inside.evidence.get(),
        evidence_outside=report_outside.evidence.get(),
        registration_inside=Registration.objects.get(pk=registrations["inside"].pk),
        registration_outside=Registration.objects.get(pk=registrations["outside"].pk),
        pledge_inside=pledges["inside"],
        pledge_outside=pledges["outside"],
        attachment=attachment,
    )


ROUTES: list = []
