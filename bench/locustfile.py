"""Load scenarios for `make bench` (run one user class at a time; see bench/run.py).

Environment: BENCH_USERNAME / BENCH_PASSWORD (a secretariat account) and BENCH_TOKEN
(its personal API token).
"""

import os
import random
import re

from locust import HttpUser, between, task

USERNAME = os.environ.get("BENCH_USERNAME", "thuky")
PASSWORD = os.environ.get("BENCH_PASSWORD", "")
TOKEN = os.environ.get("BENCH_TOKEN", "")
SEARCHES = [
    "nguyen van",
    "tran thi",
    "le minh",
    "pham thu",
    "hoang",
    "nguyen thi h",
    "vu duc",
    "dang",
    "bui ngoc",
    "do van",
    "ho thi",
    "ngo",
    "duong",
    "phan anh",
    "huynh",
]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHILDREN = re.compile(r'hx-get="(/org/units/\d+/children/)"')


def sign_in(client) -> None:
    page = client.get("/accounts/login/", name="GET /accounts/login/")
    token = CSRF.search(page.text).group(1)
    response = client.post(
        "/accounts/login/",
        {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": client.base_url + "/accounts/login/"},
        name="POST /accounts/login/",
    )
    if "/accounts/login/" in response.url:
        response.failure("sign-in refused")


class SignIn(HttpUser):
    """A full sign-in: the form, the POST with CSRF, the overview it lands on."""

    wait_time = between(0, 0.1)

    @task
    def sign_in(self):
        self.client.cookies.clear()
        sign_in(self.client)


class UnitTree(HttpUser):
    wait_time = between(0, 0.1)

    def on_start(self):
        sign_in(self.client)

    @task
    def browse(self):
        page = self.client.get("/org/units/", name="/org/units/")
        links = CHILDREN.findall(page.text)
        for _ in range(3):
            if not links:
                break
            response = self.client.get(
                random.choice(links),
                headers={"HX-Request": "true"},
                name="/org/units/[id]/children/",
            )
            links = CHILDREN.findall(response.text) or links


class PeopleSearch(HttpUser):
    wait_time = between(0, 0.1)

    def on_start(self):
        sign_in(self.client)

    @task
    def search(self):
        self.client.get(f"/org/people/?q={random.choice(SEARCHES)}", name="/org/people/?q=")


class PeopleApi(HttpUser):
    wait_time = between(0, 0.1)

    @task
    def search(self):
        self.client.get(
            f"/api/v1/org/people?q={random.choice(SEARCHES)}&page={random.randint(1, 3)}",
            headers={"Authorization": f"Bearer {TOKEN}"},
            name="/api/v1/org/people",
        )


class Baseline(HttpUser):
    """A trivial view of the same server: what the stack costs without the app's work."""

    wait_time = between(0, 0.1)

    @task
    def healthz(self):
        self.client.get("/healthz", name="/healthz")
