"""Build the shipped Word example, src/vnthai_mt/data/examples/news.vi.docx (python-docx).

A short Vietnamese news article as Word saves one: bold and italic words, an underlined hyperlink, a
footnote reference mark with its footnote, a text box, a table, a header, a footer and core
properties (title, subject, keywords). `vnthai-mt examples` copies it; the tests build the same
document with ``make_docx`` into a temporary folder.

    python scripts/build_example_docx.py [OUT.docx]
"""

from __future__ import annotations

import sys
from pathlib import Path

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W_NS}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Theo Thông tấn xã Việt Nam.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
OUT = Path(__file__).resolve().parent.parent / "src" / "vnthai_mt" / "data" / "examples" / "news.vi.docx"


def make_docx(path: Path) -> Path:
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.title = "Thủ tướng thăm Thái Lan"
    d.core_properties.subject = "Thời sự"
    d.core_properties.keywords = "ngoại giao"
    d.sections[0].header.paragraphs[0].text = "Báo Nhân Dân điện tử"
    d.sections[0].footer.paragraphs[0].text = "Bản quyền thuộc về tòa soạn"
    p = d.add_paragraph("Hôm nay ")
    p.add_run("trời").bold = True
    p.add_run(" đẹp và ")
    p.add_run("mát").italic = True
    p.add_run(" ở Hà Nội.")
    link = d.part.relate_to("https://example.org/tin", RT.HYPERLINK, is_external=True)
    p2 = d.add_paragraph("Xem ")
    p2._p.append(parse_xml(f'<w:hyperlink {W_NS} {R_NS} r:id="{link}"><w:r><w:rPr><w:u w:val="single"/></w:rPr>'
                           "<w:t>bài gốc</w:t></w:r></w:hyperlink>"))
    p2.add_run(" tại đây.")
    p2._p.append(parse_xml(f'<w:r {W_NS}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           '<w:footnoteReference w:id="1"/></w:r>'))
    p3 = d.add_paragraph()
    p3._p.append(parse_xml(f"<w:r {W_NS} {V_NS}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
                           "<w:t>Hộp chữ bên lề</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
                           "</w:r>"))
    d.add_paragraph("Thủ tướng Phạm Minh Chính phát biểu tại hội nghị.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ô thứ nhất"
    table.cell(0, 1).text = "Ô thứ hai"
    notes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES.encode(), d.part.package)
    d.part.relate_to(notes, RT.FOOTNOTES)
    d.core_properties.author = "vnthai-mt"
    d.save(str(path))
    return path


if __name__ == "__main__":
    print(make_docx(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
