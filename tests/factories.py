"""factory_boy factories that go through the services, so paths and audit are real."""

from __future__ import annotations

import datetime

import factory

from thidua.org import services
from thidua.org.models import Grant, Person, Unit, UnitKind, User


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:05d}")
    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    kind = UnitKind.DEPARTMENT
    parent = None

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return services.unit_create(actor=None, parent=parent, **kwargs)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = "nam"
    date_of_birth = datetime.date(1985, 5, 17)
    unit = factory.SubFactory(UnitFactory)

    @classmethod
    def _create(cls, model_class, *args, unit, **kwargs):
        return services.person_create(actor=None, unit=unit, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Cán bộ {n}")
    password = factory.django.Password("Thidua#2026")


def grant(user: User, role: str, unit: Unit, with_subtree: bool = True) -> Grant:
    return Grant.objects.create(user=user, role=role, unit=unit, with_subtree=with_subtree)


def unit_form_data(unit: Unit, **changes) -> dict:
    """The unit edit form as the page would post it, with ``changes``."""
    data = {
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "head_name": unit.head_name,
        "note": unit.note,
        "version": unit.version,
    }
    data.update(changes)
    return data
