#!/usr/bin/env python
"""Build the shipped glossaries (glossaries/*.tsv) from the data in scripts/glossary_src/.

The TSV files are generated, committed, and must stay reproducible: edit the data, then run

    python scripts/build_glossary.py            # rewrite glossaries/*.tsv
    python scripts/build_glossary.py --check    # exit 1 if a committed file differs from the data here

Why a script: most titles and bodies are compounds (Phó Chủ tịch UBND tỉnh, Bí thư Huyện ủy, Chủ tịch Hội
đồng Thi đua - Khen thưởng tỉnh, Thứ trưởng Bộ Ngoại giao, tỉnh Nam Định ...). Generating them from their
parts keeps every compound consistent with its parts and with the same title at other levels; a hand-made
table drifts. The tables (provinces, levels, ministries, people, foreign names, and the rows that are
not composed) are TSV files in scripts/glossary_src/; this file composes them. The choices behind the
Thai forms, and the sources, are explained in glossaries/README.md.

Sources: every Thai form comes from the reference data gathered for the project (Thai Wikipedia and
mirrors, Thai government pages, VOV World Thai, Thai press, machine-translated vietnam.vn/th pages; each row
names its own), from the Royal Institute 2555 transcription rules for Vietnamese (via `wunsen`, with the
established form เหงียน for Nguyễn), or is a house choice composed from attested parts (source says so).
Thai Wikipedia text is CC BY-SA 4.0 (Thai Wikipedia contributors).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "vnthai_mt" / "data" / "glossaries"
COLUMNS = ("vi", "th", "kind", "vi_variants", "th_variants", "valid", "source", "note")

# ---------------------------------------------------------------------------------------------------------
# Source labels (short; URLs where the reference data kept them)
# ---------------------------------------------------------------------------------------------------------
RI = "rule: Royal Institute transcription (wunsen)"
HOUSE = "house choice (glossaries/README.md)"
COMPOSED = "house: composed from attested parts (glossaries/README.md, Composition)"
SEED = "seed article (wrong variants)"
WP_ADMIN = "Thai Wikipedia: https://th.wikipedia.org/wiki/เขตการปกครองของประเทศเวียดนาม"
WP_BRVT = "Thai Wikipedia infobox: https://th.wikipedia.org/wiki/จังหวัดบ่าเสียะ-หวุงเต่า"
VOV = "VOV World Thai (vovworld.vn/th-TH)"
VN_BG = ("vietnam.vn/th (machine-translated): https://www.vietnam.vn/th/bac-giang-tong-ket-cong-tac-thi-dua-"
         "khen-thuong-nam-2024-va-trien-khai-nhiem-vu-nam-2025")
VN_QT = ("thongtin.vietnam.vn/th (machine-translated): https://thongtin.vietnam.vn/th/dai-hoi-dai-bieu-mttq-"
         "viet-nam-tinh-quang-tri-lan-thu-xiii-nhiem-ky-2024")
MERGER = ("Resolution 202/2025/QH15: https://vietnamnews.vn/politics-laws/1720781/"
          "viet-nam-sets-two-tier-local-government-system.html")
UNTIL_MERGER = "until 2025-06-30"


# ---------------------------------------------------------------------------------------------------------
# The data: scripts/glossary_src/*.tsv (one row a record, a header naming the fields; list fields joined
# with "|"; a "yes" flag is true). What stays in this file is how compounds are composed from them.
# ---------------------------------------------------------------------------------------------------------
SRC_DIR = Path(__file__).resolve().parent / "glossary_src"


def table(name: str, lists: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The rows of glossary_src/NAME as dicts; the ``lists`` columns split on "|"."""
    path = SRC_DIR / name
    header, *rows = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    fields = header.split("\t")
    out = []
    for number, line in enumerate(rows, start=2):
        cells = line.split("\t")
        if len(cells) != len(fields):
            raise SystemExit(f"{path}:{number}: {len(cells)} cells, the header has {len(fields)}")
        row: dict[str, Any] = dict(zip(fields, cells))
        for key in lists:
            row[key] = [x for x in row[key].split("|") if x]
        out.append(row)
    return out


