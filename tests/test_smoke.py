from django.urls import reverse

from .conftest import client_for


def test_home_shows_counts_for_secretariat(users, people):
    response = client_for(users["secretariat"]).get(reverse("home"))
    assert response.status_code == 200
    assert "Tổng quan" in response.content.decode() or "Overview" in response.content.decode()
