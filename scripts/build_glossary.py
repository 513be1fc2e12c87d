#!/usr/bin/env python
"""Build the shipped glossaries (glossaries/*.tsv) from the data in this file.

The TSV files are generated, committed, and must stay reproducible: edit the data here, then run

    python scripts/build_glossary.py            # rewrite glossaries/*.tsv
    python scripts/build_glossary.py --check    # exit 1 if a committed file differs from the data here

Why a script: most titles and bodies are compounds (Phó Chủ tịch UBND tỉnh, Bí thư Huyện ủy, Chủ tịch Hội
đồng Thi đua - Khen thưởng tỉnh, Thứ trưởng Bộ Ngoại giao, tỉnh Nam Định ...). Generating them from their
parts keeps every compound consistent with its parts and with the same title at other levels; a hand-made
table drifts. The choices behind the Thai forms, and the sources, are explained in glossaries/README.md.

Sources: every Thai form comes from the reference data gathered for the project (Thai Wikipedia and
mirrors, Thai government pages, VOV World Thai, Thai press, machine-translated vietnam.vn/th pages; each row
names its own), from the Royal Institute 2555 transcription rules for Vietnamese (via `wunsen`, with the
established form เหงียน for Nguyễn), or is a house choice composed from attested parts (source says so).
Thai Wikipedia text is CC BY-SA 4.0 (Thai Wikipedia contributors).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "vnthai_mt" / "data" / "glossaries"
COLUMNS = ("vi", "th", "kind", "vi_variants", "th_variants", "valid", "source", "note")

# ---------------------------------------------------------------------------------------------------------
# Source labels (short; URLs where the reference data kept them)
# ---------------------------------------------------------------------------------------------------------
RI = "rule: Royal Institute transcription (wunsen)"
RI_NGUYEN = "rule: Royal Institute transcription (wunsen), established form เหงียน for Nguyễn (RI general rule 4)"
HOUSE = "house choice (glossaries/README.md)"
COMPOSED = "house: composed from attested parts (glossaries/README.md, Composition)"
SEED = "seed article (wrong variants)"
WP_ADMIN = "Thai Wikipedia: https://th.wikipedia.org/wiki/เขตการปกครองของประเทศเวียดนาม"
WP_PROVINCES = "Thai Wikipedia: https://th.wikipedia.org/wiki/จังหวัดของประเทศเวียดนาม"
WP_REGIONS = "Thai Wikipedia: https://th.wikipedia.org/wiki/ภูมิภาคของประเทศเวียดนาม"
WP_CITIES = "Thai Wikipedia: https://th.m.wikipedia.org/wiki/นครภายใต้จังหวัด_(ประเทศเวียดนาม)"
WP_BRVT = "Thai Wikipedia infobox: https://th.wikipedia.org/wiki/จังหวัดบ่าเสียะ-หวุงเต่า"
WP_PM = "Thai Wikipedia: https://th.m.wikipedia.org/wiki/นายกรัฐมนตรีเวียดนาม"
VOV = "VOV World Thai (vovworld.vn/th-TH)"
VOV_PARTY = "VOV World Thai, vovworld.vn/th-TH article id 1451120"
VOV_TOLAM = ("VOV World Thai: https://vovworld.vn/th-TH/ขาวเดน/"
             "พรรคคอมมวนสตเวยดนามไมมผลประโยชนอนใดนอกเหนอจากผลประโยชนของประชาชน-1380931.vov")
VOV_NTM = "VOV World Thai, vovworld.vn/th-TH article ids 645759, 817155, 280600"
TP2024 = "https://thaipublica.org/2024/05/vietnam-appoints-to-lam-as-new-president"
TP2023 = "https://thaipublica.org/2023/03/vo-van-thuong-elected-as-new-vietnam-president/"
MCOT = "https://tna.mcot.net/world-1368327"
DITP = "https://www.ditp.go.th/zh/post/172185"
MGR = "mgronline.com detail/9680000101605"
VN_BG = ("vietnam.vn/th (machine-translated): https://www.vietnam.vn/th/bac-giang-tong-ket-cong-tac-thi-dua-"
         "khen-thuong-nam-2024-va-trien-khai-nhiem-vu-nam-2025")
VN_QT = ("thongtin.vietnam.vn/th (machine-translated): https://thongtin.vietnam.vn/th/dai-hoi-dai-bieu-mttq-"
         "viet-nam-tinh-quang-tri-lan-thu-xiii-nhiem-ky-2024")
VN_ND = ("vietnam.vn/th (machine-translated): https://www.vietnam.vn/th/nam-dinh-duoc-thu-tuong-chinh-phu-"
         "tang-co-thi-dua-cua-chinh-phu-nam-2023")
VN_VH = ("vietnam.vn/th (machine-translated): https://www.vietnam.vn/th/phong-trao-thi-dua-yeu-nuoc-da-tao-ra-"
         "khi-the-moi-dong-luc-moi-cho-viec-thuc-hien-nhiem-vu-chinh-tri-cua-bo-vhttdl")
VN_MERGE = ("vietnam.vn/th (machine-translated): https://vietnam.vn/th/danh-sach-du-kien-ten-goi-cac-tinh-thanh-"
            "pho-va-trung-tam-chinh-tri-hanh-chinh-tinh-ly-cua-34-don-vi-hanh-chinh-cap-tinh")
MERGER = ("Resolution 202/2025/QH15: https://vietnamnews.vn/politics-laws/1720781/"
          "viet-nam-sets-two-tier-local-government-system.html")
UNTIL_MERGER = "until 2025-06-30"
UNTIL_MINISTRY_MERGER = "until 2025-02-28"
FROM_MINISTRY_MERGER = "from 2025-03-01"


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


P = Province
TB = "https://thaibiz-vietnam.com/states_regions/"
PROVINCES: list[Province] = [
    P("An Giang", "อานซาง", "both", "", "Kiên Giang", "medium", TB + "an-giang/", []),
    P("Bà Rịa - Vũng Tàu", "บ่าเสียะ-หวุงเต่า", "pre2025", "Thành phố Hồ Chí Minh", "", "high",
      "Thai Wikipedia: https://th.wikipedia.org/wiki/จังหวัดบ่าเสียะ-หวุงเต่า", ["บะเหรี่ยะ – หวุงเต่า"],
      vi_variants=["Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa–Vũng Tàu", "BR-VT"],
      note="RI official example keeps the hyphen"),
    P("Bắc Giang", "บั๊กซาง", "pre2025", "Bắc Ninh", "", "low", VN_BG, ["บัคซาง"],
      note="only machine-translated attestations; the form equals the RI transcription"),
    P("Bắc Kạn", "บั๊กกั่น", "pre2025", "Thái Nguyên", "", "high", WP_PROVINCES, ["บั๊กกัน"],
      vi_variants=["Bắc Cạn"]),
    P("Bạc Liêu", "บักเลียว", "pre2025", "Cà Mau", "", "medium",
      "Thai Wikipedia mirror: https://wiki3.th-th.nina.az/รายชื่อนครในประเทศเวียดนาม.html", ["บากเลียว"]),
    P("Bắc Ninh", "บั๊กนิญ", "both", "", "Bắc Giang", "high", TB + "hung-yen/ ; " + WP_CITIES, []),
    P("Bến Tre", "เบ๊นแจ", "pre2025", "Vĩnh Long", "", "high", TB + "ben-tre/ ; " + VOV, []),
    P("Bình Định", "บิ่ญดิ่ญ", "pre2025", "Gia Lai", "", "medium", TB + "binh-dinh/", []),
    P("Bình Dương", "บิ่ญเซือง", "pre2025", "Thành phố Hồ Chí Minh", "", "medium", TB + "binh-duong/", []),
    P("Bình Phước", "บิ่ญเฟื้อก", "pre2025", "Đồng Nai", "", "high",
      "Thai Wikipedia mirror: https://hmong.in.th/th/จังหวัดดั๊กนง ; " + TB + "binh-phuoc/", []),
    P("Bình Thuận", "บิ่ญถ่วน", "pre2025", "Lâm Đồng", "", "medium", TB + "binh-thuan/",
      ["บิ่ญเถวิ่น", "บิ่นถ่วน"]),
    P("Cà Mau", "ก่าเมา", "both", "", "Bạc Liêu", "high",
      "Thai Wikipedia mirror: https://siam.wiki/content/จังหวัดก่าเมา", []),
    P("Cao Bằng", "กาวบั่ง", "both", "", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันออกเฉียงเหนือ_(เวียดนาม)", ["กาวบาง"]),
    P("Đắk Lắk", "ดั๊กลัก", "both", "", "Phú Yên", "medium",
      "Thai Wikipedia mirror: https://hmong.in.th/th/จังหวัดดั๊กนง", [],
      vi_variants=["Đắc Lắc", "Đăk Lăk", "Đắk Lăk"]),
    P("Đắk Nông", "ดั๊กนง", "pre2025", "Lâm Đồng", "", "high",
      "Thai Wikipedia mirror: https://hmong.in.th/th/จังหวัดดั๊กนง", [], vi_variants=["Đắc Nông", "Đăk Nông"]),
    P("Điện Biên", "เดี่ยนเบียน", "both", "", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/จังหวัดเดี่ยนเบียน", ["เดียนเบียน"]),
    P("Đồng Nai", "ด่งนาย", "both", "", "Bình Phước", "medium", TB + "dong-nai/", ["ดงนาย"]),
    P("Đồng Tháp", "ด่งท้าบ", "both", "", "Tiền Giang", "medium", TB + "vinh-long/", ["ด่งท้าป", "ด่งทับ"],
      note="final -p: thaibiz writes บ, RI tables give ป (ด่งท้าป, also attested); attested form kept"),
    P("Gia Lai", "ซาลาย", "both", "", "Bình Định", "high", TB + "gia-lai/ ; mgronline", ["เกียลาย"],
      note="the new Gia Lai is centred at Quy Nhơn (former Bình Định)"),
    P("Hà Giang", "ห่าซาง", "pre2025", "Tuyên Quang", "", "high", TB + "lao-cai/", []),
    P("Hà Nam", "ห่านาม", "pre2025", "Ninh Bình", "", "medium", TB + "ha-nam/", []),
    P("Hà Tĩnh", "ห่าติ๋ญ", "both", "", "", "high", TB + "ha-tinh/", []),
    P("Hải Dương", "หายเซือง", "pre2025", "Hải Phòng", "", "high",
      "Thai Wikipedia: https://th.wikipedia.org/wiki/จังหวัดหายเซือง", ["Hai Duong"]),
    P("Hậu Giang", "เหิ่วซาง", "pre2025", "Cần Thơ", "", "medium", TB + "hau-giang/", ["ห่าวซาง"]),
    P("Hòa Bình", "ฮหว่าบิ่ญ", "pre2025", "Phú Thọ", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันตกเฉียงเหนือ_(เวียดนาม)", ["ฮว่าบิ่ญ", "ฮัวบิ่ญ"]),
    P("Hưng Yên", "ฮึงเอียน", "both", "", "Thái Bình", "medium", TB + "hung-yen/", ["หุ่งเอียน"]),
    P("Khánh Hòa", "คั้ญฮว่า", "both", "", "Ninh Thuận", "medium", TB + "khanh-hoa/",
      ["ค้าญหว่า", "คั้นหว่า", "คานห์ฮัว", "คังฮวา"],
      note="RI tables would give คั้ญฮหว่า (cf. ฮหว่าบิ่ญ); attested thaibiz form kept"),
    P("Kiên Giang", "เกียนซาง", "pre2025", "An Giang", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/จังหวัดเกียนซาง", ["เกียนเกียง"]),
    P("Kon Tum", "กอนตูม", "pre2025", "Quảng Ngãi", "", "medium", TB + "kon-tum/", ["คอนตุม"],
      vi_variants=["Kontum"]),
    P("Lai Châu", "ลายเจิว", "both", "", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันตกเฉียงเหนือ_(เวียดนาม)", ["ไลเจา"]),
    P("Lâm Đồng", "เลิมด่ง", "both", "", "Đắk Nông, Bình Thuận", "high",
      "Thai Wikipedia mirror: https://hmong.in.th/th/จังหวัดดั๊กนง ; Thai consulate HCMC",
      ["ลัมด่ง", "ลามด่ง", "ลัมดง", "เลิมโด่ง"]),
    P("Lạng Sơn", "หล่างเซิน", "both", "", "", "medium", TB + "bac-kan/", ["หลางเซิน", "ลางซอน"],
      note="RI tables would give หลั่งเซิน (nặng shortens the vowel); attested thaibiz form kept"),
    P("Lào Cai", "หล่าวกาย", "both", "", "Yên Bái", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันตกเฉียงเหนือ_(เวียดนาม)", ["ลาวไก"]),
    P("Long An", "ล็องอาน", "pre2025", "Tây Ninh", "", "medium", TB + "long-an/", ["ลองอัน"]),
    P("Nam Định", "นามดิ่ญ", "pre2025", "Ninh Bình", "", "medium", TB + "nam-dinh/", ["Nam Dinh"]),
    P("Nghệ An", "เหงะอาน", "both", "", "", "high", WP_PROVINCES, ["เหงะอานห์", "แง่อาน"]),
    P("Ninh Bình", "นิญบิ่ญ", "both", "", "Hà Nam, Nam Định", "medium", TB + "ha-nam/", ["Ninh Binh"]),
    P("Ninh Thuận", "นิญถ่วน", "pre2025", "Khánh Hòa", "", "low",
      "vrviet.vn/th (machine-translated): https://vrviet.vn/th/phan-rang-thap-cham-truoc-cuoc-tai-cau-truc-"
      "nhap-vao-khanh-hoa", ["นินห์ถ่วน", "นิญเถวิ่น"],
      note="only a machine-translated attestation; the form equals the RI transcription"),
    P("Phú Thọ", "ฟู้เถาะ", "both", "", "Vĩnh Phúc, Hòa Bình", "medium",
      "VOV World Thai, vovworld.vn/th-TH article id 721797", ["ฟู่โถ่"]),
    P("Phú Yên", "ฟู้เอียน", "pre2025", "Đắk Lắk", "", "medium",
      "VOV World Thai, m.vovworld.vn/th-TH article id 127483", ["ฟูเยน"]),
    P("Quảng Bình", "กว๋างบิ่ญ", "pre2025", "Quảng Trị", "", "medium", TB + "quang-binh/", []),
    P("Quảng Nam", "กว๋างนาม", "pre2025", "Đà Nẵng", "", "high", TB + "quang-nam/ ; " + VOV, []),
    P("Quảng Ngãi", "กว๋างหงาย", "both", "", "Kon Tum", "medium",
      "Royal Thai Consulate-General HCMC: thaiembassy.org/hochiminh/th/business/6821/77637", []),
    P("Quảng Ninh", "กว๋างนิญ", "both", "", "", "high",
      "Thai Wikipedia mirror: https://hmong.in.th/th/จังหวัดกว๋างนิญ", ["กวางนิญ"]),
    P("Quảng Trị", "กว๋างจิ", "both", "", "Quảng Bình", "low", VN_QT, ["กวางตริ"],
      note="only a machine-translated attestation; the form equals the RI transcription"),
    P("Sóc Trăng", "ซ้อกจัง", "pre2025", "Cần Thơ", "", "medium", WP_CITIES, ["ซ็อกจัง"]),
    P("Sơn La", "เซินลา", "both", "", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันตกเฉียงเหนือ_(เวียดนาม)", ["ซอนลา"]),
    P("Tây Ninh", "เต็ยนิญ", "both", "", "Long An", "low", RI, ["เตยนิญ"],
      note="the only attestation (เตยนิญ, vietnam.vn/th) is machine-translated; RI writes short ây with "
           "ไม้ไต่คู้ (cây เก็ย)"),
    P("Thái Bình", "ท้ายบิ่ญ", "pre2025", "Hưng Yên", "", "medium", TB + "thai-binh/", ["ไทบิ่ญ"]),
    P("Thái Nguyên", "ท้ายเงวียน", "both", "", "Bắc Kạn", "medium", TB + "bac-kan/", ["ไทเหงียน"]),
    P("Thanh Hóa", "ทัญฮว้า", "both", "", "", "medium", TB + "thanh-hoa/", ["ทานห์ฮัว"]),
    P("Thừa Thiên Huế", "เถื่อเทียนเว้", "pre2025", "Huế", "", "high",
      "Thai Wikipedia mirror: http://th.m.wiki.x.io/wiki/Hu%E1%BA%BF ; iad.bangkok.go.th",
      ["เถื่อเทียน-เว้", "เถัวเทียน-เว้", "เมืองเถื่อเทียนเว้"],
      vi_variants=["Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế"]),
    P("Tiền Giang", "เตี่ยนซาง", "pre2025", "Đồng Tháp", "", "medium", TB + "tien-giang/", []),
    P("Trà Vinh", "จ่าวิญ", "pre2025", "Vĩnh Long", "", "medium", TB + "tra-vinh/", []),
    P("Tuyên Quang", "เตวียนกวาง", "both", "", "Hà Giang", "high", TB + "bac-kan/", []),
    P("Vĩnh Long", "หวิญล็อง", "both", "", "Bến Tre, Trà Vinh", "high", TB + "vinh-long/ ; " + WP_CITIES, []),
    P("Vĩnh Phúc", "หวิญฟุก", "pre2025", "Phú Thọ", "", "low", RI, ["วิญฟุก", "วิญฟวก"],
      note="the only attestations (วิญฟุก, วิญฟวก, vietnam.vn/th) are machine-translated; RI writes "
           "ngã on ว as หว (cf. หวิญล็อง)"),
    P("Yên Bái", "เอียนบ๊าย", "pre2025", "Lào Cai", "", "high",
      "Thai Wikipedia: https://th.m.wikipedia.org/wiki/ภาคตะวันตกเฉียงเหนือ_(เวียดนาม)", []),
    P("Hà Nội", "ฮานอย", "both", "", "", "high", "Thai Wikipedia: https://th.wikipedia.org/wiki/กรุงฮานอย", [],
      city=True, note="the capital"),
    P("Hải Phòng", "ไฮฟอง", "both", "", "Hải Dương", "high",
      "Thai Wikipedia mirror: https://wiki3.th-th.nina.az/รายชื่อนครในประเทศเวียดนาม.html ; " + TB + "hai-phong/",
      [], city=True),
    P("Đà Nẵng", "ดานัง", "both", "", "Quảng Nam", "high",
      "Thai Wikipedia mirror: https://infokontak.com/th/ดานัง ; " + TB + "da-nang/", ["ด่าหนัง"], city=True),
    P("Cần Thơ", "เกิ่นเทอ", "both", "", "Hậu Giang, Sóc Trăng", "high",
      "Thai Wikipedia mirror: https://wiki3.th-th.nina.az/รายชื่อนครในประเทศเวียดนาม.html ; " + TB + "hau-giang/",
      [], city=True),
    P("Hồ Chí Minh", "โฮจิมินห์", "both", "", "Bà Rịa - Vũng Tàu, Bình Dương", "high", WP_PROVINCES, [],
      city=True),
    P("Huế", "เว้", "current", "", "", "medium",
      "Thai Wikipedia mirror: http://th.m.wiki.x.io/wiki/Hu%E1%BA%BF ; " + VN_MERGE, [], city=True,
      note="centrally-run city since 2025-01-01 (before: the city of Thừa Thiên Huế province)"),
]

# Thai forms of "thành phố X" for the centrally-run cities (the bare name is in PROVINCES).
CITY_FORMS = {
    "Hà Nội": ("กรุงฮานอย", ["เทศบาลนครฮานอย", "เมืองฮานอย", "นครฮานอย"],
               "Thai Wikipedia: https://th.wikipedia.org/wiki/กรุงฮานอย ; " + VOV + " ; iao.bangkok.go.th",
               ["Thủ đô Hà Nội", "TP Hà Nội", "TP. Hà Nội", "TP.Hà Nội"]),
    "Hải Phòng": ("นครไฮฟอง", ["เมืองไฮฟอง"], TB + "hai-phong/", ["TP Hải Phòng", "TP. Hải Phòng"]),
    "Đà Nẵng": ("นครดานัง", ["เมืองดานัง"], TB + "da-nang/", ["TP Đà Nẵng", "TP. Đà Nẵng"]),
    "Cần Thơ": ("นครเกิ่นเทอ", ["เมืองเกิ่นเทอ"], "VOV World Thai, article id 980094 ; " + TB + "hau-giang/",
                ["TP Cần Thơ", "TP. Cần Thơ"]),
    "Hồ Chí Minh": ("นครโฮจิมินห์", ["เมืองโฮจิมินห์"], WP_PROVINCES + " ; " + TB + "ho-chi-minh/",
                    ["TP Hồ Chí Minh", "TP. Hồ Chí Minh", "TP.Hồ Chí Minh", "TP.HCM", "TP. HCM", "TP HCM",
                     "TPHCM", "Thành phố HCM"]),
    "Huế": ("นครเว้", ["เมืองเว้"], "Thai Wikipedia mirror: http://th.m.wiki.x.io/wiki/Hu%E1%BA%BF",
            ["TP Huế", "TP. Huế"]),
}


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
    rows += [
        Row("thành phố Thái Bình", "นครท้ายบิ่ญ", "place", ["TP Thái Bình", "TP. Thái Bình"],
            ["เมืองไทบิ่ญ", "เมือง ไทบิ่ญ", "เมืองท้ายบิ่ญ"], UNTIL_MERGER, COMPOSED + ": นคร + ท้ายบิ่ญ",
            "provincial city of Thái Bình (seed article line 1); the district level was abolished on 2025-07-01"),
        Row("Sài Gòn", "ไซ่ง่อน", "place", [], [], "", "rule: Royal Institute general rule 4 (established form)",
            "old name of Hồ Chí Minh City"),
        Row("Hội An", "โห่ยอาน", "place", [], [], "", "rule: Royal Institute 2555 example list (wunsen RS55_EXAMPLE)",
            "place names are written joined"),
        Row("Việt Nam", "เวียดนาม", "place", ["Viet Nam"], [], "", "Thai standard country name (Royal Institute)",
            ""),
        Row("Cộng hòa xã hội chủ nghĩa Việt Nam", "สาธารณรัฐสังคมนิยมเวียดนาม", "place",
            ["CHXHCN Việt Nam"], [], "", TP2024, "official name"),
        Row("Thái Lan", "ไทย", "place", ["Vương quốc Thái Lan"], [], "", "Thai standard country name", ""),
        Row("Lào", "ลาว", "place", [], [], "", "Thai standard country name", ""),
        Row("Campuchia", "กัมพูชา", "place", [], [], "", "Thai standard country name", ""),
        Row("Trung Quốc", "จีน", "place", [], [], "", "Thai standard country name", ""),
        Row("Thái Bình Dương", "มหาสมุทรแปซิฟิก", "place", [], [], "", "Thai standard name (Royal Institute)",
            "the Pacific; listed so that the province Thái Bình does not match inside it"),
        # Regions (Thai Wikipedia: ภูมิภาคของประเทศเวียดนาม)
        Row("đồng bằng sông Hồng", "ดินดอนสามเหลี่ยมปากแม่น้ำแดง", "place", ["ĐBSH", "vùng đồng bằng sông Hồng"],
            ["สามเหลี่ยมปากแม่น้ำแดง", "เขตสามเหลี่ยมปากแม่น้ำแดง"], "", WP_REGIONS,
            "region; the seed article's สามเหลี่ยมปากแม่น้ำแดง is the short form of machine-translated pages"),
        Row("đồng bằng sông Cửu Long", "ดินดอนสามเหลี่ยมปากแม่น้ำโขง", "place", ["ĐBSCL", "vùng đồng bằng sông Cửu Long"],
            ["เขตที่ราบลุ่มแม่น้ำโขง"], "", WP_REGIONS, "region (Mekong Delta)"),
        Row("Tây Bắc", "ภาคตะวันตกเฉียงเหนือ", "place", ["Tây Bắc Bộ"], [], "", WP_REGIONS, "region (of Vietnam)"),
        Row("Đông Bắc", "ภาคตะวันออกเฉียงเหนือ", "place", ["Đông Bắc Bộ"], [], "", WP_REGIONS, "region (of Vietnam)"),
        Row("Bắc Trung Bộ", "ชายฝั่งตอนกลางเหนือ", "place", [], [], "", WP_REGIONS, "region"),
        Row("Duyên hải Nam Trung Bộ", "ชายฝั่งตอนกลางใต้", "place", ["Nam Trung Bộ"], [], "", WP_REGIONS, "region"),
        Row("Tây Nguyên", "ที่สูงตอนกลาง", "place", [], [], "", WP_REGIONS, "region (Central Highlands)"),
        Row("Đông Nam Bộ", "ภาคตะวันออกเฉียงใต้", "place", [], [], "", WP_REGIONS, "region (of Vietnam)"),
        # Administrative terms
        Row("tỉnh", "จังหวัด", "term", [], [], "", WP_ADMIN, "province; composes with names: tỉnh + Nam Định"),
        Row("thành phố trực thuộc trung ương", "นครภายใต้การปกครองของส่วนกลาง", "term",
            ["TP trực thuộc TW", "TP trực thuộc trung ương"],
            ["เทศบาลนคร", "นครภายใต้ส่วนกลาง", "เมืองที่มีการปกครองจากส่วนกลาง", "เมืองที่บริหารจัดการโดยศูนย์กลาง",
             "เมืองที่ปกครองโดยส่วนกลาง"], "", WP_PROVINCES,
            "house choice between two Thai WP forms: เทศบาลนคร is a Thai municipality type"),
        Row("thành phố thuộc tỉnh", "นครภายใต้จังหวัด", "term", [],
            ["นครภายใต้การปกครองของจังหวัด", "นครประจำจังหวัด", "เมืองประจำจังหวัด"], UNTIL_MERGER, WP_CITIES,
            "level abolished by the 2025 two-tier reform"),
        Row("thành phố", "นคร", "term", ["TP"], [], "", WP_CITIES + " ; " + TB + "hai-phong/",
            "city; composes with names: thành phố + X = นครX"),
        Row("thị xã", "เมืองระดับอำเภอ", "term", [], [], UNTIL_MERGER, WP_ADMIN, "district level abolished 2025-07-01"),
        Row("huyện", "อำเภอ", "term", [], [], UNTIL_MERGER, WP_ADMIN, "district level abolished 2025-07-01"),
        Row("quận", "เขต", "term", [], [], UNTIL_MERGER, WP_ADMIN, "district level abolished 2025-07-01"),
        Row("phường", "แขวง", "term", [], [], "", WP_ADMIN, "ward"),
        Row("thị trấn", "เมืองระดับตำบล", "term", [], [], UNTIL_MERGER, WP_ADMIN, "commune-level town"),
        Row("đơn vị hành chính cấp tỉnh", "หน่วยการปกครองระดับจังหวัด", "term", ["ĐVHC cấp tỉnh"],
            ["หน่วยงานบริหารส่วนจังหวัด"], "", HOUSE,
            "the machine-translated หน่วยงานบริหารส่วนจังหวัด is too close to the Thai อบจ."),
        Row("sáp nhập", "การควบรวม", "term", [], [], "", VN_MERGE, "merger (of administrative units)"),
        Row("chính quyền địa phương hai cấp", "การปกครองส่วนท้องถิ่นสองระดับ", "term", [], [], "", HOUSE,
            "two-tier local government (from 2025-07-01)"),
    ]
    return rows


# ---------------------------------------------------------------------------------------------------------
# People: the seed article's people and national leaders
# ---------------------------------------------------------------------------------------------------------
PEOPLE: list[Row] = [
    Row("Nguyễn Khắc Thận", "เหงียน คัก เถิ่น", "person", [],
        ["เหงียน คัก ทัน", "เหงียน ข่าก ถั่น", "เหงียน ขัก ทัน"], "", RI_NGUYEN,
        "seed article: Deputy Secretary of the Thái Bình Provincial Party Committee, Chairman of the "
        "Provincial People's Committee; all three seed renderings are wrong"),
    Row("Lại Văn Hoàn", "หลั่ย วัน ฮหว่าน", "person", [], ["ไหล วัน ฮว่าน"], "", RI,
        "seed article: Vice Chairman of the Thái Bình Provincial People's Committee; seed wrote ไหล วัน ฮว่าน"),
    Row("Thu Thủy", "ทู ถวี", "person", [], ["ทุ่ทุ่"], "", RI, "seed article byline (garbled as ทุ่ทุ่)"),
    Row("Hồ Chí Minh", "โฮจิมินห์", "person", [], ["โฮ จิ มินห์"], "",
        "Thai Wikipedia mirror: https://hmong.in.th/th/โฮ_จิ_มินห์",
        "established Thai form (RI transcription would be โห่ จี๊ มิญ); the city is thành phố Hồ Chí Minh"),
    Row("Tô Lâm", "โต เลิม", "person", [], ["โต ลัม", "โตเลิม"], "", TP2024 + " ; " + RI,
        "General Secretary (2024-); โตเลิม: " + VOV_TOLAM + "; โต ลัม: " + MCOT + " and vietnam.vn/th"),
    Row("Lương Cường", "เลือง เกื่อง", "person", [], [], "", RI, "State President (2024-)"),
    Row("Phạm Minh Chính", "ฝั่ม มิญ จิ๊ญ", "person", [], ["ฝ่าม มิงห์ จิ๋งห์"], "", RI,
        "Prime Minister (2021-); ฝ่าม มิงห์ จิ๋งห์: mfa.go.th/th/content/pmvn120564"),
    Row("Trần Thanh Mẫn", "เจิ่น ทัญ เหมิน", "person", [], ["เจิ่น แทง เหมิน", "เจิ่น ทันห์ มาน"], "", RI,
        "Chairman of the National Assembly (2024-); variants: " + DITP + ", https://tna.mcot.net/?p=1366760"),
    Row("Trần Cẩm Tú", "เจิ่น เกิ๋ม ตู๊", "person", [], [], "", RI, "Standing member of the Secretariat (2024-)"),
    Row("Nguyễn Phú Trọng", "เหงียน ฟู้ จ่อง", "person", [],
        ["เหงียน ฟู จ่อง", "เหวียน ฝู จ่อง", "เหงียน ฟู่ จ่อง"], "", RI_NGUYEN,
        "General Secretary 2011-2024; variants: vietnam.vn/th, mfa.go.th (2013), " + DITP),
    Row("Võ Văn Thưởng", "หวอ วัน เถือง", "person", [], ["โว วัน เถือง"], "", "https://tna.mcot.net/?p=1366760 ; " + RI,
        "State President 2023-2024; โว วัน เถือง: " + TP2023),
    Row("Nguyễn Xuân Phúc", "เหงียน ซวน ฟุก", "person", [], ["เหวียน ซวน ฟุก", "เหวียน ซวนฟุก"], "",
        WP_PM + " ; " + RI_NGUYEN, "Prime Minister 2016-2021, State President 2021-2023; variants: "
        "prachachat.net, mfa.go.th, tna.mcot.net"),
    Row("Vương Đình Huệ", "เวือง ดิ่ญ ฮเหวะ", "person", [], [], "", RI, "Chairman of the National Assembly 2021-2024"),
    Row("Nguyễn Tấn Dũng", "เหงียน เติ๊น สุง", "person", [], ["เหงวียนเติ๊นหยุง", "เหวียน เติ๋น หยุ๋ง"], "",
        RI_NGUYEN, "Prime Minister 2006-2016; variants: VOV World Thai article id 330752, tnews.teenee.com"),
    Row("Trương Tấn Sang", "เจือง เติ๊น ซาง", "person", [], ["เจือง เติ๋น ซาง"], "", RI,
        "State President 2011-2016; variant: tnews.teenee.com"),
    Row("Trần Đại Quang", "เจิ่น ดั่ย กวาง", "person", [], [], "", RI, "State President 2016-2018"),
    Row("Bùi Văn Cường", "บู่ย วัน เกื่อง", "person", [], ["บุ่ย วาน เกือง"], "", RI,
        "Secretary General of the National Assembly; variant: " + TP2024),
    Row("Võ Thị Ánh Xuân", "หวอ ถิ อั๊ญ ซวน", "person", [], [], "", RI, "Vice President (2021-)"),
    Row("Bùi Thanh Sơn", "บู่ย ทัญ เซิน", "person", [], [], "", RI, "Minister of Foreign Affairs (2021-)"),
    Row("Võ Nguyên Giáp", "หวอ เงวียน ซ้าป", "person", [], ["โวเหงียนเกี๊ยบ"], "",
        "Thai Wikipedia article title (หวอ เงวียน ซ้าป) ; rule: Royal Institute 2555 example list",
        "general; โวเหงียนเกี๊ยบ is the older popular Thai form"),
    Row("Tôn Đức Thắng", "โตน ดึ๊ก ทั้ง", "person", [], [], "",
        "Thai Wikipedia: https://th.m.wikipedia.org/wiki/โตน_ดึ๊ก_ทั้ง", "State President 1969-1980"),
    Row("Võ Văn Kiệt", "หวอ วัน เกียต", "person", [], [], "", WP_PM, "Prime Minister 1991-1997"),
    Row("Đỗ Mười", "โด๋ เหมื่อย", "person", [], [], "", "mfa.go.th (2013) ; " + RI, "General Secretary 1991-1997"),
    Row("Phạm Văn Đồng", "ฝั่ม วัน ด่ง", "person", [], [], "", RI, "Prime Minister 1955-1987"),
    Row("Lê Duẩn", "เล สวน", "person", [], [], "", RI, "General Secretary 1960-1986"),
    Row("Nông Đức Mạnh", "นง ดึ๊ก หมั่ญ", "person", [], [], "", RI, "General Secretary 2001-2011"),
]


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


LEVELS = [
    Level("tỉnh", "provincial", "จังหวัด", "Tỉnh ủy", "Tỉnh ủy viên", extras=True,
          party_alias=("Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ tỉnh")),
    Level("thành phố", "city", "นคร", "Thành ủy", "Thành ủy viên", extras=True,
          party_alias=("Ban Chấp hành Đảng bộ thành phố",)),
    Level("huyện", "district", "อำเภอ", "Huyện ủy", "Huyện ủy viên", valid=UNTIL_MERGER),
    Level("quận", "urban district", "เขต", "Quận ủy", "Quận ủy viên", valid=UNTIL_MERGER),
    Level("xã", "commune", "ตำบล", "Đảng ủy xã", ""),
    Level("phường", "ward", "แขวง", "Đảng ủy phường", ""),
]


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
    rows: list[Row] = [
        Row("Ủy ban nhân dân", "คณะกรรมการประชาชน", "org", ["UBND"], [], "", VN_QT + " ; " + VN_BG,
            "People's Committee; all sources agree; composes with levels and names"),
        Row("Chủ tịch Ủy ban nhân dân", "ประธานคณะกรรมการประชาชน", "title", ["Chủ tịch UBND", "CT UBND"],
            ["ประธานกรรมการประชาชน"], "", VN_QT, "Chairman of a People's Committee"),
        Row("Phó Chủ tịch Ủy ban nhân dân", "รองประธานคณะกรรมการประชาชน", "title",
            ["Phó Chủ tịch UBND", "PCT UBND"], [], "", VN_BG, "Vice Chairman of a People's Committee"),
        Row("Hội đồng nhân dân", "สภาประชาชน", "org", ["HĐND"], [], "",
            WP_BRVT + " ; Thai Wikipedia infoboxes (หายเซือง, กรุงฮานอย)", "People's Council"),
        Row("Chủ tịch Hội đồng nhân dân", "ประธานสภาประชาชน", "title", ["Chủ tịch HĐND", "CT HĐND"],
            ["ประธานสมัชาประชาชน"], "", WP_BRVT, "Chairman of a People's Council"),
        Row("Phó Chủ tịch Hội đồng nhân dân", "รองประธานสภาประชาชน", "title", ["Phó Chủ tịch HĐND", "PCT HĐND"],
            [], "", VN_BG, "Vice Chairman of a People's Council"),
    ]
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
                    "title", [f"Chủ tịch Ủy ban MTTQ Việt Nam {v}", f"Chủ tịch Ủy ban MTTQ {v}", f"Chủ tịch UBMTTQ {v}"],
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


PRACHACHAT = "https://www.prachachat.net/politics/news-22597"
MINISTRIES = [
    Ministry("Quốc phòng", "กลาโหม", ("BQP",), source=VN_ND),
    Ministry("Công an", "ความมั่นคงสาธารณะ", ("BCA",), source=TP2024, note="Ministry of Public Security"),
    Ministry("Ngoại giao", "การต่างประเทศ", ("BNG",), source="vietnam.vn/th (Bộ Ngoại giao pages)",
             department="การต่างประเทศ"),
    Ministry("Nội vụ", "มหาดไทย", ("BNV",), source="mgronline.com (URL not recorded)", department="มหาดไทย",
             note="Ministry of Home Affairs; since 2025 also labour and emulation-commendation affairs"),
    Ministry("Tư pháp", "ยุติธรรม", (), department="ยุติธรรม"),
    Ministry("Tài chính", "การคลัง", (), department="การคลัง", note="since 2025-03-01 also planning and investment"),
    Ministry("Công Thương", "อุตสาหกรรมและการค้า", (), source=PRACHACHAT, department="อุตสาหกรรมและการค้า"),
    Ministry("Nông nghiệp và Môi trường", "เกษตรและสิ่งแวดล้อม", ("Bộ NN&MT", "Bộ NNMT"), valid=FROM_MINISTRY_MERGER,
             department="เกษตรและสิ่งแวดล้อม", note="formed 2025-03-01 from NN&PTNT and TN&MT"),
    Ministry("Xây dựng", "ก่อสร้าง", (), department="ก่อสร้าง", note="since 2025-03-01 also transport"),
    Ministry("Văn hóa, Thể thao và Du lịch", "วัฒนธรรม กีฬา และการท่องเที่ยว", ("Bộ VHTTDL", "Bộ VH-TT&DL"),
             source=VN_VH, department="วัฒนธรรม กีฬา และการท่องเที่ยว"),
    Ministry("Khoa học và Công nghệ", "วิทยาศาสตร์และเทคโนโลยี", ("Bộ KH&CN", "Bộ KHCN"), source=PRACHACHAT,
             department="วิทยาศาสตร์และเทคโนโลยี", note="since 2025-03-01 also information and communications"),
    Ministry("Giáo dục và Đào tạo", "ศึกษาธิการและฝึกอบรม", ("Bộ GD&ĐT", "Bộ GDĐT"), department="ศึกษาธิการและฝึกอบรม"),
    Ministry("Y tế", "สาธารณสุข", ("BYT",), department="สาธารณสุข"),
    Ministry("Dân tộc và Tôn giáo", "ชนชาติและศาสนา", (), valid=FROM_MINISTRY_MERGER, note="formed 2025-03-01"),
    Ministry("Kế hoạch và Đầu tư", "การวางแผนและการลงทุน", ("Bộ KH&ĐT", "Bộ KHĐT"), valid=UNTIL_MINISTRY_MERGER,
             source=PRACHACHAT, note="merged into Bộ Tài chính on 2025-03-01"),
    Ministry("Giao thông vận tải", "คมนาคม", ("Bộ GTVT",), valid=UNTIL_MINISTRY_MERGER,
             source="thongtin.vietnam.vn/th (machine-translated)", note="merged into Bộ Xây dựng on 2025-03-01"),
    Ministry("Tài nguyên và Môi trường", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", ("Bộ TN&MT", "Bộ TNMT"),
             valid=UNTIL_MINISTRY_MERGER, note="merged into Bộ Nông nghiệp và Môi trường on 2025-03-01"),
    Ministry("Nông nghiệp và Phát triển nông thôn", "การเกษตรและพัฒนาชนบท", ("Bộ NN&PTNT", "Bộ NNPTNT"),
             valid=UNTIL_MINISTRY_MERGER, source="VOV World Thai, article id 645759",
             th_alternatives=("กระทรวงเกษตรและการพัฒนาชนบท",),
             note="merged into Bộ Nông nghiệp và Môi trường on 2025-03-01; variant: vietnam.vn/th, prachachat.net"),
    Ministry("Thông tin và Truyền thông", "สารนิเทศและการสื่อสาร", ("Bộ TT&TT", "Bộ TTTT"), valid=UNTIL_MINISTRY_MERGER,
             source=PRACHACHAT, note="merged into Bộ Khoa học và Công nghệ on 2025-03-01"),
    Ministry("Lao động - Thương binh và Xã hội", "แรงงาน ผู้พิการจากสงคราม และสังคม", ("Bộ LĐ-TB&XH", "Bộ LĐTBXH"),
             valid=UNTIL_MINISTRY_MERGER, note="merged into Bộ Nội vụ on 2025-03-01"),
]


def ministry_rows() -> list[Row]:
    rows = [
        Row("Bộ trưởng", "รัฐมนตรี", "title", [], [], "", TP2024, "minister; Bộ trưởng Bộ X = รัฐมนตรีว่าการกระทรวงX"),
        Row("Thứ trưởng", "รัฐมนตรีช่วยว่าการ", "title", [], ["รองรัฐมนตรี"], "",
            "thongtin.vietnam.vn/th (machine-translated)",
            "deputy minister; the Thai-system equivalent, not the calque รองรัฐมนตรี"),
        Row("Giám đốc", "ผู้อำนวยการ", "title", [], [], "", HOUSE, "director (of a Sở, an agency, a company)"),
        Row("Phó Giám đốc", "รองผู้อำนวยการ", "title", [], [], "", HOUSE, "deputy director"),
    ]
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
                        m.valid, COMPOSED + " ; thongtin.vietnam.vn/th (รัฐมนตรีช่วยว่าการกระทรวงคมนาคม)", "Deputy Minister"))
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
    return [
        # Party
        Row("Đảng Cộng sản Việt Nam", "พรรคคอมมิวนิสต์เวียดนาม", "org", ["ĐCSVN", "ĐCS Việt Nam", "Đảng CSVN"], [], "",
            VOV_PARTY + " ; " + TP2024 + " ; " + MGR, "Communist Party of Vietnam"),
        Row("Đảng", "พรรค", "org", [], [], "", VOV_PARTY, "the Party (Đảng và Nhà nước = พรรคและรัฐ)"),
        Row("Nhà nước", "รัฐ", "org", [], [], "", HOUSE, "the State"),
        Row("Tổng Bí thư", "เลขาธิการใหญ่พรรค", "title", ["TBT"], ["เลขาธิการทั่วไป"], "",
            VOV_PARTY + " ; " + VOV_TOLAM,
            "General Secretary; VOV and the Thai WP lead agree on เลขาธิการใหญ่. Ambiguous shorter forms "
            "(เลขาธิการพรรค, เลขาธิการ) are not listed as wrong: they also render Bí thư"),
        Row("Tổng Bí thư Ban Chấp hành Trung ương Đảng", "เลขาธิการใหญ่คณะกรรมการกลางพรรคคอมมิวนิสต์เวียดนาม", "title",
            ["Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "Tổng Bí thư BCH TW Đảng"],
            ["เลขาธิการคณะกรรมการกลางพรรคคอมมิวนิสต์เวียดนาม"], "",
            "Thai Wikipedia article เลขาธิการคณะกรรมการกลางพรรคคอมมิวนิสต์เวียดนาม (lead; mirrors wikiwand.com/th)",
            "full title"),
        Row("Bí thư", "เลขาธิการ", "title", [], [], "", VN_QT, "(party) secretary at any level"),
        Row("Phó Bí thư", "รองเลขาธิการ", "title", [], [], "", VN_QT, "deputy (party) secretary"),
        Row("Ban Chấp hành Trung ương Đảng", "คณะกรรมการกลางพรรคคอมมิวนิสต์เวียดนาม", "org",
            ["Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "BCH TW Đảng", "BCHTW",
             "Trung ương Đảng"], ["คณะกรรมการบริหารกลาง"], "", VOV_PARTY + " ; " + MGR,
            "Central Committee; the literal คณะกรรมการบริหารกลาง is machine translation only"),
        Row("Ủy viên Trung ương Đảng", "สมาชิกคณะกรรมการกลางพรรค", "title",
            ["Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên BCH TW Đảng", "Ủy viên Trung ương", "UVTW"], [], "",
            "thongtin.vietnam.vn/th (machine-translated)", "Central Committee member"),
        Row("Ủy viên dự khuyết Trung ương Đảng", "สมาชิกสำรองคณะกรรมการกลางพรรค", "title",
            ["Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng"], [], "", COMPOSED, "alternate member"),
        Row("Bộ Chính trị", "กรมการเมือง", "org", [], ["โปลิตบูโร", "คณะกรรมการกรมการเมือง"], "",
            VOV_PARTY + " ; " + TP2024, "Politburo; house choice กรมการเมือง over โปลิตบูโร (mgronline, DITP)"),
        Row("Ủy viên Bộ Chính trị", "สมาชิกกรมการเมือง", "title", ["UVBCT"],
            ["สมาชิกโปลิตบูโร", "สมาชิกคณะกรรมการกรมการเมือง"], "", TP2024, "Politburo member"),
        Row("Ban Bí thư", "คณะเลขาธิการกลางพรรค", "org", ["Ban Bí thư Trung ương Đảng"], [], "",
            "VOV World Thai, m.vovworld.vn/th-TH article id 1103072 (member form)", "Secretariat of the Central Committee"),
        Row("Bí thư Trung ương Đảng", "สมาชิกคณะเลขาธิการกลางพรรค", "title", ["Ủy viên Ban Bí thư"],
            ["สมาชิกสำนักงานเลขาธิการ"], "", "VOV World Thai, m.vovworld.vn/th-TH article id 1103072",
            "member of the Secretariat"),
        Row("Thường trực Ban Bí thư", "สมาชิกถาวรคณะเลขาธิการกลางพรรค", "title", [],
            ["สมาชิกประจำสำนักเลขาธิการพรรคคอมมิวนิสต์"], "", COMPOSED + " ; " + TP2023,
            "Standing member of the Secretariat; Thường trực = ถาวร"),
        Row("Đại hội đại biểu toàn quốc của Đảng", "การประชุมสมัชชาใหญ่พรรค", "org",
            ["Đại hội Đảng toàn quốc", "Đại hội toàn quốc của Đảng", "Đại hội Đảng"], [], "", VOV_PARTY + " ; " + MGR,
            "National Party Congress"),
        # Generic party terms: they also stop "Đại hội Đảng" / "Đảng" from matching inside
        # "Đại hội Đảng bộ xã", "Đảng ủy Khối ...".
        Row("Đảng bộ", "องค์กรพรรค", "org", [], [], "", HOUSE, "party organisation of a unit or level"),
        Row("Đại hội Đảng bộ", "การประชุมสมัชชาองค์กรพรรค", "org", [], [], "", COMPOSED,
            "congress of a party organisation (Đại hội Đảng bộ xã, huyện ...)"),
        Row("Đảng ủy", "คณะกรรมการพรรค", "org", ["cấp ủy"], [], "",
            "vrviet.vn/th (machine-translated): cấp ủy = คณะกรรมการพรรค", "party committee (of a unit or level)"),
        Row("Hội nghị Trung ương", "การประชุมคณะกรรมการกลางพรรค", "org", ["Hội nghị Ban Chấp hành Trung ương"], [], "",
            VOV_PARTY + " ; " + MGR, "Central Committee plenum"),
        Row("Văn phòng Trung ương Đảng", "สำนักงานกลางพรรค", "org", [], [], "", DITP, "Party Central Office"),
        Row("Ban Tổ chức Trung ương", "คณะกรรมการจัดตั้งกลางพรรค", "org", [], [], "", COMPOSED,
            "Central Organisation Commission"),
        Row("Trưởng Ban Tổ chức Trung ương", "หัวหน้าคณะกรรมการจัดตั้งกลางพรรค", "title", [], [], "", COMPOSED, ""),
        Row("Ban Tuyên giáo Trung ương", "คณะกรรมการโฆษณาเผยแพร่และการศึกษากลางพรรค", "org", [],
            ["กรมโฆษณาชวนเชื่อกลาง"], "", COMPOSED,
            "Central Propaganda and Education Commission; vietnam.vn/th (MT) has กรมโฆษณาชวนเชื่อกลาง"),
        Row("Trưởng Ban Tuyên giáo Trung ương", "หัวหน้าคณะกรรมการโฆษณาเผยแพร่และการศึกษากลางพรรค", "title", [], [], "",
            COMPOSED, ""),
        Row("Ủy ban Kiểm tra Trung ương", "คณะกรรมการตรวจสอบกลางพรรค", "org", ["UBKT Trung ương"], [], "",
            COMPOSED + " (คณะกรรมการตรวจสอบ: " + VN_BG + ")", "Central Inspection Commission"),
        Row("Chủ nhiệm Ủy ban Kiểm tra Trung ương", "หัวหน้าคณะกรรมการตรวจสอบกลางพรรค", "title", [], [], "", COMPOSED, ""),
        Row("Ban Đối ngoại Trung ương", "คณะกรรมการการต่างประเทศกลางพรรค", "org", [], [], "", COMPOSED,
            "Central External Relations Commission"),
        Row("Ban Nội chính Trung ương", "คณะกรรมการกิจการภายในกลางพรรค", "org", [], [], "", COMPOSED,
            "Central Internal Affairs Commission"),
        Row("Quân ủy Trung ương", "คณะกรรมาธิการทหารกลาง", "org", [], [], "",
            "Thai Wikipedia mirror hmong.in.th (machine-translated infobox: คณะกรรมาธิการทหารกลางพรรคคอมมิวนิสต์)",
            "Central Military Commission"),
        # State
        Row("Chủ tịch nước", "ประธานาธิบดี", "title", ["CTN", "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"],
            ["ประธานประเทศ"], "", TP2024 + " ; " + TP2023 + " ; " + MCOT + " ; " + MGR,
            "State President; house choice: Thai press form, VOV's ประธานประเทศ kept as variant"),
        Row("Phó Chủ tịch nước", "รองประธานาธิบดี", "title", ["PCTN"], ["รองประธานประเทศ"], "",
            "Thai Wikipedia: https://th.m.wikipedia.org/wiki/โตน_ดึ๊ก_ทั้ง ; " + COMPOSED, "Vice President"),
        Row("Văn phòng Chủ tịch nước", "สำนักงานประธานาธิบดี", "org", [], ["สำนักงานประธานประเทศ"], "", COMPOSED, ""),
        Row("Chủ tịch", "ประธาน", "title", [], [], "", VN_QT, "chairman / president (generic; composes)"),
        Row("Phó Chủ tịch", "รองประธาน", "title", [], [], "", VN_BG, "vice chairman (generic; composes)"),
        Row("Quốc hội", "สภาแห่งชาติ", "org", ["QH"], ["รัฐสภา", "สภานิติบัญญัติแห่งชาติ", "สมัชชาแห่งชาติ"], "",
            VOV + " ; " + TP2024 + " ; " + MCOT + " ; " + DITP,
            "National Assembly; house choice over รัฐสภา (mgronline, vietnam.vn/th)"),
        Row("Chủ tịch Quốc hội", "ประธานสภาแห่งชาติ", "title", ["CTQH"], ["ประธานรัฐสภา", "ประธานสภานิติบัญญัติแห่งชาติ"], "",
            "VOV World Thai, article id 1103072 ; " + TP2024 + " ; " + DITP, "Chairman of the National Assembly"),
        Row("Phó Chủ tịch Quốc hội", "รองประธานสภาแห่งชาติ", "title", ["PCTQH"], ["รองประธานรัฐสภา"], "", TP2024,
            "Vice Chairman of the National Assembly"),
        Row("Phó Chủ tịch Thường trực Quốc hội", "รองประธานถาวรสภาแห่งชาติ", "title", [], ["รองประธานรัฐสภาถาวร"], "",
            COMPOSED, "Thường trực = ถาวร"),
        Row("Ủy ban Thường vụ Quốc hội", "คณะกรรมาธิการประจำสภาแห่งชาติ", "org", ["UBTVQH"], [], "", COMPOSED,
            "Standing Committee of the National Assembly; Thường vụ = ประจำ"),
        Row("Tổng Thư ký Quốc hội", "เลขาธิการสภาแห่งชาติ", "title", [], [], "", "https://tna.mcot.net/?p=1366760",
            "Secretary General of the National Assembly"),
        Row("Văn phòng Quốc hội", "สำนักงานสภาแห่งชาติ", "org", [], [], "", COMPOSED, ""),
        Row("Đại biểu Quốc hội", "ผู้แทนสภาแห่งชาติ", "title", ["ĐBQH"], ["สมาชิกสภานิติบัญญัติแห่งชาติ", "สมาชิกรัฐสภา"],
            "", VOV, "National Assembly deputy"),
        Row("Ủy ban Kinh tế của Quốc hội", "คณะกรรมาธิการเศรษฐกิจของสภาแห่งชาติ", "org", ["Ủy ban Kinh tế Quốc hội"], [],
            "", COMPOSED + " ; thongtin.vietnam.vn/th (คณะกรรมการเศรษฐกิจ)",
            "Economic Committee of the NA; committees of a legislature are คณะกรรมาธิการ in Thai"),
        Row("Chính phủ", "รัฐบาล", "org", [], [], "", VOV + " ; " + VN_ND, "Government"),
        Row("Thủ tướng", "นายกรัฐมนตรี", "title",
            ["Thủ tướng Chính phủ", "TTg", "Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"], [], "",
            "VOV World Thai, article id 980094 ; MCOT ; " + VN_ND, "Prime Minister"),
        Row("Phó Thủ tướng", "รองนายกรัฐมนตรี", "title", ["Phó Thủ tướng Chính phủ", "PTTg"], [], "",
            "mgronline detail/9680000102159", "Deputy Prime Minister"),
        Row("Phó Thủ tướng Thường trực", "รองนายกรัฐมนตรีถาวร", "title", ["Phó Thủ tướng Thường trực Chính phủ"], [], "",
            "vietnam.vn/th (machine-translated)", "Permanent Deputy Prime Minister"),
        Row("Văn phòng Chính phủ", "สำนักงานรัฐบาล", "org", [], [], "", COMPOSED, "Government Office"),
        Row("Thanh tra Chính phủ", "สำนักงานผู้ตรวจการรัฐบาล", "org", [], [], "", HOUSE, "Government Inspectorate"),
        Row("Ngân hàng Nhà nước Việt Nam", "ธนาคารแห่งรัฐเวียดนาม", "org", ["Ngân hàng Nhà nước", "NHNN"], [], "",
            HOUSE, "State Bank of Vietnam (literal, as Thai press writes it)"),
        Row("Kiểm toán Nhà nước", "สำนักงานการตรวจเงินแผ่นดิน", "org", ["KTNN"], [], "", VN_ND, "State Audit Office"),
        Row("Tòa án nhân dân tối cao", "ศาลประชาชนสูงสุด", "org", ["TANDTC"], [], "", HOUSE, "Supreme People's Court"),
        Row("Chánh án Tòa án nhân dân tối cao", "ประธานศาลประชาชนสูงสุด", "title", ["Chánh án TANDTC"], [], "", COMPOSED,
            "Chief Justice"),
        Row("Viện kiểm sát nhân dân tối cao", "สำนักงานอัยการประชาชนสูงสุด", "org", ["VKSNDTC"], [], "", HOUSE,
            "Supreme People's Procuracy"),
        Row("Viện trưởng Viện kiểm sát nhân dân tối cao", "หัวหน้าสำนักงานอัยการประชาชนสูงสุด", "title",
            ["Viện trưởng VKSNDTC"], [], "", COMPOSED, "Prosecutor General"),
        Row("Hội đồng Quốc phòng và An ninh", "สภากลาโหมและความมั่นคง", "org", [], [], "", HOUSE,
            "National Defence and Security Council"),
        Row("Quân đội nhân dân Việt Nam", "กองทัพประชาชนเวียดนาม", "org", ["QĐND Việt Nam"], [], "",
            "Thai Wikipedia (article title)", "Vietnam People's Army"),
        Row("Công an nhân dân Việt Nam", "กองกำลังความมั่นคงสาธารณะประชาชนเวียดนาม", "org", ["CAND Việt Nam"], [], "",
            COMPOSED + " (ความมั่นคงสาธารณะ: " + TP2024 + ")", "People's Public Security"),
        Row("Thông tấn xã Việt Nam", "สำนักข่าวเวียดนาม", "org", ["TTXVN"], [], "", "mgronline detail/9680000102159",
            "Vietnam News Agency"),
        Row("Học viện Chính trị quốc gia Hồ Chí Minh", "สถาบันการเมืองแห่งชาติโฮจิมินห์", "org", ["Học viện CTQG Hồ Chí Minh"],
            [], "", VN_ND, "Ho Chi Minh National Academy of Politics"),
        # Fatherland Front and mass organisations
        Row("Mặt trận Tổ quốc Việt Nam", "แนวร่วมปิตุภูมิเวียดนาม", "org", ["MTTQ Việt Nam", "MTTQVN", "MTTQ"],
            ["แนวร่วมปิตุภูมิแห่งชาติ"], "", "VOV World Thai, article ids 271857, 367279 ; Thai Wikipedia (mirrors)",
            "Vietnam Fatherland Front"),
        Row("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "คณะกรรมการกลางแนวร่วมปิตุภูมิเวียดนาม", "org",
            ["Ủy ban Trung ương MTTQ Việt Nam", "UBTW MTTQ Việt Nam", "UBTW MTTQVN"],
            ["คณะกรรมการแนวร่วมปิตุภูมิส่วนกลางเวียดนาม"], "", "vietnam.vn/th (machine-translated) ; VOV id 271857",
            "house choice: the กลาง pattern of คณะกรรมการกลางพรรค, VOV's ...ส่วนกลาง... kept as variant"),
        Row("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "ประธานคณะกรรมการกลางแนวร่วมปิตุภูมิเวียดนาม", "title",
            ["Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", "Chủ tịch UBTW MTTQ Việt Nam"], [], "", COMPOSED, ""),
        Row("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "สหภาพเยาวชนคอมมิวนิสต์โฮจิมินห์", "org",
            ["Đoàn TNCS Hồ Chí Minh", "Đoàn TNCS HCM"], [], "", VN_ND, "Ho Chi Minh Communist Youth Union"),
        Row("Trung ương Đoàn", "คณะกรรมการกลางสหภาพเยาวชนคอมมิวนิสต์โฮจิมินห์", "org",
            ["Trung ương Đoàn TNCS Hồ Chí Minh", "Ban Chấp hành Trung ương Đoàn"], [], "", VN_ND, "its Central Committee"),
        Row("Hội Liên hiệp Phụ nữ Việt Nam", "สหภาพสตรีเวียดนาม", "org", ["Hội LHPN Việt Nam"], [], "", HOUSE,
            "Vietnam Women's Union"),
        Row("Tổng Liên đoàn Lao động Việt Nam", "สมาพันธ์แรงงานเวียดนาม", "org", ["Tổng LĐLĐ Việt Nam"], [], "", HOUSE,
            "Vietnam General Confederation of Labour"),
        Row("Hội Nông dân Việt Nam", "สมาคมเกษตรกรเวียดนาม", "org", [], [], "", HOUSE, "Vietnam Farmers' Union"),
        Row("Hội Cựu chiến binh Việt Nam", "สมาคมทหารผ่านศึกเวียดนาม", "org", [], [], "", HOUSE,
            "Vietnam Veterans' Association"),
        Row("ngân sách nhà nước", "งบประมาณแผ่นดิน", "term", ["ngân sách Nhà nước", "NSNN"], [], "",
            "seed article line 3 (correct there); the Thai term for the state budget", "state budget"),
        Row("đồng chí", "สหาย", "term", [], [], "", HOUSE + " (literal 'comrade'; also the seed article's choice)",
            "form of address for party members; Thai press usually writes นาย"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Emulation and commendation; new countryside
# ---------------------------------------------------------------------------------------------------------
TDKT_FORMS = ["Thi đua - Khen thưởng", "Thi đua – Khen thưởng", "Thi đua-Khen thưởng", "Thi đua, Khen thưởng",
              "Thi đua và Khen thưởng", "Thi đua Khen thưởng", "TĐKT", "TĐ-KT"]
TD = "การแข่งขัน"  # thi đua, as a noun
TD_VERB = "แข่งขัน"  # thi đua after ขบวนการ / ให้
KT = "ยกย่องเชิดชู"  # khen thưởng
TDKT = f"{TD}และ{KT}"  # การแข่งขันและยกย่องเชิดชู
EMU_SRC = "house choice (glossaries/README.md, Emulation)"

# (vi level, Thai level, extra wrong variants of the council, of its chairman)
COUNCIL_LEVELS = [
    ("Trung ương", "กลาง", ["สภาการเลียนแบบและรางวัลกลาง"], []),
    ("tỉnh", "จังหวัด",
     ["สภาจำลองจังหวัด", "สภาจำลองเศรษฐกิจจังหวัด", "สภาพัฒนาเศรษฐกิจจังหวัด", "สภาเลียนแบบและยกย่องจังหวัด",
      "สภาเลียนแบบและรางวัลจังหวัด"],
     ["ประธานสภาจำลองจังหวัด", "ประธานสภาจำลองเศรษฐกิจจังหวัด", "ประธานสภาพัฒนาเศรษฐกิจจังหวัด",
      "ประธานสภาเลียนแบบและยกย่องจังหวัด"]),
    ("thành phố", "นคร", [], []),
    ("huyện", "อำเภอ", [], []),
]


def _tdkt_variants(template: str) -> list[str]:
    """Other spellings of a name containing 'Thi đua - Khen thưởng' ({} marks its place)."""
    out = [template.format(form) for form in TDKT_FORMS[1:]]
    if "Hội đồng {}" in template:
        out.append(template.replace("Hội đồng {}", "HĐTĐKT"))
    return out


def emulation_rows() -> list[Row]:
    rows: list[Row] = [
        Row("thi đua", TD, "term", [], ["จำลอง", "การจำลอง", "เลียนแบบ", "การเลียนแบบ"], "", EMU_SRC,
            "emulation: organised competition between units; จำลอง (simulate) and เลียนแบบ (imitate) are wrong"),
        Row("khen thưởng", f"การ{KT}", "term", [], [], "", EMU_SRC,
            "commendation and reward (titles, certificates, orders); the seed article's own line 3 has ยกย่องเชิดชู"),
        Row("thi đua, khen thưởng", TDKT, "term",
            ["thi đua - khen thưởng", "thi đua – khen thưởng", "thi đua-khen thưởng", "thi đua và khen thưởng",
             "TĐKT", "TĐ-KT"],
            ["การเลียนแบบและการให้รางวัล", "การเลียนแบบและให้รางวัล", "การจำลองและให้รางวัล",
             "ขบวนการเลียนแบบและการให้รางวัล"], "", EMU_SRC + " ; " + SEED, "emulation and commendation"),
        Row("công tác thi đua, khen thưởng", f"งานด้าน{TDKT}", "term",
            ["công tác thi đua - khen thưởng", "công tác thi đua – khen thưởng", "công tác thi đua-khen thưởng",
             "công tác TĐKT"],
            ["งานจำลองและให้รางวัล", "งานเลียนแบบและให้รางวัล", "ผลงานเลียนแบบและให้รางวัล",
             "การเคลื่อนไหวเลียนแบบและให้รางวัล", "การทำงานเลียนแบบและให้รางวัล"], "",
            EMU_SRC + " ; " + VN_BG + " (variant) ; " + SEED, "emulation and commendation work"),
        Row("tổng kết công tác thi đua, khen thưởng", f"การสรุปงานด้าน{TDKT}", "term",
            ["tổng kết công tác thi đua - khen thưởng", "tổng kết công tác TĐKT"],
            ["สรุปงานจำลองและให้รางวัล", "สรุปผลงานเลียนแบบและให้รางวัล"], "", EMU_SRC + " ; " + SEED,
            "annual review of emulation and commendation work"),
        Row("công tác thi đua", f"งานด้าน{TD}", "term", [], ["งานจำลอง", "งานเลียนแบบ"], "", EMU_SRC, ""),
        Row("công tác khen thưởng", f"งานด้านการ{KT}", "term", [], ["งานด้านรางวัล"], "", EMU_SRC + " ; " + SEED, ""),
        Row("phong trào thi đua", f"ขบวนการ{TD_VERB}", "term", [],
            ["ขบวนการเลียนแบบ", "การเคลื่อนไหวเลียนแบบ", "ขบวนการจำลอง", "โครงการจำลอง"], "",
            EMU_SRC + " (ขบวนการ for phong trào: " + VOV + ")", "emulation movement"),
        Row("phong trào thi đua yêu nước", f"ขบวนการ{TD_VERB}รักชาติ", "term", [],
            ["ขบวนการเลียนแบบรักชาติ", "ขบวนการเลียนแบบผู้รักชาติ", "ขบวนการจำลองรักชาติ"], "",
            EMU_SRC + " ; " + VN_ND + " (variant) ; " + SEED, "patriotic emulation movement"),
        Row("phát động phong trào thi đua", f"ริเริ่มขบวนการ{TD_VERB}", "term", [], ["เปิดตัวโครงการจำลอง"], "",
            EMU_SRC + " ; " + SEED, "launch an emulation movement"),
        Row("Lời kêu gọi thi đua ái quốc", f"คำเรียกร้องให้{TD_VERB}รักชาติ", "term", [],
            ["การเรียกร้องการเลียนแบบอย่างรักชาติ"], "", EMU_SRC, "Hồ Chí Minh's Call for Patriotic Emulation (1948)"),
        Row("giao ước thi đua", f"ข้อตกลง{TD}", "term", [],
            ["ข้อตกลงจำลอง", "ข้อตกลงโครงการจำลอง", "ข้อตกลงเลียนแบบ"], "", EMU_SRC + " ; seed article line 2",
            "emulation pledge signed by the units of a cluster"),
        Row("ký kết giao ước thi đua", f"ลงนามข้อตกลง{TD}", "term", ["ký giao ước thi đua"],
            ["ลงนามข้อตกลงจำลอง", "ลงนามข้อตกลงโครงการจำลอง"], "", EMU_SRC + " ; seed article line 2", ""),
        Row("bình xét thi đua", f"การพิจารณาผล{TD}", "term", [], [], "", EMU_SRC, "emulation assessment"),
        Row("Cụm thi đua", f"คลัสเตอร์{TD}", "org", [], ["คลัสเตอร์จำลอง", "คลัสเตอร์เลียนแบบ", "กลุ่มเลียนแบบ"], "",
            EMU_SRC + " ; " + VN_ND + " (คลัสเตอร์)",
            "emulation cluster (group of provinces); คลัสเตอร์ keeps it apart from Khối thi đua = กลุ่ม"),
        Row("Cụm thi đua các tỉnh đồng bằng sông Hồng", f"คลัสเตอร์{TD}จังหวัดดินดอนสามเหลี่ยมปากแม่น้ำแดง", "org", [],
            ["คลัสเตอร์จำลองของจังหวัดสามเหลี่ยมปากแม่น้ำแดง", "คลัสเตอร์เลียนแบบจังหวัดสามเหลี่ยมปากแม่น้ำแดง",
             "กลุ่มเลียนแบบจังหวัดต่างๆ ในเขตสามเหลี่ยมปากแม่น้ำแดง"], "", COMPOSED + " ; " + VN_ND + " ; " + SEED,
            "the seed article's cluster"),
        Row("Cụm trưởng", "หัวหน้าคลัสเตอร์", "title", [], ["ผู้นำคลัสเตอร์"], "", EMU_SRC + " ; seed article line 6",
            "cluster leader (a province, for one year)"),
        Row("Cụm phó", "รองหัวหน้าคลัสเตอร์", "title", [], ["ผู้นำรองคลัสเตอร์"], "", EMU_SRC + " ; seed article line 6",
            "deputy cluster leader"),
        Row("Khối thi đua", f"กลุ่ม{TD}", "org", [], ["กลุ่มเลียนแบบ"], "", EMU_SRC + " ; " + VN_ND + " (กลุ่ม)",
            "emulation bloc (group of agencies)"),
        Row("Khối trưởng", f"หัวหน้ากลุ่ม{TD}", "title", [], [], "", COMPOSED, "bloc leader"),
        Row("Khối phó", f"รองหัวหน้ากลุ่ม{TD}", "title", [], [], "", COMPOSED, "deputy bloc leader"),
        Row("Hội đồng Thi đua - Khen thưởng", f"สภา{TDKT}", "org", _tdkt_variants("Hội đồng {}"),
            ["สภาจำลอง", "สภาเลียนแบบและรางวัล", "สภาจำลองและรางวัล"], "", EMU_SRC + " ; " + SEED + " ; " + VN_VH,
            "Emulation and Commendation Council (any level)"),
        Row("Ban Thi đua - Khen thưởng", f"คณะกรรมการ{TDKT}", "org", _tdkt_variants("Ban {}"),
            ["คณะกรรมการการแข่งขันและรางวัล"], "", EMU_SRC + " ; " + VN_VH + " (variant)",
            "Emulation and Commendation Commission (the council's working agency)"),
        Row("Ban Thi đua - Khen thưởng Trung ương", f"คณะกรรมการ{TDKT}กลาง", "org",
            _tdkt_variants("Ban {} Trung ương") + ["Ban TĐKT TW", "Ban TĐKT Trung ương"],
            ["คณะกรรมการจำลองกลาง", "คณะกรรมการเศรษฐกิจกลาง"], "", EMU_SRC + " ; " + SEED,
            "Central Emulation and Commendation Commission (not found in any Thai source); the seed article "
            "has คณะกรรมการจำลองกลาง and คณะกรรมการเศรษฐกิจกลาง"),
        Row("Trưởng Ban Thi đua - Khen thưởng Trung ương", f"หัวหน้าคณะกรรมการ{TDKT}กลาง", "title",
            _tdkt_variants("Trưởng Ban {} Trung ương") + ["Trưởng Ban TĐKT TW"], [], "", COMPOSED, "its head"),
        Row("Phó Trưởng Ban Thi đua - Khen thưởng Trung ương", f"รองหัวหน้าคณะกรรมการ{TDKT}กลาง", "title",
            _tdkt_variants("Phó Trưởng Ban {} Trung ương") + ["Phó Trưởng Ban TĐKT TW"], [], "", COMPOSED, ""),
        Row("Ban Thi đua - Khen thưởng tỉnh", f"คณะกรรมการ{TDKT}จังหวัด", "org", _tdkt_variants("Ban {} tỉnh"), [], "",
            COMPOSED, "provincial commission"),
        Row("Luật Thi đua, Khen thưởng", f"กฎหมายว่าด้วย{TDKT}", "term",
            ["Luật Thi đua - Khen thưởng", "Luật Thi đua – Khen thưởng", "Luật TĐKT"],
            ["กฎหมายว่าด้วยการแข่งขันและรางวัล"], "", EMU_SRC + " ; " + VN_VH + " (variant, with แข่งขัน)",
            "Law on Emulation and Commendation"),
        Row("Cờ thi đua", f"ธง{TD}", "term", [], ["ธงจำลอง", "ธงเลียนแบบ"], "", EMU_SRC + " ; " + SEED,
            "emulation flag (an award)"),
        Row("Cờ thi đua của Chính phủ", f"ธง{TD}ของรัฐบาล", "term", ["Cờ thi đua Chính phủ"],
            ["ธงเลียนแบบรัฐบาล", "ธงจำลองของรัฐบาล"], "", COMPOSED + " ; " + VN_ND + " (variant)", "Government emulation flag"),
        Row("Cờ thi đua của Ủy ban nhân dân tỉnh", f"ธง{TD}ของคณะกรรมการประชาชนจังหวัด", "term",
            ["Cờ thi đua của UBND tỉnh", "Cờ thi đua UBND tỉnh"], [], "", COMPOSED, ""),
        Row("Bằng khen", "ประกาศนียบัตรเกียรติคุณ", "term", [], [], "", EMU_SRC + " ; seed article line 8",
            "certificate of merit (Giấy khen, the lower one, is เกียรติบัตร)"),
        Row("Bằng khen của Thủ tướng Chính phủ", "ประกาศนียบัตรเกียรติคุณของนายกรัฐมนตรี", "term",
            ["Bằng khen Thủ tướng Chính phủ", "Bằng khen của Thủ tướng"], [], "",
            COMPOSED + " ; seed article line 8 (correct there)", "Prime Minister's certificate of merit"),
        Row("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "ประกาศนียบัตรเกียรติคุณของประธานคณะกรรมการประชาชนจังหวัด",
            "term", ["Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của UBND tỉnh", "Bằng khen UBND tỉnh"],
            ["เกียรติบัตรจากคณะกรรมการประชาชนจังหวัด"], "",
            COMPOSED + " ; vietnam.vn/th (machine-translated, variant)", ""),
        Row("Giấy khen", "เกียรติบัตร", "term", [], [], "", "vietnam.vn/th (machine-translated): tran-yen page",
            "certificate of commendation"),
        Row("Chiến sĩ thi đua", f"ผู้มีผลงานดีเด่นใน{TD}", "title", [], [], "", EMU_SRC, "emulation fighter (a title)"),
        Row("Chiến sĩ thi đua toàn quốc", f"ผู้มีผลงานดีเด่นใน{TD}ระดับชาติ", "title", [], [], "", COMPOSED, ""),
        Row("danh hiệu thi đua", f"ตำแหน่งเกียรติยศด้าน{TD}", "term", [], [], "", EMU_SRC, "emulation title"),
        Row("khen thưởng đột xuất", f"การ{KT}เป็นกรณีพิเศษ", "term", [], [], "", EMU_SRC, "ad-hoc commendation"),
        Row("trao khen thưởng", f"มอบรางวัล{KT}", "term", ["trao thưởng"], [], "", EMU_SRC,
            "present commendations (the seed article's มอบรางวัล is acceptable)"),
        Row("mô hình tiên tiến", "ต้นแบบที่ก้าวหน้า", "term", [], ["โมเดลขั้นสูง"], "", HOUSE + " ; " + SEED,
            "advanced model (good practice)"),
        # Orders and honorary titles
        Row("Huân chương Sao Vàng", "เครื่องราชอิสริยาภรณ์ดาวทอง", "term", [], ["เหรียญอิสริยาภรณ์ดาวทอง"], "",
            "vietnam.vn/th (Sao Vàng page) ; VOV tag page (variant)", "Gold Star Order"),
        Row("Huân chương Hồ Chí Minh", "เครื่องราชอิสริยาภรณ์โฮจิมินห์", "term", [], [], "", COMPOSED, ""),
        Row("Huân chương Độc lập", "เครื่องราชอิสริยาภรณ์เอกราช", "term", [], [], "", COMPOSED, "Independence Order"),
        Row("Huân chương Lao động", "เครื่องราชอิสริยาภรณ์แรงงาน", "term", [], [], "", COMPOSED, "Labour Order"),
        Row("Huân chương Bảo vệ Tổ quốc", "เครื่องราชอิสริยาภรณ์ปกป้องปิตุภูมิ", "term", [], [], "", COMPOSED, ""),
        Row("Huân chương Hữu nghị", "เครื่องราชอิสริยาภรณ์มิตรภาพ", "term", [], [], "", COMPOSED, "Friendship Order"),
        Row("hạng Nhất", "ชั้นหนึ่ง", "term", [], [], "", HOUSE, "first class (of an order)"),
        Row("hạng Nhì", "ชั้นสอง", "term", [], [], "", HOUSE, "second class"),
        Row("hạng Ba", "ชั้นสาม", "term", [], [], "", HOUSE, "third class"),
        Row("Anh hùng Lao động", "วีรบุรุษแห่งแรงงาน", "title", [], [], "", "vietnam.vn/th (machine-translated)",
            "Hero of Labour"),
        Row("Anh hùng Lực lượng vũ trang nhân dân", "วีรบุรุษแห่งกองทัพประชาชน", "title", ["Anh hùng LLVTND"], [], "",
            "vietnam.vn/th (machine-translated)", "Hero of the People's Armed Forces"),
        Row("Bà mẹ Việt Nam anh hùng", "มารดาผู้กล้าหาญชาวเวียดนาม", "title", ["Mẹ Việt Nam anh hùng"],
            ["คุณแม่ชาวเวียดนามผู้กล้าหาญ"], "", "vietnam.vn/th (machine-translated)", "Heroic Vietnamese Mother"),
        Row("Nghệ sĩ Nhân dân", "ศิลปินประชาชน", "title", [], [], "", HOUSE, "People's Artist"),
        Row("Nghệ sĩ Ưu tú", "ศิลปินดีเด่น", "title", [], [], "", HOUSE, "Meritorious Artist"),
        Row("Nhà giáo Nhân dân", "ครูประชาชน", "title", [], [], "", HOUSE, "People's Teacher"),
        Row("Nhà giáo Ưu tú", "ครูดีเด่น", "title", [], [], "", HOUSE, "Meritorious Teacher"),
        # New countryside
        Row("nông thôn mới", "ชนบทใหม่", "term", ["NTM"], [], "", VOV_NTM, "new countryside"),
        Row("xây dựng nông thôn mới", "การสร้างสรรค์ชนบทใหม่", "term", ["xây dựng NTM"],
            ["การก่อสร้างใหม่ในชนบท", "การก่อสร้างพื้นที่ชนบทใหม่"], "", VOV_NTM, "new-countryside building"),
        Row("nông thôn mới nâng cao", "ชนบทใหม่ขั้นสูง", "term", ["NTM nâng cao"],
            ["ชนบทใหม่ที่ก้าวหน้า", "ชุมชนชนบทขั้นสูงแห่งใหม่"], "",
            "thongtin.vietnam.vn/th (machine-translated): https://thongtin.vietnam.vn/th/nong-thon-moi-lang-que-khoi-sac",
            "advanced new-countryside standard"),
        Row("nông thôn mới kiểu mẫu", "ชนบทใหม่ต้นแบบ", "term", ["NTM kiểu mẫu"], ["พื้นที่ชนบทต้นแบบใหม่"], "",
            HOUSE + " (parallel to ชนบทใหม่ขั้นสูง; the seed article's line 3 has it)",
            "model new-countryside standard"),
        Row("đạt chuẩn nông thôn mới", "บรรลุมาตรฐานชนบทใหม่", "term", ["đạt chuẩn NTM"], [], "",
            "VOV World Thai, article id 645759", "meets the new-countryside standard"),
        Row("đạt chuẩn nông thôn mới nâng cao", "บรรลุมาตรฐานชนบทใหม่ขั้นสูง", "term", ["đạt chuẩn NTM nâng cao"], [], "",
            COMPOSED + " ; thongtin.vietnam.vn/th", ""),
        Row("đạt chuẩn nông thôn mới kiểu mẫu", "บรรลุมาตรฐานชนบทใหม่ต้นแบบ", "term", ["đạt chuẩn NTM kiểu mẫu"],
            ["บรรลุมาตรฐานพื้นที่ชนบทต้นแบบใหม่"], "", COMPOSED + " ; seed article line 3", ""),
        Row("Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "โครงการเป้าหมายแห่งชาติเกี่ยวกับการสร้างสรรค์ชนบทใหม่",
            "term", ["Chương trình MTQG xây dựng nông thôn mới", "CTMTQG xây dựng NTM", "Chương trình MTQG xây dựng NTM"],
            ["โครงการแห่งชาติเกี่ยวกับการสร้างสรรค์ชนบทใหม่", "โครงการเป้าหมายแห่งชาติว่าด้วยการสร้างสรรค์ชนบทใหม่"], "",
            "VOV World Thai, article id 817155", "National Target Programme on New Rural Development"),
        Row("Chương trình mục tiêu quốc gia", "โครงการเป้าหมายแห่งชาติ", "term", ["Chương trình MTQG", "CTMTQG"], [], "",
            "VOV World Thai, article id 817155", "national target programme"),
        Row("Chương trình Mỗi xã một sản phẩm", "โครงการหนึ่งตำบลหนึ่งผลิตภัณฑ์", "term",
            ["Mỗi xã một sản phẩm", "Chương trình OCOP", "OCOP"], [], "", HOUSE,
            "One Commune One Product, the Vietnamese counterpart of Thailand's OTOP"),
    ]
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
                _tdkt_variants(f"Chủ tịch Hội đồng {{}} {vi_level}") + [f"Chủ tịch {e}" for e in extra], chair_wrong, "",
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


FOREIGN: list[Row] = [
    Row("Tập Cận Bình", "สี จิ้นผิง", "person", ["Xi Jinping"], [], "", _thwiki("สี จิ้นผิง"),
        "General Secretary of the Communist Party of China, President of China"),
    Row("Lý Cường", "หลี่ เฉียง", "person", ["Li Qiang"], [], "", _thwiki("หลี่ เฉียง"),
        "Premier of China (2023-); a Vietnamese person of that name would need a project glossary entry"),
    Row("Hun Sen", "ฮุน เซน", "person", [], ["ฮุนเซน"], "", _thwiki("ฮุน เซน"),
        "President of the Senate of Cambodia, Prime Minister 1985-2023"),
    Row("Hun Manet", "ฮุน มาแนต", "person", [], [], "", _thwiki("ฮุน มาแนต"), "Prime Minister of Cambodia (2023-)"),
    Row("Norodom Sihamoni", "นโรดม สีหมุนี", "person", [], [], "", _thwiki("พระบาทสมเด็จพระบรมนาถ นโรดม สีหมุนี"),
        "King of Cambodia"),
    Row("Thongloun Sisoulith", "ทองลุน สีสุลิด", "person", [], [], "", _thwiki("ทองลุน สีสุลิด"),
        "General Secretary of the Lao People's Revolutionary Party, President of Laos"),
    Row("Sonexay Siphandone", "โสนไซ สีพันดอน", "person", [], [], "", _thwiki("โสนไซ สีพันดอน"),
        "Prime Minister of Laos (2022-)"),
    Row("Phankham Viphavanh", "พันคำ วิพาวัน", "person", [], [], "", _thwiki("พันคำ วิพาวัน"),
        "Prime Minister of Laos 2021-2022"),
    Row("Anwar Ibrahim", "อันวาร์ อิบราฮิม", "person", [], [], "", _thwiki("อันวาร์ อิบราฮิม"),
        "Prime Minister of Malaysia (2022-)"),
    Row("Prabowo Subianto", "ปราโบโว ซูเบียนโต", "person", [], [], "", _thwiki("ปราโบโว ซูเบียนโต"),
        "President of Indonesia (2024-)"),
    Row("Lawrence Wong", "ลอว์เรนซ์ หว่อง", "person", [], [], "", _thwiki("ลอว์เรนซ์ หว่อง"),
        "Prime Minister of Singapore (2024-)"),
    Row("Paetongtarn Shinawatra", "แพทองธาร ชินวัตร", "person", [], [], "", _thwiki("แพทองธาร ชินวัตร"),
        "Prime Minister of Thailand 2024-2025"),
    Row("Anutin Charnvirakul", "อนุทิน ชาญวีรกูล", "person", [], [], "", _thwiki("อนุทิน ชาญวีรกูล"),
        "Prime Minister of Thailand (2025-)"),
    Row("Srettha Thavisin", "เศรษฐา ทวีสิน", "person", [], [], "", _thwiki("เศรษฐา ทวีสิน"),
        "Prime Minister of Thailand 2023-2024"),
    Row("Vladimir Putin", "วลาดีมีร์ ปูติน", "person", [], [], "", _thwiki("วลาดีมีร์ ปูติน"), "President of Russia"),
    Row("Donald Trump", "ดอนัลด์ ทรัมป์", "person", [], ["โดนัลด์ ทรัมป์"], "", _thwiki("ดอนัลด์ ทรัมป์"),
        "President of the United States (2017-2021, 2025-)"),
    Row("Joe Biden", "โจ ไบเดิน", "person", [], [], "", _thwiki("โจ ไบเดิน"), "President of the United States 2021-2025"),
    Row("Bắc Kinh", "ปักกิ่ง", "place", ["Beijing"], [], "", _thwiki("ปักกิ่ง"), "capital of China"),
    Row("Phnom Penh", "พนมเปญ", "place", ["Phnôm Pênh", "Nông Pênh"], [], "", _thwiki("พนมเปญ"), "capital of Cambodia"),
    Row("Vientiane", "เวียงจันทน์", "place", ["Viêng Chăn"], [], "", _thwiki("เวียงจันทน์"), "capital of Laos"),
    Row("Kuala Lumpur", "กัวลาลัมเปอร์", "place", [], [], "", _thwiki("กัวลาลัมเปอร์"), "capital of Malaysia"),
    Row("Jakarta", "จาการ์ตา", "place", ["Gia-các-ta"], [], "", _thwiki("จาการ์ตา"), "capital of Indonesia"),
    Row("Manila", "มะนิลา", "place", [], [], "", _thwiki("มะนิลา"), "capital of the Philippines"),
    Row("Naypyidaw", "เนปยีดอ", "place", ["Nay Pyi Taw"], [], "", _thwiki("เนปยีดอ"), "capital of Myanmar"),
    Row("Tokyo", "โตเกียว", "place", ["Tô-ky-ô"], [], "", _thwiki("โตเกียว"), "capital of Japan"),
    Row("Seoul", "โซล", "place", ["Xơ-un"], [], "", _thwiki("โซล"), "capital of South Korea"),
    Row("Moskva", "มอสโก", "place", ["Mát-xcơ-va", "Moscow"], [], "", _thwiki("มอสโก"), "capital of Russia"),
    Row("Washington", "วอชิงตัน", "place", ["Washington D.C."], [], "", _thwiki("วอชิงตัน ดี.ซี."),
        "capital of the United States"),
]


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
