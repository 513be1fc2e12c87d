"""Loader validation, stacking, TBX safety and matching of the glossary engine."""

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.errors import GlossaryError
from vnthai_mt.glossary import Entry, Glossary, Matcher, load_glossaries, load_glossary, save_glossary

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.tsv"
HEADER = "vi\tth\tkind\tvi_variants\tth_variants\tvalid\tsource\tnote\n"


def write(tmp_path, text, name="g.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("A\tก\tperson\t\t\t\t\t\nA\tข\tperson\t\t\t\t\t\n", 3, "rendered"),
        ("A\t\tperson\t\t\t\t\t\n", 2, "empty required field 'th'"),
        ("A\tก\tanimal\t\t\t\t\t\n", 2, "unknown kind"),
        ("A\tก\tperson\t\tข\t\t\t\nB\tข\tperson\t\t\t\t\t\n", 2, "canonical rendering of 'B'"),
        ("A\tก\tperson\tX\t\t\t\t\nB\tข\tperson\tX\t\t\t\t\n", 3, "'X'"),
        ("A\tก\tperson\t\t\t\t\t\textra\tcell\n", 2, "fields"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path, body, line, words):
    path = write(tmp_path, HEADER + body)
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert err.value.line == line
    assert words in str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_missing_header_column_and_bad_utf8(tmp_path):
    with pytest.raises(GlossaryError, match="header lacks"):
        load_glossary(write(tmp_path, "vi\tkind\nA\tperson\n"))
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(HEADER.encode() + b"A\t\xff\tperson\n")
    with pytest.raises(GlossaryError) as err:
        load_glossary(bad)
    assert err.value.line == 2 and "UTF-8" in str(err.value)


def test_comments_blank_lines_and_normalization(tmp_path):
    path = write(tmp_path, "# comment\n\n" + HEADER + "Tỉnh uỷ\tคณะกรรมการพรรคประจำจังหวัด\torg\t\t\t\t\t\n")
    glossary = load_glossary(path)
    assert glossary.entries[0].vi == "Tỉnh ủy"
    assert glossary.lookup_vi("tỉnh UỶ").th == "คณะกรรมการพรรคประจำจังหวัด"


def test_stacking_later_overrides_earlier(tmp_path):
    base = write(tmp_path, HEADER + "Quốc hội\tสภาแห่งชาติ\torg\t\tรัฐสภา\t\t\t\n", "base.tsv")
    user = write(tmp_path, HEADER + "Quốc hội\tรัฐสภา\torg\t\t\t\t\t\n", "user.tsv")
    stacked = load_glossaries([base, user], include_default=False)
    assert len(stacked) == 1
    assert stacked.lookup_vi("Quốc hội").th == "รัฐสภา"
    # The earlier canonical rendering is not turned into a wrong variant of anything by accident.
    assert "รัฐสภา" not in stacked.by_th_variant


def test_match_seed_lines_with_decomposed_and_old_style_tones():
    matcher = Matcher(load_glossary(MINI))
    seed = DATA.parent.parent / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
    lines = seed.read_text(encoding="utf-8").splitlines()
    line3 = [m.source for m in matcher.find(lines[2])]
    assert "Tỉnh uỷ" in line3 and "Uỷ ban nhân dân tỉnh" in line3
    line4 = matcher.find(lines[3])
    assert unicodedata.normalize("NFC", line4[0].source) == "Nguyễn Khắc Thận"
    assert lines[3][line4[0].start:line4[0].end] == line4[0].source
    assert any(m.source == "UBND tỉnh" for m in matcher.find(lines[0]))


def test_compound_title_whole_or_by_parts():
    matcher = Matcher(load_glossary(MINI))
    whole = matcher.find("Phó Chủ tịch UBND tỉnh Thái Bình phát biểu")
    assert [m.vi for m in whole] == ["Phó Chủ tịch UBND tỉnh Thái Bình"]
    parts = matcher.find("Phó Chủ tịch UBND tỉnh Nam Định phát biểu")
    assert [m.vi for m in parts] == ["Phó Chủ tịch", "Ủy ban nhân dân tỉnh"]


def test_whole_words_and_capitals_only():
    glossary = Glossary([Entry("Hoàn", "หว่าน", "person"), Entry("chủ tịch", "ประธาน", "title")])
    matcher = Matcher(glossary)
    assert matcher.find("hoàn thành") == []  # lowercase verb is not the name
    assert matcher.find("Phó chủ tịchx") == []  # not a whole word
    assert [m.source for m in matcher.find("ông Hoàn, Chủ tịch")] == ["Hoàn", "Chủ tịch"]


def test_no_diacritic_spelling_matches_names():
    matcher = Matcher(load_glossary(MINI))
    assert [m.th for m in matcher.find("Nguyen Khac Than noi")] == ["เหงียน คัก เถิ่น"]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "tbx"])
