"""Other portals' pages, rounds five to eight: each round's rebuilt pages
imported and compared with what they printed, cell by cell.

Each round's test module (``plugins/govdisclosure-html/tests/
test_other_portals_round*.py``) lists its pages as :class:`portal_layouts.Portal`
(the page's address, its tables as printed); :func:`portal_layouts.score`
compares an import with the page.  This prints, per round, the pages, the cells
printed, those imported exactly, those invented (a figure at a path no cell
printed), those not placed, and the pages whose edition was recognised right;
with ``--pages``, one line per page too.

Run: ``.venv/bin/python bench/portal_rounds.py [--pages] [five six seven eight]``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HTML_TESTS = Path(__file__).resolve().parent.parent / "plugins" / "govdisclosure-html" / "tests"
if str(HTML_TESTS) not in sys.path:
    sys.path.insert(0, str(HTML_TESTS))

import portal_layouts  # noqa: E402

ROUNDS = {
    "five": "test_other_portals_round5",
    "six": "test_other_portals_round6",
    "seven": "test_other_portals_round7",
    "eight": "test_other_portals_round8",
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "rounds", nargs="*", help=f"rounds to score (default all): {', '.join(ROUNDS)}"
    )
    parser.add_argument("--pages", action="store_true", help="one line per page too")
    args = parser.parse_args(argv)
    unknown = [r for r in args.rounds if r not in ROUNDS]
    if unknown:
        parser.error(f"no such round: {', '.join(unknown)}")
    print(
        "| round | pages | printed | exact | invented | not placed | unreported | edition right |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name in args.rounds or list(ROUNDS):
        portals: list[portal_layouts.Portal] = importlib.import_module(ROUNDS[name]).PORTALS
        printed = exact = invented = not_placed = unreported = right = 0
        lines = []
        for portal in portals:
            found = portal_layouts.score(portal)
            printed += found.printed
            exact += found.exact
            invented += len(found.invented)
            not_placed += found.not_placed
            unreported += len(found.not_placed_unreported) + len(found.wrong)
            right += found.edition == portal.edition
            lines.append(f"  {portal.title}: {found.line}, edition {found.edition}")
        share = f"{100 * exact / printed:.2f}%" if printed else "-"
        print(
            f"| {name} | {len(portals)} | {printed} | {exact} ({share}) | {invented} "
            f"| {not_placed} | {unreported} | {right} |"
        )
        if args.pages:
            print("\n".join(lines))


if __name__ == "__main__":
    main()
