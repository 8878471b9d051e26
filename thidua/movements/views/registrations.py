"""(being written)"""

from django.http import HttpResponse


def registration_roll(request, **kwargs):
    return HttpResponse(status=501)


def registration_detail(request, **kwargs):
    return HttpResponse(status=501)


def registration_roll_export(request, **kwargs):
    return HttpResponse(status=501)


def registration_edit(request, **kwargs):
    return HttpResponse(status=501)


def unit_target_create(request, **kwargs):
    return HttpResponse(status=501)
