"""(being written)"""

from django.http import HttpResponse


def progress_overview(request, **kwargs):
    return HttpResponse(status=501)


def progress_export(request, **kwargs):
    return HttpResponse(status=501)


def progress_import(request, **kwargs):
    return HttpResponse(status=501)


def report_edit(request, **kwargs):
    return HttpResponse(status=501)


def evidence_download(request, **kwargs):
    return HttpResponse(status=501)
