"""News HTML: only text nodes and chosen attributes change; the parsed tree outside them is unchanged."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.io.formats import html as htmldoc
from vnthai_mt.io.inline import check_markers, marker, strip_markers

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Tin tức &ndash; Hà Nội</title>
<style>p { color: red; } /* Hà Nội */</style>
<script>var s = "<p>Hà Nội</p>";</script>
</head>
<body>
<!-- bình luận: không dịch -->
<h1 class="title">Thủ tướng <b>Phạm Minh Chính</b> thăm Thái Lan</h1>
<p class="lead">Sáng nay, <a href="/tin/1" title="Tiểu sử Thủ tướng">đoàn đại biểu</a> &amp; các
   bộ trưởng đã đến <em>Bangkok</em>.<br>Chuyến thăm kéo dài ba ngày.</p>
<figure><img src='a.jpg' alt='Thủ tướng phát biểu'><figcaption>Ảnh: <i>TTXVN</i></figcaption></figure>
<p translate="no">Không dịch đoạn này</p>
<p>Chạy <code>ls -l</code> ngay.</p>
<ul><li>Mục một<li>Mục hai</ul>
<p>Thẻ lạc <b>mở và</p> <span>không đóng
</body>
</html>
"""


class _Tree(HTMLParser):
    """Everything html.parser sees except text and the translated attributes."""

    def __init__(self, attributes=("alt", "title")):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.skip = set(attributes)
        self.raw: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, [(k, v) for k, v in attrs if k not in self.skip]))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, [(k, v) for k, v in attrs if k not in self.skip]))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("decl", decl))


def tree(text: str) -> list[tuple]:
    parser = _Tree()
    parser.feed(text)
    parser.close()
    return parser.events


def _units(text=PAGE):
    return htmldoc.parse(text).units


def test_segments_text_attributes_and_inline_tags():
    units = _units()
    texts = [(u.kind, strip_markers(u.text)) for u in units]
    assert texts == [
        ("text", "Tin tức – Hà Nội"),
        ("text", "Thủ tướng Phạm Minh Chính thăm Thái Lan"),
        ("text", "Sáng nay, đoàn đại biểu & các bộ trưởng đã đến Bangkok.Chuyến thăm kéo dài ba ngày."),
        ("attr", "Tiểu sử Thủ tướng"),
        ("attr", "Thủ tướng phát biểu"),
        ("text", "Ảnh: TTXVN"),
        ("text", "Chạy  ngay."),  # <code>…</code> is one tag, its content never shown to the model
        ("text", "Mục một"),
        ("text", "Mục hai"),
        ("text", "Thẻ lạc mở và"),
        ("text", "không đóng"),
    ]
    h1 = units[1]
    assert h1.text == f"Thủ tướng {marker(0)}Phạm Minh Chính{marker(1)} thăm Thái Lan"
    assert [t.kind for t in h1.tags] == ["open", "close"]
    assert [t.kind for t in units[9].tags] == ["empty"]  # <b> never closed in its paragraph: standalone
    assert all(not check_markers(u.text, u.tags) for u in units)
    assert units[2].line == 12


def test_identity_is_byte_for_byte():
    page = htmldoc.parse(PAGE)
    assert htmldoc.render(page, [u.text for u in page.units]) == PAGE


def _thai(units):
    """A 'translation' that keeps every marker where it was and changes every word."""
    return ["".join(c if ord(c) >= 0xE000 else ("ก" if c.isalpha() else c) for c in u.text) + " <&\">"
            for u in units]


def test_tree_outside_text_nodes_is_unchanged():
    page = htmldoc.parse(PAGE)
    out = htmldoc.render(page, _thai(page.units))
    assert tree(out) == tree(PAGE)
    for kept in ('<style>p { color: red; } /* Hà Nội */</style>', '<script>var s = "<p>Hà Nội</p>";</script>',
                 "<!-- bình luận: không dịch -->", '<p translate="no">Không dịch đoạn này</p>',
                 "<code>ls -l</code>", '<a href="/tin/1" title="', "<img src='a.jpg' alt='"):
        assert kept in out
    assert "Phạm" not in out.split("<body>")[1].replace("Không dịch đoạn này", "")
    assert "&lt;&amp;&quot;&gt;" in out  # attribute value escaped in its own quotes
    assert "<b>กกกก กกกก กกกกก</b>" in out  # the bold words stay bold


def test_tags_moved_by_the_model_are_written_where_it_put_them():
    page = htmldoc.parse("<p>Một <b>hai</b> ba</p>")
    (unit,) = page.units
    out = htmldoc.render(page, [f"{marker(0)}ก{marker(1)} ข ค"])
    assert out == "<p><b>ก</b> ข ค</p>"
    # a translation that lost its markers still gets every tag, once, in order (io.inline.place_markers)
    assert htmldoc.render(page, ["ก ข ค"]) == "<p>ก ข ค<b></b></p>"
    assert htmldoc.render(page, [f"ก {marker(1)}{marker(1)}ข"]) == "<p>ก ข<b></b></p>"


