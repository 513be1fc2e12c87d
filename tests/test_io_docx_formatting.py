"""DOCX with its formatting: runs as inline tags; headers, footers, footnotes, text boxes, tables and
core properties translated; review marks; a bold word stays bold through a real (copy-trained) model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402

from vnthai_mt.io.formats import Annotation, read_document, read_thai, render_document  # noqa: E402
from vnthai_mt.io.inline import check_markers, strip_markers  # noqa: E402


@pytest.fixture
def article(tmp_path, load_script) -> Path:
    """The shipped example's document (scripts/build_example_docx.py): bold and italic words, a
    hyperlink, a footnote mark, a text box, a table, a header, a footer and core properties."""
    return load_script("build_example_docx").make_docx(tmp_path / "article.docx")


def _upper(doc) -> list[str]:
    return [s.text.upper() for s in doc.segments]


def test_segments_cover_every_part(article):
    doc = read_document(article)
    plain = {s.id: strip_markers(s.text) for s in doc.segments}
    assert plain["p1"] == "Hôm nay trời đẹp và mát ở Hà Nội."
    assert plain["p2"] == "Xem bài gốc tại đây."
    assert "Hộp chữ bên lề" in plain.values()  # the text box
    assert {"Ô thứ nhất", "Ô thứ hai"} <= set(plain.values())
    assert plain["header1.p1"] == "Báo Nhân Dân điện tử"
    assert plain["footer1.p1"] == "Bản quyền thuộc về tòa soạn"
    assert plain["footnotes.p2"] == " Theo Thông tấn xã Việt Nam."  # footnotes.p1 is the separator
    assert (plain["prop.title"], plain["prop.subject"], plain["prop.keywords"]) == (
        "Thủ tướng thăm Thái Lan", "Thời sự", "ngoại giao")
    p1 = next(s for s in doc.segments if s.id == "p1")
    assert [t.kind for t in p1.tags] == ["open", "close", "open", "close"]
    p2 = next(s for s in doc.segments if s.id == "p2")
    # hyperlink pair, the underline inside it, then the footnote mark as a standalone tag
    assert [(t.kind, t.payload[0]) for t in p2.tags] == [
        ("open", "container"), ("open", "fmt"), ("close", "fmt_end"), ("close", "container_end"), ("empty", "piece")]
    assert all(not check_markers(s.text, s.tags) for s in doc.segments)


def test_render_keeps_formatting_on_the_words(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "out.docx"
    out.write_bytes(render_document(doc, _upper(doc)))
    d = docx.Document(str(out))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in d.paragraphs[0].runs]
    assert runs == [("HÔM NAY ", False, False), ("TRỜI", True, False), (" ĐẸP VÀ ", False, False),
                    ("MÁT", False, True), (" Ở HÀ NỘI.", False, False)]
    p2 = d.paragraphs[1]._p
    (link,) = p2.findall(qn("w:hyperlink"))
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "BÀI GỐC"
    assert link.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:u")) is not None
    assert len(p2.findall(f".//{qn('w:footnoteReference')}")) == 1  # the mark is still there, once
    assert d.sections[0].header.paragraphs[0].text == "BÁO NHÂN DÂN ĐIỆN TỬ"
    assert d.sections[0].footer.paragraphs[0].text == "BẢN QUYỀN THUỘC VỀ TÒA SOẠN"
    assert (d.core_properties.title, d.core_properties.subject, d.core_properties.keywords) == (
        "THỦ TƯỚNG THĂM THÁI LAN", "THỜI SỰ", "NGOẠI GIAO")
    assert [c.text for c in d.tables[0].rows[0].cells] == ["Ô THỨ NHẤT", "Ô THỨ HAI"]
    body = d.element.body
    assert "HỘP CHỮ BÊN LỀ" in "".join(t.text for t in body.iter(qn("w:t")))
    again = read_document(out)
    assert strip_markers(next(s.text for s in again.segments if s.id == "footnotes.p2")) == (
        " THEO THÔNG TẤN XÃ VIỆT NAM.")


def test_identity_leaves_every_paragraph_alone(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "same.docx"
    out.write_bytes(render_document(doc, [s.text for s in doc.segments]))
    again = read_document(out)
    assert [(s.id, s.text) for s in again.segments] == [(s.id, s.text) for s in doc.segments]


def test_review_is_a_comment_in_the_body_and_a_highlight_elsewhere(article, tmp_path):
    doc = read_document(article)
    notes = [Annotation(review=s.id in ("p1", "header1.p1"), note="tags-not-placed" if s.id == "p1" else None)
             for s in doc.segments]
    out = tmp_path / "review.docx"
    out.write_bytes(render_document(doc, _upper(doc), annotations=notes))
    d = docx.Document(str(out))
    comments = list(d.comments)
    assert len(comments) == 1 and comments[0].author == "vnthai-mt"
    assert "tags-not-placed" in comments[0].text
    header = d.sections[0].header.paragraphs[0]._p
    assert header.find(f".//{qn('w:highlight')}").get(qn("w:val")) == "yellow"


def test_thai_side_for_check_and_fix(article):
    doc = read_thai(article)
    assert doc.fmt == "docx" and any(s.id == "header1.p1" for s in doc.segments)


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_docx_is_one_error(tmp_path, capsys, data):
    from vnthai_mt.cli import main

    bad = tmp_path / "bad.docx"
    bad.write_bytes(data)
    out = tmp_path / "out.docx"
    assert main(["translate", str(bad), "-o", str(out), "--model", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a readable .docx file" in err[0] and str(bad) in err[0]
    assert not out.exists()


# --- with a model that carries placeholders: the formatting stays on the words it covered ------------


@pytest.mark.slow
def test_copy_model_keeps_bold_and_italic_words_and_translates_header(copy_nllb, article, tmp_path):
    from vnthai_mt.cli import main

    out, rep = tmp_path / "th.docx", tmp_path / "rep.json"
    code = main(["translate", str(article), "-o", str(out), "--model", str(copy_nllb), "--beams", "1",
                 "--strategy", "mask", "--threads", "1", "--report", str(rep), "-q"])
    assert code == 0
    d = docx.Document(str(out))
    runs = d.paragraphs[0].runs
    bold = [r.text for r in runs if r.bold]
    italic = [r.text for r in runs if r.italic]
    assert bold == ["trời"] and italic == ["mát"], [(r.text, r.bold, r.italic) for r in runs]
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["summary"]["missing"] == 0  # the glossary guarantee holds in DOCX too
    # the header and footer went through the model (the copy model writes its input back, normalized)
    doc = read_document(out)
    assert {s.id for s in doc.segments} >= {"header1.p1", "footer1.p1", "prop.title"}
    assert len(d.paragraphs[1]._p.findall(f".//{qn('w:footnoteReference')}")) == 1
