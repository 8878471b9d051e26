"""Load scenarios for `make bench`; bench/run.py runs one user class at a time.

Environment: BENCH_USERNAME / BENCH_PASSWORD (a secretariat account whose password
bench/run.py has just set), BENCH_TOKEN (a personal API token of that account) and
BENCH_SECONDS (how long signed-in scenarios run once every user has signed in).

Every user fires its next request as soon as the previous one answered (no think time):
the figures are the server's throughput and latency at a fixed concurrency, so the
scenarios can be compared with each other and with the baseline.
"""

from __future__ import annotations

import os
import random
import re

import gevent
from locust import FastHttpUser, constant, task

USERNAME = os.environ.get("BENCH_USERNAME", "thuky")
PASSWORD = os.environ.get("BENCH_PASSWORD", "")
TOKEN = os.environ.get("BENCH_TOKEN", "")
SECONDS = float(os.environ.get("BENCH_SECONDS", "0"))  # measured duration of a signed-in scenario
LOGIN = "/accounts/login/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHILDREN = re.compile(r'hx-get="(/org/units/\d+/children/)"')

# Folded (no diacritics, lower case) pieces of Vietnamese names; common family names repeat.
# fmt: off
FAMILY = [
    "nguyen", "nguyen", "nguyen", "nguyen", "nguyen", "nguyen", "nguyen", "nguyen",
    "tran", "tran", "tran", "le", "le", "le", "pham", "pham", "hoang", "huynh", "phan",
    "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dinh", "mai", "trinh",
    "truong",
]
MIDDLE = [
    "van", "thi", "minh", "duc", "ngoc", "thanh", "quoc", "huu", "xuan", "thu", "hong",
    "anh", "kim", "gia", "bao", "dinh",
]
GIVEN = [
    "an", "binh", "chau", "cuong", "dung", "ha", "hai", "hanh", "hoa", "hung", "huong",
    "khanh", "lan", "linh", "long", "mai", "nam", "nga", "phuc", "quang", "son", "tam",
    "thao", "trang", "tuan", "van", "yen",
]
# fmt: on


def name_query(rng: random.Random = random) -> str:
    """A name as people type it in a search box: "nguyen van", "tran thi h", "le", "pham ngoc lan"."""
    words = [rng.choice(FAMILY)]
    if rng.random() < 0.7:
        words.append(rng.choice(MIDDLE))
        roll = rng.random()
        if roll < 0.3:
            words.append(rng.choice(GIVEN)[0])
        elif roll < 0.5:
            words.append(rng.choice(GIVEN))
    return " ".join(words)


class BenchUser(FastHttpUser):
    abstract = True
    wait_time = constant(0)

    def get_ok(self, url: str, name: str, **kwargs):
        """GET that counts anything but a 200 as a failure (a redirect to sign-in, say)."""
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            if response.status_code != 200:
                location = (response.headers.get("Location") or "").split("?")[0]
                response.failure(f"HTTP {response.status_code} {location}".strip())
        return response

    def sign_in(self) -> bool:
        """The sign-in form, the POST with its CSRF token, and the page it redirects to."""
        page = self.get_ok(LOGIN, "GET /accounts/login/")
        found = CSRF.search(page.text or "")
        if not found:
            return False
        form = {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": found.group(1)}
        with self.client.post(
            LOGIN,
            data=form,
            headers={"Referer": self.host + LOGIN},
            allow_redirects=False,
            name="POST /accounts/login/",
            catch_response=True,
        ) as response:
            target = response.headers.get("Location", "")
            if response.status_code != 302 or not target or target.startswith(LOGIN):
                response.failure(f"sign-in refused (HTTP {response.status_code})")
                return False
        return self.get_ok(target, "GET / (after sign-in)").status_code == 200


class SignIn(BenchUser):
    """(a) A full sign-in from a fresh browser: no cookies, form, POST, redirect."""

    @task
    def sign_in_again(self):
        self.client.cookiejar.clear()
        self.sign_in()


class SignedInUser(BenchUser):
    """Signs in once when it starts. When the last user has signed in, locust's statistics
    are reset and the run is given BENCH_SECONDS more: the scenario's figures hold its own
    requests only, over the same duration as the other scenarios. (If a sign-in failed, the
    statistics are kept, so that the failure shows.)"""

    abstract = True
    started = 0
    refused = 0

    def on_start(self):
        if not self.sign_in():
            SignedInUser.refused += 1
        SignedInUser.started += 1
        runner = self.environment.runner
        if SignedInUser.started == runner.target_user_count:
            if not SignedInUser.refused:
                self.environment.stats.reset_all()
            if SECONDS:
                gevent.spawn_later(SECONDS, runner.quit)


class UnitTree(SignedInUser):
    """(b) The secretariat opens the unit tree and expands three levels with HTMX."""

    @task
    def browse(self):
        page = self.get_ok("/org/units/", "/org/units/")
        links = CHILDREN.findall(page.text or "")
        for _level in range(3):
            if not links:
                break
            nodes = self.get_ok(
                random.choice(links),
                "/org/units/[id]/children/ (HTMX)",
                headers={"HX-Request": "true"},
            )
            links = CHILDREN.findall(nodes.text or "")


class PeopleSearch(SignedInUser):
    """(c) The secretariat searches people by a name typed without diacritics."""

    @task
    def search(self):
        self.get_ok("/org/people/", "/org/people/?q=", params={"q": name_query()})


class PeopleApi(BenchUser):
    """(d) The same search through the API with a personal token, pages 1 to 3."""

    @task
    def search(self):
        self.get_ok(
            "/api/v1/org/people",
            "/api/v1/org/people?q=&page=",
            params={"q": name_query(), "page": random.randint(1, 3)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )


class Baseline(BenchUser):
    """(e) /healthz of the same server: the whole stack without the application's work."""

    @task
    def healthz(self):
        self.get_ok("/healthz", "/healthz")
