"""Files the web checker's tests upload: a filled-in template with known mistakes, and bombs."""

import io
import zipfile

from openpyxl import load_workbook

from superplan.tables import write_template

#: The mistakes made in :func:`workbook_with_mistakes`, as (code, where the checker must say).
MISTAKES = (
    ("SP215", 'sheet "Plan", row 4, column N "Due"'),
    ("SP216", 'sheet "Plan", row 4, column O "Status"'),
)


def workbook_with_mistakes(responder: str = "cleveland") -> bytes:
    """The template for ``responder``, filled in with warnings only (so that it still imports):
    recommendation 7 accepted, with an action due after the recommendation's deadline and
    marked complete with no evidence or update (SP215 and SP216, on row 4); and the last
    recommendation's row taken out (SP205, not answered)."""
    book = load_workbook(io.BytesIO(write_template(responder, None, kind="xlsx")))
    sheet = book["Plan"]
    header = [cell.value for cell in sheet[1]]
    column = {heading: index + 1 for index, heading in enumerate(header)}
    assert sheet.cell(2, column["Record"]).value == "plan"
    assert sheet.cell(3, column["Record"]).value == "response"
    number = sheet.cell(3, column["Rec No"]).value
    sheet.cell(3, column["Acceptance"]).value = "accepted"
    sheet.cell(3, column["Response"]).value = "We accept this <b>recommendation</b>."
    sheet.insert_rows(4)
    for heading, value in {
        "Record": "action",
        "Rec No": number,
        "Action ID": f"{number}-1",
        "Action": "Train every call handler.",
        "Owner": "Head of Public Protection",
        "Due": "2031-01-31",
        "Status": "complete",
    }.items():
        sheet.cell(4, column[heading]).value = value
    sheet.delete_rows(sheet.max_row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bomb(rows: int = 1_048_576, *, numbered: bool = False) -> bytes:
    """A small workbook whose one sheet inflates to ``rows`` rows of one letter each (rows
    without their optional numbers compress to almost nothing: a zip bomb)."""
    template = write_template("cleveland", None, kind="xlsx")
    if numbered:
        body = b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
            for n in range(1, rows + 1)
        )
    else:
        body = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + body + b"</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            data = sheet if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            bomb.writestr(info.filename, data)
    return out.getvalue()
