"""House name style (--name-style, or '#: name_style = ...' in a glossary) and foreign names left to the
model (translate --report lists them as ``unenforced``, for exactly their span)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.cli import main
from vnthai_mt.errors import GlossaryError
from vnthai_mt.glossary import load_glossaries, load_glossary, save_glossary
from vnthai_mt.glossary.settings import SETTINGS, parse_setting
from vnthai_mt.names.translit import NAME_STYLES
from vnthai_mt.translate.pipeline import Translator
from vnthai_mt.translate.requirements import (
    build_registry,
    find_required,
    name_renderer,
    segment_requirements,
    unenforced_names,
)
from vnthai_mt.translate.vocabulary import NAME_STYLES as CLI_STYLES

HOUSE = "# house glossary\n#: name_style = joined\nvi\tth\tkind\nLại Văn Hoàn\tหลั่ย วัน ฮหว่าน\tperson\n"
TEXT = "Chủ tịch UBND tỉnh Trần Văn Hiệp gặp ông Lại Văn Hoàn tại huyện Ba Vì."
FOREIGN = "Đại sứ Lào Sengphet Houngboungnuang chào Chủ tịch nước Lào Thongloun Sisoulith."


@pytest.fixture()
def house(tmp_path) -> Path:
    path = tmp_path / "house.tsv"
    path.write_text(HOUSE, encoding="utf-8")
    return path


def test_one_vocabulary_of_styles():
    assert NAME_STYLES == CLI_STYLES == SETTINGS["name_style"]


# --- the setting in a glossary file ---------------------------------------------------------------------


def test_glossary_setting_is_read_kept_by_stacking_and_written_back(house, tmp_path):
    g = load_glossary(house)
    assert g.settings == {"name_style": "joined"} and len(g) == 1
    assert load_glossaries([house]).settings == {"name_style": "joined"}  # over the shipped ones
    spaced = tmp_path / "spaced.tsv"
    spaced.write_text("#: name_style = spaced\nvi\tth\tkind\n", encoding="utf-8")
    assert load_glossaries([house, spaced]).settings == {"name_style": "spaced"}  # the last one decides
    for out in (tmp_path / "copy.tsv", tmp_path / "copy.csv"):
        save_glossary(g, out)
        assert load_glossary(out).settings == {"name_style": "joined"}


@pytest.mark.parametrize(("line", "message"), [
    ("#: name_style = glued", r"bad.tsv:2: name_style must be one of spaced, joined, not 'glued'"),
    ("#: house_style = joined", r"bad.tsv:2: unknown setting 'house_style'"),
    ("#: name_style", r"bad.tsv:2: a settings line is '#: KEY = VALUE'"),
])
def test_a_wrong_setting_is_one_clear_error(tmp_path, line, message):
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"vi\tth\tkind\n{line}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        load_glossary(bad)


def test_glossary_validate_accepts_and_shows_the_setting(house, capsys):
    assert main(["glossary", "validate", str(house)]) == 0
    assert "name_style = joined" in capsys.readouterr().out
    assert main(["glossary", "validate", "--json", str(house)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["settings"] == {"name_style": "joined"}


# --- applied to transcribed names only -------------------------------------------------------------------


def test_joined_style_applies_to_transcribed_persons_only(house):
    from vnthai_mt.glossary import Matcher

    matcher = Matcher(load_glossaries([house]))
    (reqs,) = segment_requirements([TEXT], matcher, style="joined")
    got = {r.vi: (r.th, r.source) for r in reqs}
    assert got["Trần Văn Hiệp"] == ("เจิ่นวันเหียป", "rule")  # transcribed: joined
    assert got["Lại Văn Hoàn"] == ("หลั่ย วัน ฮหว่าน", "glossary")  # the glossary's form, as written
    assert got["Ba Vì"] == ("บาหวี่", "rule")  # places are joined in either style
    (spaced,) = segment_requirements([TEXT], matcher)
    assert {r.vi: r.th for r in spaced}["Trần Văn Hiệp"] == "เจิ่น วัน เหียป"


def test_translator_takes_the_style_from_the_glossary_unless_told(house):
    fake = SimpleNamespace(model_path="fake", name="fake")
    assert Translator(glossaries=[house], engine=fake).settings["name_style"] == "joined"
    assert Translator(glossaries=[house], name_style="spaced", engine=fake).name_style == "spaced"
    assert Translator(engine=fake).name_style == "spaced"


def test_names_and_translit_cli_take_the_style(house, tmp_path, capsys):
    doc = tmp_path / "a.vi.txt"
    doc.write_text(TEXT + "\n", encoding="utf-8")
    assert main(["names", "-g", str(house), str(doc)]) == 0
    out = capsys.readouterr().out
    assert "Trần Văn Hiệp -> เจิ่นวันเหียป" in out and "Lại Văn Hoàn" not in out  # the glossary covers him
    assert main(["names", "-g", str(house), "--name-style", "spaced", str(doc)]) == 0
    assert "Trần Văn Hiệp -> เจิ่น วัน เหียป" in capsys.readouterr().out  # the command line wins
    assert main(["translit", "--name-style", "joined", "Nguyễn Khắc Thận", "Hồ Chí Minh"]) == 0
    assert capsys.readouterr().out.splitlines() == ["เหงียนคักเถิ่น", "โฮจิมินห์"]


# --- foreign names without an established form -----------------------------------------------------------


def test_foreign_name_without_a_form_is_unenforced_for_exactly_its_span():
    from vnthai_mt.glossary import Matcher

    matcher = Matcher(load_glossaries([]))
    renderer = name_renderer(build_registry([FOREIGN]))
    reqs = find_required(FOREIGN, matcher, names=renderer)
    assert not any("Sengphet" in r.vi for r in reqs)  # no requirement: left to the model
    assert ("Thongloun Sisoulith", "glossary") in [(r.vi, r.source) for r in reqs]  # a known form
    (left,) = unenforced_names(FOREIGN, matcher, names=renderer)
    assert (left.vi, left.kind) == ("Sengphet Houngboungnuang", "person")  # not "Lào Sengphet ..."
    assert FOREIGN[left.start:left.end] == left.vi and "foreign" in left.reason
    assert unenforced_names(FOREIGN, matcher, names=None) == []


def test_a_country_is_not_glued_to_the_foreign_name_after_it():
    from vnthai_mt.glossary import Matcher

    text = "Ông chào Đại sứ Nhà nước Palestine tại Việt Nam Saadi Salama - Trưởng đoàn Ngoại giao."
    matcher = Matcher(load_glossaries([]))
    renderer = name_renderer(build_registry([text]))
    assert [(u.vi, u.kind) for u in unenforced_names(text, matcher, names=renderer)] == [("Saadi Salama", "person")]
    reqs = find_required(text, matcher, names=renderer)
    assert not any("Saadi" in r.vi for r in reqs) and ("Việt Nam", "glossary") in [(r.vi, r.source) for r in reqs]


def test_a_listed_place_that_is_not_vietnamese_is_required_in_its_listed_form():
    (reqs,) = segment_requirements(["Đoàn đến Pleiku."], None)
    assert [(r.vi, r.th) for r in reqs] == [("Pleiku", "เปลกู")]


@pytest.mark.slow
def test_translate_report_lists_unenforced_names(tiny_nllb_ct2, tmp_path):
    src = tmp_path / "doc.vi.txt"
    src.write_text(f"{FOREIGN}\nĐồng chí Nguyễn Khắc Thận phát biểu.\n", encoding="utf-8")
    report = tmp_path / "r.json"
    assert main(["translate", str(src), "-o", str(tmp_path / "doc.th.txt"), "--model", str(tiny_nllb_ct2),
                 "--backend", "ctranslate2", "--beams", "1", "--max-new-tokens", "24", "--report", str(report),
                 "-q"]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    first = next(s for s in data["segments"] if s["line"] == 1)
    assert first["unenforced"] == [{"vi": "Sengphet Houngboungnuang", "kind": "person",
                                    "reason": first["unenforced"][0]["reason"]}]
    assert all({"vi", "th", "kind", "source", "status"} <= set(i) for i in first["items"])  # old fields kept
    assert data["summary"]["unenforced"] == 1
    assert not any(s["unenforced"] for s in data["segments"] if s["line"] == 2)


# --- open-ended input: the settings line ---------------------------------------------------------------




@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_line_is_a_setting_a_clear_error_or_not_a_setting(line):
    try:
        got = parse_setting(line, "g.tsv", 7)
    except GlossaryError as err:
        assert line.strip().startswith("#:") and str(err).startswith("g.tsv:7: ")
        return
    if got is None:
        assert not line.strip().startswith("#:")
    else:
        key, value = got
        assert value in SETTINGS[key]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["name_style", "Name-Style", "name_style "]), st.sampled_from(["=", ":", " = "]),
       st.sampled_from(NAME_STYLES))
def test_settings_lines_are_read_in_their_spellings(key, sep, value):
    assert parse_setting(f"#:{key}{sep}{value}", "g.tsv", 1) == ("name_style", value)
