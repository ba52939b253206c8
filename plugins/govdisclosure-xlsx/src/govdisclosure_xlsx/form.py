"""The filing template: the workbook a unit fills in, checked while it types.

Built on the rendered workbook (:func:`.workbook.build_workbook`), so it has
the same sheets, labels and addresses, and the loader reads it back the
same way.  On top:

* **Protection.**  Every sheet is protected without a password; only the
  input cells (the table values, the cover's values other than edition and
  template) are unlocked.  Labels cannot be overtyped by accident, and
  anyone can lift the protection (审阅 → 撤消工作表保护) when they must.
* **Data validation** on every input cell, as a custom formula (Excel,
  WPS and LibreOffice all evaluate these): a count is a whole number from 0
  to :data:`~govdisclosure.cells.MAX_COUNT` (the bound the model itself
  uses), a 2019 本年增/减 a whole number of either sign, an amount any
  number of 0 or more; every cell also takes the not-applicable marks of
  :data:`~govdisclosure.cells.NA_MARKS`, which the model allows in every
  cell.  A blank is always allowed: a blank is not a zero.
* **Every relation of the format, live.**  For each equation of
  :func:`govdisclosure.relations.report_equations`, a conditional format
  turns the total red (an error-level relation: printed in the format or
  implied by its rows and columns) or amber (a legacy template's relation
  reconstructed from practice: a warning in :mod:`govdisclosure.validation`)
  as soon as something is typed and the total differs from the sum of its
  parts; an "of which" row larger than its parent turns red the same way.
  The relation (its rule title and the cells it adds up) is the cell's
  comment.  Relations about publication channels, which may legitimately
  not add up, are not formatted (they are notices in validation).
  The formulas use only SUM, COUNT, ROUND, AND, OR, IF, INT and ISNUMBER with absolute
  references within one sheet, which every spreadsheet understands; ROUND
  keeps the binary fractions of amounts (0.1 + 0.2) from showing a false
  mismatch.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import absolute_coordinate
from openpyxl.worksheet.datavalidation import DataValidation

from govdisclosure.cells import MAX_COUNT, NA_MARKS
from govdisclosure.editions import Report
from govdisclosure.i18n import N_, gettext, normalize_locale
from govdisclosure.introspect import CellKind
from govdisclosure.paths import Path
from govdisclosure.relations import Equation, report_equations
from govdisclosure.validation.arithmetic import arithmetic_rules, equation_severity

from .cover import UNIT_KIND_LABELS
from .plan import SheetPlan, cover_name, cover_rows
from .values import EXPECTED
from .workbook import build_workbook

__all__ = ["FILL_ERROR", "FILL_WARNING", "build_form", "relation_formula", "validation_formula"]

#: Excel's own "bad" and "neutral" cell styles, which every user knows.
FILL_ERROR: Final = "FFC7CE"
FILL_WARNING: Final = "FFEB9C"
_FONT_ERROR: Final = "9C0006"
_FONT_WARNING: Final = "9C5700"

_INPUT: Final = Protection(locked=False)


def validation_formula(address: str, kind: CellKind) -> str:
    """The custom data-validation formula of a value cell at ``address`` (no ``=``).

    IF, not AND, guards the arithmetic: AND evaluates every argument, and
    ``INT("/")`` is an error that would refuse the not-applicable mark.
    """
    a = address
    if kind == "count":
        number = f"AND({a}>=0,{a}<={MAX_COUNT},{a}=INT({a}))"
    elif kind == "signed":
        number = f"AND({a}>=-{MAX_COUNT},{a}<={MAX_COUNT},{a}=INT({a}))"
    else:
        number = f"{a}>=0"
    marks = ",".join(f'{a}="{m}"' for m in NA_MARKS)
    return f"IF(ISNUMBER({a}),{number},OR({marks}))"


def relation_formula(eq: Equation, where: dict[Path, str]) -> str:
    """The condition under which ``eq`` fails, over absolute cell references."""
    total = ",".join(absolute_coordinate(where[p]) for p in eq.total)
    parts = ",".join(absolute_coordinate(where[p]) for p in eq.parts)
    if eq.kind == "at_most":
        t, p = total, parts
        return f"AND(ISNUMBER({t}),ISNUMBER({p}),{p}>{t})"
    return f"AND(COUNT({total},{parts})>0,ROUND(SUM({total})-SUM({parts}),6)<>0)"


def _comment_line(eq: Equation, where: dict[Path, str], locale: str, titles: dict[str, str]) -> str:
    title = gettext(locale, titles.get(eq.rule, eq.rule))
    total = " + ".join(where[p] for p in eq.total)
    parts = " + ".join(where[p] for p in eq.parts)
    sign = "≥" if eq.kind == "at_most" else "="
    return f"{title} ({eq.rule}): {total} {sign} {parts}"


def build_form(report: Report, locale: str) -> Workbook:
    """The filing template of ``report`` (usually blank) in ``locale``."""
    locale = normalize_locale(locale)
    wb, plans = build_workbook(report, locale)
    cover = wb[cover_name(locale)]
    for row, field in cover_rows(report):
        if field.kind != "fixed":
            cover.cell(row, 2).protection = _INPUT
        if field.kind == "unit_kind":
            # A drop-down of the two kinds, in the workbook's language.
            names = ",".join(gettext(locale, label) for label in UNIT_KIND_LABELS.values())
            choice = DataValidation(type="list", formula1=f'"{names}"', sqref=f"B{row}")
            cover.add_data_validation(choice)
        elif field.kind == "year":
            year = DataValidation(
                type="whole", operator="between", formula1="1990", formula2="2100", sqref=f"B{row}"
            )
            year.showErrorMessage = True
            cover.add_data_validation(year)
    cover.protection.sheet = True
    where_sheet: dict[Path, tuple[SheetPlan, str]] = {}
    for plan in plans:
        ws = wb[plan.name]
        for cell in plan.grid.values():
            assert cell.path is not None and cell.kind is not None
            address = plan.address(cell)
            where_sheet[cell.path] = (plan, address)
            ws[address].protection = _INPUT
            rule = DataValidation(
                type="custom",
                formula1=validation_formula(address, cell.kind),
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle=gettext(locale, N_("Not a value this cell takes")),
                error=gettext(locale, EXPECTED[cell.kind]),
                sqref=address,
            )
            ws.add_data_validation(rule)
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
    _relations(wb, report, where_sheet, locale)
    return wb


def _relations(
    wb: Workbook, report: Report, where_sheet: dict[Path, tuple[SheetPlan, str]], locale: str
) -> None:
    titles = {rule.id: rule.title for rule in arithmetic_rules()}
    where = {path: address for path, (_, address) in where_sheet.items()}
    comments: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eq in report_equations(report):
        if eq.kind == "channels":
            continue
        plan = where_sheet[eq.total[0]][0]
        ws = wb[plan.name]
        error = equation_severity(eq) == "error"
        fill = FILL_ERROR if error else FILL_WARNING
        rule = FormulaRule(  # type: ignore[no-untyped-call]
            formula=[relation_formula(eq, where)],
            fill=PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
            font=Font(color=_FONT_ERROR if error else _FONT_WARNING, bold=True),
            stopIfTrue=False,
        )
        marked = eq.parts if eq.kind == "at_most" else eq.total
        ws.conditional_formatting.add(" ".join(where[p] for p in marked), rule)
        for path in marked:
            comments[(plan.name, where[path])].append(_comment_line(eq, where, locale, titles))
    for (sheet, address), lines in comments.items():
        text = "\n".join(dict.fromkeys(lines))
        comment = Comment(text, "govdisclosure")
        comment.width = 420
        comment.height = min(60 + 40 * len(lines), 400)
        wb[sheet][address].comment = comment
