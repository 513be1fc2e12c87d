"""CAT-tool formats: XLIFF 1.2 and 2.0, PO and TMX, read, translated and written back (issue 14, part A).

The samples under tests/data/formats/ were written from the specifications in the shapes memoQ,
Okapi/OmegaT (1.2), Phrase and Trados (2.0) export, with nested inline tags. Round trips run the real
CLI with the tiny models of conftest: the random one (its words are noise, so placeholders get lost and
the tag fallback is exercised) and the copy-trained one (it writes its input back, placeholders
included, so tags come back around the words they covered).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from vnthai_mt.cli import main
from vnthai_mt.io.formats import Annotation, read_document, render_document
from vnthai_mt.io.inline import CLOSE, OPEN, check_markers, markers_in, strip_markers

DATA = Path(__file__).parent / "data" / "formats"
XLIFF = ["memoq_1.2.xlf", "okapi_1.2.xlf", "phrase_2.0.xlf", "trados_2.0.xlf"]
NS = {"1.2": "urn:oasis:names:tc:xliff:document:1.2", "2.0": "urn:oasis:names:tc:xliff:document:2.0"}
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="vi"
datatype="plaintext"><body><trans-unit id="1"><source>&d;</source></trans-unit></body></file></xliff>
"""


def _units(path: Path) -> dict[str, etree._Element]:
    """unit id -> its 1.2 <trans-unit> / 2.0 <segment> element."""
    root = etree.parse(str(path)).getroot()
    version = "2.0" if root.get("version", "").startswith("2") else "1.2"
    ns = NS[version]
    if version == "1.2":
        return {u.get("id"): u for u in root.iter(f"{{{ns}}}trans-unit")}
    out = {}
    for unit in root.iter(f"{{{ns}}}unit"):
        segs = unit.findall(f"{{{ns}}}segment")
        for k, seg in enumerate(segs, 1):  # ids as translate-toolkit gives them
            sid = seg.get("id") or (None if len(segs) == 1 else f"segment-{k}")
            out[unit.get("id") + (f"::{sid}" if sid else "")] = seg
    return out


def _inline_shape(elem: etree._Element | None) -> list[tuple[str, tuple]]:
    """The inline elements of a <source>/<target>, in document order, with their attributes."""
    if elem is None:
        return []
    return [(etree.QName(e).localname, tuple(sorted(e.attrib.items()))) for e in elem.iter() if e is not elem]


def _shape_checks(src: Path, out: Path) -> None:
    """Same units; each translated target has exactly the source's inline elements (same order when
    the unit is not flagged), and states are ones the spec allows."""
    before, after = _units(src), _units(out)
    assert list(before) == list(after)
    source_doc = read_document(src)
    target_doc = read_document(out, side="target")
    for seg, tseg in zip(source_doc.segments, target_doc.segments):
        if seg.skip or seg.is_blank:
            continue
        assert check_markers(tseg.text, seg.tags) == [], (out.name, seg.id)
    skipped = {s.id for s in source_doc.segments if s.skip}
    for uid, elem in after.items():
        ns = etree.QName(elem).namespace
        source = elem.find(f"{{{ns}}}source")
        target = elem.find(f"{{{ns}}}target")
        if uid in skipped and target is None:
            continue  # a locked unit without a target stays without one
        assert target is not None, (out.name, uid)
        if ns == NS["1.2"]:
            state = target.get("state")
            assert state in (None, "translated", "needs-review-translation", "signed-off", "new"), state
            # the schema order: source, [seg-source], target, then notes
            kids = [etree.QName(c).localname for c in elem if isinstance(c.tag, str)]
            assert kids.index("target") == kids.index("source") + 1
            assert all(kids.index(k) > kids.index("target") for k in kids if k == "note")
        else:
            assert elem.get("state") in (None, "initial", "translated", "reviewed", "final")
            unit = elem.getparent()
            kids = [etree.QName(c).localname for c in unit if isinstance(c.tag, str)]
            if "notes" in kids:
                assert kids.index("notes") == 0
        assert sorted(_inline_shape(source)) == sorted(_inline_shape(target)), (out.name, uid)


# --- reading, no model ------------------------------------------------------------------------------


