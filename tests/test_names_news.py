"""Detection on real Vietnamese official news: the frame of titles and bodies, credits, capitals, lists,
one kind per document, and agreement of `names` with `translate`'s requirements.

The short excerpts below are quoted from the pages named next to them; the full annotated set is
eval/names-vi (scripts/eval_detect.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from vnthai_mt.glossary import Matcher, load_glossaries
from vnthai_mt.names.detect import find_names, fold_capitals
from vnthai_mt.names.registry import NameRegistry
from vnthai_mt.text import vietnamese
from vnthai_mt.translate.requirements import segment_requirements

ROOT = Path(__file__).resolve().parents[1]


def names(text):
    return [(s.text, s.kind) for s in find_names(text)]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossaries([]))


def test_unit_then_person_after_a_level_title():
    # https://vnexpress.net/tong-bi-thu-to-lam-tham-hoi-mung-tuoi-nguoi-dan-thu-do-5041879.html
    got = names("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Nguyễn Duy Ngọc; Phó bí thư Thành ủy, "
                "Chủ tịch UBND TP Hà Nội Vũ Đại Thắng")
    assert ("Hà Nội", "place") in got and ("Nguyễn Duy Ngọc", "person") in got and ("Vũ Đại Thắng", "person") in got
    assert all("Hà Nội " not in t for t, _ in got)
    # http://plo.vn/an-ninh-trat-tu/hom-nay-lu-len-nhanh-o-ha-tinh-va-quang-binh-257663.html
    assert names("Phó Chủ tịch UBND tỉnh Hà Tĩnh Trần Minh Kỳ cho biết")[-2:] == [
        ("Hà Tĩnh", "place"), ("Trần Minh Kỳ", "person")]


def test_person_after_a_unit_title_is_a_person():
    # http://baolamdong.vn/kinh-te/202301/... (Báo Lâm Đồng)
    assert names("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Hiệp đã dành cho Báo Lâm Đồng") == [
        ("Trần Văn Hiệp", "person"), ("Lâm Đồng", "place")]


def test_capitals_are_folded_and_offsets_kept():
    text = "• CHỦ TỊCH UBND TỈNH TRẦN VĂN HIỆP: Những hậu quả"
    assert len(fold_capitals(text)) == len(text)
    (span,) = find_names(text)
    assert (span.text, span.kind) == ("TRẦN VĂN HIỆP", "person") and text[span.start:span.end] == span.text


def test_credit_labels_are_not_part_of_names():
    assert names("Tổng Bí thư Tô Lâm mừng tuổi các cháu nhỏ. Ảnh: Giang Huy") == [
        ("Tô Lâm", "person"), ("Giang Huy", "person")]
    assert names("Ảnh: Báo Hà Giang") == [("Hà Giang", "place")]


def test_honorific_before_a_title_is_not_a_name():
    assert names("Thưa đồng chí Bí thư Tỉnh ủy, nhìn lại năm qua") == []
    assert names("Đồng chí Phó Bí thư Thường trực Tỉnh ủy thăm các đơn vị") == []


def test_a_list_carries_its_head():
    # https://vnexpress.net/22-ngoi-nha-bi-lu-cuon-troi-4514031.html
    got = names("gồm xã Xuân Minh, Tiên Nguyên, Tân Trịnh, Bản Rịa, Hương Sơn, Yên Hà và Thị trấn Yên Bình.")
    assert [t for t, k in got if k == "place"] == ["Xuân Minh", "Tiên Nguyên", "Tân Trịnh", "Bản Rịa", "Hương Sơn",
                                                   "Yên Hà", "Yên Bình"]
    got = names("ở huyện Huơng Khê và Kỳ Anh đã vượt qua 200 mm")
    assert got == [("Huơng Khê", "place"), ("Kỳ Anh", "place")]


def test_year_names_and_compounds_are_not_names():
    assert names("nhân dịp đầu Xuân Giáp Thìn.") == []
    assert names("làm việc với Ban Thường vụ Huyện ủy Hòa Thành, Trảng Bàng và Đảng ủy Quân sự tỉnh.") == [
        ("Hòa Thành", "place"), ("Trảng Bàng", "place")]


def test_one_syllable_city_and_a_city_inside_a_name():
    assert names("Chủ tịch HĐND thành phố Vinh (mới) khóa XXII") == [("Vinh", "place")]
    assert names("dưới sự chỉ huy của nhạc trưởng Đồng Quang Vinh, gồm") == [("Đồng Quang Vinh", "person")]


def test_foreign_leader_after_a_country_is_cut_from_it_and_not_enforced(matcher):
    text = "Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith chủ trì lễ đón."
    spans = find_names(text)
    assert [(s.text, s.vietnamese) for s in spans] == [("Thongloun Sisoulith", False)]
    (reqs,) = segment_requirements([text], matcher)
    assert not [r for r in reqs if r.source == "rule"]


def test_one_kind_per_document_and_uncued_mentions():
    text = "Trong đó xã Yên Thành 3 nhà, xã Tiên Nguyên 3 nhà.\nỞ Yên Thành 3 nhà sập, Tiên Nguyên 3."
    got = find_names(text)
    assert [(s.text, s.kind) for s in got] == [("Yên Thành", "place"), ("Tiên Nguyên", "place")] * 2


def _eval_docs():
    spec = importlib.util.spec_from_file_location("eval_detect", ROOT / "scripts" / "eval_detect.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, mod.load_set(ROOT / "eval" / "names-vi")


def test_names_and_translate_give_the_same_names(matcher):
    """Every name translate requires by rule is a mention `names` lists, with the same kind and rendering;
    every Vietnamese mention names lists that no glossary entry covers is required by translate."""
    _mod, docs = _eval_docs()
    for doc in docs:
        lines = doc["text"].split("\n")
        registry = NameRegistry()
        pairs = registry.add_document("\n".join(vietnamese.normalize(t) for t in lines))
        listed = {(s.start, s.end, s.kind, entry.thai_for(s.text)) for s, entry in pairs}
        covered = set()
        required = set()
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(vietnamese.normalize(line)) + 1
        for a, _line, reqs in zip(starts, lines, segment_requirements(lines, matcher)):
            for r in reqs:
                if r.source == "rule":
                    required.add((r.start + a, r.end + a, r.kind, r.th))
                else:
                    covered.update(range(r.start + a, r.end + a))
        assert required <= listed, doc["doc"]
        expected = {(s.start, s.end, s.kind, entry.thai_for(s.text)) for s, entry in pairs
                    if s.vietnamese and entry.transcription.confidence == "high"
                    and not covered.intersection(range(s.start, s.end))}
        assert expected <= required, doc["doc"]


def test_targets_on_the_annotated_set(matcher):
    """The issue's targets, on both parts of eval/names-vi (dev tuned on, heldout not looked at)."""
    mod, docs = _eval_docs()
    results = [mod.evaluate_doc(d, matcher) for d in docs]
    for split in ("dev", "heldout"):
        pick = [i for i, d in enumerate(docs) if d["split"] == split]
        r = mod.score([docs[i] for i in pick], [results[i] for i in pick])
        assert r["requirements"]["vietnamese"]["share"] >= 0.95, split
        assert r["detection"]["all"]["precision_exact"] >= 0.95, split
        assert r["entities_split"] == 0, split