def records(name: str, cls: type) -> list:
    """glossary_src/NAME as ``cls`` instances (a dataclass: list and tuple fields split, flags "yes")."""
    kinds = {f.name: str(f.type) for f in dataclasses.fields(cls)}
    listed = tuple(k for k, t in kinds.items() if t.startswith(("list", "tuple")))
    out = []
    for row in table(name, lists=listed):
        for key, kind in kinds.items():
            if kind.startswith("tuple"):
                row[key] = tuple(row[key])
            elif kind == "bool":
                row[key] = row[key] == "yes"
        out.append(cls(**row))
    return out


@dataclass
class Row:
    vi: str
    th: str
    kind: str
    vi_variants: list[str] = field(default_factory=list)
    th_variants: list[str] = field(default_factory=list)
    valid: str = ""
    source: str = ""
    note: str = ""

    def cells(self) -> list[str]:
        return [self.vi, self.th, self.kind, "|".join(_unique(self.vi_variants, self.vi)),
                "|".join(_unique(self.th_variants, self.th)), self.valid, self.source, self.note]


def _unique(items: list[str], exclude: str) -> list[str]:
    """Items in order without repeats (case-insensitive: matching ignores case) and without ``exclude``."""
    seen = {exclude.casefold()}
    out = []
    for item in items:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------------------
# Places: 63 pre-2025 provincial units + Huế (34 current units), from vn_admin_units.tsv
# ---------------------------------------------------------------------------------------------------------
@dataclass
class Province:
    vi: str
    th: str
    status: str  # both | pre2025 | current
    merged_into: str
    absorbed: str
    confidence: str
    source: str
    th_alternatives: list[str]
    city: bool = False  # centrally-run city (thành phố trực thuộc trung ương)
    vi_variants: list[str] = field(default_factory=list)
    note: str = ""


PROVINCES: list[Province] = records("provinces.tsv", Province)

# Thai forms of "thành phố X" for the centrally-run cities (the bare name is in PROVINCES).
CITY_FORMS = {r["city"]: (r["th"], r["th_variants"], r["source"], r["vi_variants"])
              for r in table("city_forms.tsv", lists=("th_variants", "vi_variants"))}


def places_rows() -> list[Row]:
    rows: list[Row] = []
    for p in PROVINCES:
        merger = MERGER
        if p.vi == "Thừa Thiên Huế":
            valid, merger = "until 2024-12-31", ""
            history = "pre-2025 province; became the centrally-run city Huế on 2025-01-01"
        elif p.status == "pre2025":
            valid = UNTIL_MERGER
            history = f"pre-2025 province; merged into {p.merged_into} on 2025-07-01"
        else:
            valid = ""
            history = "one of the 34 provincial-level units from 2025-07-01"
            if p.absorbed:
                history += f"; absorbed {p.absorbed} on 2025-07-01"
            else:
                merger = ""
        note = "; ".join(x for x in (history, merger, f"confidence {p.confidence}", p.note) if x)
        if p.vi != "Hồ Chí Minh":  # bare Hồ Chí Minh is the person (people.tsv)
            rows.append(Row(p.vi, p.th, "place", p.vi_variants, p.th_alternatives, valid, p.source, note))
        if p.city:
            th, alts, source, variants = CITY_FORMS[p.vi]
            vi = f"thành phố {p.vi}"
            rows.append(Row(vi, th, "place", variants, alts, valid, source, note))
        else:
            vi = f"tỉnh {p.vi}"
            variants = [f"tỉnh {v}" for v in p.vi_variants]
            alts = [f"จังหวัด{a}" for a in p.th_alternatives] + [f"จังหวัด {a}" for a in p.th_alternatives
                                                                if a.isascii()]
            rows.append(Row(vi, f"จังหวัด{p.th}", "place", variants, alts, valid,
                            p.source + " ; จังหวัด: " + WP_ADMIN, note))
    rows += records("places.tsv", Row)
    return rows


# ---------------------------------------------------------------------------------------------------------
# People: the seed article's people and national leaders
# ---------------------------------------------------------------------------------------------------------
PEOPLE: list[Row] = records("people.tsv", Row)


