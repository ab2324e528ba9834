"""The text of each page of a PDF, as a reader would copy it.

Read with PDFium (pypdfium2): pypdf, which the tests use for a PDF's structure (outline, fonts,
links), reads the same text about fifteen times slower, which made the PDF tests the slowest part
of the suite."""

from __future__ import annotations

import functools
from pathlib import Path

import pypdfium2 as pdfium


@functools.cache
def page_texts(pdf: Path) -> tuple[str, ...]:
    """The text of every page, read once per run (several tests read each PDF)."""
    document = pdfium.PdfDocument(pdf)
    try:
        # PDFium ends lines with "\r\n" and gives a hyphen that ends a line as U+FFFE.
        return tuple(document[number].get_textpage().get_text_range().replace("\r\n", "\n").replace("\ufffe", "-")
                     for number in range(len(document)))
    finally:
        document.close()
