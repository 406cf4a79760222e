"""Rows of cells as a one-sheet XLSX workbook or ODS spreadsheet: how the roll-up is written
when ``--out`` names a workbook (GOV.UK prefers the open format, ODS).

Text is always written as text (never a formula, whatever it starts with); a cell that is a
whole number in the CSV is written as a number, so that a spreadsheet can sum the counts.
"""

import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

__all__ = ["ods_bytes", "xlsx_bytes"]

Rows = Sequence[Sequence[str]]


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) < 16 else None


def xlsx_bytes(rows: Rows, *, sheet: str) -> bytes:
    """``rows`` (the first the headings) as an XLSX workbook of one sheet named ``sheet``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    page = book.active
    assert page is not None
    page.title = sheet
    for index, row in enumerate(rows):
        page.append([_number(cell) if _number(cell) is not None else cell for cell in row])
        for cell in page[page.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula
            if index == 0:
                cell.font = Font(bold=True)
    page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_OFFICE = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


#: Characters XML 1.0 cannot hold, written as their escapes (as a terminal is shown them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text))


def _ods_cell(text: str) -> str:
    number = _number(text)
    if number is not None:
        return (
            f'<table:table-cell office:value-type="float" office:value="{number}">'
            f"<text:p>{number}</text:p></table:table-cell>"
        )
    if not text:
        return "<table:table-cell/>"
    paragraphs = "".join(f"<text:p>{_xml_text(line)}</text:p>" for line in text.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def ods_bytes(rows: Rows, *, sheet: str) -> bytes:
    """``rows`` (the first the headings) as an OpenDocument spreadsheet of one sheet."""
    body = "".join(
        "<table:table-row>" + "".join(_ods_cell(cell) for cell in row) + "</table:table-row>"
        for row in rows
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_OFFICE}>'
        f"<office:body><office:spreadsheet><table:table table:name={quoteattr(sheet)}>"
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # The media type comes first and uncompressed, as the OpenDocument standard asks.
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