def test_chosen_attributes():
    page = htmldoc.parse('<p><img alt="Ảnh" title="Tựa" data-x="Giữ"></p>', attributes=("data-x",))
    assert [u.text for u in page.units] == ["Giữ"]
    assert htmldoc.render(page, ["ก"]) == '<p><img alt="Ảnh" title="Tựa" data-x="ก"></p>'


_piece = st.sampled_from(["Hà Nội", " ", "&amp;", "&nbsp;", "<b>", "</b>", "<i>", "</i>", "<br>", "<p>", "</p>",
                          "<div class='x'>", "</div>", "<!-- c -->", "<a href=\"#\" title=\"Tựa\">", "</a>",
                          "<script>x<y</script>", "\n", "<img alt='ảnh'>", "<span>", "&#8220;", "< 3", "&"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_piece, max_size=25))
def test_property_any_markup_round_trips_and_keeps_its_tree(pieces):
    text = "".join(pieces)
    page = htmldoc.parse(text)
    assert htmldoc.render(page, [u.text for u in page.units]) == text
    for unit in page.units:
        assert not check_markers(unit.text, unit.tags)
    out = htmldoc.render(page, _thai(page.units))
    assert tree(out) == tree(text)


@pytest.mark.parametrize("bad", [b"<p>Ch\xe0o</p>"])
def test_not_utf8_is_refused_by_the_reader(tmp_path, bad):
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.formats import read_document

    path = tmp_path / "a.html"
    path.write_bytes(bad)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert "UTF-8" in str(err.value) and err.value.line == 1


THAI_PAGE = """<html><head><title>ข่าว</title></head><body>
<p>นายกรัฐมนตรี <b>ฝ่าม มิญ จิ๋ญ</b> เดินทางถึงกรุงเทพฯ</p>
<p>นายกรัฐมนตรี ฝ่าม มินห์ จินห์ กล่าว</p>
</body></html>
"""


def test_check_and_fix_read_the_page_and_keep_its_markup(tmp_path, capsys):
    import json

    from vnthai_mt.cli import main

    page = tmp_path / "th.html"
    page.write_text(THAI_PAGE, encoding="utf-8")
    assert main(["check", str(page), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    variants = [f for f in found if f["kind"] == "name-variants"]
    assert variants and variants[0]["suggestion"] == "ฝั่ม มิญ จิ๊ญ"
    assert sorted(variants[0]["lines"]) == [2, 3]  # the bold name (inside <b>) is found too
    fixed = tmp_path / "fixed.html"
    assert main(["fix", str(page), "-o", str(fixed), "-q"]) == 0
    out = fixed.read_text(encoding="utf-8")
    assert "<b>ฝั่ม มิญ จิ๊ญ</b>" in out and "ฝั่ม มิญ จิ๊ญ กล่าว" in out
    assert tree(out) == tree(THAI_PAGE)


@pytest.mark.slow
def test_copy_model_keeps_the_tree_and_the_bold_words(copy_nllb, tmp_path):
    import json

    from vnthai_mt.cli import main
    from vnthai_mt.shipped import shipped_path

    src = shipped_path("examples", "news.vi.html")
    out, rep = tmp_path / "th.html", tmp_path / "rep.json"
    code = main(["translate", str(src), "-o", str(out), "--model", str(copy_nllb), "--beams", "1",
                 "--strategy", "mask", "--threads", "1", "--report", str(rep), "-q"])
    assert code == 0
    source, result = src.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
    assert tree(result) == tree(source)  # markup outside text nodes unchanged
    for kept in ("<style>", "<script>window.dataLayer", "<!-- CMS: bài viết số 1024 -->",
                 '<p translate="no">Bản quyền thuộc về tòa soạn</p>', '<a href="/thoi-su" title="'):
        assert kept in result
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["summary"]["missing"] == 0
    # every inline tag came back exactly once, or the segment is listed for review
    reviewed = {s["id"] for s in report["segments"] if s.get("review")}
    page = htmldoc.parse(result)
    assert len([u for u in page.units if u.kind == "text"]) == len(
        [u for u in htmldoc.parse(source).units if u.kind == "text"])
    assert result.count("<b>") == source.count("<b>") == 1 and result.count("</b>") == 1
    bold = result.split("<b>")[1].split("</b>")[0]
    assert bold.strip() or "h2" in reviewed


def test_cli_html_that_is_not_utf8_one_line_exit_2_no_output(tmp_path, capsys):
    from vnthai_mt.cli import main

    bad = tmp_path / "cp1258.html"
    bad.write_bytes(b"<html><body>\n<p>Ch\xe0o</p></body></html>")
    out = tmp_path / "out.html"
    assert main(["translate", str(bad), "-o", str(out), "--model", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"vnthai-mt: error: {bad}:2: invalid UTF-8")
    assert not out.exists()