def test_name_style_joined_applies_to_transcribed_persons_only(matcher):
    from vnthai_mt.names.translit import transcribe

    assert transcribe("Nguyễn Khắc Thận").thai == "เหงียน คัก เถิ่น"
    assert transcribe("Nguyễn Khắc Thận", style="joined").thai == "เหงียนคักเถิ่น"
    assert transcribe("Nam Định", kind="place", style="joined").thai == transcribe("Nam Định", kind="place").thai
    with pytest.raises(ValueError):
        transcribe("Nguyễn Khắc Thận", style="hyphenated")
    texts = ["Đồng chí Trịnh Việt Hùng, Bí thư Tỉnh ủy Thái Nguyên.", "Ông Hùng cho biết."]
    spaced = segment_requirements(texts, matcher)
    joined = segment_requirements(texts, matcher, style="joined")
    def rule(reqs):
        return [(r.vi, r.th) for seg in reqs for r in seg if r.source == "rule"]

    assert [th.replace(" ", "") for _vi, th in rule(spaced)] == [th for _vi, th in rule(joined)]
    assert " " in rule(spaced)[0][1] and " " not in rule(joined)[0][1]
    # glossary forms are kept as written in either style
    def glossary(reqs):
        return [(r.vi, r.th) for seg in reqs for r in seg if r.source == "glossary"]

    assert glossary(spaced) == glossary(joined)


def test_a_name_read_as_foreign_once_is_foreign_at_every_mention(matcher):
    # http://baoninhthuan.com.vn/diendan/57214p24c34/pho-thu-tuong-pham-binh-minh-tiep-dai-su-trung-quoc-chao-tu-biet.htm
    texts = ["Phó Thủ tướng Phạm Bình Minh đã tiếp Đại sứ Trung Quốc Khổng Huyễn Hựu đến chào từ biệt.",
             "Đại sứ Khổng Huyễn Hựu cảm ơn sự giúp đỡ của Chính phủ Việt Nam."]
    spans = [s for s in find_names("\n".join(texts)) if s.text == "Khổng Huyễn Hựu"]
    assert len(spans) == 2 and not any(s.vietnamese for s in spans)
    rule = [r.vi for seg in segment_requirements(texts, matcher) for r in seg if r.source == "rule"]
    assert rule == ["Phạm Bình Minh"]  # the Chinese name is left to the model, not transcribed as Vietnamese
