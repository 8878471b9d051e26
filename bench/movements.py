"""`make bench`, movements part: dashboard latency on a big movement, and the progress
import of 10,000 rows against openpyxl reading the same file. Prints figures and ratios;
asserts nothing about time.

1. Data, in a dedicated database: SQLite ``var/bench/movements.sqlite3`` (separate from
   the load test's), or ``--database-url`` / ``$BENCH_DATABASE_URL`` (the PostgreSQL
   database of bench/run.py). Migrated; the demo province T01 (loaded unless present,
   without the demo movements) and its demo accounts; then, with bulk inserts, running
   movements of 500 participating units of T01, each with 10 province targets and one
   target per unit (its share of the budget revenue), reported every month for three
   years (36 periods: 18,360 reports per movement), and 450 registrations. Built once:
   kept and reused while a movement with the same title exists.
2. Dashboards, in process through Django's test client with DEBUG off: the movement page,
   the ranking of its 500 units, a target's page with its 36-month trend, and the
   leaders' dashboard; median and 95th percentile of ``--repeat`` requests after a
   warm-up, the queries each page runs, and each median against ``/healthz`` through
   the same client.
3. Import: a workbook in the progress export's format with 10,000 filled rows (500 unit
   targets × 20 months of another movement, nothing reported yet) is read by openpyxl
   alone (read-only, every row's values), parsed by
   :func:`thidua.movements.progress_xlsx.parse_workbook` as the import view does, and
   saved by :func:`thidua.movements.services.progress_import`; then the whole import view
   is posted the file. Each run is rolled back, so every run imports 10,000 new reports.

    .venv/bin/python bench/movements.py [--database-url URL] [--repeat 20] [--movements 3]
"""

from __future__ import annotations

import argparse
import io
import math
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_TITLE = "Bench: phong trào thi đua ba năm"
IMPORT_TITLE = "Bench: nhập tiến độ"
UNITS = 500
MONTHS = 36
IMPORT_MONTHS = 20  # × 500 unit targets = 10,000 rows


def step(message: str) -> None:
    print(f"[bench movements {datetime.now():%H:%M:%S}] {message}", flush=True)


def configure(options) -> None:
    """Point Django at the bench database before it is imported."""
    var = options.var_dir.resolve()
    var.mkdir(parents=True, exist_ok=True)
    os.environ["THIDUA_VAR_DIR"] = str(var)
    os.environ["DJANGO_ENV"] = "development"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "thidua.settings"
    os.environ.pop("DJANGO_ALLOWED_HOSTS", None)
    if options.database_url:
        os.environ["DATABASE_URL"] = options.database_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var / 'movements.sqlite3'}"
    import warnings

    import django

    # WhiteNoise looks for collected static files; the pages are measured without them.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()


def month_ends(first: date, count: int) -> list[tuple[date, date]]:
    import calendar

    periods = []
    year, month = first.year, first.month
    for _ in range(count):
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        periods.append((start, end))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return periods


def last_months(count: int, today: date) -> tuple[date, date]:
    """The ``count`` whole months that end with the last finished one."""
    end = today.replace(day=1) - timedelta(days=1)
    month = end.year * 12 + end.month - 1 - (count - 1)
    return date(month // 12, month % 12 + 1, 1), end


# Data --------------------------------------------------------------------------------------


def prepare(options):
    from django.core.management import call_command

    from thidua.org import demo as org_demo
    from thidua.org.models import Unit, User

    call_command("migrate", "--noinput", verbosity=0)
    if not Unit.objects.filter(code="T01").exists():
        step("loading the demo province T01 (organisation only) …")
        org_demo.load()
    call_command("demo_accounts", verbosity=0)
    secretariat = User.objects.get(username="thuky")
    leader = User.objects.get(username="lanhdao")
    root = Unit.objects.get(code="T01")
    units = list(
        Unit.objects.filter(path__startswith=root.path, is_active=True)
        .exclude(pk=root.pk)
        .exclude(code="T01.UBND")
        .order_by("code")[:UNITS]
    )
    if len(units) < UNITS:
        raise SystemExit(f"the demo province has {len(units)} units, {UNITS} are needed")
    return secretariat, leader, Unit.objects.get(code="T01.UBND"), units


PROVINCE_TARGETS = [
    # indicator, measure, comparator, value, cumulative, direction
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "dat", "37500", True, "cao"),
    ("Tốc độ tăng trưởng GRDP", "%", "khoang", "8", False, "cao"),
    ("GRDP bình quân đầu người", "triệu đồng", "dat", "95", False, "cao"),
    ("Tổng kim ngạch xuất khẩu", "triệu USD", "dat", "5500", True, "cao"),
    ("Tỷ lệ hộ nghèo", "%", "khong_qua", "3.5", False, "thap"),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "%", "dat", "68", False, "cao"),
    ("Số lao động được tạo việc làm mới", "người", "dat", "96000", True, "cao"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "%", "tren", "80", False, "cao"),
    ("Số vụ tai nạn giao thông", "vụ", "khong_qua", "1200", True, "thap"),
    ("Tỷ lệ che phủ rừng", "%", "dat", "42.5", False, "cao"),
]


