"""The overview page: what the signed-in user serves, at a glance."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from thidua.audit.selectors import audit_list
from thidua.org.models import Person, Unit
from thidua.org.selectors import unit_roots


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    units = Unit.objects.restrict(user, "view").filter(is_active=True)
    people = Person.objects.restrict(user, "view").filter(is_active=True)
    context = {
        "roots": unit_roots(user),
        "unit_count": units.count(),
        "person_count": people.count(),
        "direct_worker_count": people.filter(management_level="truc_tiep").count(),
        "female_count": people.filter(gender="nu").count(),
    }
    if user.can("audit.auditentry", "view"):
        context["recent_entries"] = audit_list(user)[:8]
    return render(request, "home.html", context)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for the reverse proxy and the benchmarks' baseline: no database work."""
    return HttpResponse("ok", content_type="text/plain")
