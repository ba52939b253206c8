"""Field metadata that turns attrs classes into official table definitions.

Each official table is written once, as attrs classes whose fields carry a
:class:`Spec`: the official label (also the message id for the catalogs), the
official numbering, the unit and the role of the field.  Everything else —
the introspection API, the arithmetic relations, rendering order, the JSON
Schema, aggregation — is derived from these classes by walking
``attrs.fields``.  No second list of labels exists anywhere.
"""

from __future__ import annotations

import typing
from typing import Any, Final, Literal

import attrs
from attrs import frozen

from .cells import cell_problem
from .errors import FieldTypeError, FieldValueError
from .i18n import N_

__all__ = [
    "CODEC_CHECKED",
    "METADATA_KEY",
    "PRINTED_KEY",
    "Balance",
    "Printed",
    "PrintedWhat",
    "Spec",
    "cell",
    "codec_checked",
    "get_printed",
    "get_spec",
    "part",
    "printed",
    "printed_choices",
]

METADATA_KEY: Final = "govdisclosure"
#: Metadata key of a :func:`printed` field (its expected values).
PRINTED_KEY: Final = "govdisclosure.printed"

Role = Literal["part", "total"]


@frozen
class Spec:
    """What the official format says about one field.

    ``role == "total"`` declares that the field is the sum of its siblings:
    for a cell, of the sibling cells; for a row or a group, of every leaf row
    under its siblings, column by column.  That single declaration is the
    source of the row-total and result-total relations.
    """

    label: str
    code: str = ""
    unit: str | None = None
    role: Role = "part"
    #: Caption of the table-2 block the field belongs to (第二十条第（一）项).
    block: str | None = None
    #: Column heading for a row that is a single cell (table 2, blocks B–D).
    column: str | None = None
    #: Where the format leaves a point open; shown in docs and renderers.
    note: str | None = None
    #: Rule id suffix for a total (``"row-total"``); see :mod:`.relations`.
    rule: str | None = None


def _meta(spec: Spec) -> dict[str, Any]:
    return {METADATA_KEY: spec}


#: Validators whose check the codec's readers make themselves (whatever
#: passes the reader passes the validator), so the generated reader may
#: build objects without calling ``__init__`` (see codec/fast_read.py).
CODEC_CHECKED: Final[set[object]] = set()

_V = typing.TypeVar("_V")


def codec_checked(validator: _V) -> _V:
    """Declare ``validator`` as one the codec's readers already enforce."""
    CODEC_CHECKED.add(validator)
    return validator


#: The cell kind of each cell field, resolved once from its class's
#: annotation, keyed by the attrs ``Attribute`` object's id (one per class
#: and field, alive as long as the class).
_KINDS: dict[int, str | None] = {}


def _kind_of(cls: type, attribute: attrs.Attribute[Any]) -> str | None:
    hint = typing.get_type_hints(cls, include_extras=True)[attribute.name]
    meta = getattr(hint, "__metadata__", None)
    kind = _KINDS[id(attribute)] = meta[0] if meta else None
    return kind


