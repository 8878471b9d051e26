"""Read queries for movements, each starting from what the user may see.

Sections per feature (movements, registrations, progress, dashboards, pledges); add
functions to your feature's section only.
"""

from __future__ import annotations
