"""`make bench`, awards part: batch eligibility, the registry's pages at two sizes, and the
legacy import against openpyxl reading the same file. Prints figures and ratios; asserts
nothing about time.

1. Data, in a dedicated database: SQLite ``var/bench/awards.sqlite3``, or
   ``--database-url`` / ``$BENCH_DATABASE_URL``. Migrated; the demo province T01 (its
   organisation only) and its demo accounts; then, with bulk inserts, nested bench units
   under T01 holding ``--people`` people (e.g. 2,000 inside 10,000: the smaller subtree is a
   part of the larger), each with five years of task ratings, some initiatives and a few
   reprimands. Built once: kept and reused while the bench units exist with those sizes.
2. Awards, inserted in bulk inside one transaction that is rolled back at the end (so every
   run starts from the same data): the people's award history of the four years before
   the one considered (Lao động tiên tiến when rated "hoàn thành tốt" or better, Chiến sĩ
   thi đua cơ sở for some of those rated "xuất sắc"), then Giấy khen and Bằng khen, each
   on its decision, until the registry holds each of ``--awards`` (10,000 then 100,000).
3. Registry pages at each size, in process through Django's test client with DEBUG off:
   the registry (first page), a search by name without diacritics, and a person's
   history; median and 95th percentile of ``--repeat`` requests after a warm-up, and the
   queries each page runs.
4. Batch eligibility (:func:`thidua.awards.rules.eligibility.eligible_people`) for Chiến sĩ
   thi đua cơ sở of last year over each bench subtree: seconds, queries, cost per person.
5. Legacy import (:mod:`thidua.awards.imports`) of files of ``--import-rows`` rows (four in
   five about people already there, found by name and date of birth; one in five new
   people; a decision per 100 rows): openpyxl alone (read-only load, every row's values),
   reading the rows, checking them, and saving (rolled back), with the queries of each.

    .venv/bin/python bench/awards.py [--people 2000 10000] [--awards 10000 100000]
                                      [--import-rows 1000 10000] [--repeat 20]
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
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_PREFIX = "T01.BENCHKT"
SCHOOLS_PER_LEVEL = 10

SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh",
]  # fmt: skip
GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
    "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc",
    "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Thành", "Thu",
    "Trang", "Trung", "Tú", "Tuấn", "Vân", "Việt", "Xuân", "Yến",
]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Đức", "Bảo"]


def step(message: str) -> None:
    print(f"[bench awards {datetime.now():%H:%M:%S}] {message}", flush=True)


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
        os.environ["DATABASE_URL"] = f"sqlite:///{var / 'awards.sqlite3'}"
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(function):
    tick = time.perf_counter()
    result = function()
    return time.perf_counter() - tick, result


def counted(function):
    """(seconds, queries, result) of ``function()``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        seconds, result = timed(function)
    return seconds, len(captured), result


# Data --------------------------------------------------------------------------------------


def prepare():
    from django.core.management import call_command

    from thidua.org import demo as org_demo
    from thidua.org.models import Unit, User

    call_command("migrate", "--noinput", verbosity=0)
    if not Unit.objects.filter(code="T01").exists():
        step("loading the demo province T01 (organisation only) …")
        org_demo.load()
    call_command("demo_accounts", verbosity=0)
    return User.objects.get(username="thuky"), Unit.objects.get(code="T01")


def person_name(rng: random.Random) -> tuple[str, str]:
    middle = rng.choice(MIDDLE)
    gender = "nu" if middle in ("Thị", "Thu", "Ngọc") else "nam"
    return f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN)}", gender


def birth(rng: random.Random) -> date:
    return date.fromordinal(date(1965, 1, 1).toordinal() + rng.randrange(36 * 365))