# ---------------------------------------------------------------------------------------------------------
# Titles and bodies of party and state
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Level:
    vi: str  # tỉnh
    en: str  # provincial
    th: str  # จังหวัด
    committee: str  # Tỉnh ủy
    member: str  # Tỉnh ủy viên ("" if none)
    valid: str = ""
    extras: bool = False  # provincial-level commissions and offices
    party_alias: tuple[str, ...] = ()


LEVELS = records("levels.tsv", Level)


def _pracham(th: str, level: Level) -> list[str]:
    """The attested longer provincial form: ...จังหวัด -> ...ประจำจังหวัด (vietnam.vn/th, seed article)."""
    if level.vi != "tỉnh" or not th.endswith("จังหวัด"):
        return []
    return [th[: -len("จังหวัด")] + "ประจำจังหวัด"]


def party_rows() -> list[Row]:
    rows: list[Row] = []
    for lv in LEVELS:
        c, L = lv.committee, lv.th
        base = f"คณะกรรมการพรรค{L}"
        src = (VN_QT + " ; " + VN_BG) if lv.vi == "tỉnh" else COMPOSED + f": คณะกรรมการพรรค + {L}"
        note_lv = f"{lv.en} party committee"
        rows.append(Row(c, base, "org", list(lv.party_alias), _pracham(base, lv), lv.valid, src,
                        note_lv + "; composes with names: Tỉnh ủy + Thái Bình"))
        rows.append(Row(f"Bí thư {c}", f"เลขาธิการ{base}", "title", [], _pracham(f"เลขาธิการ{base}", lv),
                        lv.valid, (VN_QT + " ; " + WP_BRVT) if lv.vi == "tỉnh" else COMPOSED,
                        f"Secretary of the {note_lv}"))
        seed = ["รองเลขาธิการคณะกรรมการพรรคประจำจังหวัด"] if lv.vi == "tỉnh" else []
        rows.append(Row(f"Phó Bí thư {c}", f"รองเลขาธิการ{base}", "title", [], seed, lv.valid,
                        (VN_QT + " ; " + SEED) if lv.vi == "tỉnh" else COMPOSED, f"Deputy Secretary of the {note_lv}"))
        rows.append(Row(f"Phó Bí thư Thường trực {c}", f"รองเลขาธิการถาวร{base}", "title", [], [], lv.valid,
                        COMPOSED, "Thường trực = ถาวร (cf. รองนายกรัฐมนตรีถาวร)"))
        btv = f"คณะกรรมการประจำพรรค{L}"
        rows.append(Row(f"Ban Thường vụ {c}", btv, "org", [f"BTV {c}"], [], lv.valid,
                        (VN_QT + " (member form)") if lv.vi == "tỉnh" else COMPOSED,
                        f"Standing Committee of the {note_lv}; Thường vụ = ประจำ"))
        uv_wrong = ["สมาชิกคณะกรรมการพรรคประจำจังหวัด"] if lv.vi == "tỉnh" else []
        rows.append(Row(f"Ủy viên Ban Thường vụ {c}", f"สมาชิก{btv}", "title",
                        [f"Ủy viên BTV {c}", f"UV BTV {c}", f"UVBTV {c}", f"Ủy viên Thường vụ {c}"], uv_wrong,
                        lv.valid, (VN_QT + " ; " + SEED) if lv.vi == "tỉnh" else COMPOSED,
                        "member of the Standing Committee" + ("; the seed article's สมาชิกคณะกรรมการพรรคประจำจังหวัด "
                                                              "drops 'Standing'" if uv_wrong else "")))
        if lv.member:
            rows.append(Row(lv.member, f"สมาชิก{base}", "title",
                            [f"Ủy viên {a}" for a in lv.party_alias if not a.startswith("BCH")],
                            _pracham(f"สมาชิก{base}", lv), lv.valid,
                            ("thongtin.vietnam.vn/th (machine-translated), pattern สมาชิกคณะกรรมการกลางพรรค ; "
                             + COMPOSED), f"member of the {note_lv}"))
        if lv.extras:
            kt = f"คณะกรรมการตรวจสอบของ{base}"
            rows += [
                Row(f"Ủy ban Kiểm tra {c}", kt, "org", [f"UBKT {c}"], _pracham(kt, lv), lv.valid,
                    VN_BG if lv.vi == "tỉnh" else COMPOSED, "Inspection Commission"),
                Row(f"Chủ nhiệm Ủy ban Kiểm tra {c}", f"หัวหน้า{kt}", "title", [f"Chủ nhiệm UBKT {c}"],
                    _pracham(f"หัวหน้า{kt}", lv), lv.valid, VN_BG if lv.vi == "tỉnh" else COMPOSED,
                    "Head of the Inspection Commission"),
                Row(f"Văn phòng {c}", f"สำนักงาน{base}", "org", [], [], lv.valid, COMPOSED, "Office"),
                Row(f"Chánh Văn phòng {c}", f"หัวหน้าสำนักงาน{base}", "title", [], [], lv.valid, COMPOSED,
                    "Chief of Office"),
                Row(f"Ban Tổ chức {c}", f"คณะกรรมการจัดตั้งของ{base}", "org", [], [], lv.valid, COMPOSED,
                    "Organisation Commission"),
                Row(f"Trưởng Ban Tổ chức {c}", f"หัวหน้าคณะกรรมการจัดตั้งของ{base}", "title", [], [], lv.valid,
                    COMPOSED, "Head of the Organisation Commission"),
                Row(f"Ban Tuyên giáo {c}", f"คณะกรรมการโฆษณาเผยแพร่และการศึกษาของ{base}", "org", [], [],
                    lv.valid, COMPOSED, "Propaganda and Education Commission"),
                Row(f"Trưởng Ban Tuyên giáo {c}", f"หัวหน้าคณะกรรมการโฆษณาเผยแพร่และการศึกษาของ{base}", "title", [],
                    ["หัวหน้าฝ่ายโฆษณาชวนเชื่อของคณะกรรมการพรรคประจำจังหวัด"] if lv.vi == "tỉnh" else [],
                    lv.valid, COMPOSED, "Head of the Propaganda and Education Commission; vietnam.vn/th (MT) has "
                    "หัวหน้าฝ่ายโฆษณาชวนเชื่อ..."),
                Row(f"Đảng bộ {lv.vi}", f"องค์กรพรรค{L}", "org", [], [], lv.valid, HOUSE,
                    f"the {lv.en} party organisation (all its members and cells)"),
                Row(f"Đại hội Đảng bộ {lv.vi}", f"การประชุมสมัชชาองค์กรพรรค{L}", "org", [], [], lv.valid,
                    COMPOSED + " (สมัชชา as in การประชุมสมัชชาใหญ่พรรค, VOV)", f"{lv.en} party congress"),
            ]
    return rows


