"""`make bench`: load-test thidua on national-scale demo data behind gunicorn.

1. Prepares a dedicated database (SQLite under var/bench/, or --database-url /
   $BENCH_DATABASE_URL / $DATABASE_URL for PostgreSQL): migrate, `load_demo --scale national`
   unless the last province root "T34" is already there, `demo_accounts`, then sets the
   secretariat account's password and creates a personal API token for it.
2. Starts gunicorn with production settings on a free port of 127.0.0.1.
3. Runs each locust scenario of bench/locustfile.py headless, one after the other.
4. Prints, from locust's statistics, requests, failures, median / p95 latency and requests
   per second of each scenario, and each one against the trivial /healthz baseline; writes
   the table to var/bench/results.md. Exits 1 if a scenario fails on more than 1 % of its
   requests.
5. Runs bench/movements.py (movement dashboards on 500 units × 3 years of monthly reports,
   progress import of 10,000 rows against openpyxl alone) and appends its tables.
6. Runs bench/reading.py (reading the seed launch texts against a one-regex floor, and a
   15 KB directive from each kind of file) and appends its tables.
7. Runs bench/awards.py (batch eligibility of Chiến sĩ thi đua cơ sở over 2,000 and 10,000
   people with five years of history, the registry pages with 10,000 and 100,000 awards,
   the legacy import of 1,000 and 10,000 rows against openpyxl alone) and appends its
   tables.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
# (label, locust user class); the baseline comes first, the others are compared with it.
SCENARIOS = [
    ("baseline /healthz", "Baseline"),
    ("sign-in", "SignIn"),
    ("unit tree", "UnitTree"),
    ("people search", "PeopleSearch"),
    ("people API", "PeopleApi"),
]
# Scenarios whose users sign in first; they measure BENCH_SECONDS from the last sign-in.
SIGNED_IN = {"UnitTree", "PeopleSearch"}
SIGN_IN_ALLOWANCE = 120  # at most this long for every user to sign in
USERNAME = "thuky"  # demo_accounts: the secretariat of province T01
MAX_FAILURE_RATIO = 0.01

# Run inside `manage.py shell -c`: a known password, no lockout, a fresh token.
PREPARE = """
from axes.utils import reset
from thidua.org import services
from thidua.org.models import User
user = User.objects.get(username={username!r})
user.set_password({password!r})
user.is_active = True
user.save(update_fields=["password", "is_active"])
reset(username=user.username)
user.api_tokens.filter(name="bench").delete()
print("BENCH_TOKEN=" + services.api_token_create(actor=user, name="bench")[1])
"""


def step(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", flush=True)


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def prepare_data(env: dict, password: str, load: bool) -> str:
    """Migrate, load the national demo once, create the accounts; return an API token."""
    manage(env, "migrate", "--noinput", "-v", "0")
    if load:
        loaded = manage(
            env,
            "shell",
            "-c",
            "from thidua.org.models import Unit; print(Unit.objects.filter(code='T34').exists())",
            capture=True,
        )
        if loaded.strip().splitlines()[-1:] == ["True"]:
            step("national demo data already loaded (T34 exists)")
        else:
            step("load_demo --scale national …")
            started = time.monotonic()
            manage(env, "load_demo", "--scale", "national")
            step(f"load_demo took {time.monotonic() - started:.0f} s")
        manage(env, "demo_accounts", capture=True)  # prints passwords we do not need
    output = manage(
        env, "shell", "-c", PREPARE.format(username=USERNAME, password=password), capture=True
    )
    for line in output.splitlines():
        if line.startswith("BENCH_TOKEN="):
            return line.removeprefix("BENCH_TOKEN=")
    raise SystemExit("could not create the API token")


# True when STATIC_ROOT's manifest is newer than every file the static finders would collect.
STATIC_UP_TO_DATE = """
import os
from django.conf import settings
from django.contrib.staticfiles import finders
manifest = settings.STATIC_ROOT / "staticfiles.json"
newest = max(
    os.path.getmtime(storage.path(path))
    for finder in finders.get_finders()
    for path, storage in finder.list(["CVS", ".*", "*~"])
)
print(manifest.exists() and manifest.stat().st_mtime > newest)
"""


def collectstatic(env: dict) -> None:
    """collectstatic with the server's settings, skipped when nothing changed: compressing
    the API documentation bundles takes most of a minute on two cores."""
    fresh = manage(env, "shell", "-c", STATIC_UP_TO_DATE, capture=True)
    if fresh.strip().splitlines()[-1:] == ["True"]:
        step("static files up to date")
        return
    step("collectstatic …")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(server: subprocess.Popen, url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def run_locust(user_class: str, host: str, prefix: Path, env: dict, options) -> None:
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--users",
                str(options.users),
                "--spawn-rate",
                str(options.users),
                "--run-time",
                f"{options.seconds + (SIGN_IN_ALLOWANCE if user_class in SIGNED_IN else 0)}s",
                "--stop-timeout",
                "5",
                "--host",
                host,
                "--csv",
                str(prefix),
                "--only-summary",
                "--exit-code-on-error",
                "0",
                user_class,
            ],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def number(text: str) -> float:
    return 0.0 if text in ("", "N/A") else float(text)


def read_stats(prefix: Path) -> tuple[dict, list[dict]]:
    """The aggregated row and the per-request rows of locust's <prefix>_stats.csv."""
    rows = []
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "median": number(row["50%"]),
                    "p95": number(row["95%"]),
                    "rps": number(row["Requests/s"]),
                }
            )
    total = [r for r in rows if r["name"] == "Aggregated"]
    if not total:
        raise SystemExit(f"no aggregated row in {prefix}_stats.csv")
    # Requests reset to zero (the set-up sign-ins of signed-in scenarios) are left out.
    return total[0], [r for r in rows if r["name"] != "Aggregated" and r["requests"]]


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path, newline="") as handle:
        return [
            f"{row['Method']} {row['Name']}: {row['Error']} (×{row['Occurrences']})"
            for row in csv.DictReader(handle)
        ]