def build_base(sizes: list[int], root, year: int):
    """Nested bench units (the largest under T01, each smaller one inside the next), their
    schools and people, five years of ratings, initiatives, a few reprimands. Returns the
    level units, smallest first."""
    from django.utils import timezone

    from thidua.awards.models import (
        Discipline,
        DisciplineForm,
        Initiative,
        Rating,
        TaskRating,
    )
    from thidua.core.text import fold
    from thidua.org import services as org_services
    from thidua.org.models import Person, Unit

    expected = {f"{BENCH_PREFIX}.L{index}": size for index, size in enumerate(sizes)}
    levels = list(Unit.objects.filter(code__in=expected).order_by("code"))
    if len(levels) == len(sizes):
        people = [
            Person.objects.filter(unit__path__startswith=level.path).count() for level in levels
        ]
        if people == sizes:
            step(f"bench people already there: {', '.join(f'{n:,}' for n in people)}")
            return levels
    if Unit.objects.filter(code__startswith=BENCH_PREFIX).exists():
        raise SystemExit(
            f"the bench units {BENCH_PREFIX}.* hold other sizes: use another --var-dir or "
            "database for these --people"
        )
    rng = random.Random(2026)
    tick = time.monotonic()
    parent = root
    made = {}
    for index in reversed(range(len(sizes))):  # the largest first, under the province
        parent = made[index] = org_services.unit_create(
            actor=None,
            parent=parent,
            code=f"{BENCH_PREFIX}.L{index}",
            name=f"Cụm thi đua thử tải {sizes[index]:,}".replace(",", "."),
            kind="so_nganh",
        )
    levels = [made[index] for index in range(len(sizes))]
    ratings_choices = [Rating.EXCELLENT] * 30 + [Rating.GOOD] * 50 + [Rating.COMPLETED] * 17
    ratings_choices += [Rating.NOT_COMPLETED] * 3
    years = list(range(year - 4, year + 1))
    previous = 0
    serial = 0
    for index, level in enumerate(levels):
        count = sizes[index] - previous
        previous = sizes[index]
        schools = [
            org_services.unit_create(
                actor=None,
                parent=level,
                code=f"{level.code}.TH{n:02d}",
                name=f"Trường thử tải {index}-{n:02d}",
                kind="truong_hoc",
            )
            for n in range(SCHOOLS_PER_LEVEL)
        ]
        people = []
        for n in range(count):
            serial += 1
            name, gender = person_name(rng)
            people.append(
                Person(
                    full_name=name,
                    name_folded=fold(name),
                    gender=gender,
                    date_of_birth=birth(rng),
                    unit=schools[n % len(schools)],
                    position="Giáo viên",
                    identity_number=f"09{serial:010d}" if rng.random() < 0.6 else None,
                )
            )
        Person.objects.bulk_create(people, batch_size=2000)
        ratings, initiatives, authors, disciplines = [], [], [], []
        for person in people:
            for y in years:
                ratings.append(
                    TaskRating(
                        person=person,
                        recipient_unit=person.unit,
                        year=y,
                        rating=rng.choice(ratings_choices),
                        months_worked=12,
                    )
                )
            if rng.random() < 0.25:
                y = rng.choice(years)
                title = f"Sáng kiến đổi mới phương pháp dạy học số {person.pk}"
                initiatives.append(
                    Initiative(
                        title=title,
                        title_folded=fold(title),
                        unit=person.unit,
                        year=y,
                        recognised_on=date(y, 11, 20),
                        recognised_by="Hội đồng sáng kiến",
                        scope="co_so",
                    )
                )
                authors.append(person)
            if rng.random() < 0.01:
                y = rng.choice(years)
                disciplines.append(
                    Discipline(
                        person=person,
                        recipient_unit=person.unit,
                        status="da_quyet_dinh",
                        form=DisciplineForm.REPRIMAND,
                        starts_on=date(y, 3, 1),
                        ends_on=date(y + 1, 2, 28),
                    )
                )
        TaskRating.objects.bulk_create(ratings, batch_size=5000)
        Initiative.objects.bulk_create(initiatives, batch_size=2000)
        through = Initiative.authors.through
        through.objects.bulk_create(
            [
                through(initiative_id=initiative.pk, person_id=person.pk)
                for initiative, person in zip(initiatives, authors, strict=True)
            ],
            batch_size=5000,
        )
        Discipline.objects.bulk_create(disciplines, batch_size=2000)
    step(
        f"built {sizes[-1]:,} bench people with 5 years of ratings in "
        f"{time.monotonic() - tick:.0f} s ({timezone.now():%H:%M})"
    )
    return levels


