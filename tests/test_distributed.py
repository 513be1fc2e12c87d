"""`translate --engine ray` and ``vnthai_mt.distributed``: planning documents and shards (no Ray),
failed rows kept with their error, clear refusals; then, on one local Ray cluster started here
(2 CPUs, 127.0.0.1), 200 NTREX lines and the seed article with the tiny CTranslate2 model: the
shards equal the single-process `translate` output row for row, the summary's counts equal its
report, and a driver killed halfway resumes without translating finished shards again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.cli import main
from vnthai_mt.distributed.plan import plan_input
from vnthai_mt.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "vnthai_mt" / "data"
SEED = DATA / "examples" / "seed_article.vi.txt"
NTREX = DATA / "refsets" / "ntrex128"
# Greedy, short outputs: the random-weights model writes noise up to its limit; the pipeline is whole.
FAST = ["--backend", "ctranslate2", "--beams", "1", "--max-new-tokens", "12"]


def _jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


# --- planning, no Ray ----------------------------------------------------------------------------------


def test_documents_follow_the_doc_field_and_shards_never_split_them(tmp_path):
    _jsonl(tmp_path / "a.jsonl", [{"doc": d, "vi": f"Câu {i}."} for i, d in enumerate("xxxyyz")])
    (tmp_path / "b.txt").write_text("Một.\n\nHai.\n", encoding="utf-8")
    plan = plan_input(tmp_path, doc_field="doc", shard_rows=2)
    assert [(d.key, len(d.rows)) for d in plan.documents] == [("a.jsonl#x", 3), ("a.jsonl#y", 2),
                                                              ("a.jsonl#z", 1), ("b.txt", 3)]
    assert [s.documents for s in plan.shards] == [[0], [1], [2, 3]]
    assert plan.documents[0].out_key == "vi" and plan.documents[3].out_key == "th"
    assert plan.documents[3].rows[1].record == {"vi": ""}  # a blank line is a segment of a text file
    # Without --doc-field a file is one document, as `translate FILE` takes it.
    assert [d.key for d in plan_input(tmp_path).documents] == ["a.jsonl", "b.txt"]


def test_a_document_that_comes_back_is_refused_with_file_and_line(tmp_path):
    _jsonl(tmp_path / "a.jsonl", [{"doc": d, "vi": "Câu."} for d in "xyx"])
    with pytest.raises(InputError) as err:
        plan_input(tmp_path, doc_field="doc")
    assert err.value.line == 3 and "first at line 1" in str(err.value)
    _jsonl(tmp_path / "a.jsonl", [{"vi": "Câu.", "_items": 1}])
    with pytest.raises(InputError, match="_items"):
        plan_input(tmp_path)


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(1, 9), min_size=1, max_size=30), shard_rows=st.integers(1, 25))
def test_shards_cover_every_document_once_in_order(tmp_path_factory, sizes, shard_rows):
    folder = tmp_path_factory.mktemp("plan")
    _jsonl(folder / "a.jsonl", [{"doc": k, "vi": f"Câu {k}.{j}"} for k, n in enumerate(sizes) for j in range(n)])
    plan = plan_input(folder, doc_field="doc", shard_rows=shard_rows)
    assert [d for s in plan.shards for d in s.documents] == list(range(len(sizes)))
    assert [s.rows for s in plan.shards] == [sum(sizes[d] for d in s.documents) for s in plan.shards]
    assert all(s.rows >= shard_rows for s in plan.shards[:-1])
    assert all(s.rows - sizes[s.documents[-1]] < shard_rows for s in plan.shards)  # cut at the first chance


def test_a_row_that_keeps_failing_is_kept_with_its_error(tmp_path):
    from vnthai_mt.distributed.actor import DocumentTranslator
    from vnthai_mt.distributed.run import _done_record, _write_shard, read_shard

    class Broken:  # the layer below, failing: the actor must report, not drop
        _settings_fp = "fp"
        calls = 0

        def translate_with_report(self, texts, ids=None):
            Broken.calls += 1
            raise RuntimeError("CUDA out of memory")

    actor = DocumentTranslator.__new__(DocumentTranslator)
    actor.translator, actor.load_s, actor.name = Broken(), 0.0, "test"
    actor.field, actor.out_field, actor.attempts = "_texts", "_th", 3
    result = actor.translate_row({"_texts": ["Một.", "Hai."], "_ids": ["1", "2"]})
    assert Broken.calls == 3 and "CUDA out of memory (after 3 attempt(s))" in result["_error"]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Một.\nHai.\n", encoding="utf-8")
    plan = plan_input(tmp_path / "in")
    out = tmp_path / "out"
    (out / "shards").mkdir(parents=True)
    (out / ".done").mkdir()
    record = _write_shard(plan, plan.shards[0], {0: result}, out, "jsonl")
    assert record["failed_rows"] == 2 and record["errors"][0]["document"] == "a.txt"
    rows = read_shard(out / "shards" / "part-00000.jsonl")
    assert [(r["_id"], r["vi"], r["th"]) for r in rows] == [("1", "Một.", None), ("2", "Hai.", None)]
    assert all("out of memory" in r["_error"] for r in rows)
    assert _done_record(out, plan.shards[0], "jsonl") is None  # a rerun tries the shard again


def test_parquet_in_and_out_keep_rows_and_items(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from vnthai_mt.distributed.run import _encode, read_shard

    pq.write_table(pa.Table.from_pylist([{"n": 1, "vi": "Một."}, {"n": 2, "vi": "Hai."}]), tmp_path / "a.parquet")
    plan = plan_input(tmp_path)
    assert [(r.id, r.text, r.record["n"]) for r in plan.documents[0].rows] == [("1", "Một.", 1), ("2", "Hai.", 2)]
    item = {"vi": "Một", "th": "หนึ่ง", "kind": "term", "source": "glossary", "status": "enforced", "via": None}
    rows = [{"n": 1, "vi": "หนึ่ง.", "_file": "a.parquet", "_id": "1", "_doc": "a.parquet", "_items": [item],
             "_error": None},
            {"n": 2, "vi": None, "_file": "a.parquet", "_id": "2", "_doc": "a.parquet", "_items": [],
             "_error": "RuntimeError: x"}]
    (tmp_path / "out.parquet").write_bytes(_encode(rows, "parquet"))
    assert read_shard(tmp_path / "out.parquet") == rows


def test_engine_ray_without_ray_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    code = main(["translate", str(SEED), "-o", str(tmp_path / "out"), "--engine", "ray"])
    assert code == 2
    assert "pip install 'vnthai-mt[ray]'" in capsys.readouterr().err
    assert main(["translate", str(SEED), "-o", str(tmp_path / "o.txt"), "--doc-field", "doc"]) == 2
    assert "--doc-field applies to --engine ray" in capsys.readouterr().err


def test_a_missing_model_or_a_bad_input_fails_before_ray_starts(tmp_path, capsys):
    pytest.importorskip("ray")
    out = tmp_path / "out"
    assert main(["translate", str(SEED), "-o", str(out), "--engine", "ray", "--model", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err and not out.exists()
    _jsonl(tmp_path / "bad.jsonl", [{"vi": "Câu."}, {"text": "no vi"}])
    assert main(["translate", str(tmp_path / "bad.jsonl"), "-o", str(out), "--engine", "ray"]) == 2
    assert "bad.jsonl:2: no field 'vi'" in capsys.readouterr().err and not out.exists()


# --- on a local Ray cluster -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def ray_cluster():
    """One local Ray cluster (2 CPUs, small object store) for every Ray test; its GCS address lets a
    driver in another process join it."""
    ray = pytest.importorskip("ray")
    # On a loaded machine Ray's agents take a while to start: give them two minutes, not 15 s.
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024**2, log_to_driver=False,
             _node_ip_address="127.0.0.1", _system_config={"agent_register_timeout_ms": 120_000})
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    """200 NTREX lines (a jsonl, one document per NTREX document id) and the seed article (txt), plus
    the same documents as one file each, for the single-process reference."""
    root = tmp_path_factory.mktemp("archive")
    lines = (NTREX / "newstest2019-ref.vie.txt").read_text(encoding="utf-8").splitlines()[:200]
    docs = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()[:200]
    rows = [{"id": n, "doc": d.split("\t")[0], "vi": v} for n, (d, v) in enumerate(zip(docs, lines), 1)]
    (root / "in").mkdir()
    _jsonl(root / "in" / "ntrex.jsonl", rows)
    (root / "in" / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    ref = root / "ref"
    ref.mkdir()
    groups: list[list[dict]] = []
    for row in rows:
        if not groups or groups[-1][0]["doc"] != row["doc"]:
            groups.append([])
        groups[-1].append(row)
    for k, group in enumerate(groups):
        _jsonl(ref / f"ntrex-{k:03d}.jsonl", group)
    (ref / "zz-seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return root, len(groups)


@pytest.fixture(scope="session")
def reference(archive, tiny_nllb_ct2):
    """The single-process `translate` of the same documents: (rows of ntrex in order, seed lines, summary)."""
    root, _ = archive
    out = root / "ref-out"
    args = ["translate", str(root / "ref"), "-o", str(out), "--model", str(tiny_nllb_ct2), *FAST,
            "--report", str(root / "ref-report.json"), "-q"]
    assert main(args) == 0
    ntrex = [json.loads(line) for p in sorted(out.glob("ntrex-*.jsonl"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    seed = (out / "zz-seed.txt").read_text(encoding="utf-8").splitlines()
    return ntrex, seed, json.loads((root / "ref-report.json").read_text(encoding="utf-8"))["summary"]


def _ray_args(root: Path, out: Path, model: Path, address: str) -> list[str]:
    return ["translate", str(root / "in"), "-o", str(out), "--engine", "ray", "--address", address,
            "--num-actors", "2", "--doc-field", "doc", "--shard-rows", "40", "--model", str(model), *FAST]


@pytest.fixture(scope="session")
def ray_run(ray_cluster, archive, tiny_nllb_ct2):
    root, _ = archive
    out = root / "ray-out"
    assert main([*_ray_args(root, out, tiny_nllb_ct2, ray_cluster), "-q"]) == 0
    return out


def _rows(out: Path) -> list[dict]:
    from vnthai_mt.distributed import read_shards

    return read_shards(out)


@pytest.mark.slow
def test_ray_output_equals_single_process_row_for_row(ray_run, reference, archive):
    ntrex_ref, seed_ref, ref_summary = reference
    rows = _rows(ray_run)
    ntrex = [r for r in rows if r["_file"] == "ntrex.jsonl"]
    seed = [r for r in rows if r["_file"] == "seed.txt"]
    assert len(ntrex) == 200 and len(seed) == len(seed_ref) == 16
    assert [r["vi"] for r in ntrex] == [r["vi"] for r in ntrex_ref]  # the translation, over the field
    assert [(r["id"], r["doc"], r["_id"]) for r in ntrex] == [(r["id"], r["doc"], str(r["id"])) for r in ntrex_ref]
    assert [r["th"] for r in seed] == seed_ref
    assert all(r["_error"] is None for r in rows)
    summary = json.loads((ray_run / "summary.json").read_text(encoding="utf-8"))
    for key in ("segments", "required", "enforced", "repaired", "missing"):
        assert summary["summary"][key] == ref_summary[key], key
    assert summary["rows"] == 216 and summary["failed_rows"] == 0 and summary["shards_skipped"] == 0
    assert summary["documents"] == archive[1] + 1 and len(summary["settings_fingerprint"]) == 64
    assert sum(len(r["_items"]) for r in rows) == ref_summary["required"]


@pytest.mark.slow
def test_rerun_skips_everything_and_a_changed_setting_refuses_to_mix(ray_run, ray_cluster, archive, tiny_nllb_ct2,
                                                                    capsys):
    root, _ = archive
    before = {p.name: p.stat().st_mtime_ns for p in (ray_run / "shards").iterdir()}
    args = _ray_args(root, ray_run, tiny_nllb_ct2, ray_cluster)
    assert main([*args, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["shards_skipped"] == summary["shards"] and summary["documents_translated"] == 0
    assert {p.name: p.stat().st_mtime_ns for p in (ray_run / "shards").iterdir()} == before
    assert summary["earlier_runs"][0]["shards_translated"] == summary["shards"]  # the work stays on record
    assert main([*args, "--beams", "2"]) == 2
    assert "refusing to mix" in capsys.readouterr().err


@pytest.mark.slow
def test_driver_killed_halfway_resumes_without_redoing_finished_shards(ray_run, ray_cluster, archive,
                                                                       tiny_nllb_ct2, capsys):
    root, _ = archive
    out = root / "killed"
    args = _ray_args(root, out, tiny_nllb_ct2, ray_cluster)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HF_HUB_OFFLINE="1")
    proc = subprocess.Popen([sys.executable, "-m", "vnthai_mt", *args, "-q"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 400
    while time.monotonic() < deadline and proc.poll() is None and len(list((out / ".done").glob("*.json"))) < 1:
        time.sleep(0.1)  # killed at the first finished shard: two actors finish theirs close together
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = {p.stem for p in (out / ".done").glob("*.json")}
    total = len(list((ray_run / ".done").glob("*.json")))
    assert 1 <= len(finished) < total
    assert main([*args, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["shards_skipped"] == len(finished)
    assert summary["shards_translated"] == total - len(finished)
    done_docs = sum(json.loads((out / ".done" / f"{name}.json").read_text())["documents"] for name in finished)
    assert summary["documents_translated"] == summary["documents"] - done_docs
    assert _rows(out) == _rows(ray_run)


@pytest.mark.slow
def test_translate_dataset_on_a_ray_dataset_equals_the_translator(ray_cluster, tiny_nllb_ct2):
    import ray

    from vnthai_mt.distributed import translate_dataset
    from vnthai_mt.translate.options import TranslatorOptions
    from vnthai_mt.translate.pipeline import Translator

    lines = SEED.read_text(encoding="utf-8").splitlines()[:2]
    options = TranslatorOptions(model=str(tiny_nllb_ct2), backend="ctranslate2", num_beams=1, max_new_tokens=12)
    ds = ray.data.from_items([{"n": n, "vi": line} for n, line in enumerate(lines)])  # one row, one document
    rows = sorted(translate_dataset(ds, options, num_actors=1).take_all(), key=lambda r: r["n"])
    with Translator.from_options(options.replace(threads=1, device="cpu")) as tr:
        expected = [tr.translate_with_report(line) for line in lines]
        fingerprint = tr._settings_fp
    assert [r["th"] for r in rows] == [e.texts[0] for e in expected]
    assert [json.loads(r["_items"]) for r in rows] == [[i.to_dict() for i in e.report.segments[0].items]
                                                       for e in expected]
    assert {r["_settings"] for r in rows} == {fingerprint} and {r["_error"] for r in rows} == {""}
