"""A launched movement in the test province: issued by the People's Committee, with
Sở Giáo dục và Đào tạo, its school and Sở Y tế taking part, and three targets — one
province-wide (reported by the secretariat), one for education, one for health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from thidua.movements import services
from thidua.movements.models import Movement, Target


@dataclass
class Fixture:
    movement: Movement
    growth: Target  # province-wide, reported by the issuer's side
    schools: Target  # Sở GD&ĐT's target
    beds: Target  # Sở Y tế's target


def make_movement(tree, *, launch: bool = True, year: int = 2026, **overrides) -> Fixture:
    fields = dict(
        title=f"Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm {year}",
        kind="thuong_xuyen",
        issuer=tree.committee,
        signer="Trần Tiến Dũng",
        signer_title="Chủ tịch UBND tỉnh",
        document_number="09/CT-UBND",
        document_date=date(year, 1, 10),
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        theme="Đoàn kết, kỷ cương, bứt phá, phát triển",
        mottos=["Đoàn kết, kỷ cương", "Chủ động thích ứng"],
        report_frequency="quy",
        registration_opens=date(year, 1, 1),
        registration_closes=date(year, 3, 31),
    )
    fields.update(overrides)
    movement = services.movement_create(
        actor=None,
        contents=[("Một là", "Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội.")],
        responsibilities=[("Sở Nội vụ", "Theo dõi, tổng hợp, báo cáo UBND tỉnh.")],
        **fields,
    )
    services.participants_set(
        actor=None, movement=movement, units=[tree.education, tree.school, tree.health]
    )
    growth = services.target_create(
        actor=None,
        movement=movement,
        indicator="Tốc độ tăng trưởng GRDP",
        measure="%",
        comparator="dat",
        value=Decimal("7.5"),
        group="kinh_te",
    )
    schools = services.target_create(
        actor=None,
        movement=movement,
        level=Target.Level.UNIT,
        unit=tree.education,
        indicator="Tỷ lệ trường học đạt chuẩn quốc gia",
        measure="%",
        comparator="dat",
        value=Decimal("59.1"),
        group="xa_hoi",
    )
    beds = services.target_create(
        actor=None,
        movement=movement,
        level=Target.Level.UNIT,
        unit=tree.health,
        indicator="Số giường bệnh trên 1 vạn dân",
        measure="giường/vạn dân",
        comparator="toi_thieu",
        value=Decimal("45.7"),
        group="xa_hoi",
    )
    if launch:
        movement = services.movement_launch(actor=None, movement=movement)
    return Fixture(
        movement=Movement.objects.get(pk=movement.pk), growth=growth, schools=schools, beds=beds
    )