def award_plan(levels, year: int, rng: random.Random) -> list[tuple]:
    """(person, code, year) of every award to insert, the people's history first (in
    people order), then Giấy khen and Bằng khen to fill the registry."""
    from thidua.awards.models import Rating, TaskRating
    from thidua.org.models import Person

    largest = levels[-1]
    people = list(
        Person.objects.filter(unit__path__startswith=largest.path)
        .select_related("unit")
        .order_by("pk")
    )
    ratings = {
        (person_id, y): rating
        for person_id, y, rating in TaskRating.objects.filter(
            person__unit__path__startswith=largest.path
        ).values_list("person_id", "year", "rating")
    }
    years = range(year - 4, year)
    history, filler = [], []
    good = {Rating.GOOD, Rating.EXCELLENT}
    for person in people:
        for y in years:
            rating = ratings.get((person.pk, y))
            if rating in good:
                history.append((person, "ldtt", y))
                if rating == Rating.EXCELLENT and rng.random() < 0.4:
                    history.append((person, "cstdcs", y))
    for code in ("giay_khen", "bk_tinh"):
        for y in years:
            for person in people:
                filler.append((person, code, y))
    rng.shuffle(filler)
    return history + filler


def insert_awards(plan: list[tuple], start: int, stop: int, state: dict) -> int:
    """Insert ``plan[start:stop]`` in bulk, each on the decision of its school, year and
    title (Bằng khen: one decision of the province's chairman per year)."""
    from django.utils import timezone

    from thidua.awards.models import Award, AwardType, Decision, DecisionStatus
    from thidua.awards.rules.money import award_amount
    from thidua.core.text import fold

    types = state.setdefault("types", {t.code: t for t in AwardType.objects.all()})
    decisions: dict[tuple, Decision] = state.setdefault("decisions", {})
    amounts: dict[tuple, int | None] = state.setdefault("amounts", {})
    committee = state["committee"]
    now = timezone.now()
    new_decisions = []
    for person, code, y in plan[start:stop]:
        issuer = committee if code == "bk_tinh" else person.unit
        key = (issuer.pk, code, y)
        if key not in decisions:
            state["number"] = state.get("number", 0) + 1
            provincial = code == "bk_tinh"
            decisions[key] = Decision(
                number=f"{state['number']}/QĐ-TT",
                signed_on=date(y + 1, 1, 15),
                authority="provincial_chairman" if provincial else "agency_head",
                authority_name=(
                    "Chủ tịch Ủy ban nhân dân tỉnh" if provincial else f"Hiệu trưởng {issuer.name}"
                ),
                signer_name="Nguyễn Văn Ký",
                kind="cong_trang",
                issuer=issuer,
                status=DecisionStatus.ISSUED,
                issued_at=now,
            )
            new_decisions.append(decisions[key])
    Decision.objects.bulk_create(new_decisions, batch_size=2000)
    awards = []
    for order, (person, code, y) in enumerate(plan[start:stop], start=start):
        issuer = committee if code == "bk_tinh" else person.unit
        decision = decisions[(issuer.pk, code, y)]
        if (code, decision.signed_on) not in amounts:
            amounts[(code, decision.signed_on)] = award_amount(
                types[code], "ca_nhan", decision.signed_on
            )
        awards.append(
            Award(
                award_type=types[code],
                subject="ca_nhan",
                person=person,
                recipient_name=person.full_name,
                recipient_name_folded=fold(person.full_name),
                recipient_unit=person.unit,
                recipient_unit_name=person.unit.name,
                recipient_position=person.position,
                year=y,
                kind="cong_trang",
                decision=decision,
                amount=amounts[(code, decision.signed_on)],
                sort_order=order,
            )
        )
    Award.objects.bulk_create(awards, batch_size=2000)
    return len(awards)


