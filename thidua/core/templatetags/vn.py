"""Template filters for Vietnamese numbers and for sortable table headers."""

from django import template
from django.utils.html import format_html

from thidua.core.text import format_number

register = template.Library()


@register.filter
def vn_number(value, decimals=None):
    """2460.5 → "2.460,5" whatever the active language (used in documents and exports)."""
    if value in (None, ""):
        return ""
    return format_number(value, int(decimals) if decimals not in (None, "") else None)


@register.simple_tag(takes_context=True)
def sort_link(context, field: str, label: str):
    """A table header that toggles ``?sort=field`` / ``?sort=-field``, keeping other filters."""
    request = context["request"]
    params = request.GET.copy()
    current = context.get("sort", "")
    params["sort"] = f"-{field}" if current == field else field
    params.pop("page", None)
    arrow = " ▲" if current == field else (" ▼" if current == f"-{field}" else "")
    return format_html(
        '<a href="?{}" class="text-reset">{}{}</a>', params.urlencode(), label, arrow
    )


@register.simple_tag(takes_context=True)
def page_url(context, page_number):
    params = context["request"].GET.copy()
    params["page"] = page_number
    return "?" + params.urlencode()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""