def test_round_trip_through_every_format(tmp_path, fmt):
    glossary = load_glossary(MINI)
    path = tmp_path / f"out.{fmt}"
    save_glossary(glossary, path)
    again = load_glossary(path)
    assert [e.as_row() for e in again.entries] == [e.as_row() for e in glossary.entries]


def test_tbx_entity_attacks_fail_safely(tmp_path):
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<martif><text><body><termEntry><langSet xml:lang=\"vi\"><tig><term>&lol2;</term></tig></langSet>"
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match="unsafe XML"):
        load_glossary(bomb)
    external = tmp_path / "ext.tbx"
    external.write_text(
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>',
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match="unsafe XML"):
        load_glossary(external)


def test_tbx_v3_and_malformed(tmp_path):
    v3 = tmp_path / "v3.tbx"
    v3.write_text(
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca">'
        "<text><body><conceptEntry id='c1'>"
        "<langSec xml:lang='vi'><termSec><term>Bộ Chính trị</term></termSec></langSec>"
        "<langSec xml:lang='th'><termSec><term>กรมการเมือง</term></termSec>"
        "<termSec><term>โปลิตบูโร</term><termNote type='administrativeStatus'>deprecatedTerm-admn-sts"
        "</termNote></termSec></langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    entry = load_glossary(v3).entries[0]
    assert (entry.vi, entry.th, entry.th_variants) == ("Bộ Chính trị", "กรมการเมือง", ("โปลิตบูโร",))
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif>\n<text>\n</martif>", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(broken)
    assert err.value.line == 3


words = st.sampled_from(["Thái", "Bình", "Ủy", "ban", "nhân", "dân", "tỉnh", "UBND", "Chủ", "tịch", "Phó", "và",
                         "hoàn", "Lại", "Văn", "Hoàn", ",", "-", "uỷ"])


@settings(max_examples=200)
@given(st.lists(words, max_size=25), st.sampled_from([" ", "  ", "\t"]))
def test_matches_are_ordered_disjoint_and_point_into_the_text(tokens, sep):
    text = sep.join(tokens)
    matches = Matcher(load_glossary(MINI)).find(text)
    previous_end = 0
    for match in matches:
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start:match.end] == match.source
        previous_end = match.end


def test_lookup_command_json(tmp_path, capsys):
    from vnthai_mt.cli import main

    src = write(tmp_path, "Chủ tịch UBND tỉnh Thái Bình\n\nLại Văn Hoàn\n", "in.txt")
    assert main(["glossary", "lookup", "--no-default-glossary", "-g", str(MINI), str(src), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["source"]) for f in found] == [
        (1, "Chủ tịch"), (1, "UBND tỉnh"), (1, "Thái Bình"), (3, "Lại Văn Hoàn")]
    assert set(found[0]) >= {"line", "start", "end", "source", "vi", "th", "kind"}


def test_validate_command_summary_and_error(tmp_path, capsys):
    from vnthai_mt.cli import main

    assert main(["glossary", "validate", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert "10 entries" in out and "person 2" in out
    bad = write(tmp_path, HEADER + "A\tก\tnope\t\t\t\t\t\n")
    assert main(["glossary", "validate", str(bad)]) == 2
    assert f"{bad}:2: unknown kind" in capsys.readouterr().err


def test_convert_command(tmp_path):
    from vnthai_mt.cli import main

    out = tmp_path / "mini.tbx"
    assert main(["glossary", "convert", str(MINI), str(out)]) == 0
    assert len(load_glossary(out)) == 10
