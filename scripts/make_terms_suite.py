#!/usr/bin/env python3
"""Generate the terminology suite eval/terms/terms.jsonl from templates over the glossary entries.

Each sentence is an official-news template (meetings, visits, awards, emulation movements) whose slots
are filled with glossary entries of the right kind: {person}, {title}, {org}, {place}, {term}, {award}
(terms that are orders, medals, certificates and honorary titles). Several slots of one kind are
written {org2}, {person2}.

The annotation is exact by construction and checked twice:

1. only entries that the glossary matcher finds, alone, as themselves are used (an entry shadowed by
   another one with the same Vietnamese form, or one that cannot match on its own, is left out);
2. the finished sentence is run through the matcher; every slot must come back as exactly its entry at
   exactly its place (a slot that merges with its neighbours into a longer entry, such as a title
   followed by "tỉnh", is redrawn). The annotation is the matcher's full output, so terms that the
   template text itself contains are annotated too.

Draws are balanced: each kind's entries are shuffled and dealt in turn, so every usable entry appears
before any appears twice. Same glossary + same seed = same file, byte for byte.

    python scripts/make_terms_suite.py                     # shipped glossaries -> eval/terms/
    python scripts/make_terms_suite.py --glossary my.tsv --no-default-glossary --out /tmp/suite.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from vnthai_mt.glossary import KINDS, Entry, Matcher, load_glossaries

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "vnthai_mt" / "data" / "terms" / "terms.jsonl"
SEED = 20240313  # the date of the seed article's conference
SIZE = 240

TEMPLATES = (
    "Sáng {day}/{month}, tại {place}, {org} tổ chức hội nghị tổng kết {term} năm {year}.",
    "Dự hội nghị có đồng chí {person}, {title}; đại diện lãnh đạo {org}.",
    "Phát biểu chỉ đạo tại hội nghị, {title} {person} đánh giá cao kết quả đạt được.",
    "Thay mặt lãnh đạo {org}, đồng chí {person} trao {award} cho các tập thể, cá nhân có thành tích xuất sắc.",
    "{org} đã ban hành kế hoạch triển khai {term} trong năm {year}.",
    "Đồng chí {person}, {title}, tặng hoa chúc mừng các đơn vị của {place}.",
    "Hội nghị thống nhất đề nghị tặng {award} cho {place}.",
    "Chiều {day}/{month}, đồng chí {person}, {title}, đã làm việc với lãnh đạo {org}.",
    "Phát biểu tại buổi lễ, {person} nhấn mạnh ý nghĩa của {term} đối với {place}.",
    "Theo báo cáo của {org}, {term} tại {place} đã đạt nhiều kết quả tích cực.",
    "Đoàn công tác của {org} do đồng chí {person}, {title}, làm trưởng đoàn đã đến thăm và làm việc tại {place}.",
    "{person} được tặng {award} vì đã có thành tích xuất sắc trong {term}.",
    "Các đại biểu đã thảo luận giải pháp nâng cao hiệu quả {term} tại {place}.",
    "Ngày {day}/{month}/{year}, {org} long trọng tổ chức lễ đón nhận {award}.",
    "{title} {person} khẳng định {org} sẽ tiếp tục đồng hành cùng {place} trong thời gian tới.",
    "Tham dự buổi lễ có {person}, {title}, và đại diện {org}.",
    "Năm {year}, {place} phấn đấu hoàn thành các chỉ tiêu về {term}.",
    "Nhân dịp này, {org} trao {award} cho {num} tập thể và cá nhân.",
    "Tiếp đoàn có đồng chí {person}, {title}, cùng lãnh đạo các sở, ngành của {place}.",
    "Đồng chí {person}, {title}, đề nghị các cấp, các ngành tiếp tục đẩy mạnh {term}.",
    "Tại hội nghị, đại diện {org} và {org2} đã ký kết chương trình phối hợp giai đoạn {year}-{year2}.",
    "Sáng nay, {org} tổ chức phiên họp thường kỳ tháng {month} dưới sự chủ trì của đồng chí {person}, {title}.",
    "Lãnh đạo {place} đã tiếp và làm việc với đoàn công tác của {org}.",
    "Cũng trong dịp này, {title} {person} trao {award} cho đại diện {place}.",
    "Đồng chí {person} và đồng chí {person2} cùng dự lễ khánh thành công trình tại {place}.",
    "Năm {year}, {term} tại {place} tiếp tục được triển khai sâu rộng.",
    "Báo cáo của {org} cho biết trong {num} tháng đầu năm đã xuất hiện nhiều mô hình hay trong {term}.",
    "Theo {person}, {title}, {place} đã hoàn thành {num}% kế hoạch năm {year}.",
    "Chiều {day}/{month}, {title} {person} tiếp xúc cử tri tại {place}.",
    "Đồng chí {person}, {title}, đã trao quyết định và tặng hoa chúc mừng lãnh đạo {org}.",
)

AWARD_PREFIXES = ("Huân chương", "Huy chương", "Bằng khen", "Cờ thi đua", "Giấy khen", "Anh hùng", "Chiến sĩ thi đua",
                  "Nghệ sĩ", "Nhà giáo", "Thầy thuốc", "danh hiệu", "Danh hiệu", "Bà mẹ Việt Nam")
# The {term} slot takes emulation-and-reward and new-countryside vocabulary; other terms (đồng chí,
# administrative words) still get annotated wherever the template text contains them.
TERM_WORDS = ("thi đua", "khen thưởng", "nông thôn mới", "mô hình", "Chương trình", "phong trào", "giao ước")
SLOT = re.compile(r"\{([a-z]+?)(\d*)\}")


def is_award(entry: Entry) -> bool:
    return entry.kind == "term" and entry.vi.startswith(AWARD_PREFIXES)


def usable_entries(matcher: Matcher) -> list[Entry]:
    """Entries that the matcher finds, alone, as exactly themselves."""
    out = []
    for entry in matcher.glossary.entries:
        found = matcher.find(entry.vi)
        if len(found) == 1 and found[0].entry is entry and (found[0].start, found[0].end) == (0, len(entry.vi)):
            out.append(entry)
    return out


def pools(entries: list[Entry]) -> dict[str, list[Entry]]:
    by: dict[str, list[Entry]] = {kind: [] for kind in (*KINDS, "award")}
    for e in entries:
        if e.kind == "place" and not any(ch.isupper() for ch in e.vi):
            continue  # generic words (tỉnh, huyện) are not places to fill a slot with
        if e.kind == "person" and e.vi.count(" ") < 1:
            continue
        if is_award(e):
            by["award"].append(e)
        elif e.kind != "term" or any(w.lower() in e.vi.lower() for w in TERM_WORDS):
            by[e.kind].append(e)
    if not by["award"]:
        by["award"] = list(by["term"])
    return {k: v for k, v in by.items() if v}


class Dealer:
    """Deals each pool's entries in shuffled rounds, so all are used before any repeats."""

    def __init__(self, pools: dict[str, list[Entry]], rng: random.Random) -> None:
        self.pools, self.rng, self.decks = pools, rng, {k: [] for k in pools}

    def draw(self, kind: str) -> Entry:
        deck = self.decks[kind]
        if not deck:
            deck.extend(self.pools[kind])
            self.rng.shuffle(deck)
        return deck.pop()