def state_local_rows() -> list[Row]:
    rows: list[Row] = records("state_local.tsv", Row)
    for lv in LEVELS:
        v, L = lv.vi, lv.th
        ub, hd = f"คณะกรรมการประชาชน{L}", f"สภาประชาชน{L}"
        tinh = v == "tỉnh"
        rows += [
            Row(f"Ủy ban nhân dân {v}", ub, "org", [f"UBND {v}"], _pracham(ub, lv), lv.valid,
                (VN_BG + " ; " + SEED) if tinh else COMPOSED, f"People's Committee ({lv.en})"),
            Row(f"Chủ tịch Ủy ban nhân dân {v}", f"ประธาน{ub}", "title", [f"Chủ tịch UBND {v}", f"CT UBND {v}"],
                _pracham(f"ประธาน{ub}", lv), lv.valid, (VN_QT + " ; " + VN_BG) if tinh else COMPOSED,
                f"Chairman of the {lv.en} People's Committee"),
            Row(f"Phó Chủ tịch Ủy ban nhân dân {v}", f"รองประธาน{ub}", "title",
                [f"Phó Chủ tịch UBND {v}", f"PCT UBND {v}", f"Phó CT UBND {v}"], _pracham(f"รองประธาน{ub}", lv),
                lv.valid, (VN_BG + " ; " + SEED) if tinh else COMPOSED,
                f"Vice Chairman of the {lv.en} People's Committee"
                + ("; รองประธานคณะกรรมการประชาชนจังหวัด chosen for consistency with ประธานคณะกรรมการประชาชนจังหวัด"
                   if tinh else "")),
            Row(f"Hội đồng nhân dân {v}", hd, "org", [f"HĐND {v}"], _pracham(hd, lv), lv.valid,
                "Thai Wikipedia mirror hmong.in.th (สภาประชาชนจังหวัดบั๊กนิญ) ; " + COMPOSED,
                f"People's Council ({lv.en})"),
            Row(f"Chủ tịch Hội đồng nhân dân {v}", f"ประธาน{hd}", "title", [f"Chủ tịch HĐND {v}", f"CT HĐND {v}"],
                _pracham(f"ประธาน{hd}", lv), lv.valid, WP_BRVT + " ; " + COMPOSED,
                f"Chairman of the {lv.en} People's Council"),
            Row(f"Phó Chủ tịch Hội đồng nhân dân {v}", f"รองประธาน{hd}", "title",
                [f"Phó Chủ tịch HĐND {v}", f"PCT HĐND {v}"], _pracham(f"รองประธาน{hd}", lv), lv.valid,
                VN_BG if tinh else COMPOSED, f"Vice Chairman of the {lv.en} People's Council"),
        ]
        if lv.extras:
            rows += [
                Row(f"Phó Chủ tịch Thường trực Ủy ban nhân dân {v}", f"รองประธานถาวร{ub}", "title",
                    [f"Phó Chủ tịch Thường trực UBND {v}"], [], lv.valid, COMPOSED, "Thường trực = ถาวร"),
                Row(f"Ủy viên Ủy ban nhân dân {v}", f"สมาชิก{ub}", "title", [f"Ủy viên UBND {v}"], [], lv.valid,
                    COMPOSED, f"member of the {lv.en} People's Committee"),
                Row(f"Văn phòng Ủy ban nhân dân {v}", f"สำนักงาน{ub}", "org", [f"Văn phòng UBND {v}"], [], lv.valid,
                    COMPOSED, "office of the People's Committee"),
                Row(f"Thường trực Hội đồng nhân dân {v}", f"คณะถาวร{hd}", "org", [f"Thường trực HĐND {v}"], [],
                    lv.valid, COMPOSED, "the council's standing body (chair, vice chairs, heads of committees)"),
                Row(f"Đại biểu Hội đồng nhân dân {v}", f"ผู้แทน{hd}", "title", [f"Đại biểu HĐND {v}"], [], lv.valid,
                    COMPOSED + " (ผู้แทน as in ผู้แทนสภาแห่งชาติ, VOV)", "People's Council deputy"),
                Row(f"Đoàn đại biểu Quốc hội {v}", f"คณะผู้แทนสภาแห่งชาติ{L}", "org", [f"Đoàn ĐBQH {v}"],
                    [f"คณะผู้แทนรัฐสภา{L}"], lv.valid, COMPOSED + " ; " + VN_QT,
                    "National Assembly delegation of a province/city"),
                Row(f"Trưởng đoàn đại biểu Quốc hội {v}", f"หัวหน้าคณะผู้แทนสภาแห่งชาติ{L}", "title",
                    [f"Trưởng đoàn ĐBQH {v}"], [f"หัวหน้าคณะผู้แทนรัฐสภา{L}"], lv.valid, COMPOSED + " ; " + VN_QT,
                    "head of the National Assembly delegation"),
                Row(f"Ủy ban Mặt trận Tổ quốc Việt Nam {v}", f"คณะกรรมการแนวร่วมปิตุภูมิเวียดนาม{L}", "org",
                    [f"Ủy ban MTTQ Việt Nam {v}", f"Ủy ban MTTQ {v}", f"UBMTTQ {v}"], [], lv.valid, VN_QT,
                    "Vietnam Fatherland Front committee"),
                Row(f"Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {v}", f"ประธานคณะกรรมการแนวร่วมปิตุภูมิเวียดนาม{L}",
                    "title",
                    [f"Chủ tịch Ủy ban MTTQ Việt Nam {v}", f"Chủ tịch Ủy ban MTTQ {v}", f"Chủ tịch UBMTTQ {v}"],
                    [], lv.valid, COMPOSED, "Chairman of the Fatherland Front committee"),
                Row(f"Tòa án nhân dân {v}", f"ศาลประชาชน{L}", "org", [f"TAND {v}"], [], lv.valid, HOUSE,
                    "People's Court"),
                Row(f"Viện kiểm sát nhân dân {v}", f"สำนักงานอัยการประชาชน{L}", "org", [f"VKSND {v}"], [], lv.valid,
                    HOUSE, "People's Procuracy"),
            ]
    return rows


