"""Access rows for the decision pages (``thidua/awards/views/decisions.py``).

A decision is seen by whoever sees its issuer, and — once issued — by whoever sees one of
its recipients (who then sees only their own awards of it and cannot download the whole
decision); it is changed by the secretariat and unit officers in the issuer's scope.
Awards are seen in the recipient's scope. Document templates are seen by the secretariat
and unit officers of their unit, changed by the secretariat.

Inside: decisions of Sở GD&ĐT (Giám đốc Sở) for people of its school; outside: decisions
of Sở Y tế for the hospital's doctor; "province": a decision of the provincial chairman
for the teacher (inside) and the doctor (outside).
"""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.awards import services
from thidua.awards.documents.render import BUNDLED, DOCX_MIME
from thidua.awards.models import (
    Authority,
    Award,
    AwardType,
    Decision,
    DocumentTemplate,
    TemplateKind,
)

from ..access import (
    EVERYONE,
    FORBIDDEN,
    FORM,
    HIDDEN,
    MANAGERS,
    OK,
    PROVINCE,
    ROLES,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    everyone,
    gated,
    scoped,
)
from ..factories import PersonFactory
from .factories import AUTHORITY_NAMES, issue, make_award, make_decision

# Who records decisions and awards somewhere (secretariat, unit officers; admin anywhere).
EDITORS = MANAGERS | {"unit_officer", "other_officer"}
CHANGES_INSIDE = MANAGERS | {"unit_officer"}
CHANGES_OUTSIDE = MANAGERS | {"other_officer"}
# The years of the matrix's awards, away from those other modules' fixtures use.
YEAR = timezone.localdate().year - 4
SIGNED = datetime.date(YEAR + 1, 2, 10)


def _decision_data(w, *, issuer, authority, subject_line, version=None) -> dict:
    data = {
        "number": "",
        "signed_on": SIGNED.strftime("%d/%m/%Y"),
        "authority": authority,
        "authority_name": AUTHORITY_NAMES[authority],
        "signer_name": "Nguyễn Văn Ký",
        "signer_title": "GIÁM ĐỐC",
        "kind": "cong_trang",
        "subject_line": subject_line,
        "grounds": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "issuer": issuer.pk,
    }
    if version is not None:
        data["version"] = version
    return data


