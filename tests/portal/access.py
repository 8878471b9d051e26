"""The portal's public pages in the access matrix.

The matrix expects every page to send anonymous visitors to the sign-in page; the public
verification page is public by design, so it is exempt here, with the reason, and its
behaviour (anonymous 200, the same 404 for unknown and malformed tokens, no leak, no-store,
noindex, the rate limit) is tested in ``tests/portal/test_verify.py``.
"""

from __future__ import annotations

from ..access import EXEMPT

EXEMPT["portal:verify"] = (
    "public certificate verification, no sign-in by design (tests/portal/test_verify.py)"
)

ROUTES: list = []
