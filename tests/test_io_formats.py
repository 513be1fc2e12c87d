"""Readers and writers: same format back, segments kept, clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats import detect_format, plan_folder, read_document, render_document, write_document


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _upper(doc):
    return [s.text.upper() for s in doc.segments]


# --- txt ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["a\nb\n", "a\nb", "", "\n", "\n\n", "a\r\nb\r\n", "a\r\n\r\nb", "x\n\n\ny", "\ufeffa\nb\n", " \t\n"],
)
def test_txt_round_trip_is_byte_identical(tmp_path, content):
    path = _write(tmp_path / "in.txt", content)
    doc = read_document(path)
    assert render_document(doc, doc.texts) == path.read_bytes()


def test_txt_segments_empty_lines_and_final_newline(tmp_path):
    doc = read_document(_write(tmp_path / "in.txt", "một\n\nhai\r\nba"))
    assert doc.fmt == "txt"
    assert [(s.id, s.text, s.line) for s in doc.segments] == [("1", "một", 1), ("2", "", 2), ("3", "hai", 3),
                                                               ("4", "ba", 4)]
    assert doc.segments[1].is_blank
    out = tmp_path / "out.txt"
    write_document(doc, ["MOT", "", "HAI", "BA"], out)
    assert out.read_bytes() == b"MOT\n\nHAI\r\nBA"


def test_txt_translation_newlines_never_add_lines(tmp_path):
    doc = read_document(_write(tmp_path / "in.txt", "a\nb\n"))
    data = render_document(doc, ["x\ny", "z\r\nw"])
    assert data == b"x y\nz w\n"


def test_txt_huge_line_not_truncated(tmp_path):
    line = "Đây là một câu rất dài, " * 50_000  # ~1.2 MB on one line
    doc = read_document(_write(tmp_path / "in.txt", line + "\nngắn\n"))
    assert len(doc.segments) == 2 and doc.segments[0].text == line
    assert render_document(doc, doc.texts).decode() == line + "\nngắn\n"


def test_invalid_utf8_names_path_and_line(tmp_path):
    path = _write(tmp_path / "bad.txt", b"ok\nstill ok\nbad \xff here\n")
    with pytest.raises(InputError) as err:
        read_document(path)
    assert err.value.line == 3 and str(path) in str(err.value)
    assert "UTF-8" in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


def test_format_from_extension():
    assert detect_format("a.vi.txt") == "txt"
    assert detect_format("a.JSONL") == "jsonl"
    assert detect_format("a.tsv") == "tsv"
    assert detect_format("a.csv") == "csv"
    assert detect_format("a.docx") == "docx"
    assert detect_format("README") == "txt"
    with pytest.raises(InputError, match="jsonl"):
        detect_format("a.json")


# --- jsonl -------------------------------------------------------------------------------------------


def test_jsonl_keeps_other_bytes_and_blank_lines(tmp_path):
    lines = ['{"id": 7, "text": "xin chào", "n": 1e5, "nested": {"text": "giữ"}}', "",
             '{"text":"hai","x":[1, 2.50]}']
    path = _write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    doc = read_document(path)
    assert doc.field == "text"
    assert [(s.id, s.text) for s in doc.segments] == [("1", "xin chào"), ("3", "hai")]
    assert render_document(doc, doc.texts) == path.read_bytes()
    out = render_document(doc, ["สวัสดี", "สอง"]).decode().split("\n")
    assert out[0] == '{"id": 7, "text": "สวัสดี", "n": 1e5, "nested": {"text": "giữ"}}'
    assert out[1] == ""
    assert out[2] == '{"text":"สอง","x":[1, 2.50]}'


def test_jsonl_out_field_added_or_replaced(tmp_path):
    path = _write(tmp_path / "in.jsonl", '{"vi": "một", "th": "old"}\n{"vi": "hai"}\n{"vi": "ba" }\n')
    doc = read_document(path, field="vi")
    out = [json.loads(x) for x in render_document(doc, ["1", "2", "3"], out_field="th").decode().splitlines()]
    assert out == [{"vi": "một", "th": "1"}, {"vi": "hai", "th": "2"}, {"vi": "ba", "th": "3"}]


def test_jsonl_escapes_and_duplicate_keys(tmp_path):
    path = _write(tmp_path / "in.jsonl", '{"text": "a\\"b\\u00e0", "text": "last"}\n')
    doc = read_document(path)
    assert doc.texts == ["last"]  # as json.loads: the last key wins
    out = render_document(doc, ['q"uote\n'])
    assert json.loads(out) == {"text": 'q"uote\n'}


@pytest.mark.parametrize(
    ("line", "message"),
    [("not json", "not a JSON object"), ("[1, 2]", "not a JSON object"), ('{"a": 1} x', "not a JSON object"),
     ('{"other": "x"}', "no field"), ('{"text": 5}', "not a string")],
)
def test_jsonl_errors_name_path_and_line(tmp_path, line, message):
    path = _write(tmp_path / "in.jsonl", '{"text": "ok"}\n\n' + line + "\n")
    with pytest.raises(InputError, match=message) as err:
        read_document(path, field="text")
    assert err.value.line == 3 and err.value.path == path


def test_jsonl_default_field_needs_a_known_name(tmp_path):
    path = _write(tmp_path / "in.jsonl", '{"body": "x"}\n')
    with pytest.raises(InputError, match="--field"):
        read_document(path)


_UTF8_TEXT = st.text(alphabet=st.characters(codec="utf-8"))  # files cannot hold lone surrogates


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=5), st.one_of(
    _UTF8_TEXT, st.integers(), st.none(), st.floats(allow_nan=False)), max_size=4), _UTF8_TEXT, _UTF8_TEXT)
def test_jsonl_any_object_round_trips(tmp_path, obj, source, translation):
    obj = {**obj, "src": source}
    path = _write(tmp_path / "h.jsonl", json.dumps(obj, ensure_ascii=False) + "\n")
    doc = read_document(path, field="src")
    assert doc.texts == [source]
    assert render_document(doc, doc.texts) == path.read_bytes()
    assert json.loads(render_document(doc, [translation])) == {**obj, "src": translation}


# --- tsv / csv ---------------------------------------------------------------------------------------


def test_tsv_header_by_name_other_columns_kept(tmp_path):
    path = _write(tmp_path / "in.tsv", "id\tvi\tnote\n1\tmột\tx\n\n2\thai\t\n")
    doc = read_document(path, column="vi")
    assert doc.header and doc.column == 1 and doc.texts == ["một", "hai"]
    assert [s.line for s in doc.segments] == [2, 4]
    assert render_document(doc, doc.texts) == path.read_bytes()
    assert render_document(doc, ["A\tB", "C"]).decode() == "id\tvi\tnote\n1\tA B\tx\n\n2\tC\t\n"
    assert render_document(doc, ["A", "C"], out_field="th").decode() == (
        "id\tvi\tnote\tth\n1\tmột\tx\tA\n\n2\thai\t\tC\n")


def test_tsv_numbered_column_without_header(tmp_path):
    path = _write(tmp_path / "in.tsv", "1\tCâu một, dài.\n2\tCâu hai.\n")
    doc = read_document(path, column=2)
    assert not doc.header and doc.texts == ["Câu một, dài.", "Câu hai."]
    assert read_document(path, column="2").texts == doc.texts
    with pytest.raises(InputError, match="--column"):
        read_document(path)


def test_tsv_header_detection_and_override(tmp_path):
    path = _write(tmp_path / "in.tsv", "id\tsource\n1\tmột\n")
    assert read_document(path).texts == ["một"]  # "source" is a default name
    assert read_document(path, column=2, header=False).texts == ["source", "một"]


def test_tsv_short_row_is_an_error(tmp_path):
    path = _write(tmp_path / "in.tsv", "id\tvi\n1\tmột\n2\n")
    with pytest.raises(InputError, match="column 2") as err:
        read_document(path, column="vi")
    assert err.value.line == 3


def test_tsv_unknown_column_name(tmp_path):
    path = _write(tmp_path / "in.tsv", "id\tvi\n1\tmột\n")
    with pytest.raises(InputError, match="no column 'th'"):
        read_document(path, column="th")


def test_csv_quotes_multiline_and_crlf(tmp_path):
    content = 'id,text,extra\r\n1,"Sáng 13/3, tại Thái Bình",a\r\n2,"dòng một\r\ndòng hai","q""x"\r\n'
    path = _write(tmp_path / "in.csv", content)
    doc = read_document(path)
    assert doc.header and doc.texts == ["Sáng 13/3, tại Thái Bình", "dòng một\r\ndòng hai"]
    assert [s.line for s in doc.segments] == [2, 3]
    assert render_document(doc, doc.texts) == path.read_bytes()
    out = render_document(doc, ["X, Y", "Z"], out_field="th").decode()
    assert out == 'id,text,extra,th\r\n1,"Sáng 13/3, tại Thái Bình",a,"X, Y"\r\n2,"dòng một\r\ndòng hai","q""x",Z\r\n'


def test_csv_no_final_newline_kept(tmp_path):
    path = _write(tmp_path / "in.csv", "text\nmột\nhai")
    doc = read_document(path)
    assert render_document(doc, ["1", "2"]) == b"text\n1\n2"


def test_csv_invalid_utf8_line(tmp_path):
    path = _write(tmp_path / "in.csv", b"text\nok\n\xc3\x28\n")
    with pytest.raises(InputError) as err:
        read_document(path)
    assert err.value.line == 3


def test_wrong_number_of_translations_is_a_programming_error(tmp_path):
    doc = read_document(_write(tmp_path / "in.txt", "a\nb\n"))
    with pytest.raises(ValueError):
        render_document(doc, ["only one"])
    with pytest.raises(InputError, match="output field"):
        render_document(doc, ["a", "b"], out_field="th")


# --- docx --------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    p = d.add_paragraph("")
    run = p.add_run("Tiêu đề")
    run.bold = True
    p.add_run(" phần hai")
    d.add_paragraph("")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ô một"
    table.cell(0, 1).text = "Ô hai"
    src = tmp_path / "in.docx"
    d.save(str(src))

    doc = read_document(src)
    assert doc.fmt == "docx"
    # the bold run is an inline tag pair (io.formats.docx); the paragraph's base formatting is plain
    assert doc.texts == ["\ue000Tiêu đề\ue001 phần hai", "", "Ô một", "Ô hai"]
    assert doc.ids == ["p1", "p2", "p3", "p4"]
    out = tmp_path / "out.docx"
    write_document(doc, ["\ue000หัวเรื่อง\ue001 ส่วนสอง", "", "ช่องหนึ่ง", "ช่องสอง"], out)
    back = docx.Document(str(out))
    assert back.paragraphs[0].text == "หัวเรื่อง ส่วนสอง"
    assert [(r.text, bool(r.bold)) for r in back.paragraphs[0].runs] == [("หัวเรื่อง", True), (" ส่วนสอง", False)]
    assert [c.text for c in back.tables[0].rows[0].cells] == ["ช่องหนึ่ง", "ช่องสอง"]


def test_docx_damaged_file(tmp_path):
    pytest.importorskip("docx")
    path = _write(tmp_path / "bad.docx", b"not a zip")
    with pytest.raises(InputError, match="docx"):
        read_document(path)


# --- folders and stdout ------------------------------------------------------------------------------


def test_plan_folder_mirrors_tree(tmp_path):
    src = tmp_path / "in"
    (src / "sub" / "deeper").mkdir(parents=True)
    (src / ".hidden").mkdir()
    for rel in ["a.txt", "sub/b.txt", "sub/deeper/c.jsonl", "sub/skip.bin", ".hidden/x.txt"]:
        _write(src / rel, "x\n")
    dst = tmp_path / "out"
    pairs = plan_folder(src, dst)
    assert [(i.relative_to(src).as_posix(), o.relative_to(dst).as_posix()) for i, o in pairs] == [
        ("a.txt", "a.txt"), ("sub/b.txt", "sub/b.txt"), ("sub/deeper/c.jsonl", "sub/deeper/c.jsonl")]
    assert [i.name for i, _ in plan_folder(src, dst, "*.txt")] == ["a.txt", "b.txt"]
    _write(src / "sub/deeper/c.jsonl", '{"text": "x"}\n')
    for i, o in pairs:  # the writer creates the mirrored subfolders
        doc = read_document(i)
        write_document(doc, [t.upper() for t in doc.texts], o)
    assert (dst / "sub" / "deeper" / "c.jsonl").read_text() == '{"text": "X"}\n'


def test_plan_folder_errors_and_nested_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    with pytest.raises(InputError, match="no files"):
        plan_folder(src, tmp_path / "out")
    with pytest.raises(InputError, match="differ"):
        plan_folder(src, src)
    with pytest.raises(InputError, match="no such folder"):
        plan_folder(tmp_path / "missing", tmp_path / "out")
    _write(src / "a.txt", "x\n")
    (src / "th").mkdir()
    _write(src / "th" / "a.txt", "old output\n")
    assert [i.name for i, _ in plan_folder(src, src / "th")] == ["a.txt"]


def test_write_to_stdout(tmp_path, capsysbinary):
    doc = read_document(_write(tmp_path / "in.txt", "a\n"))
    write_document(doc, ["ก"], "-")
    assert capsysbinary.readouterr().out == "ก\n".encode()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=20), max_size=6),
       st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_txt_any_lines_round_trip(tmp_path, lines, newline, final):
    content = newline.join(lines) + (newline if final and lines else "")
    path = _write(tmp_path / "h.txt", content)
    doc = read_document(path)
    assert render_document(doc, doc.texts) == path.read_bytes()
