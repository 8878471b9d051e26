"""Scoping by materialised path: a subtree is the path and what lies below, nothing else."""

from thidua.core.models import subtree_q
from thidua.org.models import Unit, UnitKind


def _unit(path: str) -> Unit:
    return Unit(code=f"P{path.replace('/', '_')}", name=path, kind=UnitKind.OTHER, path=path)


def test_subtree_holds_the_path_and_its_descendants_only(db):
    Unit.objects.bulk_create(
        [_unit(p) for p in ["/1/", "/1/5/", "/1/5/9/", "/10/", "/10/1/", "/2/", "/12/", "/1/50/"]]
    )

    def paths(q):
        return sorted(Unit.objects.filter(q).values_list("path", flat=True))

    assert paths(subtree_q("path", "/1/")) == ["/1/", "/1/5/", "/1/5/9/", "/1/50/"]
    assert paths(subtree_q("path", "/1/5/")) == ["/1/5/", "/1/5/9/"]
    assert paths(subtree_q("path", "/10/")) == ["/10/", "/10/1/"]
    assert paths(subtree_q("path", "/1/", with_subtree=False)) == ["/1/"]
