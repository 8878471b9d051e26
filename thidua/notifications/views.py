"""(being written)"""

from django.http import HttpResponse


def notification_list(request, **kwargs):
    return HttpResponse(status=501)


def notification_read(request, **kwargs):
    return HttpResponse(status=501)


def notification_open(request, **kwargs):
    return HttpResponse(status=501)