@dataclass
class Item:
    id: str
    vi: str
    terms: list[dict]


def fill(template: str, dealer: Dealer, rng: random.Random) -> tuple[str, list[tuple[int, int, Entry]]]:
    """The sentence and the (start, end, entry) of each glossary slot."""
    year = rng.randrange(2019, 2026)
    numbers = {"day": str(rng.randrange(1, 29)), "month": str(rng.randrange(1, 13)), "year": str(year),
               "year2": str(year + 5), "num": str(rng.randrange(3, 98))}
    out, slots, pos, used = [], [], 0, set()
    for m in SLOT.finditer(template):
        out.append(template[pos:m.start()])
        name = m.group(1) + m.group(2)
        if name in numbers:
            text = numbers[name]
        else:
            kind = m.group(1)
            entry = dealer.draw(kind)
            for _ in range(5):  # two slots of one kind get two different entries
                if entry.vi not in used:
                    break
                entry = dealer.draw(kind)
            used.add(entry.vi)
            start = sum(map(len, out))
            slots.append((start, start + len(entry.vi), entry))
            text = entry.vi
        out.append(text)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), slots


def slot_kinds(template: str) -> set[str]:
    return {m.group(1) for m in SLOT.finditer(template)} - {"day", "month", "year", "num"}


def generate(matcher: Matcher, size: int = SIZE, seed: int = SEED, tries: int = 50) -> list[Item]:
    rng = random.Random(seed)
    dealer = Dealer(pools(usable_entries(matcher)), rng)
    # Templates whose slot kinds this glossary has (a small test glossary may lack some).
    templates = [t for t in TEMPLATES if slot_kinds(t) <= set(dealer.pools)]
    if not templates:
        raise SystemExit(f"the glossary lacks the kinds the templates need (has: {', '.join(dealer.pools)})")
    items: list[Item] = []
    while len(items) < size:
        template = templates[len(items) % len(templates)]
        for _ in range(tries):
            sentence, slots = fill(template, dealer, rng)
            matches = matcher.find(sentence)
            spans = {(m.start, m.end): m.entry for m in matches}
            if all(spans.get((a, b)) is e for a, b, e in slots):
                terms = [{"vi": m.source, "th": m.entry.th, "kind": m.entry.kind} for m in matches]
                items.append(Item(f"terms-{len(items) + 1:04d}", sentence, terms))
                break
        else:
            raise SystemExit(f"the slots of this template keep merging with their neighbours: {template}")
    return items


def write(items: list[Item], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": it.id, "vi": it.vi, "terms": it.terms}, ensure_ascii=False) for it in items]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.with_suffix(".vi.txt").write_text("\n".join(it.vi for it in items) + "\n", encoding="utf-8")


def summary(items: list[Item]) -> dict:
    kinds = Counter(t["kind"] for it in items for t in it.terms)
    distinct = {t["th"] for it in items for t in it.terms}
    return {"sentences": len(items), "terms": sum(kinds.values()), "by_kind": dict(sorted(kinds.items())),
            "distinct_renderings": len(distinct)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", action="append", default=[], help="glossary over the shipped ones")
    parser.add_argument("--no-default-glossary", action="store_true")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSONL to write (and .vi.txt beside it)")
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
    if not len(glossary):
        parser.error("no glossary entries (none shipped in glossaries/, none given)")
    items = generate(Matcher(glossary), size=args.size, seed=args.seed)
    write(items, args.out)
    print(json.dumps({"out": str(args.out), **summary(items)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