def build_movement(title, issuer, units, periods, *, with_reports, rng):
    """One running movement: its participants, 10 province targets and one share per
    unit of the first, registrations, and (``with_reports``) a report per target and
    period. Bulk inserts; the figures on the targets are those the services compute."""
    from django.utils import timezone

    from thidua.core.text import fold
    from thidua.movements import services
    from thidua.movements.models import (
        Movement,
        Participation,
        ProgressReport,
        Registration,
        Target,
    )

    now = timezone.now()
    start, end = periods[0][0], periods[-1][1]
    movement = Movement.objects.create(
        title=title,
        title_folded=fold(title),
        kind="thuong_xuyen",
        status="phat_dong",
        issuer=issuer,
        starts_on=start,
        ends_on=end,
        theme="Đoàn kết, kỷ cương, sáng tạo, bứt phá",
        report_frequency="thang",
        registration_opens=start,
        registration_closes=start + timedelta(days=60),
        launched_at=now,
    )
    Participation.objects.bulk_create(
        [Participation(movement=movement, unit=unit) for unit in units], batch_size=1000
    )
    province = Target.objects.bulk_create(
        [
            Target(
                movement=movement,
                level=Target.Level.MOVEMENT,
                order=order,
                group="kinh_te",
                indicator=indicator,
                measure=measure,
                comparator=comparator,
                value=Decimal(value),
                cumulative=cumulative,
                direction=direction,
            )
            for order, (indicator, measure, comparator, value, cumulative, direction) in enumerate(
                PROVINCE_TARGETS, start=1
            )
        ]
    )
    parent = province[0]
    shares = Target.objects.bulk_create(
        [
            Target(
                movement=movement,
                level=Target.Level.UNIT,
                parent=parent,
                unit=unit,
                order=1,
                group=parent.group,
                indicator=parent.indicator,
                measure=parent.measure,
                comparator=parent.comparator,
                value=Decimal(rng.randint(20, 120)),
                cumulative=True,
            )
            for unit in units
        ],
        batch_size=1000,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                movement=movement,
                unit=unit,
                collective_title="ttldtt",
                status=Registration.Status.SUBMITTED,
                submitted_at=now,
            )
            for unit in units[: int(len(units) * 0.9)]
        ],
        batch_size=1000,
    )
    targets = province + shares
    if not with_reports:
        return movement, targets
    reports = []
    for target in targets:
        target.movement = movement
        outcome = rng.uniform(0.75, 1.15)
        goal = float(target.value)
        for period_start, period_end in periods:
            elapsed = ((period_end - start).days + 1) / ((end - start).days + 1)
            if rng.random() < 0.03:
                continue  # a few reports missing
            if target.cumulative:
                actual = goal * outcome * elapsed
            else:
                actual = goal * (outcome if target.direction == "cao" else 1 / outcome)
                actual *= 1 + rng.uniform(-0.02, 0.02)
            actual = Decimal(str(round(actual, 2)))
            verdict = services.assess_report(target, actual, period_end)
            reports.append(
                ProgressReport(
                    target=target,
                    unit_id=target.unit_id or issuer.pk,
                    period_start=period_start,
                    period_end=period_end,
                    actual=actual,
                    completion=verdict.completion,
                    status=verdict.status,
                )
            )
        latest = reports[-1]
        if latest.target is target:
            target.latest_actual = latest.actual
            target.latest_period_end = latest.period_end
            target.completion = latest.completion
            target.status = latest.status
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    Target.objects.bulk_update(
        targets, ["latest_actual", "latest_period_end", "completion", "status"], batch_size=1000
    )
    return movement, targets