@codec_checked
def _check_cell(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator of every :func:`cell`: the value fits the cell's kind
    (``Count``, ``Signed`` or ``Money`` in the annotation)."""
    if value is None:
        return
    kind = _KINDS.get(id(attribute), _UNKNOWN)
    if kind is _UNKNOWN:
        kind = _kind_of(type(instance), attribute)
    if kind is None:
        return
    problem = cell_problem(kind, value)
    if problem is not None:
        raise FieldValueError(f"{type(instance).__name__}.{attribute.name}", problem, repr(value))


_UNKNOWN: Final = "?"


def cell(
    label: str,
    *,
    code: str = "",
    unit: str | None = None,
    total: str | None = None,
    block: str | None = None,
    column: str | None = None,
    note: str | None = None,
) -> Any:
    """A table cell field.  Cells default to blank: a new report is empty.

    ``total`` names the rule (``"row-total"``) when the cell is the sum of
    its sibling cells.
    """
    return attrs.field(
        default=None,
        validator=_check_cell,
        metadata=_meta(
            Spec(label, code, unit, "total" if total else "part", block, column, note, total)
        ),
    )


def part(
    label: str,
    factory: Any,
    *,
    code: str = "",
    unit: str | None = None,
    total: str | None = None,
    block: str | None = None,
    note: str | None = None,
) -> Any:
    """A nested row or group field, blank by default.

    ``total`` names the rule when the row is, column by column, the sum of
    every leaf row under its siblings (（七）总计).
    """
    return attrs.field(
        factory=factory,
        metadata=_meta(
            Spec(label, code, unit, "total" if total else "part", block, None, note, total)
        ),
    )


def get_spec(field: attrs.Attribute[Any]) -> Spec | None:
    """The :class:`Spec` of a field, or ``None`` for a non-table field."""
    spec = field.metadata.get(METADATA_KEY)
    return spec if isinstance(spec, Spec) else None


PrintedWhat = Literal["unit", "sign", "labels"]


@frozen
class Printed:
    """What a :func:`printed` field keeps of the table as it was printed.

    * ``"unit"``: the unit printed with the cell ``of`` (上海 printed the 2019
      procurement amount as "251000元"); ``choices`` are the units readers
      expect, anything else is kept as printed;
    * ``"sign"``: the sign printed before a positive value of the signed cell
      ``of`` (本年增/减): ``"+"`` or ``""`` (none); ``None`` means not
      recorded, shown with ``"+"``;
    * ``"labels"``: row labels printed differently from the official ones,
      by row path (dotted attribute names from the table), kept beside the
      rows so nothing is corrected silently.
    """

    what: PrintedWhat
    #: The sibling cell the text goes with (``"amount"``, ``"change"``);
    #: ``None`` for labels.
    of: str | None = None
    choices: tuple[str, ...] = ()
    #: True when ``choices`` are the only values a reader accepts.
    closed: bool = False


#: The longest row label a report may print, in characters.  The official
#: labels are at most about 40 characters; a misprint stays near its row's
#: label.  Text of hundreds of characters in a label cell is an input error,
#: not a label, and could not be laid out in a table cell (a table-4 header
#: cell spans a few narrow columns).
MAX_PRINTED_LABEL: Final = 200
#: What a loader expects of a longer label (the message names the bound).
LABEL_TOO_LONG: Final = N_("a printed label of at most 200 characters")


@codec_checked
def _check_labels(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator of printed row labels: texts by row path, each at most
    :data:`MAX_PRINTED_LABEL` characters (the codec checks the same on load)."""
    if not isinstance(value, dict):
        raise FieldTypeError(
            f"{type(instance).__name__}.{attribute.name}", N_("a dict"), repr(value)
        )
    for key, label in value.items():
        if not isinstance(key, str) or not isinstance(label, str):
            raise FieldTypeError(
                f"{type(instance).__name__}.{attribute.name}",
                N_("texts by row path"),
                f"{key!r}: {label!r}",
            )
        if len(label) > MAX_PRINTED_LABEL:
            raise FieldValueError(
                f"{type(instance).__name__}.{attribute.name}[{key!r}]",
                LABEL_TOO_LONG,
                str(len(label)),
                code="label-too-long",
            )


def printed(
    what: PrintedWhat = "unit", *, of: str | None = None, choices: tuple[str, ...] = ()
) -> Any:
    """Text a table prints that the model would otherwise derive: the one
    declaration of "text as printed" (see :class:`Printed`).

    A unit or sign is a ``str | None`` field, blank (``None``) by default;
    labels are a ``dict[str, str]``, empty by default.  The schema, the
    codec's checks, the strategies, consolidation (which keeps such text only
    where every part agrees) and the renderers follow from the declaration
    (:func:`govdisclosure.introspect.printed_fields`).
    """
    if what == "labels":
        return attrs.field(
            factory=dict, validator=_check_labels, metadata={PRINTED_KEY: Printed("labels")}
        )
    if of is None:
        raise ValueError(f"a printed {what} names the cell it goes with (of=...)")
    if what == "sign":
        spec = Printed("sign", of, ("+", ""), closed=True)
    else:
        spec = Printed(what, of, choices)
    return attrs.field(default=None, metadata={PRINTED_KEY: spec})


def get_printed(field: attrs.Attribute[Any]) -> Printed | None:
    """The :class:`Printed` declaration of a field, or ``None`` for any other."""
    spec = field.metadata.get(PRINTED_KEY)
    return spec if isinstance(spec, Printed) else None


def printed_choices(field: attrs.Attribute[Any]) -> tuple[str, ...] | None:
    """The expected values of a printed unit or sign; ``None`` for any other field."""
    spec = get_printed(field)
    return spec.choices if spec is not None and spec.what != "labels" else None


@frozen
class Balance:
    """A printed identity between rows, column by column: Σ lhs = Σ rhs.

    Declared on a table class as ``balances: ClassVar[tuple[Balance, ...]]``;
    paths are dotted attribute paths from the table.  Table 3's 勾稽关系
    (一 + 二 = 三（七） + 四) is the one official instance.
    """

    rule: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    basis: str = "official"