def test_samples_read_with_nested_tags_and_locks():
    memoq = read_document(DATA / "memoq_1.2.xlf")
    assert [s.id for s in memoq.segments] == ["1", "2", "3", "4"]
    assert [s.skip for s in memoq.segments] == [False, False, True, True]  # approved, translate="no"
    assert [t.kind for t in memoq.segments[0].tags] == [OPEN, CLOSE]  # <bpt>/<ept> paired by rid
    okapi = read_document(DATA / "okapi_1.2.xlf")
    first = okapi.segments[0]
    assert [t.kind for t in first.tags] == [OPEN, OPEN, CLOSE, CLOSE, "empty"]  # nested <g>, then <x/>
    assert strip_markers(first.text) == "Chủ tịch UBND tỉnh tiếp đoàn công tác Trung ương"
    assert [s.skip for s in okapi.segments] == [False, False, False, True]  # state="new" is not done
    phrase = read_document(DATA / "phrase_2.0.xlf")
    assert [s.id for s in phrase.segments] == ["u1::s1", "u2::s1", "u2::s2", "u3::s1", "u4"]
    assert [s.skip for s in phrase.segments] == [False, False, False, True, True]  # final, translate="no"
    assert [t.kind for t in phrase.segments[1].tags] == [OPEN, CLOSE]  # <sc>/<ec startRef>
    trados = read_document(DATA / "trados_2.0.xlf")
    assert [t.kind for t in trados.segments[1].tags] == ["empty"]  # an isolated <ec/>
    again = read_document(DATA / "trados_2.0.xlf", retranslate=True)
    assert not any(s.skip for s in again.segments)


@pytest.mark.parametrize("name", XLIFF)
def test_identity_round_trip_keeps_every_tag_and_sets_states(tmp_path, name):
    doc = read_document(DATA / name)
    notes = [Annotation(review=(k == 0), note=f"vnthai-mt: note {k}") for k in range(len(doc))]
    out = tmp_path / name
    out.write_bytes(render_document(doc, doc.texts, annotations=notes))
    _shape_checks(DATA / name, out)
    text = out.read_text(encoding="utf-8")
    assert "vnthai-mt: note 0" in text
    assert ("needs-review-translation" in text) or ('subState="vnthai-mt:needs-review"' in text)
    locked = [s for s in doc.segments if s.skip]
    thai = read_document(out, side="target")
    for seg in locked:  # left alone: the existing target (or none) is still there
        original = read_document(DATA / name, side="target").segments[doc.ids.index(seg.id)].text
        assert thai.segments[doc.ids.index(seg.id)].text == original


def test_xliff_target_language_is_set(tmp_path):
    doc = read_document(DATA / "phrase_2.0.xlf")
    out = tmp_path / "o.xlf"
    out.write_bytes(render_document(doc, doc.texts))
    assert etree.parse(str(out)).getroot().get("trgLang") == "th"


# --- bad input through the CLI ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "expect"), [
    ("broken.xlf", b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>\n'
                   b'<trans-unit id="1"><source>a <g id="1">b</source></trans-unit></body></file></xliff>',
     "not well-formed XLIFF"),
    ("bomb.xlf", BOMB, "declares entities"),
    ("nounits.xlf", b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="vi">'
                    b'<file id="f"></file></xliff>', "no translation units"),
    ("other.xlf", b"<html><body>x</body></html>", "not an XLIFF file"),
    ("bad.po", b'msgid "a"\nmsgstr "b\nmsgid "c"\nmsgstr ""\n', "PO syntax error"),
])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys, name, data, expect):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / ("out" + Path(name).suffix)
    code = main(["translate", str(src), "-o", str(out), "--model", str(tmp_path / "no-model")])
    err = capsys.readouterr().err
    assert code == 2 and expect in err and err.count("\n") == 1 and str(src) in err, err
    assert not out.exists()
    assert main(["check", str(src)]) == 2  # check reads these formats: the same clear refusal
    err = capsys.readouterr().err
    assert expect in err and err.count("\n") == 1


def test_bad_tmx_is_refused_cleanly(tmp_path, capsys):
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b"<tmx version='1.4'><body><tu><tuv xml:lang='vi'><seg>a</tuv></tu></body></tmx>")
    db = tmp_path / "tm.sqlite"
    assert main(["tm", "import", str(bad), "--cache", str(db)]) == 2
    err = capsys.readouterr().err
    assert "not well-formed TMX" in err and err.count("\n") == 1 and not db.exists()
    bomb = tmp_path / "bomb.tmx"
    bomb.write_bytes(BOMB.replace(b"xliff", b"tmx"))
    assert main(["tm", "import", str(bomb), "--cache", str(db)]) == 2
    assert "declares entities" in capsys.readouterr().err and not db.exists()


# --- check and fix read the Thai side ---------------------------------------------------------------

THAI_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="vi" target-language="th" datatype="plaintext"><body>
  <trans-unit id="1"><source>Ông <g id="b">Nguyễn Khắc Thận</g> phát biểu năm 2024.</source>
   <target state="translated">นาย<g id="b">เหงียน คัก ทัน</g> กล่าวในปี 2024</target></trans-unit>
  <trans-unit id="2"><source>Ông Nguyễn Khắc Thận dự.</source>
   <target state="translated">นายเหงียน ข่าก ถั่น เข้าร่วม ในปี พ.ศ. 2567</target></trans-unit>
 </body></file></xliff>
