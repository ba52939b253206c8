"""The PDF reader of the two published PDFs, for callgrind: the whole process.

Imports the modules and runs ``pdf_document`` (no mapping) of
``huaian-2024.pdf`` and ``hongze-2024.pdf`` once each, the way
``docs/import.md`` ("PDFs printed from portal pages") counts the reader's
cost.  ``--with-mapping`` runs ``import_document`` of each as well, to see
work the reader no longer does moved to the mapping.

Usage: PYTHONHASHSEED=0 valgrind --tool=callgrind python bench/pdf_document_count.py
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "plugins/govdisclosure-pdf-import/tests/data"


def main() -> None:
    logging.disable(logging.WARNING)  # pdfminer's notes on the fonts
    from govdisclosure_html import Document, import_document
    from govdisclosure_pdf_import import pdf_document

    for name in ("huaian-2024.pdf", "hongze-2024.pdf"):
        doc = pdf_document((DATA / name).read_bytes(), name)
        if "--with-mapping" in sys.argv:
            assert isinstance(doc, Document)
            import_document(doc, name)


if __name__ == "__main__":
    main()
