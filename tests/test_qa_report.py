"""Reports: the terminal table, JSON and the self-contained HTML page (untrusted text shown as text)."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.document import read_document
from vnthai_mt.qa.report import print_text, summary_line, to_html, to_json

QA = Path(__file__).resolve().parent / "data" / "qa"
GLOSSARY = load_glossaries([QA / "glossary.tsv"], include_default=False)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.data.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _result(name: str, source: str | None = None):
    lines = read_document(QA / name).lines
    src = read_document(QA / source).lines if source else None
    return check_lines(lines, GLOSSARY, source=src, file=name, source_file=source)


def test_html_shows_markup_of_the_document_as_text_and_runs_nothing():
    result = _result("hostile.th.txt")
    page = to_html(result)
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    assert tags.count("style") == 1  # ours, in the head
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    text = "".join(parsed.data)
    assert '<script>alert("x")</script>' in text
    assert '<img src=x onerror="alert(1)">' in text
    assert "&lt;script&gt;" in page and "<script>" not in page
    # Self-contained: nothing is fetched, and scripts are forbidden even if one slipped in.
    assert "http://" not in page and "https://" not in page and " src=" not in page.replace(" src=x", "")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_html_highlights_every_variant_with_its_suggestion():
    result = _result("danang.th.txt", "danang.vi.txt")
    page = to_html(result)
    parsed = _parse(page)
    marks = [a for t, a in parsed.tags if t == "mark" and "hl" in a.get("class", "").split()]
    name_marks = [a for a in marks if a["data-kind"] == "name-variants"]
    # Lê Trung Chinh: 4 mentions, Nguyễn Văn Quảng: 3, Đà Nẵng: 1.
    assert len(name_marks) == 8
    suggestions = [a for t, a in parsed.tags if t == "span" and a.get("class") == "sugg"]
    assert suggestions
    assert 'id="summary"' in page and "name-variants: 3" in page
    for number in range(1, len(result.findings) + 1):
        assert f'id="f{number}"' in page  # every finding listed, grouped by entity
    assert re.search(r'<article class="entity"><h3>Lê Trung Chinh</h3>', page)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("<>&\"'/= scriptimgonerr()ก่าเหงียนคักทัน2024ปี\u200b")),
                        max_size=60), min_size=1, max_size=5))
def test_html_escapes_any_text(lines):
    page = to_html(check_lines(lines, GLOSSARY))
    parsed = _parse(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "div", "span",
               "main", "section", "article", "mark", "a", "ul", "li", "p"}
    assert {t for t, _ in parsed.tags} <= allowed
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)


def test_json_report():
    result = _result("danang.th.txt")
    data = json.loads(to_json(result))
    assert data["file"] == "danang.th.txt"
    assert data["summary"]["findings"] == len(data["findings"])
    kinds = {f["kind"] for f in data["findings"]}
    assert {"name-variants", "latin-leftover", "era-mix", "boilerplate", "garbage"} <= kinds


def test_terminal_table_grouped_by_entity():
    result = _result("danang.th.txt")
    buffer = io.StringIO()
    print_text(result, buffer, color=False, width=200)
    out = buffer.getvalue()
    assert summary_line(result) in out
    assert "Lê Trung Chinh" in out and "เล จุ๋ง ชิญ" in out and "\x1b[" not in out
    clean = _result("clean.th.txt")
    buffer = io.StringIO()
    print_text(clean, buffer, color=False)
    assert "no findings" in buffer.getvalue()
