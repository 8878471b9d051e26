"""(being written)"""

from django.http import HttpResponse


def movement_detail(request, **kwargs):
    return HttpResponse(status=501)


def targets_export(request, **kwargs):
    return HttpResponse(status=501)


def movement_pdf(request, **kwargs):
    return HttpResponse(status=501)


def ranking(request, **kwargs):
    return HttpResponse(status=501)


def ranking_export(request, **kwargs):
    return HttpResponse(status=501)


def target_detail(request, **kwargs):
    return HttpResponse(status=501)


def leader_dashboard(request, **kwargs):
    return HttpResponse(status=501)


def leader_dashboard_export(request, **kwargs):
    return HttpResponse(status=501)


def review_create(request, **kwargs):
    return HttpResponse(status=501)


def review_report(request, **kwargs):
    return HttpResponse(status=501)