@dataclass(frozen=True)
class Ministry:
    vi: str  # after "Bộ "
    th: str  # after "กระทรวง"
    abbreviations: tuple[str, ...] = ()
    valid: str = ""
    source: str = HOUSE
    th_alternatives: tuple[str, ...] = ()
    department: str = ""  # Thai for the provincial "Sở" (after สำนักงาน); "" = no Sở rows
    note: str = ""


MINISTRIES = records("ministries.tsv", Ministry)


def ministry_rows() -> list[Row]:
    rows = records("ministry.tsv", Row)
    for m in MINISTRIES:
        vi, th = f"Bộ {m.vi}", f"กระทรวง{m.th}"
        abbr = list(m.abbreviations)
        short = [a.removeprefix("Bộ ") for a in abbr if a.startswith("Bộ ")]
        rows.append(Row(vi, th, "org", abbr, list(m.th_alternatives), m.valid, m.source, m.note))
        rows.append(Row(f"Bộ trưởng {vi}", f"รัฐมนตรีว่าการ{th}", "title",
                        [f"Bộ trưởng {m.vi}", *(f"Bộ trưởng Bộ {s}" for s in short)], [f"รัฐมนตรี{th}"], m.valid,
                        COMPOSED + f" ; {m.source}", "Minister"))
        rows.append(Row(f"Thứ trưởng {vi}", f"รัฐมนตรีช่วยว่าการ{th}", "title",
                        [f"Thứ trưởng {m.vi}", *(f"Thứ trưởng Bộ {s}" for s in short)], [f"รองรัฐมนตรีว่าการ{th}"],
                        m.valid, COMPOSED + " ; thongtin.vietnam.vn/th (รัฐมนตรีช่วยว่าการกระทรวงคมนาคม)",
                        "Deputy Minister"))
        if m.department:
            dept = f"สำนักงาน{m.department}"
            rows.append(Row(f"Sở {m.vi}", dept, "org", [], [], "", COMPOSED,
                            "provincial department; composes: Sở Y tế + tỉnh X = สำนักงานสาธารณสุขจังหวัดX"))
            rows.append(Row(f"Giám đốc Sở {m.vi}", f"ผู้อำนวยการ{dept}", "title", [], [], "", COMPOSED,
                            "director of the provincial department"))
            rows.append(Row(f"Phó Giám đốc Sở {m.vi}", f"รองผู้อำนวยการ{dept}", "title", [], [], "", COMPOSED,
                            "deputy director of the provincial department"))
    return rows


