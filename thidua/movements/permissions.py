"""Who may do what with movements, added to the roles table of :mod:`thidua.org.roles`."""

from thidua.org.roles import ALL_ROLES, Role, allow

allow("movements.movement", "view", *ALL_ROLES)
allow("movements.movement", "change", Role.SECRETARIAT)
# The leaders' dashboard across all running movements.
allow("movements.movement", "dashboard", Role.SECRETARIAT, Role.LEADER)
allow("movements.participation", "view", *ALL_ROLES)
allow("movements.participation", "change", Role.SECRETARIAT)
allow("movements.target", "view", *ALL_ROLES)
allow("movements.target", "change", Role.SECRETARIAT, Role.UNIT_OFFICER)
allow("movements.registration", "view", *ALL_ROLES)
allow("movements.registration", "change", Role.SECRETARIAT, Role.UNIT_OFFICER)
allow("movements.progressreport", "view", *ALL_ROLES)
allow("movements.progressreport", "change", Role.SECRETARIAT, Role.UNIT_OFFICER)
allow("movements.pledge", "view", *ALL_ROLES)
allow("movements.pledge", "change", Role.SECRETARIAT, Role.BLOCK_HEAD)
