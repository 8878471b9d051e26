"""`make bench`: load-test thidua on national-scale demo data behind gunicorn.

Prepares a dedicated database (SQLite under var/bench/, or DATABASE_URL), loads 34 demo
provinces once, starts gunicorn with production settings on 127.0.0.1, runs each locust
scenario headless in turn, and prints median / p95 latency and requests per second, with
each figure relative to the trivial /healthz view of the same server.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
SCENARIOS = [
    ("baseline (/healthz)", "Baseline"),
    ("sign-in", "SignIn"),
    ("unit tree", "UnitTree"),
    ("people search", "PeopleSearch"),
    ("people API", "PeopleApi"),
]
PASSWORD = "Bench#Thidua-2026"

PREPARE = f"""
from thidua.org.models import User
from thidua.org import services
user = User.objects.get(username="thuky")
user.set_password({PASSWORD!r}); user.save()
user.api_tokens.all().delete()
print(services.api_token_create(actor=user, name="bench")[1])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url}")


def read_stats(prefix: Path) -> dict:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                return {
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "median": float(row["Median Response Time"]),
                    "p95": float(row["95%"]),
                    "rps": float(row["Requests/s"]),
                }
    raise SystemExit(f"no aggregated row in {prefix}_stats.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--users", type=int, default=8, help="concurrent locust users per scenario")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each scenario")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    VAR.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "THIDUA_VAR_DIR": str(VAR), "DJANGO_ENV": "development"}
    env.pop("DATABASE_URL", None)
    if options.database_url:
        env["DATABASE_URL"] = options.database_url

    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    loaded = manage(
        env,
        "shell",
        "-c",
        "from thidua.org.models import Unit; print(Unit.objects.filter(code='T34').exists())",
        capture=True,
    )
    if loaded.strip() != "True":
        manage(env, "load_demo", "--scale", "national")
    manage(env, "demo_accounts", capture=True)
    token = manage(env, "shell", "-c", PREPARE, capture=True).strip().splitlines()[-1]
    print(f"data ready in {time.monotonic() - started:.0f} s")

    prod = {
        **env,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_DEBUG": "0",
    }
    manage(prod, "collectstatic", "--noinput", "-v", "0")
    port = free_port()
    host = f"http://127.0.0.1:{port}"
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
            "4",
            "--log-level",
            "warning",
        ],
        env=prod,
        cwd=ROOT,
    )
    results = {}
    try:
        wait_until_up(f"{host}/healthz")
        locust_env = {
            **env,
            "BENCH_USERNAME": "thuky",
            "BENCH_PASSWORD": PASSWORD,
            "BENCH_TOKEN": token,
        }
        for label, user_class in SCENARIOS:
            prefix = VAR / f"locust-{user_class}"
            subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "-u",
                    str(options.users),
                    "-r",
                    str(options.users),
                    "-t",
                    f"{options.seconds}s",
                    "--host",
                    host,
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                    "--exit-code-on-error",
                    "0",
                    user_class,
                ],
                env=locust_env,
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            results[label] = read_stats(prefix)
    finally:
        server.terminate()
        server.wait(timeout=30)

    base = results[SCENARIOS[0][0]]
    lines = [
        f"thidua bench — {options.users} users × {options.seconds} s per scenario, gunicorn "
        f"{options.workers} workers × 4 threads, {'PostgreSQL' if options.database_url else 'SQLite'}, "
        "34 demo provinces",
        "",
        "| scenario | requests | failures | median ms | p95 ms | req/s | median × baseline | req/s ÷ baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    failed = False
    for label, _cls in SCENARIOS:
        r = results[label]
        lines.append(
            f"| {label} | {r['requests']} | {r['failures']} | {r['median']:.0f} | {r['p95']:.0f} | "
            f"{r['rps']:.1f} | {r['median'] / max(base['median'], 1):.1f} | {r['rps'] / max(base['rps'], 0.001):.2f} |"
        )
        if r["requests"] == 0 or r["failures"] / r["requests"] > 0.01:
            failed = True
    report = "\n".join(lines)
    print(report)
    (VAR / "results.md").write_text(report + "\n")
    if failed:
        print("a scenario failed on more than 1 % of its requests", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
