"""Who may do what with the award registry, added to :mod:`thidua.org.roles`.

The secretariat keeps the province's registry. A unit officer records what their own
unit's head confers (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Giấy khen…) and the facts
of their people: ratings, discipline, initiatives. Everyone signed in sees the registry
of the units they see.
"""

from thidua.org.roles import ALL_ROLES, Role, allow

EDITORS = (Role.SECRETARIAT, Role.UNIT_OFFICER)

allow("awards.awardtype", "view", *ALL_ROLES)
allow("awards.awardtype", "change", Role.SECRETARIAT)
for model in ("award", "decision", "household", "taskrating", "discipline", "initiative"):
    allow(f"awards.{model}", "view", *ALL_ROLES)
    allow(f"awards.{model}", "change", *EDITORS)
allow("awards.documenttemplate", "view", *EDITORS)
allow("awards.documenttemplate", "change", Role.SECRETARIAT)
allow("awards.certificatelayout", "view", *EDITORS)
allow("awards.certificatelayout", "change", *EDITORS)