"""


def test_check_and_fix_read_the_target_of_an_xliff(tmp_path, capsys):
    src = tmp_path / "a.th.xlf"
    src.write_text(THAI_XLIFF, encoding="utf-8")
    assert main(["check", str(src), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["findings"], report
    out = tmp_path / "fixed.xlf"
    assert main(["fix", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    fixed = read_document(out, side="target")
    before = read_document(src, side="target")
    assert fixed.texts != before.texts  # something was fixed
    for seg, new in zip(before.segments, fixed.segments):
        assert markers_in(new.text) == markers_in(seg.text)  # the <g> is still around its words
    assert _inline_shape(_units(out)["1"].find(f"{{{NS['1.2']}}}target")) == [("g", (("id", "b"),))]
    assert read_document(out).texts == read_document(src).texts  # the sources are untouched


def test_check_reads_po_msgstr(tmp_path, capsys):
    po = tmp_path / "a.th.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Ông Nguyễn Khắc Thận"\nmsgstr "นายเหงียน คัก ทัน Nam Dinh"\n', encoding="utf-8")
    doc = read_document(po, side="target")
    assert doc.texts == ["นายเหงียน คัก ทัน Nam Dinh"] and doc.segments[0].line == 5
    assert main(["check", str(po)]) == 1
    assert "Nam Dinh" in capsys.readouterr().out


# --- round trips with the tiny models ---------------------------------------------------------------


def _translate(tmp_path, model, name, *extra) -> tuple[Path, dict]:
    out = tmp_path / f"out-{name}"
    report = tmp_path / f"{name}.json"
    code = main(["translate", str(DATA / name), "-o", str(out), "--model", str(model), "--beams", "1",
                 "--max-new-tokens", "24", "--report", str(report), "-q", *extra])
    assert code == 0
    return out, json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("name", XLIFF)
def test_xliff_round_trip_with_the_random_tiny_model(tmp_path, tiny_nllb, name):
    out, report = _translate(tmp_path, tiny_nllb, name)
    _shape_checks(DATA / name, out)
    # every segment whose tags had to be rebuilt is flagged, in the report and in the file
    flagged = {s["id"] for s in report["segments"] if s["review"]}
    text = out.read_text(encoding="utf-8")
    if flagged:
        assert "needs-review-translation" in text or "vnthai-mt:needs-review" in text
    assert report["summary"]["needs_review"] >= len(flagged)


@pytest.mark.slow
def test_copy_model_keeps_tags_on_their_words_and_the_glossary_inside_them(tmp_path, copy_nllb):
    out, report = _translate(tmp_path, copy_nllb, "phrase_2.0.xlf", "--strategy", "mask")
    _shape_checks(DATA / "phrase_2.0.xlf", out)
    target = read_document(out, side="target").segments[0]
    seg = read_document(DATA / "phrase_2.0.xlf").segments[0]
    items = next(s for s in report["segments"] if s["id"] == "u1::s1")["items"]
    name = next(i for i in items if i["vi"] == "Nguyễn Khắc Thận")
    # the name is inside <pc id="1"> in the source: its required Thai is inside it in the target
    assert name["status"] == "enforced"
    opened = target.text.index(chr(0xE000))
    closed = target.text.index(chr(0xE003))
    assert name["th"] in target.text[opened:closed], target.text
    assert markers_in(target.text) == markers_in(seg.text)


@pytest.mark.slow
def test_retranslate_and_po_round_trip(tmp_path, tiny_nllb):
    out, _ = _translate(tmp_path, tiny_nllb, "trados_2.0.xlf", "--retranslate")
    assert "ขอแสดงความนับถือ" not in out.read_text(encoding="utf-8")  # the done unit was redone
    out, report = _translate(tmp_path, tiny_nllb, "app.vi.po", "--strategy", "none")
    from translate.storage import po

    store = po.pofile(out.open("rb"))
    units = [u for u in store.units if not u.isheader()]
    assert [str(u.source) if not u.hasplural() else u.source.strings[0] for u in units] == \
        ["Xin chào", "một tệp", "Đã có"]
    assert all(str(u.target).strip() for u in units)
    assert units[0].getlocations() == ["a.py:1"]  # references kept
    assert units[1].hasplural() and len(units[1].target.strings) == 1  # Thai: one plural form
    header = store.parseheader()
    assert header["Language"] == "th" and header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "Project-Id-Version" in header  # the header is kept
    missing = {s["id"] for s in report["segments"] if any(i["status"] == "missing" for i in s["items"])}
    for k, unit in enumerate(units, 1):
        assert unit.isfuzzy() == (f"u{k}" in missing)


@pytest.mark.slow
def test_tmx_export_import_round_trip_and_memory_matches(tmp_path, tiny_nllb, capsys):
    db = tmp_path / "a.sqlite"
    src = tmp_path / "a.txt"
    src.write_text("Chủ tịch UBND tỉnh phát biểu.\nHội nghị kết thúc.\n", encoding="utf-8")
    assert main(["translate", str(src), "-o", str(tmp_path / "a.th.txt"), "--model", str(tiny_nllb),
                 "--beams", "1", "--max-new-tokens", "16", "--cache", str(db), "-q"]) == 0
    tmx = tmp_path / "mem.tmx"
    assert main(["tm", "export", "--cache", str(db), "-o", str(tmx), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)["pairs"]
    assert exported == 2
    from vnthai_mt.io.cache import TranslationCache
    from vnthai_mt.io.tmx import cache_pairs, read_pairs

    pairs = [(vi, th) for vi, th, _ in read_pairs(tmx)]
    db2 = tmp_path / "b.sqlite"
    assert main(["tm", "import", str(tmx), "--cache", str(db2), "-q"]) == 0
    with TranslationCache(db2) as cache:
        assert cache_pairs(cache) == sorted(pairs)
    tmx2 = tmp_path / "again.tmx"
    assert main(["tm", "export", "--cache", str(db2), "-o", str(tmx2), "-q"]) == 0
    assert [(vi, th) for vi, th, _ in read_pairs(tmx2)] == pairs

    # a desk's memory: its exact matches are served, reported via memory
    desk = tmp_path / "desk.tmx"
    desk.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
adminlang="en" srclang="vi-VN" datatype="plaintext"/><body>
<tu><tuv xml:lang="vi-VN"><seg>Hội nghị  kết thúc.</seg></tuv><tuv xml:lang="th-TH"><seg>การประชุมสิ้นสุดลง</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    db3 = tmp_path / "c.sqlite"
    assert main(["tm", "import", str(desk), "--cache", str(db3), "-q"]) == 0
    report = tmp_path / "r.json"
    out = tmp_path / "c.th.txt"
    assert main(["translate", str(src), "-o", str(out), "--model", str(tiny_nllb), "--beams", "1",
                 "--max-new-tokens", "16", "--cache", str(db3), "--report", str(report), "-q"]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[1] == "การประชุมสิ้นสุดลง"
    blob = json.loads(report.read_text(encoding="utf-8"))
    assert [s["id"] for s in blob["segments"] if s.get("via") == "memory"] == ["2"]
    assert blob["summary"]["memory"] == 1


# --- property: any inline structure survives read -> write -> read ---------------------------------

_WORDS = st.text(alphabet="ab ợ<&>\"ก", max_size=5)


@st.composite
def _inline_xml(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        parts.append(_escape(draw(_WORDS)))
        kind = draw(st.sampled_from(["g", "x", "bxex", "ph"] if depth < 3 else ["x", "ph"]))
        n = draw(st.integers(1, 99))
        if kind == "g":
            parts.append(f'<g id="g{n}">{draw(_inline_xml(depth + 1))}</g>')
        elif kind == "x":
            parts.append(f'<x id="x{n}"/>')
        elif kind == "bxex":
            parts.append(f'<bx id="b{n}" rid="{n}"/>{_escape(draw(_WORDS))}<ex id="e{n}" rid="{n}"/>')
        else:
            parts.append(f'<ph id="p{n}">&lt;br/&gt;</ph>')
    parts.append(_escape(draw(_WORDS)))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=60, deadline=None)
@given(_inline_xml())
def test_any_inline_structure_round_trips(tmp_path_factory, body):
    path = tmp_path_factory.mktemp("x") / "p.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="p" source-language="vi" '
                    f'datatype="plaintext"><body><trans-unit id="1"><source>{body}</source></trans-unit>'
                    '</body></file></xliff>', encoding="utf-8")
    doc = read_document(path)
    seg = doc.segments[0]
    assume(not seg.is_blank)  # a blank source gets no target
    out = path.with_name("o.xlf")
    out.write_bytes(render_document(doc, [seg.text]))
    back = read_document(out, side="target").segments[0]
    assert back.text == seg.text and [(t.kind, t.id) for t in back.tags] == [(t.kind, t.id) for t in seg.tags]
    unit = _units(out)["1"]
    ns = NS["1.2"]
    assert _inline_shape(unit.find(f"{{{ns}}}target")) == _inline_shape(unit.find(f"{{{ns}}}source"))