def failure_ratio(stats: dict) -> float:
    return stats["failures"] / stats["requests"] if stats["requests"] else 1.0


def report(results: dict, details: dict, header: list[str]) -> str:
    base = results[SCENARIOS[0][0]]
    lines = [
        *header,
        "",
        "| scenario | requests | failures | median ms | p95 ms | req/s "
        "| median ÷ baseline | req/s ÷ baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, stats in results.items():
        lines.append(
            f"| {label} | {stats['requests']} | {stats['failures']} | {stats['median']:.0f} "
            f"| {stats['p95']:.0f} | {stats['rps']:.1f} "
            f"| {stats['median'] / max(base['median'], 1):.1f} "
            f"| {stats['rps'] / max(base['rps'], 0.001):.3f} |"
        )
    lines += [
        "",
        "Per request, inside each scenario:",
        "",
        "| scenario | request | requests | failures | median ms | p95 ms | req/s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, rows in details.items():
        for row in rows:
            lines.append(
                f"| {label} | `{row['name']}` | {row['requests']} | {row['failures']} "
                f"| {row['median']:.0f} | {row['p95']:.0f} | {row['rps']:.1f} |"
            )
    return "\n".join(lines)


def describe_database(env: dict) -> tuple[str, str]:
    """(engine label, a sentence on the data) read back through Django."""
    output = manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; from thidua.org.models import Unit, Person;"
        "print(connection.vendor, Unit.objects.count(), Person.objects.count(),"
        " Unit.objects.filter(parent__isnull=True).count())",
        capture=True,
    )
    vendor, units, people, roots = output.split()[-4:]
    return vendor, f"{roots} province roots, {int(units):,} units, {int(people):,} people"


def movements_bench(options, var: Path) -> None:
    """The in-process part (bench/movements.py, its own database unless --database-url):
    its table is appended to results.md."""
    step("movements: dashboards and the progress import (bench/movements.py) …")
    output = var / "movements.md"
    output.unlink(missing_ok=True)
    command = [sys.executable, str(ROOT / "bench" / "movements.py"), "--var-dir", str(var)]
    command += ["--output", str(output)]
    if options.database_url:
        command += ["--database-url", options.database_url]
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode or not (
        output.exists()
    ):
        print("bench/movements.py failed", file=sys.stderr)
        return
    with open(var / "results.md", "a") as results:
        results.write("\n" + output.read_text())
    step(f"appended to {var / 'results.md'}")


def awards_bench(options, var: Path) -> None:
    """The award registry (bench/awards.py, its own database unless --database-url): its
    tables are appended to results.md."""
    step("awards: eligibility, registry pages, legacy import (bench/awards.py) …")
    output = var / "awards.md"
    output.unlink(missing_ok=True)
    command = [sys.executable, str(ROOT / "bench" / "awards.py"), "--var-dir", str(var)]
    command += ["--output", str(output)]
    if options.database_url:
        command += ["--database-url", options.database_url]
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode or not (
        output.exists()
    ):
        print("bench/awards.py failed", file=sys.stderr)
        return
    with open(var / "results.md", "a") as results:
        results.write("\n" + output.read_text())
    step(f"appended to {var / 'results.md'}")


def reading_bench(var: Path) -> None:
    """The reading of launch documents (bench/reading.py, no database): appended too."""
    step("reading: the seed texts and a 15 KB directive (bench/reading.py) …")
    output = var / "reading.md"
    output.unlink(missing_ok=True)
    command = [sys.executable, str(ROOT / "bench" / "reading.py"), "--output", str(output)]
    if subprocess.run(command, cwd=ROOT, check=False).returncode or not output.exists():
        print("bench/reading.py failed", file=sys.stderr)
        return
    with open(var / "results.md", "a") as results:
        results.write("\n" + output.read_text())
    step(f"appended to {var / 'results.md'}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
        help="database to bench (default: SQLite under --var-dir); it is migrated, loaded "
        "with demo data and the password of 'thuky' is changed: use a dedicated one",
    )
    parser.add_argument("--var-dir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--users", type=int, default=8, help="concurrent locust users")
    parser.add_argument("--seconds", type=int, default=30, help="duration of each scenario")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--no-load",
        action="store_true",
        help="skip load_demo and demo_accounts: the database already holds the data "
        f"and the secretariat account '{USERNAME}'",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="CLASS",
        choices=[cls for _label, cls in SCENARIOS],
        help="run only these scenarios (the baseline always runs)",
    )
    parser.add_argument(
        "--no-movements",
        action="store_true",
        help="skip bench/movements.py (movement dashboards, progress import of 10,000 rows)",
    )
    parser.add_argument(
        "--no-reading", action="store_true", help="skip bench/reading.py (reading documents)"
    )
    parser.add_argument(
        "--no-awards",
        action="store_true",
        help="skip bench/awards.py (batch eligibility, registry pages, legacy import)",
    )
    options = parser.parse_args()
    started = time.monotonic()
    load_before = os.getloadavg()[0]

    var = options.var_dir.resolve()
    var.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "THIDUA_VAR_DIR": str(var), "DJANGO_ENV": "development"}
    env.pop("DATABASE_URL", None)
    if options.database_url:
        env["DATABASE_URL"] = options.database_url
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)

    password = secrets.token_urlsafe(16)
    step(f"preparing the database ({'DATABASE_URL' if options.database_url else var})")
    token = prepare_data(env, password, load=not options.no_load)
    vendor, data = describe_database(env)
    prepared = time.monotonic() - started
    step(f"data ready in {prepared:.0f} s: {vendor}, {data}")

    production = {
        **env,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "0",
        # Plain http on 127.0.0.1: no redirect to https, cookies without the Secure flag.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
    }
    collectstatic(production)
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    selected = [
        (label, cls)
        for label, cls in SCENARIOS
        if options.only is None or cls in options.only or cls == SCENARIOS[0][1]
    ]
    results: dict[str, dict] = {}
    details: dict[str, list[dict]] = {}
    failures: dict[str, list[str]] = {}
    step(
        f"gunicorn on {host}: {options.workers} workers × {options.threads} threads; "
        f"locust: {options.users} users × {options.seconds} s per scenario"
    )
    with open(var / "gunicorn.log", "w") as server_log:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "thidua.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(options.threads),
                "--log-level",
                "warning",
            ],
            env=production,
            cwd=ROOT,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(server, f"{host}/healthz")
            locust_env = {
                **env,
                "BENCH_USERNAME": USERNAME,
                "BENCH_PASSWORD": password,
                "BENCH_TOKEN": token,
                "BENCH_SECONDS": str(options.seconds),
            }
            for label, user_class in selected:
                step(f"scenario {label} ({user_class})")
                prefix = var / f"locust-{user_class}"
                for stale in var.glob(f"locust-{user_class}_*.csv"):
                    stale.unlink()
                run_locust(user_class, host, prefix, locust_env, options)
                results[label], details[label] = read_stats(prefix)
                failures[label] = read_failures(prefix)
                if server.poll() is not None:
                    raise SystemExit(f"gunicorn died during {label}: see {var}/gunicorn.log")
        finally:
            stop(server)

    header = [
        f"# thidua bench — {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- data: {vendor}, {data}",
        f"- server: gunicorn {options.workers} workers × {options.threads} threads (gthread), "
        "DJANGO_ENV=production, DEBUG off, 127.0.0.1",
        f"- load: locust, {options.users} users without think time, {options.seconds} s per "
        "scenario, one scenario at a time",
        f"- machine: {os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
        f"- preparation {prepared:.0f} s, whole run {time.monotonic() - started:.0f} s; "
        f"load average {load_before:.1f} before the run (other work on the machine skews "
        "the figures)",
    ]
    table = report(results, details, header)
    bad = {
        label: stats for label, stats in results.items() if failure_ratio(stats) > MAX_FAILURE_RATIO
    }
    if any(failures.values()):
        table += "\n\nFailures:\n\n" + "\n".join(
            f"- {label}: {line}" for label, lines in failures.items() for line in lines
        )
    print()
    print(table)
    (var / "results.md").write_text(table + "\n")
    step(f"written to {var / 'results.md'}")
    if not options.no_movements:
        movements_bench(options, var)
    if not options.no_reading:
        reading_bench(var)
    if not options.no_awards:
        awards_bench(options, var)
    if bad:
        print(
            "more than 1 % of requests failed in: " + ", ".join(bad),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
