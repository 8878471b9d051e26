"""(being written)"""

from django.http import HttpResponse


def movement_list(request, **kwargs):
    return HttpResponse(status=501)


def movement_list_export(request, **kwargs):
    return HttpResponse(status=501)


def movement_create(request, **kwargs):
    return HttpResponse(status=501)


def movement_edit(request, **kwargs):
    return HttpResponse(status=501)


def contents_edit(request, **kwargs):
    return HttpResponse(status=501)


def responsibilities_edit(request, **kwargs):
    return HttpResponse(status=501)


def participants_edit(request, **kwargs):
    return HttpResponse(status=501)


def movement_launch(request, **kwargs):
    return HttpResponse(status=501)


def movement_delete(request, **kwargs):
    return HttpResponse(status=501)


def attachment_add(request, **kwargs):
    return HttpResponse(status=501)


def attachment_download(request, **kwargs):
    return HttpResponse(status=501)


def attachment_delete(request, **kwargs):
    return HttpResponse(status=501)


def target_create(request, **kwargs):
    return HttpResponse(status=501)


def target_edit(request, **kwargs):
    return HttpResponse(status=501)


def target_delete(request, **kwargs):
    return HttpResponse(status=501)


def target_split(request, **kwargs):
    return HttpResponse(status=501)
