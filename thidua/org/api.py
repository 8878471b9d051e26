"""API for units and people: the same selectors and services as the pages."""

from datetime import date, datetime

from ninja import Field, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from thidua.core.views import get_scoped_or_404, require_action

from . import selectors, services
from .models import Gender, ManagementLevel, Person, Unit, UnitKind

router = Router(tags=["org"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent_id: int | None
    depth: int
    is_active: bool
    merged_into_id: int | None
    merged_on: date | None
    address: str
    phone: str
    email: str
    head_name: str
    version: int
    updated_at: datetime


class UnitIn(Schema):
    parent_id: int
    code: str = Field(max_length=40)
    name: str = Field(max_length=255)
    kind: UnitKind
    short_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    head_name: str = ""
    note: str = ""


class UnitPatch(Schema):
    version: int | None = Field(None, description="The version you read; a newer one answers 409.")
    code: str | None = None
    name: str | None = None
    kind: UnitKind | None = None
    short_name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    head_name: str | None = None
    note: str | None = None


class UnitFilter(FilterSchema):
    q: str = Field("", description="Name (diacritics optional) or exact code")
    kind: UnitKind | None = None
    parent: int | None = None
    include_inactive: bool = False


class PersonOut(Schema):
    id: int
    full_name: str
    gender: Gender
    date_of_birth: date | None
    ethnicity: str
    position: str
    unit_id: int
    management_level: ManagementLevel
    identity_number: str | None
    phone: str
    email: str
    is_active: bool
    version: int
    updated_at: datetime


class PersonIn(Schema):
    full_name: str = Field(max_length=150)
    gender: Gender
    unit_id: int
    date_of_birth: date | None = None
    ethnicity: str = "01"
    position: str = ""
    management_level: ManagementLevel = ManagementLevel.DIRECT_WORKER
    identity_number: str | None = None
    phone: str = ""
    email: str = ""
    is_active: bool = True
    note: str = ""


class PersonPatch(Schema):
    version: int | None = Field(None, description="The version you read; a newer one answers 409.")
    full_name: str | None = None
    gender: Gender | None = None
    unit_id: int | None = None
    date_of_birth: date | None = None
    ethnicity: str | None = None
    position: str | None = None
    management_level: ManagementLevel | None = None
    identity_number: str | None = None
    phone: str | None = None
    email: str | None = None
    is_active: bool | None = None
    note: str | None = None


class PersonFilter(FilterSchema):
    q: str = Field("", description="Name (diacritics optional) or exact identity number")
    unit: int | None = Field(None, description="Unit id; people of its sub-units are included")
    gender: Gender | None = None
    ethnicity: str = ""
    management_level: ManagementLevel | None = None


class Conflict(Schema):
    detail: str


def _conflict(error: services.StaleObjectError):
    return Status(409, {"detail": " ".join(error.messages)})


@router.get("/units", response=list[UnitOut])
@paginate(PageNumberPagination, page_size=50)
def list_units(request, filters: Query[UnitFilter]):
    queryset = selectors.unit_search(
        request.user, filters.q, kind=filters.kind or "", include_inactive=filters.include_inactive
    )
    if filters.parent is not None:
        queryset = queryset.filter(parent_id=filters.parent)
    return queryset.order_by("path")


@router.get("/units/{unit_id}", response=UnitOut)
def get_unit(request, unit_id: int):
    return get_scoped_or_404(Unit, request.user, pk=unit_id)


@router.post("/units", response={201: UnitOut})
def create_unit(request, payload: UnitIn):
    require_action(Unit, request.user, "change")
    parent = get_scoped_or_404(Unit, request.user, "change", pk=payload.parent_id)
    data = payload.dict(exclude={"parent_id"})
    return Status(201, services.unit_create(actor=request.user, parent=parent, **data))


@router.patch("/units/{unit_id}", response={200: UnitOut, 409: Conflict})
def update_unit(request, unit_id: int, payload: UnitPatch):
    unit = get_scoped_or_404(Unit, request.user, "change", pk=unit_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    try:
        return services.unit_update(actor=request.user, unit=unit, expected_version=version, **data)
    except services.StaleObjectError as error:
        return _conflict(error)


@router.get("/people", response=list[PersonOut])
@paginate(PageNumberPagination, page_size=50)
def list_people(request, filters: Query[PersonFilter]):
    unit = get_scoped_or_404(Unit, request.user, pk=filters.unit) if filters.unit else None
    return selectors.person_list(
        request.user,
        query=filters.q,
        unit=unit,
        gender=filters.gender or "",
        ethnicity=filters.ethnicity,
        management_level=filters.management_level or "",
    ).order_by("name_folded", "pk")


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request, person_id: int):
    return get_scoped_or_404(Person, request.user, pk=person_id)


@router.post("/people", response={201: PersonOut})
def create_person(request, payload: PersonIn):
    require_action(Person, request.user, "change")
    unit = get_scoped_or_404(Unit, request.user, pk=payload.unit_id)
    data = payload.dict(exclude={"unit_id"})
    return Status(201, services.person_create(actor=request.user, unit=unit, **data))


@router.patch("/people/{person_id}", response={200: PersonOut, 409: Conflict})
def update_person(request, person_id: int, payload: PersonPatch):
    person = get_scoped_or_404(Person, request.user, "change", pk=person_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    if "unit_id" in data:
        data["unit"] = get_scoped_or_404(Unit, request.user, pk=data.pop("unit_id"))
    try:
        return services.person_update(
            actor=request.user, person=person, expected_version=version, **data
        )
    except services.StaleObjectError as error:
        return _conflict(error)
