"""Vietnamese proper names: transcription into Thai (Royal Institute rules, established forms first),
detection in Vietnamese text, one rendering per name in a document, and Thai-side phonetic keys.

    from vnthai_mt.names import transcribe, find_names, NameRegistry, thai_key
    transcribe("Nguyễn Khắc Thận").thai            # 'เหงียน คัก เถิ่น'
    transcribe("Nam Định", kind="place").thai      # 'นามดิ่ญ'
"""

from vnthai_mt.names.detect import NameSpan, find_names
from vnthai_mt.names.phonetic import latin_matches_thai, latin_to_thai_candidates, thai_key
from vnthai_mt.names.registry import NameRegistry, RegistryEntry
from vnthai_mt.names.translit import Transcription, transcribe

__all__ = [
    "NameRegistry",
    "NameSpan",
    "RegistryEntry",
    "Transcription",
    "find_names",
    "latin_matches_thai",
    "latin_to_thai_candidates",
    "thai_key",
    "transcribe",
]