def world_extras(world) -> None:
    tree = world.tree
    # Their own recipients: the matrix deletes the fixture's teacher and doctor, and a
    # person with awards cannot be deleted.
    teacher = PersonFactory(full_name="Ngô Thị Khen", gender="nu", unit=tree.school)
    doctor = PersonFactory(full_name="Đỗ Văn Thưởng", unit=tree.hospital)
    extra = world.extra
    for where, issuer, person in (
        ("inside", tree.education, teacher),
        ("outside", tree.health, doctor),
    ):
        draft = make_decision(
            issuer,
            authority=Authority.AGENCY_HEAD,
            signed_on=SIGNED,
            number=f"9{len(where)}1/QĐ-MT",
            subject_line=f"Về việc tặng Giấy khen ({where})",
        )
        extra[f"award_draft_{where}"] = make_award(
            person=person, code="giay_khen", year=YEAR, decision=draft
        )
        extra[f"decision_draft_{where}"] = draft
        issued = make_decision(
            issuer,
            authority=Authority.AGENCY_HEAD,
            signed_on=SIGNED,
            number=f"9{len(where)}2/QĐ-MT",
            subject_line=f"Về việc công nhận danh hiệu Lao động tiên tiến ({where})",
        )
        award = make_award(person=person, code="ldtt", year=YEAR, decision=issued)
        issue(issued)
        extra[f"decision_issued_{where}"] = Decision.objects.get(pk=issued.pk)
        extra[f"award_issued_{where}"] = Award.objects.get(pk=award.pk)
    province = make_decision(
        tree.committee,
        authority=Authority.PROVINCIAL_CHAIRMAN,
        signed_on=SIGNED,
        number="903/QĐ-MT",
        subject_line="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    )
    extra["award_province_inside"] = make_award(
        person=teacher, code="bk_tinh", year=YEAR, decision=province
    )
    extra["award_province_outside"] = make_award(
        person=doctor, code="bk_tinh", year=YEAR, decision=province
    )
    issue(province)
    extra["decision_province"] = Decision.objects.get(pk=province.pk)
    for where, owner in (("inside", tree.education), ("outside", tree.health)):
        extra[f"template_{where}"] = services.document_template_upload(
            actor=None, kind=TemplateKind.ANNEX, owner=owner, upload=docx_upload()
        )


def docx_upload(name: str = "mau-quyet-dinh.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, BUNDLED[TemplateKind.DECISION].read_bytes(), DOCX_MIME)


def _pk(key):
    return lambda w, me: {"pk": w.extra[key].pk}


def _status(key):
    return lambda w, me: Decision.objects.get(pk=w.extra[key].pk).status


def _rows() -> list[Route]:
    year = str(timezone.localdate().year)
    rows = [
        Route("decision list", "awards:decision_list", everyone()),
        Route(
            "decision search",
            "awards:decision_list",
            everyone(),
            query={"q": "QĐ", "year": year, "authority": "agency_head", "status": "nhap"},
        ),
        Route("decision export", "awards:decision_export", everyone()),
        Route("decision create", "awards:decision_create", gated(EDITORS)),
        Route("decision budget", "awards:budget", everyone()),
        Route("decision budget filtered", "awards:budget", everyone(), query={"year_from": "2020"}),
        Route("decision budget export", "awards:budget_export", everyone()),
        Route("decision person lookup", "awards:person_lookup", everyone(), query={"q": "nguyen"}),
        Route(
            "decision person lookup for change",
            "awards:person_lookup",
            everyone(),
            query={"q": "a", "for": "change"},
        ),
        Route(
            "decision household lookup", "awards:household_lookup", everyone(), query={"q": "ho"}
        ),
        Route(
            "decision household lookup for change",
            "awards:household_lookup",
            everyone(),
            query={"for": "change"},
        ),
        # Templates: the secretariat and unit officers look; the secretariat uploads.
        Route("decision template list", "awards:template_list", gated(EDITORS)),
        Route(
            "decision template bundled",
            "awards:template_bundled",
            gated(EDITORS),
            kwargs=lambda w, me: {"kind": "decision"},
        ),
        Route(
            "decision template upload",
            "awards:template_list",
            gated(MANAGERS),
            method="POST",
            data=lambda w, me: {
                "kind": TemplateKind.DECISION,
                "owner": w.tree.education.pk,
                "file": docx_upload(),
            },
            state=lambda w, me: DocumentTemplate.objects.filter(
                kind=TemplateKind.DECISION, owner=w.tree.education
            ).exists(),
        ),
    ]
    # Decisions of the education and health departments.
    for where, sees, changes, issuer, person_key, code in (
        ("inside", SEES_INSIDE, CHANGES_INSIDE, "education", "director", "ldtt"),
        ("outside", SEES_OUTSIDE, CHANGES_OUTSIDE, "health", "doctor", "cstdcs"),
    ):
        draft, issued = f"decision_draft_{where}", f"decision_issued_{where}"
        subject_line = f"Về việc khen thưởng mới ({where})"
        rows += [
            Route(
                f"decision create {where}",
                "awards:decision_create",
                # An officer elsewhere does not find the issuer among their choices.
                gated(EDITORS, **{r: FORM for r in EDITORS - changes}),
                method="POST",
                data=lambda w, me, issuer=issuer, s=subject_line: _decision_data(
                    w,
                    issuer=getattr(w.tree, issuer),
                    authority=Authority.AGENCY_HEAD,
                    subject_line=s,
                ),
                state=lambda w, me, s=subject_line: Decision.objects.filter(
                    subject_line=s
                ).exists(),
            ),
            Route(
                f"decision draft {where}", "awards:decision_detail", scoped(sees), kwargs=_pk(draft)
            ),
            *(
                Route(
                    f"decision draft {where} tab {tab}",
                    "awards:decision_detail",
                    scoped(sees),
                    kwargs=_pk(draft),
                    query={"tab": tab},
                )
                for tab in ("details", "history")
            ),
            Route(
                f"decision edit {where}",
                "awards:decision_edit",
                scoped(sees, changes),
                kwargs=_pk(draft),
            ),
            Route(
                f"decision edit {where}",
                "awards:decision_edit",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(draft),
                data=lambda w, me, issuer=issuer, draft=draft: _decision_data(
                    w,
                    issuer=getattr(w.tree, issuer),
                    authority=Authority.AGENCY_HEAD,
                    subject_line="Về việc đã sửa",
                    version=Decision.objects.get(pk=w.extra[draft].pk).version,
                ),
                state=lambda w, me, draft=draft: (
                    Decision.objects.get(pk=w.extra[draft].pk).subject_line
                ),
            ),
            Route(
                f"decision delete {where}",
                "awards:decision_delete",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(draft),
                state=lambda w, me, draft=draft: Decision.objects.filter(
                    pk=w.extra[draft].pk
                ).exists(),
            ),
            Route(
                f"decision issue {where}",
                "awards:decision_issue",
                scoped(sees, changes),
                kwargs=_pk(draft),
            ),
            Route(
                f"decision issue {where}",
                "awards:decision_issue",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(draft),
                data=lambda w, me: {
                    "number": "999/QĐ-MT",
                    "signed_on": SIGNED.strftime("%d/%m/%Y"),
                },
                state=_status(draft),
            ),
            Route(
                f"decision award add {where}",
                "awards:decision_award_add",
                scoped(sees, changes),
                kwargs=_pk(draft),
            ),
            Route(
                f"decision award remove {where}",
                "awards:decision_award_remove",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(f"award_draft_{where}"),
                state=lambda w, me, where=where: Award.objects.filter(
                    pk=w.extra[f"award_draft_{where}"].pk
                ).exists(),
            ),
            Route(
                f"decision award revoke {where}",
                "awards:award_revoke",
                scoped(sees, changes),
                kwargs=_pk(f"award_issued_{where}"),
            ),
            Route(
                f"decision award revoke {where}",
                "awards:award_revoke",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(f"award_issued_{where}"),
                data=lambda w, me: {"reason": "Thu hồi theo Quyết định số 12/QĐ-SGDĐT."},
                state=lambda w, me, where=where: (
                    Award.objects.get(pk=w.extra[f"award_issued_{where}"].pk).revoked
                ),
            ),
            Route(
                f"decision issued {where}",
                "awards:decision_detail",
                scoped(sees),
                kwargs=_pk(issued),
            ),
            Route(
                f"decision docx {where}", "awards:decision_docx", scoped(sees), kwargs=_pk(issued)
            ),
            Route(
                f"decision annex {where}", "awards:decision_annex", scoped(sees), kwargs=_pk(issued)
            ),
            Route(f"decision pdf {where}", "awards:decision_pdf", scoped(sees), kwargs=_pk(issued)),
            Route(
                f"decision template {where}",
                "awards:template_download",
                scoped(
                    frozenset(
                        {
                            "admin",
                            "secretariat",
                            f"{'unit' if where == 'inside' else 'other'}_officer",
                        }
                    )
                ),
                kwargs=_pk(f"template_{where}"),
            ),
            Route(
                f"decision template revert {where}",
                "awards:template_revert",
                scoped(
                    frozenset(
                        {
                            "admin",
                            "secretariat",
                            f"{'unit' if where == 'inside' else 'other'}_officer",
                        }
                    ),
                    MANAGERS,
                ),
                method="POST",
                kwargs=_pk(f"template_{where}"),
                state=lambda w, me, where=where: DocumentTemplate.objects.filter(
                    pk=w.extra[f"template_{where}"].pk
                ).exists(),
            ),
        ]
        rows.append(
            Route(
                f"decision award add {where}",
                "awards:decision_award_add",
                scoped(sees, changes),
                method="POST",
                kwargs=_pk(draft),
                data=lambda w, me, person_key=person_key, code=code: {
                    "subject": "ca_nhan",
                    "person": w.people[person_key].pk,
                    "award_type": AwardType.objects.get(code=code).pk,
                    "year": str(YEAR),
                },
                state=lambda w, me, draft=draft: Award.objects.filter(
                    decision=w.extra[draft].pk
                ).count(),
            )
        )
    # A provincial decision: every unit concerned sees it, with its own awards only, and
    # cannot download the whole decision; only the issuer's side revokes.
    concerned = (EVERYONE - {"no_role"}) - PROVINCE
    province_view = {r: OK if r in PROVINCE | concerned else HIDDEN for r in ROLES}
    province_docs = {
        r: OK if r in PROVINCE else FORBIDDEN if r in concerned else HIDDEN for r in ROLES
    }
    rows += [
        Route(
            "decision province",
            "awards:decision_detail",
            province_view,
            kwargs=_pk("decision_province"),
        ),
        Route(
            "decision docx province",
            "awards:decision_docx",
            province_docs,
            kwargs=_pk("decision_province"),
        ),
        Route(
            "decision pdf province",
            "awards:decision_pdf",
            province_docs,
            kwargs=_pk("decision_province"),
        ),
        Route(
            "decision award revoke province",
            "awards:award_revoke",
            scoped(SEES_INSIDE, MANAGERS),
            method="POST",
            kwargs=_pk("award_province_inside"),
            data=lambda w, me: {"reason": "Thu hồi do khai man thành tích."},
            state=lambda w, me: Award.objects.get(pk=w.extra["award_province_inside"].pk).revoked,
        ),
    ]
    return rows


ROUTES = _rows()