def build_data(options, issuer, units):
    from thidua.movements.models import Movement, Target

    rng = random.Random(2026)
    today = date.today()
    movements = []
    for index in range(1, options.movements + 1):
        title = BENCH_TITLE if index == 1 else f"{BENCH_TITLE} ({index})"
        movement = Movement.objects.filter(title=title).first()
        if movement is None:
            tick = time.monotonic()
            first, _last = last_months(MONTHS, today)
            movement, _targets = build_movement(
                title, issuer, units, month_ends(first, MONTHS), with_reports=True, rng=rng
            )
            step(f"built “{title}” in {time.monotonic() - tick:.1f} s")
        movements.append(movement)
    importing = Movement.objects.filter(title=IMPORT_TITLE).first()
    if importing is None:
        first, _last = last_months(IMPORT_MONTHS, today)
        importing, _targets = build_movement(
            IMPORT_TITLE,
            issuer,
            units,
            month_ends(first, IMPORT_MONTHS),
            with_reports=False,
            rng=rng,
        )
        step(f"built “{IMPORT_TITLE}”")
    share = (
        Target.objects.filter(movement=movements[0], parent__isnull=False).order_by("pk").first()
    )
    return movements, importing, share


# Dashboards --------------------------------------------------------------------------------


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(client, url: str, repeat: int, warmup: int = 2) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        response = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: the log is cleared at the next request
    times = []
    for _ in range(repeat):
        tick = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - tick) * 1000)
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": queries,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
    }


def bench_dashboards(options, secretariat, leader, movements, share) -> list[str]:
    from django.test import Client

    movement = movements[0]
    staff = Client()
    staff.force_login(secretariat)
    boss = Client()
    boss.force_login(leader)
    pages = [
        ("baseline /healthz", staff, "/healthz"),
        ("movement page", staff, f"/movements/{movement.pk}/"),
        ("ranking (500 units)", staff, f"/movements/{movement.pk}/ranking/"),
        ("target page (36-month trend)", staff, f"/movements/targets/{share.pk}/"),
        ("progress overview", staff, f"/movements/{movement.pk}/progress/"),
        ("leaders' dashboard", boss, "/movements/dashboard/"),
    ]
    results = []
    for label, client, url in pages:
        step(f"{label}: GET {url} ×{options.repeat}")
        results.append((label, url, measure(client, url, options.repeat)))
    base = results[0][2]["median"]
    lines = [
        "| page | status | queries | KB | median ms | p95 ms | median ÷ /healthz |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, url, r in results:
        lines.append(
            f"| {label} `{url}` | {r['status']} | {r['queries']} | {r['bytes'] / 1024:.0f} "
            f"| {r['median']:.1f} | {r['p95']:.1f} | {r['median'] / max(base, 0.001):.0f} |"
        )
    return lines


# Import ------------------------------------------------------------------------------------


def import_workbook(movement) -> tuple[bytes, float]:
    """The progress export of ``movement`` with every cell filled in (10,000 rows), and
    the seconds the export took."""
    from thidua.movements import completion, progress_xlsx
    from thidua.movements.models import ProgressReport, Target

    rng = random.Random(10_000)
    targets = list(
        Target.objects.filter(movement=movement, level=Target.Level.UNIT)
        .select_related("unit")
        .order_by("pk")
    )
    periods = completion.periods(movement.report_frequency, movement.starts_on, movement.ends_on)
    filled = {}
    for target in targets:
        for index, (_start, end) in enumerate(periods, start=1):
            actual = Decimal(str(round(float(target.value) * index / len(periods), 2)))
            actual *= Decimal(str(round(rng.uniform(0.9, 1.1), 2)))
            filled[(target.pk, end)] = ProgressReport(actual=actual.quantize(Decimal("0.01")))
    tick = time.perf_counter()
    workbook = progress_xlsx.export_workbook(movement, targets, periods, filled)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), time.perf_counter() - tick


