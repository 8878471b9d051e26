"""The public verification page of a certificate (/verify/<token>/).

It answers anyone, signed in or not; it shows the recipient's name and unit, the title or
form, the decision's number and date, and whether the award is valid or revoked (with the
date) — nothing else about the person. Unknown, malformed and draft tokens get the same
404; lookups are rate-limited per address so the tokens cannot be walked.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.awards import services
from thidua.awards.models import Award

from ..awards.factories import make_award, make_decision
from ..factories import PersonFactory

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2025, 1, 15)


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(tree):
    return PersonFactory(
        full_name="Võ Thị Kiểm",
        gender="nu",
        unit=tree.school,
        date_of_birth=datetime.date(1979, 8, 23),
        identity_number="046179001234",
        position="Tổ trưởng chuyên môn",
        phone="0912345678",
        email="kiem@example.vn",
    )


@pytest.fixture
def award(tree, person):
    return make_award(
        person=person,
        code="bk_tinh",
        year=2024,
        signed_on=SIGNED,
        issue=True,
        achievement="Thành tích riêng không công khai",
    )


def _url(token: str) -> str:
    return reverse("portal:verify", args=[token])


def test_anyone_sees_a_valid_award(award):
    response = Client().get(_url(award.verify_token))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="valid"' in html
    assert "Võ Thị Kiểm" in html
    assert "Trường THPT Chuyên Lê Quý Đôn" in html
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in html
    assert award.decision.number in html and "15/01/2025" in html
    assert response["Cache-Control"] == "no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_page_leaks_nothing_else(award, person, users, clients):
    for client in (Client(), clients["secretariat"]):
        html = client.get(_url(award.verify_token)).content.decode()
        for secret in (
            "23/08/1979",
            "1979",
            "046179001234",
            "Tổ trưởng chuyên môn",
            "0912345678",
            "kiem@example.vn",
            "Thành tích riêng không công khai",
            "3.510.000",
            "3510000",
            f"/org/people/{person.pk}",
        ):
            assert secret not in html, secret
        # No link into the signed-in application.
        assert "/awards/" not in html and "/org/" not in html


def test_a_revoked_award_shows_as_revoked_without_the_reason(award, users):
    services.award_revoke(
        actor=users["secretariat"], award=award, reason="Khai man hồ sơ — lý do nội bộ"
    )
    award.refresh_from_db()
    response = Client().get(_url(award.verify_token))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="revoked"' in html and 'data-status="valid"' not in html
    assert timezone.localtime(award.revoked_at).strftime("%d/%m/%Y") in html
    assert "Khai man" not in html and "lý do nội bộ" not in html
    assert users["secretariat"].username not in html


def test_unknown_malformed_and_draft_tokens_get_the_same_404(award, tree, person):
    draft = make_award(
        person=person,
        code="giay_khen",
        year=2024,
        decision=make_decision(tree.education, authority="agency_head", signed_on=SIGNED),
    )
    responses = [
        Client().get(_url(token))
        for token in (
            "A" * 22,  # well-formed, unknown
            award.verify_token[:-1] + ("B" if award.verify_token[-1] != "B" else "C"),
            str(award.pk),  # an id is not a token
            "x",
            "%3Cscript%3E",
            "'; DROP TABLE awards_award; --",
            "z" * 300,
            draft.verify_token,  # a draft decision is not public yet
        )
    ]
    assert {r.status_code for r in responses} == {404}
    bodies = {r.content for r in responses}
    assert len(bodies) == 1  # nothing tells one case from another
    assert all(
        r["Cache-Control"] == "no-store" and "noindex" in r["X-Robots-Tag"] for r in responses
    )
    assert "Võ Thị Kiểm" not in responses[0].content.decode()


def test_tokens_are_128_random_bits_not_ids(tree, people):
    awards = [
        make_award(
            person=PersonFactory(unit=tree.school), code="bk_tinh", year=2024, signed_on=SIGNED
        )
        for _ in range(5)
    ]
    tokens = [a.verify_token for a in awards]
    assert len(set(tokens)) == 5
    for award in awards:
        # 16 random bytes in URL-safe base64: 22 characters.
        assert re.fullmatch(r"[A-Za-z0-9_-]{22}", award.verify_token)
        assert str(award.pk) != award.verify_token
    assert Award._meta.get_field("verify_token").unique


def test_lookups_are_rate_limited_per_address(award, settings):
    settings.THIDUA_VERIFY_RATE_PER_MINUTE = 5
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [client.get(_url("A" * 22)).status_code for _ in range(5)]
    assert statuses == [404] * 5
    # The next one is refused, even for a valid token.
    limited = client.get(_url(award.verify_token))
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert limited["Cache-Control"] == "no-store"
    assert "Võ Thị Kiểm" not in limited.content.decode()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="198.51.100.4").get(_url(award.verify_token))
    assert other.status_code == 200


def test_only_get_is_answered(award):
    response = Client().post(_url(award.verify_token))
    assert response.status_code == 405
