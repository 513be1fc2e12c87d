"""Page furniture translated as if it were text: source credits, comment counters, share buttons.

A line is boilerplate when the whole (short) line is one of these, in Thai or left in Vietnamese, or
when the aligned Vietnamese source line is one of them. Long lines never are: a sentence that starts
with ที่มา is content.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LEN = 60

_THAI = [
    (re.compile(r"^(?:แหล่งที่มา|ที่มา|แหล่งข่าว|แหล่งอ้างอิง|อ้างอิง)(?:\s*[:：]\s*\S.{0,40})?$"), "source credit"),
    (re.compile(r"^(?:การ)?(?:แสดง)?ความ(?:คิด)?เห็น(?:ทั้งหมด)?\s*(?:\(\s*[0-9๐-๙]+\s*\))?$"), "comment counter"),
    (re.compile(r"^(?:แชร์|แบ่งปัน|แชร์บทความ|แชร์ข่าว|แชร์บทความนี้)(?:\s*(?:บน|ไปยัง|ทาง|ผ่าน)?\s*\S{1,12})?$"),
     "share line"),
    (re.compile(r"^(?:Facebook|Twitter|Zalo|LINE|Line|เฟซบุ๊ก|ทวิตเตอร์|ไลน์|ซาโล)(?:\s*[|/,·]\s*"
                r"(?:Facebook|Twitter|Zalo|LINE|Line|เฟซบุ๊ก|ทวิตเตอร์|ไลน์|ซาโล))*$"), "share line"),
    (re.compile(r"^(?:พิมพ์|พิมพ์บทความ|ส่งอีเมล|ส่งอีเมล์|ส่งต่อ|บันทึก|บุ๊กมาร์ก|คัดลอกลิงก์)$"), "print/e-mail button"),
    (re.compile(r"^(?:ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|บทความที่เกี่ยวข้อง|อ่านเพิ่มเติม|อ่านต่อ|ข่าวอื่นๆ|ดูเพิ่มเติม|"
                r"ข่าวล่าสุด|ข่าวยอดนิยม|ข่าวที่น่าสนใจ)\s*[:：]?$"), "related-news heading"),
    (re.compile(r"^(?:แท็ก|แทก|คำสำคัญ|คีย์เวิร์ด)\s*[:：]"), "tag list"),
    (re.compile(r"^(?:ถูกใจ|ไลค์)\s*(?:\(\s*[0-9๐-๙]+\s*\))?$"), "like counter"),
    (re.compile(r"^(?:กลับไปด้านบน|กลับสู่ด้านบน|ขึ้นด้านบน|กลับด้านบน)$"), "back-to-top link"),
]
_VIETNAMESE = [
    (re.compile(r"^nguồn(?:\s*:\s*\S.{0,40})?$", re.IGNORECASE), "source credit"),
    (re.compile(r"^(?:bình luận|ý kiến)(?:\s*\(\s*\d+\s*\))?$", re.IGNORECASE), "comment counter"),
    (re.compile(r"^(?:chia sẻ|share)(?:\s+\S{1,12})?$", re.IGNORECASE), "share line"),
    (re.compile(r"^(?:in bài|gửi bài|in|gửi email|lưu)$", re.IGNORECASE), "print/e-mail button"),
    (re.compile(r"^(?:tin liên quan|bài liên quan|xem thêm|tin khác|đọc thêm|tin mới nhất)\s*:?$", re.IGNORECASE),
     "related-news heading"),
    (re.compile(r"^(?:từ khóa|từ khoá|tags?)\s*:", re.IGNORECASE), "tag list"),
    (re.compile(r"^(?:thích|like)(?:\s*\(\s*\d+\s*\))?$", re.IGNORECASE), "like counter"),
]


def _clean(line: str) -> str:
    return " ".join(line.split()).strip(" .")


def thai_boilerplate(line: str) -> str | None:
    """What kind of page furniture this Thai line is, or None."""
    text = _clean(line)
    if not text or len(text) > MAX_LEN:
        return None
    for pattern, what in _THAI + _VIETNAMESE:
        if pattern.match(text):
            return what
    return None


def source_boilerplate(line: str) -> str | None:
    """What kind of page furniture this Vietnamese source line is, or None."""
    text = _clean(unicodedata.normalize("NFC", line))
    if not text or len(text) > MAX_LEN:
        return None
    for pattern, what in _VIETNAMESE:
        if pattern.match(text):
            return what
    return None