def national_rows() -> list[Row]:
    return records("national.tsv", Row)


# ---------------------------------------------------------------------------------------------------------
# Emulation and commendation; new countryside
# ---------------------------------------------------------------------------------------------------------
TDKT_FORMS = [r["form"] for r in table("tdkt_forms.tsv")]
TD = "การแข่งขัน"  # thi đua, as a noun
KT = "ยกย่องเชิดชู"  # khen thưởng
TDKT = f"{TD}และ{KT}"  # การแข่งขันและยกย่องเชิดชู
EMU_SRC = "house choice (glossaries/README.md, Emulation)"

# (vi level, Thai level, extra wrong variants of the council, of its chairman)
COUNCIL_LEVELS = [(r["vi"], r["th"], r["council_wrong"], r["chairman_wrong"])
                  for r in table("council_levels.tsv", lists=("council_wrong", "chairman_wrong"))]


def _tdkt_variants(template: str) -> list[str]:
    """Other spellings of a name containing 'Thi đua - Khen thưởng' ({} marks its place)."""
    out = [template.format(form) for form in TDKT_FORMS[1:]]
    if "Hội đồng {}" in template:
        out.append(template.replace("Hội đồng {}", "HĐTĐKT"))
    return out


def emulation_rows() -> list[Row]:
    rows: list[Row] = records("emulation.tsv", Row)
    for vi_level, th_level, council_wrong, chair_wrong in COUNCIL_LEVELS:
        council = f"สภา{TDKT}{th_level}"
        vi = f"Hội đồng Thi đua - Khen thưởng {vi_level}"
        extra = ["HĐTĐKT TW", "Hội đồng TĐKT TW"] if vi_level == "Trung ương" else []
        rows += [
            Row(vi, council, "org", _tdkt_variants(f"Hội đồng {{}} {vi_level}") + extra, council_wrong, "",
                EMU_SRC + (" ; " + SEED if council_wrong and vi_level == "tỉnh" else "")
                + (" ; vietnam.vn/th (variant)" if vi_level == "Trung ương" else ""),
                f"{vi_level} Emulation and Commendation Council"
                + ("; chaired by the Prime Minister" if vi_level == "Trung ương" else "")
                + ("; chaired by the chairman of the provincial People's Committee" if vi_level == "tỉnh" else "")),
            Row(f"Chủ tịch {vi}", f"ประธาน{council}", "title",
                _tdkt_variants(f"Chủ tịch Hội đồng {{}} {vi_level}") + [f"Chủ tịch {e}" for e in extra],
                chair_wrong, "",
                COMPOSED + (" ; " + SEED if chair_wrong else ""), "its chairman"),
            Row(f"Phó Chủ tịch {vi}", f"รองประธาน{council}", "title",
                _tdkt_variants(f"Phó Chủ tịch Hội đồng {{}} {vi_level}") + [f"Phó Chủ tịch {e}" for e in extra], [], "",
                COMPOSED, "its vice chairman"),
        ]
    return rows


