"""The shipped list of administrative units: counts, validity dates, one Thai side with the glossary,
rule forms equal to the transcriber, and its use by detection and requirements."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.errors import InputError
from vnthai_mt.names import places
from vnthai_mt.names.detect import find_names, known_places
from vnthai_mt.names.translit import transcribe

ROOT = Path(__file__).resolve().parents[1]
PROVINCIAL = ("tỉnh", "thành phố trực thuộc trung ương")


def _provincial_on(day: date) -> set[str]:
    return {u.vi for u in places.load_units() if u.type in PROVINCIAL and u.valid_on(day)}


def test_63_provincial_units_before_2025_and_34_after():
    assert len(_provincial_on(date(2024, 6, 1))) == 63
    after = _provincial_on(date(2025, 8, 1))
    assert len(after) == 34
    assert {"Hà Nội", "Huế", "Thành phố Hồ Chí Minh", "Ninh Bình", "Gia Lai"} <= after
    assert "Nam Định" not in after and "Thừa Thiên Huế" not in after


def test_every_provincial_capital_and_district_has_a_thai_form_and_a_source():
    units = places.load_units()
    assert all(u.th and u.source and u.th_source for u in units)
    cities = {u.vi for u in units if u.type == "thành phố"}
    assert {"Vinh", "Nha Trang", "Buôn Ma Thuột", "Đà Lạt", "Pleiku", "Quy Nhơn", "Hạ Long"} <= cities
    districts = [u for u in units if u.type in places.LOCAL_TYPES]
    assert len(districts) >= 60 and all(u.valid_to is not None or u.valid_from for u in districts)


def test_districts_end_with_the_2025_reform_and_special_zones_begin():
    (ba_vi,) = places.units_named("Ba Vì")
    assert ba_vi.valid_to == date(2025, 6, 30) and ba_vi.parent == "Hà Nội"
    zones = {u.vi for u in places.load_units() if u.type == "đặc khu"}
    assert len(zones) == 13 and {"Phú Quốc", "Côn Đảo", "Trường Sa", "Hoàng Sa", "Thổ Châu"} <= zones
    assert all(u.valid_from == date(2025, 7, 1) for u in places.load_units() if u.type == "đặc khu")


def test_status_on_a_date_gives_the_successor_of_a_merged_province():
    assert places.status_on("Nam Định", date(2024, 3, 1))["valid"] is True
    later = places.status_on("Nam Định", date(2025, 9, 1))
    assert later["valid"] is False and later["successor"] == "Ninh Bình"
    assert places.status_on("Huế", date(2025, 9, 1))["valid"] is True
    assert places.status_on("Huế", date(2024, 9, 1))["units"][0]["type"] == "thành phố"  # the provincial city
    assert places.status_on("Atlantis", date(2025, 1, 1)) is None


def test_provinces_agree_with_the_shipped_glossary():
    """One Thai side: a province's rendering in the list is the glossary's bare form."""
    from vnthai_mt.glossary import Matcher, load_glossaries

    matcher = Matcher(load_glossaries([]))
    for u in places.load_units():
        if u.type not in PROVINCIAL or u.vi == "Thành phố Hồ Chí Minh":
            continue
        (m,) = [m for m in matcher.find(u.vi) if (m.start, m.end) == (0, len(u.vi))]
        assert m.entry.th == u.th, u.vi


def test_rule_rows_equal_the_transcriber():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_places.py"), "--check"],
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert done.returncode == 0, done.stderr


def test_one_name_one_thai_and_clear_errors(tmp_path):
    head = "\t".join(places.COLUMNS)
    row = "Thái Bình\tท้ายบิ่ญ\ttỉnh\t\t\t2025-06-30\t\t\tx\tx\t"
    bad = tmp_path / "units.tsv"
    bad.write_text(f"{head}\n{row}\nThái Bình\tไทบิ่ญ\tthành phố\tThái Bình\t\t\t\t\tx\tx\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"units.tsv:3: .*one name, one Thai"):
        places.read_units(bad)
    bad.write_text(f"{head}\nVinh\tวิญ\tthành phố\t\t2025-13-01\t\t\t\tx\tx\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"units.tsv:2: not a date"):
        places.read_units(bad)
    bad.write_text(f"{head}\nVinh\tวิญ\tcity\t\t\t\t\t\tx\tx\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"units.tsv:2: unknown type"):
        places.read_units(bad)
    bad.write_text(f"{head}\nVinh\tวิญ\tthành phố\tNghệ An\t\t\t\t\tx\tx\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"units.tsv:2: parent 'Nghệ An' is not a unit"):
        places.read_units(bad)


def test_detection_knows_the_list_but_not_people_named_places():
    known = known_places()
    assert "pleiku" in known and "thủ dầu một" in known and "ba vì" in known
    assert "ngô quyền" not in known and "hoàng mai" not in known  # a person's name or a surname first
    spans = find_names("Đoàn đã thăm Pleiku, Thủ Dầu Một và Ba Vì; ông Ngô Quyền dự.")
    assert [(s.text, s.kind) for s in spans] == [("Pleiku", "place"), ("Thủ Dầu Một", "place"),
                                                 ("Ba Vì", "place"), ("Ngô Quyền", "person")]
    one = find_names("Hội nghị tại thành phố Vinh và TP Huế.")
    assert [(s.text, s.kind) for s in one] == [("Vinh", "place"), ("Huế", "place")]
    listed = find_names("Mưa lớn ở Ba Vì, Sóc Sơn và Đông Anh. Từ Vinh vào Huế mất 6 giờ. Ông Từ Vinh nói.")
    assert [(s.text, s.kind) for s in listed] == [("Ba Vì", "place"), ("Sóc Sơn", "place"), ("Đông Anh", "place"),
                                                  ("Vinh", "place"), ("Huế", "place"), ("Từ Vinh", "person")]


def test_requirements_take_the_lists_thai():
    assert transcribe("Pleiku", kind="place").thai == "เปลกู"  # attested, the rules give nothing
    assert transcribe("Thủ Dầu Một", kind="place").thai == "ถูเสิ่วหมต"  # Thai Wikipedia, not the rule form
    assert transcribe("Đăk Lăk", kind="place").thai == "ดั๊กลัก"  # another spelling of Đắk Lắk
    t = transcribe("Ba Vì", kind="place")
    assert (t.thai, t.source) == ("บาหวี่", "rule")  # a rule row stays a rule rendering
    from vnthai_mt.translate.requirements import segment_requirements

    (reqs,) = segment_requirements(["Đoàn công tác làm việc tại Pleiku và Thủ Dầu Một."], None)
    assert [(r.vi, r.th, r.kind) for r in reqs] == [("Pleiku", "เปลกู", "place"), ("Thủ Dầu Một", "ถูเสิ่วหมต", "place")]


def test_names_as_of_says_which_places_were_units(tmp_path, capsys):
    from vnthai_mt.cli import main

    doc = tmp_path / "a.vi.txt"
    doc.write_text("Năm 2023, tỉnh Nam Định và huyện Ba Vì; đặc khu Phú Quốc.\n", encoding="utf-8")
    assert main(["names", "--as-of", "2025-09-01", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "Nam Định -> นามดิ่ญ  [not a unit on 2025-09-01: tỉnh until 2025-06-30, then part of Ninh Bình]" in out
    assert "Phú Quốc -> ฟู้โกว๊ก  [a unit on 2025-09-01]" in out
    assert main(["names", "--as-of", "2023-01-01", "--json", str(doc)]) == 0
    rows = {r["vi"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Nam Định"]["as_of"]["valid"] is True and rows["Nam Định"]["th"] == "นามดิ่ญ"
    with pytest.raises(SystemExit) as exit_:
        main(["names", "--as-of", "2025-9-1", str(doc)])
    assert exit_.value.code == 2 and "not a date" in capsys.readouterr().err



_CELL = st.text(alphabet=st.characters(blacklist_characters="\t\n\r", blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.one_of(_CELL, st.sampled_from(["tỉnh", "2025-06-30", "rule: x", "Vinh", "วิญ"])),
                         min_size=9, max_size=12), max_size=5))
def test_any_units_file_loads_or_gives_one_error_with_file_and_line(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("u") / "units.tsv"
    path.write_text("\t".join(places.COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    try:
        units = places.read_units(path)
    except InputError as err:
        assert str(err).startswith(f"{path}:")
        return
    assert len(units) == len([r for r in rows if any(c.strip() for c in r) and not r[0].startswith("#")])
