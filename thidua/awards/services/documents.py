"""Changes to how decisions and certificates print: the secretariat's own .docx templates
and the certificate layout of each issuing unit. One transaction each, audited."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import delete_and_record, record, snapshot
from thidua.core.concurrency import check_version
from thidua.core.services import check_allowed, lock
from thidua.core.uploads import check_upload
from thidua.org.models import Unit, User

from ..models import CertificateLayout, DocumentTemplate, TemplateKind

LAYOUT_FIELDS = (
    "preprinted",
    "offset_x_mm",
    "offset_y_mm",
    "name_offset_y_mm",
    "qr_offset_x_mm",
    "qr_offset_y_mm",
)
# Offsets beyond this are a typo, not a printer's margin.
MAX_OFFSET_MM = Decimal(50)


@transaction.atomic
def document_template_upload(
    *, actor: User | None, kind: str, owner: Unit, upload: UploadedFile
) -> DocumentTemplate:
    """Replace the bundled decision or annex template for ``owner`` and the units below
    it. The file must be a .docx (by content) that docxtpl can fill with sample data."""
    from ..documents.render import check_template

    check_allowed(actor, DocumentTemplate, "change", unit=owner)
    if kind not in TemplateKind.values:
        raise ValidationError({"kind": _("Unknown kind of document.")})
    try:
        checked = check_upload(upload, frozenset({"docx"}))
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    upload.seek(0)
    data = upload.read()
    try:
        check_template(data)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    existing = DocumentTemplate.objects.select_for_update().filter(kind=kind, owner=owner).first()
    template = existing or DocumentTemplate(kind=kind, owner=owner)
    before = snapshot(existing) if existing else None
    old_name = existing.file.name if existing else ""
    template.file.save(checked.name, ContentFile(data), save=False)
    template.uploaded_by = actor
    template.save()
    if old_name and old_name != template.file.name:
        storage = template.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    record(
        Action.UPDATE if existing else Action.CREATE,
        template,
        actor=actor,
        before=before,
        after=snapshot(template),
    )
    return template


@transaction.atomic
def document_template_revert(*, actor: User | None, template: DocumentTemplate) -> None:
    """Go back to the bundled template (or the one of a unit above)."""
    check_allowed(actor, DocumentTemplate, "change", obj=template)
    template = lock(DocumentTemplate, template.pk)
    stored, storage = template.file.name, template.file.storage
    delete_and_record(template, actor=actor)
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def certificate_layout_save(
    *, actor: User | None, owner: Unit, expected_version: int | None = None, **fields
) -> CertificateLayout:
    """Create or change the certificate layout of ``owner`` (an issuing unit)."""
    check_allowed(actor, CertificateLayout, "change", unit=owner)
    layout = CertificateLayout.objects.select_for_update().filter(owner=owner).first()
    created = layout is None
    if created:
        layout = CertificateLayout(owner=owner)
        before = None
    else:
        check_version(layout, expected_version)
        before = snapshot(layout)
    for name in LAYOUT_FIELDS:
        if name in fields and fields[name] is not None:
            setattr(layout, name, fields[name])
    errors = {
        name: _("At most %(max)s mm either way.") % {"max": MAX_OFFSET_MM}
        for name in LAYOUT_FIELDS[1:]
        if abs(Decimal(getattr(layout, name))) > MAX_OFFSET_MM
    }
    if errors:
        raise ValidationError(errors)
    layout.full_clean()
    if not created:
        layout.version += 1
    layout.save()
    record(
        Action.CREATE if created else Action.UPDATE,
        layout,
        actor=actor,
        before=before,
        after=snapshot(layout),
    )
    return layout
