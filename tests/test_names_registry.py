"""One rendering per name within a document or a batch."""

from __future__ import annotations

from pathlib import Path

from vnthai_mt.names.registry import ROW_COLUMNS, NameRegistry

SEED = (Path(__file__).parent / "data" / "names" / "seed_article.vi.txt").read_text(encoding="utf-8")


def test_seed_document_one_rendering_per_name():
    reg = NameRegistry()
    mentions = reg.add_document(SEED)
    than = {e.th for span, e in mentions if "Thận" in span.text or "Thận" in __import__("unicodedata").normalize(
        "NFC", span.text)}
    assert than == {"เหงียน คัก เถิ่น"}
    rows = {r["vi"]: r for r in reg.rows()}
    assert rows["Nguyễn Khắc Thận"]["note"].startswith("5 mention")
    assert rows["Nam Định"]["th"] == "นามดิ่ญ" and rows["Nam Định"]["kind"] == "place"
    assert all(list(r) == list(ROW_COLUMNS) and r["source"] == "rule" for r in reg.rows())


def test_short_forms_and_missing_diacritics_join_the_full_name():
    reg = NameRegistry()
    text = ("Ông Thận phát biểu. Đồng chí Nguyễn Khắc Thận, Chủ tịch UBND tỉnh, và ông Nguyen Khac Than "
            "cùng bà Lan. Bà Trần Thị Lan nói.")
    out = [(span.text, entry.vi, entry.thai_for(span.text)) for span, entry in reg.add_document(text)]
    assert out == [
        ("Thận", "Nguyễn Khắc Thận", "เถิ่น"),
        ("Nguyễn Khắc Thận", "Nguyễn Khắc Thận", "เหงียน คัก เถิ่น"),
        ("Nguyen Khac Than", "Nguyễn Khắc Thận", "เหงียน คัก เถิ่น"),
        ("Lan", "Trần Thị Lan", "ลาน"),
        ("Trần Thị Lan", "Trần Thị Lan", "เจิ่น ถิ ลาน"),
    ]
    assert reg.render("Nguyen Khac Than", "person") == "เหงียน คัก เถิ่น"
    assert len(reg) == 2


def test_ambiguous_given_name_stays_apart():
    reg = NameRegistry()
    reg.add_document("Ông Nguyễn Văn Hùng và ông Trần Mạnh Hùng dự họp. Ông Hùng phát biểu.")
    alone = reg.resolve("Hùng", "person")  # two persons end in Hùng: the short form keeps its own entry
    assert alone is not None and alone.vi == "Hùng"
    assert len(reg) == 3


def test_batch_keeps_renderings_across_documents():
    reg = NameRegistry()
    reg.add_document("Đồng chí Nguyễn Khắc Thận dự họp.")
    (_span, entry), = reg.add_document("Đồng chí Nguyen Khac Than phát biểu.")
    assert entry.vi == "Nguyễn Khắc Thận" and entry.count == 2