# ---------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------
HEADER = """\
# vnthai-mt shipped glossary: {title}
# GENERATED by scripts/build_glossary.py from the data in that script: edit the script, not this file.
# Format, sources, house choices and licensing: glossaries/README.md. Forms taken from Thai Wikipedia are
# by Thai Wikipedia contributors (CC BY-SA 4.0); the source column names the page.
"""

# ---------------------------------------------------------------------------------------------------------
# Foreign people and places official Vietnamese news names most: leaders of ASEAN and partner countries,
# capitals, in their established Thai forms (Thai Wikipedia article titles). Vietnamese news writes Chinese
# names in Sino-Vietnamese reading (Tập Cận Bình) and Lao and Khmer names in their own spelling: both are
# listed, so the RI rules for Vietnamese are never applied to them.
# ---------------------------------------------------------------------------------------------------------
def _thwiki(title: str) -> str:
    return "Thai Wikipedia: https://th.wikipedia.org/wiki/" + title.replace(" ", "_")


FOREIGN: list[Row] = records("foreign.tsv", Row)


FILES = {
    "emulation.tsv": ("emulation and commendation, new countryside", emulation_rows),
    "foreign.tsv": ("foreign people and places (leaders of ASEAN and partner countries, capitals)",
                    lambda: list(FOREIGN)),
    "people.tsv": ("people (the seed article's and national leaders)", lambda: list(PEOPLE)),
    "places.tsv": ("provinces (63 before 2025, 34 from 2025-07-01), cities, regions, administrative terms",
                   places_rows),
    "titles.tsv": ("titles and bodies of party and state (national, provincial, district, commune)",
                   lambda: national_rows() + party_rows() + state_local_rows() + ministry_rows()),
}


def render(name: str) -> str:
    title, make = FILES[name]
    lines = [HEADER.format(title=title).rstrip("\n"), "\t".join(COLUMNS)]
    for row in make():
        cells = row.cells()
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{name}: tab or newline in {row.vi!r}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: glossaries/)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name in FILES:
        text = render(name)
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{path}: {text.count(chr(10)) - 5} entries")
    if stale:
        print("out of date (run scripts/build_glossary.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
