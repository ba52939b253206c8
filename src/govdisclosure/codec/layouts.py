"""Which declared layout a JSON object of a variant field is read as.

A field with layout variants (（六）其他处理: three official sub-rows, or one
row as 洪泽 2024 prints it) has a union type in the model, and each variant
is declared on its edition (:class:`~govdisclosure.editions.base.Variant`).
The JSON carries no tag saying which shape a value has; its keys do.  This
module finds, for a union type, the shapes its editions declare (the
official one, then the variants in declared order) and chooses among them
by the keys of the value, the same way for the reference converter, the
generated reader and the writer, whatever the field or the edition.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from attrs import frozen

from ..editions import BUILTIN, EDITIONS, Edition
from ..introspect import attrs_classes_in, field_types
from ..paths import Path

__all__ = ["Layouts", "layouts_of"]


@frozen(eq=False)
class Layouts:
    """The shapes one variant field may take: the official one first.

    :meth:`choose` says which shape a JSON object is: the official shape as
    soon as the object names one of its fields (a misspelt key then reads
    as an unknown key of the official shape), otherwise the first variant
    that names one of its own, otherwise the first variant (``{}`` is the
    variant left blank, as the schema says).
    """

    official: type
    variants: tuple[type, ...]
    #: Each shape with the JSON keys of its fields, in the order tried
    #: (computed once: the generated reader asks for every report).
    keys: tuple[tuple[type, frozenset[str]], ...] = attrs.field(
        init=False, default=attrs.Factory(lambda self: _shape_keys(self.members), takes_self=True)
    )

    @property
    def members(self) -> tuple[type, ...]:
        return (self.official, *self.variants)

    def choose(self, value: Any) -> type:
        """The shape ``value`` (parsed JSON) is to be read as."""
        if type(value) is not dict or not self.variants:
            return self.official
        for cls, names in self.keys:
            if not names.isdisjoint(value):
                return cls
        return self.variants[0]


def _shape_keys(shapes: Iterable[type]) -> tuple[tuple[type, frozenset[str]], ...]:
    return tuple((cls, frozenset(a.name for a in attrs.fields(cls))) for cls in shapes)


_FOUND: dict[Any, Layouts] = {}


def layouts_of(tp: Any) -> Layouts | None:
    """The declared shapes of a variant field's type (``None``: not one).

    The built-in editions are asked first; the editions plugins add only
    for a type none of them declares (asking for those loads the plugins,
    which reading a built-in report must not do).  Each type is looked up
    at its first use, so an edition a plugin adds later is found too.
    """
    found = _FOUND.get(tp)
    if found is not None:
        return found
    if len(attrs_classes_in(tp)) < 2:
        return None
    for source in (lambda: BUILTIN, EDITIONS.values):
        for declared_tp, layouts in _declared(source()):
            _FOUND.setdefault(declared_tp, layouts)
        found = _FOUND.get(tp)
        if found is not None:
            return found
    return None


def _declared(editions: Iterable[Edition]) -> Iterator[tuple[Any, Layouts]]:
    """Every variant field of ``editions``, with its shapes."""
    by_type: dict[Any, list[type]] = {}
    for edition in editions:
        for variant in edition.variants:
            tp = _type_at(edition.report_class, variant.path)
            shape = type(variant.blank())
            shapes = by_type.setdefault(tp, [])
            if shape not in shapes:
                shapes.append(shape)
    for tp, variants in by_type.items():
        official = [cls for cls in attrs_classes_in(tp) if cls not in variants]
        if len(official) == 1:
            yield tp, Layouts(official[0], tuple(variants))


def _type_at(cls: type, path: Path) -> Any:
    """The annotated type of the field at ``path`` under ``cls``."""
    tp: Any = cls
    for name in path:
        tp = field_types(typing.cast(type, tp))[str(name)]
    return tp
