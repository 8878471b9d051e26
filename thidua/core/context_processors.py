"""The navigation, built from what the signed-in user may do."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (label, url name, icon, model label, action): shown when the user holds the action.
# Items whose url name is in TOOLS go into the "Tools" menu, so the bar fits one line.
NAVIGATION = [
    (_("Overview"), "home", "speedometer2", None, None),
    (_("Movements"), "movements:list", "flag", "movements.movement", "view"),
    (_("Dashboard"), "movements:dashboard", "graph-up", "movements.movement", "dashboard"),
    (_("Pledges"), "movements:pledge_list", "pen", "movements.pledge", "view"),
    # The award pages (registry, decisions, eligibility, catalogue) share their own tabs.
    (_("Awards"), "awards:registry", "award", "awards.award", "view"),
    (_("Organisation"), "org:unit_tree", "diagram-3", "org.unit", "view"),
    (_("People"), "org:person_list", "people", "org.person", "view"),
    (_("Import"), "org:import", "upload", "org.person", "change"),
    (_("Accounts"), "org:user_list", "person-badge", "org.user", "view"),
    (_("Audit log"), "audit:list", "journal-check", "audit.auditentry", "view"),
]
TOOLS = {"org:import", "org:user_list", "audit:list"}


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "tool_items": []}
    path = request.path
    items, tools = [], []
    for label, url_name, icon, model_label, action in NAVIGATION:
        if model_label and not user.can(model_label, action):
            continue
        url = reverse(url_name)
        active = path == url if url == "/" else path.startswith(url)
        item = {"label": label, "url": url, "icon": icon, "active": active}
        (tools if url_name in TOOLS else items).append(item)
    return {"nav_items": items, "tool_items": tools}
