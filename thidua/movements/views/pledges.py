"""(being written)"""

from django.http import HttpResponse


def pledge_list(request, **kwargs):
    return HttpResponse(status=501)


def pledge_export(request, **kwargs):
    return HttpResponse(status=501)


def pledge_create(request, **kwargs):
    return HttpResponse(status=501)


def pledge_detail(request, **kwargs):
    return HttpResponse(status=501)


def pledge_edit(request, **kwargs):
    return HttpResponse(status=501)


def pledge_delete(request, **kwargs):
    return HttpResponse(status=501)


def pledge_scan(request, **kwargs):
    return HttpResponse(status=501)
