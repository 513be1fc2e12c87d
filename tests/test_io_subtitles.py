"""SRT and WebVTT: only cue text changes; numbers, timecodes, settings, headers and blocks kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats import read_document, render_document, subtitles

SRT = """1
00:00:01,000 --> 00:00:03,500
Thủ tướng Phạm Minh Chính
phát biểu tại hội nghị.

2
00:00:04,000 --> 00:00:06,000 X1:40 X2:600 Y1:20 Y2:50
<i>Xin chào các bạn.</i>

3
00:00:06,500 --> 00:00:08,000
- Anh đi đâu?
- Tôi về nhà.
"""

VTT = """WEBVTT - Bản tin thời sự
Kind: captions
Language: vi

STYLE
::cue { color: yellow; }

NOTE Đây là ghi chú
không được dịch

REGION
id:fred width:40%

intro
00:01.000 --> 00:04.000 align:start line:0%
<v Người dẫn>Chào mừng &amp; xin chào
quý vị khán giả.

00:00:05.000 --> 00:00:07.000
<c.yellow>Tin &lt;nóng&gt;</c>
"""

_TIMING = re.compile(r"-->")


def _kept_lines(text: str) -> list[str]:
    """Every line that is not cue text, for comparison (numbers, timings, headers, blocks)."""
    return [line for line in text.splitlines() if _TIMING.search(line) or line.isdigit()]


def test_srt_segments_and_ids():
    parsed = subtitles.parse(SRT, "srt", "a.srt")
    assert subtitles.cue_texts(parsed) == [
        ("c1", "Thủ tướng Phạm Minh Chính phát biểu tại hội nghị.", 2),
        ("c2", "Xin chào các bạn.", 7),
        ("c3.1", "Anh đi đâu?", 12),
        ("c3.2", "Tôi về nhà.", 13),
    ]


def test_srt_render_keeps_everything_but_the_text():
    parsed = subtitles.parse(SRT, "srt", "a.srt")
    out = subtitles.render(parsed, ["นายกรัฐมนตรี ฟั่ม มิญ จิ๋ญ กล่าวในที่ประชุม", "สวัสดี", "ไปไหน", "กลับบ้าน"])
    assert out.splitlines()[:3] == ["1", "00:00:01,000 --> 00:00:03,500", "นายกรัฐมนตรี ฟั่ม มิญ"]
    assert "จิ๋ญ กล่าวในที่ประชุม" in out.splitlines()[3]  # re-balanced into the cue's two lines
    assert "<i>สวัสดี</i>" in out  # markup around the cue kept
    assert "- ไปไหน\n- กลับบ้าน\n" in out  # dialogue: one line per speaker, dashes kept
    assert _kept_lines(out) == _kept_lines(SRT)
    assert out.count("\n\n") == SRT.count("\n\n")


def test_unchanged_translation_gives_the_same_bytes():
    for text, fmt in ((SRT, "srt"), (VTT, "vtt"), (SRT.replace("\n", "\r\n"), "srt")):
        parsed = subtitles.parse(text, fmt, "x")
        assert subtitles.render(parsed, [t for _, t, _ in subtitles.cue_texts(parsed)]) == text


def test_vtt_header_blocks_identifiers_and_entities():
    parsed = subtitles.parse(VTT, "vtt", "a.vtt")
    texts = [t for _, t, _ in subtitles.cue_texts(parsed)]
    assert texts == ["Chào mừng & xin chào quý vị khán giả.", "Tin <nóng>"]
    out = subtitles.render(parsed, ["ยินดี & สวัสดี ท่าน ผู้ชม", "ข่าว <ด่วน>"])
    head = VTT.split("intro\n")[0]
    assert out.startswith(head + "intro\n00:01.000 --> 00:04.000 align:start line:0%\n<v Người dẫn>ยินดี &amp;")
    assert "<c.yellow>ข่าว &lt;ด่วน&gt;</c>\n" in out
    assert _kept_lines(out) == _kept_lines(VTT)


def test_balance_never_cuts_a_word():
    assert subtitles.balance("một hai ba bốn", 2) == ["một hai", "ba bốn"]
    assert subtitles.balance("một", 3) == ["một"]
    lines = subtitles.balance("นายกรัฐมนตรีกล่าวในที่ประชุมวันนี้", 2)
    assert len(lines) == 2 and "".join(lines) == "นายกรัฐมนตรีกล่าวในที่ประชุมวันนี้"


def test_a_translation_cannot_forge_a_timing_line_or_end_a_cue():
    parsed = subtitles.parse(SRT, "srt", "a.srt")
    out = subtitles.render(parsed, ["a --> b\n\nc", "x", "y", "z"])
    again = subtitles.parse(out, "srt", "out.srt")
    assert len(again.cues) == 3 and "a ->" in out and out.count("-->") == 3


@pytest.mark.parametrize("text, line, words", [
    ("1\n00:00:01,000 -> 00:00:02,000\nA\n", 2, "bad timecode"),
    ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:61,000 --> 00:01:02,000\nB\n", 6, "bad timecode"),
    ("1\n00:00:05,000 --> 00:00:02,000\nA\n", 2, "ends before it starts"),
    ("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n", 4, "missing blank line"),
    ("1\nA\n", 2, "bad timecode"),
    ("00:00:01,000 --> 00:00:02,000\nA\n", 1, "cue number"),
    ("1\n", 2, "timing line"),
])
def test_broken_srt_is_one_error_with_the_line(text, line, words):
    with pytest.raises(InputError) as err:
        subtitles.parse(text, "srt", "bad.srt")
    assert err.value.line == line and words in err.value.message
    assert str(err.value).startswith(f"bad.srt:{line}: ")


@pytest.mark.parametrize("text, line, words", [
    ("1\n00:01.000 --> 00:02.000\nA\n", 1, "WEBVTT"),
    ("WEBVTT\n00:01.000 --> 00:02.000\nA\n", 2, "blank line"),
    ("WEBVTT\n\n00:01,000 --> 00:02.000\nA\n", 3, "bad timecode"),
    ("WEBVTT\n\nNOTE x\n00:01.000 --> 00:02.000\nA\n", 4, "NOTE block"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:03.000 --> 00:04.000\nB\n", 5, "missing blank line"),
])
def test_broken_vtt_is_one_error_with_the_line(text, line, words):
    with pytest.raises(InputError) as err:
        subtitles.parse(text, "vtt", "bad.vtt")
    assert err.value.line == line and words in err.value.message


def test_read_document_and_render_document(tmp_path):
    path = tmp_path / "a.srt"
    path.write_bytes(b"\xef\xbb\xbf" + SRT.encode())
    doc = read_document(path)
    assert doc.fmt == "srt" and len(doc) == 4
    out = render_document(doc, [s.text for s in doc.segments])
    assert out == b"\xef\xbb\xbf" + SRT.encode()
    vtt = tmp_path / "a.vtt"
    vtt.write_text(VTT, encoding="utf-8")
    assert read_document(vtt).fmt == "vtt"


# --- property: any well-formed SRT keeps its structure whatever the translations are ------------------

_word = st.text(alphabet="abcdeđơưàáạ ก ข ค <>&-", min_size=1, max_size=12).map(str.strip).filter(bool)
_cue_lines = st.lists(_word, min_size=1, max_size=3)


def _timecode(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


@settings(max_examples=60, deadline=None)
@given(cues=st.lists(st.tuples(_cue_lines, st.integers(0, 10_000_000), st.integers(0, 5000)), min_size=1,
                     max_size=6),
       crlf=st.booleans(), final=st.booleans(),
       translations=st.lists(st.text(max_size=30), min_size=30, max_size=30))
def test_property_srt_structure_survives_any_translation(cues, crlf, final, translations):
    blocks = []
    for n, (lines, start, length) in enumerate(cues, 1):
        blocks.append(f"{n}\n{_timecode(start)} --> {_timecode(start + length)}\n" + "\n".join(lines))
    text = "\n\n".join(blocks) + ("\n" if final else "")
    if crlf:
        text = text.replace("\n", "\r\n")
    parsed = subtitles.parse(text, "srt", "p.srt")
    segs = subtitles.cue_texts(parsed)
    assert subtitles.render(parsed, [t for _, t, _ in segs]) == text
    out = subtitles.render(parsed, translations[: len(segs)] + [""] * max(0, len(segs) - 30))
    again = subtitles.parse(out, "srt", "out.srt")  # still a valid SRT with the same cues
    assert len(again.cues) == len(parsed.cues)
    assert [parsed.lines[c.timing_line - 1] for c in parsed.cues] == [again.lines[c.timing_line - 1]
                                                                       for c in again.cues]


# --- from the command line --------------------------------------------------------------------------


def test_cli_broken_srt_one_line_exit_2_no_output(tmp_path, capsys):
    from vnthai_mt.cli import main

    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n", encoding="utf-8")
    out = tmp_path / "out.srt"
    assert main(["translate", str(bad), "-o", str(out), "--model", str(tmp_path / "no-model")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"vnthai-mt: error: {bad}:4: missing blank line before this cue"]
    assert not out.exists()


def test_cli_srt_that_is_not_utf8(tmp_path, capsys):
    from vnthai_mt.cli import main

    bad = tmp_path / "latin1.srt"
    bad.write_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nCh\xe0o\n")
    out = tmp_path / "out.srt"
    assert main(["translate", str(bad), "-o", str(out), "--model", str(tmp_path / "m")]) == 2
    assert "invalid UTF-8" in capsys.readouterr().err and not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize("name, text", [("news.srt", SRT), ("news.vtt", VTT)])
def test_cli_translates_subtitles_keeping_every_timecode(tiny_nllb, tmp_path, name, text):
    from vnthai_mt.cli import main

    src, out, rep = tmp_path / name, tmp_path / ("th-" + name), tmp_path / "rep.json"
    src.write_text(text, encoding="utf-8")
    code = main(["translate", str(src), "-o", str(out), "--model", str(tiny_nllb), "--beams", "1",
                 "--max-new-tokens", "16", "--threads", "1", "--report", str(rep), "-q"])
    assert code == 0
    result = out.read_text(encoding="utf-8")
    assert _kept_lines(result) == _kept_lines(text)
    fmt = name.rsplit(".", 1)[1]
    again = subtitles.parse(result, fmt, out)
    assert len(again.cues) == len(subtitles.parse(text, fmt, src).cues)
    if fmt == "vtt":
        assert result.startswith(text.split("intro\n")[0])  # header, STYLE, NOTE, REGION byte for byte
    import json

    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["summary"]["segments"] == len(read_document(src))
    assert report["summary"]["missing"] == 0  # the glossary guarantee holds in subtitles too


def test_markup_inside_a_cue_is_inline_tags():
    from vnthai_mt.io.inline import check_markers, marker

    text = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Xin <i>chào</i> các\n<b>bạn</b> nhé\n"
    parsed = subtitles.parse(text, "srt", "a.srt")
    ((sid, model_text, _, tags),) = subtitles.cue_segments(parsed)
    assert model_text == f"Xin {marker(0)}chào{marker(1)} các {marker(2)}bạn{marker(3)} nhé"
    assert [t.kind for t in tags] == ["open", "close", "open", "close"] and not check_markers(model_text, tags)
    out = subtitles.render(parsed, [f"{marker(2)}ก{marker(3)} ข {marker(0)}ค{marker(1)}"])
    assert out == "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<b>ก</b>\nข <i>ค</i>\n"