def bench_import(options, secretariat, movement) -> list[str]:
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.test import Client
    from openpyxl import load_workbook

    from thidua.core.xlsx import open_uploaded_workbook
    from thidua.movements import progress_xlsx, selectors, services
    from thidua.movements.models import ProgressReport, Target

    step("writing the 10,000-row workbook …")
    data, export_seconds = import_workbook(movement)
    path = options.var_dir / "progress-10000.xlsx"
    path.write_bytes(data)

    def openpyxl_alone():
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return rows - 1

    def parse():
        workbook = open_uploaded_workbook(data, settings.THIDUA_IMPORT_MAX_BYTES)
        visible = Target.objects.restrict(secretariat, "view").filter(movement=movement)
        targets = {t.pk: t for t in visible.select_related("unit")}
        for target in targets.values():
            target.movement = movement
        reports = selectors.reports_by_cell(visible)
        try:
            return progress_xlsx.parse_workbook(
                workbook, movement=movement, targets=targets, reports=reports
            )
        finally:
            workbook.close()

    def timed(function):
        tick = time.perf_counter()
        result = function()
        return time.perf_counter() - tick, result

    client = Client()
    client.force_login(secretariat)
    figures: dict[str, list[float]] = {"openpyxl": [], "parse": [], "service": [], "view": []}
    rows = saved = 0
    for run in range(1, options.import_runs + 1):
        step(f"import run {run}/{options.import_runs}")
        seconds, rows = timed(openpyxl_alone)
        figures["openpyxl"].append(seconds)
        seconds, parsed = timed(parse)
        figures["parse"].append(seconds)
        if parsed.issues:
            raise SystemExit(f"the workbook does not parse: {parsed.issues[:3]}")
        with transaction.atomic():
            seconds, saved = timed(
                lambda parsed=parsed: services.progress_import(
                    actor=secretariat, movement=movement, rows=parsed.rows
                )
            )
            figures["service"].append(seconds)
            transaction.set_rollback(True)
        upload = SimpleUploadedFile(path.name, data)
        with transaction.atomic():
            seconds, response = timed(
                lambda upload=upload: client.post(
                    f"/movements/{movement.pk}/progress/import/", {"file": upload}
                )
            )
            stored = ProgressReport.objects.filter(target__movement=movement).count()
            transaction.set_rollback(True)
        if response.status_code != 302 or stored != rows:
            raise SystemExit(f"the import view answered {response.status_code}, {stored} saved")
        figures["view"].append(seconds)
    median = {key: statistics.median(values) for key, values in figures.items()}
    base = median["openpyxl"]
    both = median["parse"] + median["service"]
    lines = [
        f"{rows:,} rows, {len(data) / 1024:.0f} KB (`{path.name}`), {saved:,} reports saved "
        f"per run; median of {options.import_runs} runs, each rolled back.",
        "",
        "| step | seconds | rows/s | ÷ openpyxl alone |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, value in [
        ("openpyxl alone: read-only load, every row's values", base),
        ("parse (`progress_xlsx.parse_workbook`, as the view)", median["parse"]),
        ("save (`services.progress_import`)", median["service"]),
        ("parse + save", both),
        ("the import view, POST of the file", median["view"]),
        ("(the export that wrote the file: `progress_xlsx.export_workbook`, once)", export_seconds),
    ]:
        lines.append(f"| {label} | {value:.2f} | {rows / value:,.0f} | {value / base:.1f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="database to use (default: SQLite var/bench/movements.sqlite3); the demo "
        "province and bench movements are added to it: use a dedicated one",
    )
    parser.add_argument("--var-dir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--repeat", type=int, default=20, help="measured requests per page")
    parser.add_argument("--movements", type=int, default=3, help="running bench movements")
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--output", type=Path, help="also write the tables here (markdown)")
    options = parser.parse_args()
    options.var_dir = options.var_dir.resolve()
    started = time.monotonic()
    configure(options)

    from django.db import connection

    from thidua.movements.models import ProgressReport

    step(f"preparing the database ({connection.vendor}: {connection.settings_dict['NAME']})")
    secretariat, leader, issuer, units = prepare(options)
    movements, importing, share = build_data(options, issuer, units)
    reports = ProgressReport.objects.filter(target__movement__in=movements).count()
    header = [
        f"## Movements — {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- data: {connection.vendor}; {len(movements)} running movements × {UNITS} "
        f"participating units, {MONTHS} monthly periods, {reports:,} progress reports",
        f"- in process, Django test client, DEBUG off; {options.repeat} requests per page "
        f"after 2 warm-up; {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.1f}",
        "",
    ]
    dashboards = bench_dashboards(options, secretariat, leader, movements, share)
    imports = bench_import(options, secretariat, importing)
    table = "\n".join(
        [
            *header,
            "### Pages",
            "",
            *dashboards,
            "",
            "### Progress import of 10,000 rows",
            "",
            *imports,
            "",
            f"Whole run {time.monotonic() - started:.0f} s.",
        ]
    )
    print()
    print(table)
    if options.output:
        options.output.write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