# Pages -------------------------------------------------------------------------------------


def measure(client, url: str, repeat: int, warmup: int = 2) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        response = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)
    times = []
    for _ in range(repeat):
        tick = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - tick) * 1000)
    return {
        "status": response.status_code,
        "queries": queries,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
    }


def bench_pages(options, secretariat, person, awards: int, year: int) -> list[tuple]:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(secretariat)
    registry = reverse("awards:registry")
    history = reverse("awards:person_history", args=[person.pk])
    pages = [
        ("baseline /healthz", "/healthz"),
        ("registry, first page", registry),
        ("registry, name without diacritics", f"{registry}?q=nguyen+van+an"),
        ("registry, one year", f"{registry}?year={year - 1}"),
        (f"history of {person.full_name}", history),
        ("API registry search", "/api/v1/awards/registry?q=tran+thi"),
        ("API person history", f"/api/v1/awards/people/{person.pk}/history"),
    ]
    rows = []
    for label, url in pages:
        step(f"{awards:,} awards — {label}: GET {url} ×{options.repeat}")
        rows.append((awards, label, url, measure(client, url, options.repeat)))
    return rows


# Eligibility -------------------------------------------------------------------------------


def bench_eligibility(secretariat, levels, sizes, year) -> list[str]:
    from thidua.awards.rules.eligibility import eligible_people

    lines = [
        "| people in the subtree | seconds | queries | ms per person | eligible | needs evidence | not eligible |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    eligible_people(secretariat, levels[0], "cstdcs", year)  # warm-up: rule data, catalogue
    for level, size in zip(levels, sizes, strict=True):
        step(f"eligibility: Chiến sĩ thi đua cơ sở {year} for {size:,} people …")
        seconds, queries, verdicts = counted(
            lambda level=level: eligible_people(secretariat, level, "cstdcs", year)
        )
        statuses = [verdict.status for _person, verdict in verdicts]
        lines.append(
            f"| {len(verdicts):,} | {seconds:.2f} | {queries} | "
            f"{seconds * 1000 / max(1, len(verdicts)):.2f} | {statuses.count('eligible'):,} | "
            f"{statuses.count('needs_evidence'):,} | {statuses.count('not_eligible'):,} |"
        )
    return lines


# Import ------------------------------------------------------------------------------------


HEADERS = [
    "Loại đối tượng",
    "Họ và tên / Tên tập thể",
    "Số định danh (CCCD)",
    "Ngày sinh",
    "Giới tính",
    "Mã đơn vị",
    "Danh hiệu/Hình thức",
    "Năm",
    "Loại hình khen thưởng",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp quyết định/Thẩm quyền",
    "Người ký",
    "Số tiền",
]


def import_workbook(levels, rows: int, year: int) -> bytes:
    """``rows`` awards of a Giấy khen for a thematic movement of ``year`` - 6 (a year the
    bench history does not touch): four rows in five about bench people (by name and date
    of birth, in their school), one in five about new people; 100 rows per decision."""
    from openpyxl import Workbook

    from thidua.org.models import Person

    rng = random.Random(rows)
    people = list(
        Person.objects.filter(unit__path__startswith=levels[-1].path)
        .select_related("unit")
        .order_by("pk")[:rows]
    )
    schools = sorted({person.unit.code for person in people})
    award_year = year - 6
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for n in range(rows):
        number = f"{n // 100 + 1}/QĐ-NHAP"
        signed = date(award_year + 1, 3, 1 + n // 100 % 28)
        if n % 5 and n < len(people):
            person = people[n]
            name, born, unit = person.full_name, person.date_of_birth, person.unit.code
        else:
            name = f"{rng.choice(SURNAMES)} {rng.choice(['Văn', 'Thị'])} {rng.choice(GIVEN)}"
            name += f" {rng.choice(GIVEN)}"
            born, unit = birth(rng), rng.choice(schools)
        sheet.append(
            [
                "Cá nhân",
                name,
                None,
                born,
                None,
                unit,
                "Giấy khen",
                str(award_year),
                "Chuyên đề",
                number,
                signed,
                "Thủ trưởng cơ quan, đơn vị",
                "Trần Văn Bình",
                None,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bench_import(options, secretariat, levels, year) -> list[str]:
    from django.db import transaction
    from openpyxl import load_workbook

    import thidua.org.imports as org_imports
    from thidua.audit.models import Action
    from thidua.audit.services import record
    from thidua.awards.imports import AwardImporter

    lines = [
        "| rows | KB | step | seconds | queries | rows/s | ÷ openpyxl alone |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for rows in options.import_rows:
        if rows > org_imports.MAX_ROWS:
            step(f"lifting the import's limit of {org_imports.MAX_ROWS:,} rows for this run")
            org_imports.MAX_ROWS = rows
        step(f"import: writing {rows:,} rows …")
        data = import_workbook(levels, rows, year)
        (options.var_dir / f"awards-import-{rows}.xlsx").write_bytes(data)
        figures: dict[str, list[tuple[float, int]]] = {}
        summary = None
        for run in range(1, options.import_runs + 1):
            step(f"import of {rows:,} rows, run {run}/{options.import_runs}")

            def openpyxl_alone(data=data):
                workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
                workbook.close()
                return count - 1

            seconds, queries, _count = counted(openpyxl_alone)
            figures.setdefault("openpyxl", []).append((seconds, queries))
            importer = AwardImporter(actor=secretariat, filename="bench.xlsx")
            seconds, queries, read = counted(
                lambda importer=importer, data=data: importer._rows(data)
            )
            figures.setdefault("read", []).append((seconds, queries))
            if read is None:
                raise SystemExit(f"unreadable: {importer.result.errors[:3]}")
            seconds, queries, _ = counted(
                lambda importer=importer, read=read: importer.validate(read)
            )
            figures.setdefault("check", []).append((seconds, queries))
            result = importer.result
            if result.errors or result.uncertain:
                problems = [issue.text for issue in result.errors[:3]]
                raise SystemExit(
                    f"the bench file does not check: {problems}, {len(result.uncertain)} uncertain"
                )

            def apply(importer=importer, read=read):
                importer.choices = {}
                importer.apply(read)
                record(Action.IMPORT, actor=secretariat, object_type="awards.award")

            with transaction.atomic():
                seconds, queries, _ = counted(apply)
                transaction.set_rollback(True)
            figures.setdefault("save", []).append((seconds, queries))
            summary = result
        median = {
            key: (statistics.median(s for s, _q in values), values[-1][1])
            for key, values in figures.items()
        }
        base = median["openpyxl"][0]
        total = median["read"][0] + median["check"][0] + median["save"][0]
        for label, (seconds, queries) in [
            ("openpyxl alone: read-only load, every row's values", median["openpyxl"]),
            ("read the rows (open, check the content, headers)", median["read"]),
            ("check: parse, catalogue, units, match people, registry", median["check"]),
            ("save: people, decisions, awards, issue, audit (rolled back)", median["save"]),
            (
                "read + check + save",
                (total, median["read"][1] + median["check"][1] + median["save"][1]),
            ),
        ]:
            lines.append(
                f"| {rows:,} | {len(data) / 1024:.0f} | {label} | {seconds:.2f} | {queries:,} | "
                f"{rows / seconds:,.0f} | {seconds / base:.1f} |"
            )
        lines.append(
            f"| | | ({summary.people_matched:,} people recognised, {summary.people_new:,} "
            f"created, {summary.decisions_new:,} decisions) | | | | |"
        )
    return lines


# Main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="database to use (default: SQLite var/bench/awards.sqlite3); the demo province "
        "and the bench people are added to it: use a dedicated one",
    )
    parser.add_argument("--var-dir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument(
        "--people", type=int, nargs="+", default=[2000, 10000], help="sizes of the subtrees"
    )
    parser.add_argument(
        "--awards", type=int, nargs="+", default=[10000, 100000], help="registry sizes"
    )
    parser.add_argument("--import-rows", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--import-runs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="measured requests per page")
    parser.add_argument("--output", type=Path, help="also write the tables here (markdown)")
    options = parser.parse_args()
    options.var_dir = options.var_dir.resolve()
    options.people = sorted(set(options.people))
    options.awards = sorted(set(options.awards))
    options.import_rows = sorted(set(options.import_rows))
    started = time.monotonic()
    configure(options)

    from django.db import connection, transaction
    from django.utils import timezone

    from thidua.awards.models import Award
    from thidua.org.models import Person, Unit

    year = timezone.localdate().year - 1  # the year whose titles are being decided
    step(f"preparing the database ({connection.vendor}: {connection.settings_dict['NAME']})")
    secretariat, root = prepare()
    levels = build_base(options.people, root, year)
    committee = Unit.objects.get(code="T01.UBND")
    pages: list[tuple] = []
    inserted: list[tuple[int, float]] = []
    with transaction.atomic():
        if Award.objects.exists():
            step(f"(the database already holds {Award.objects.count():,} awards)")
        plan = award_plan(levels, year, random.Random(5))
        state = {"committee": committee}
        person = (
            Person.objects.filter(unit__path__startswith=levels[0].path, awards__isnull=False)
            .order_by("pk")
            .first()
        )
        done = 0
        for size in options.awards:
            target = min(size, len(plan))
            if target > done:
                seconds, count = timed(
                    lambda done=done, target=target: insert_awards(plan, done, target, state)
                )
                inserted.append((count, seconds))
                step(f"inserted {count:,} awards in {seconds:.1f} s")
                done = target
            if person is None:
                person = Person.objects.filter(awards__isnull=False).order_by("pk").first()
            pages += bench_pages(options, secretariat, person, Award.objects.count(), year)
        eligibility = bench_eligibility(secretariat, levels, options.people, year)
        imports = bench_import(options, secretariat, levels, year)
        awards_total = Award.objects.count()
        transaction.set_rollback(True)

    base = {awards: r["median"] for awards, label, _url, r in pages if label.startswith("baseline")}
    page_lines = [
        "| awards | page | status | queries | median ms | p95 ms | median ÷ /healthz |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for awards, label, url, r in pages:
        page_lines.append(
            f"| {awards:,} | {label} `{url}` | {r['status']} | {r['queries']} | "
            f"{r['median']:.1f} | {r['p95']:.1f} | {r['median'] / max(base[awards], 0.001):.0f} |"
        )
    header = [
        f"## Awards — {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- data: {connection.vendor}; bench subtrees of {', '.join(f'{n:,}' for n in options.people)} "
        f"people with 5 years of ratings; up to {awards_total:,} awards inserted in bulk "
        f"({', '.join(f'{n:,} in {s:.1f} s' for n, s in inserted)}), rolled back at the end",
        f"- in process, Django test client, DEBUG off; {options.repeat} requests per page after "
        f"2 warm-up; {os.cpu_count()} CPUs, Python {platform.python_version()}; load average "
        f"{os.getloadavg()[0]:.1f}",
        "",
    ]
    table = "\n".join(
        [
            *header,
            f"### Batch eligibility: Chiến sĩ thi đua cơ sở {year}",
            "",
            *eligibility,
            "",
            "### Registry pages",
            "",
            *page_lines,
            "",
            "### Legacy import of award history",
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
