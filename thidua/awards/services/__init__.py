"""Services of the award registry (writes, one transaction each, audited).

One module per part, re-exported here so callers write ``services.award_add(...)``.
"""

from .documents import (
    certificate_layout_save,
    document_template_revert,
    document_template_upload,
)
from .facts import (
    discipline_create,
    discipline_delete,
    discipline_update,
    household_create,
    household_delete,
    household_update,
    initiative_create,
    initiative_delete,
    initiative_update,
    task_rating_delete,
    task_rating_save,
)
from .registry import (
    award_add,
    award_remove,
    award_revoke,
    award_type_create,
    award_type_update,
    award_types_by_name,
    award_update,
    decision_create,
    decision_delete,
    decision_issue,
    decision_update,
    duplicate_of,
    recompute_amounts,
)

__all__ = [
    "award_add",
    "award_remove",
    "award_revoke",
    "award_type_create",
    "award_type_update",
    "award_types_by_name",
    "award_update",
    "certificate_layout_save",
    "decision_create",
    "decision_delete",
    "decision_issue",
    "decision_update",
    "discipline_create",
    "discipline_delete",
    "discipline_update",
    "document_template_revert",
    "document_template_upload",
    "duplicate_of",
    "household_create",
    "household_delete",
    "household_update",
    "initiative_create",
    "initiative_delete",
    "initiative_update",
    "recompute_amounts",
    "task_rating_delete",
    "task_rating_save",
]
