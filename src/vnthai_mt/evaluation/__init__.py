"""Evaluation: Thai-aware BLEU, chrF++ and TER, terminology accuracy, consistency, significance, refsets.

Modules (each imports sacrebleu, pythainlp or datasets only when used):

- ``segment``: PyThaiNLP word segmentation for BLEU and TER (newmm by default, offline).
- ``metrics``: ``Scorer`` / ``corpus_scores``: BLEU, chrF++, TER (and spBLEU) with signatures.
- ``significance``: ``compare``: paired bootstrap and approximate randomization (sacrebleu's own).
- ``terms``: WMT21-style exact-match term accuracy; the annotated terms suite reader.
- ``consistency``: how many renderings a system uses per entity and document.
- ``refsets``: ``load_refset`` -> ``datasets.Dataset`` (ntrex128, local TSV/JSONL, FLORES+).
- ``evaluate``: one run over files, the JSON result and the human table (``vnthai-mt eval``).
"""
