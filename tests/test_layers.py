"""Dependencies point one way: cli -> translate / qa / evaluation -> names / glossary -> text / io.

Every import in the package (module level or inside a function) is checked against the layers, so a new
arrow upwards, or between the three middle packages, fails here with the file and line that made it.
``vnthai_mt/__init__.py`` is the public facade and may import anything (lazily).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "vnthai_mt"

# package -> layer; a module may import its own package and any package of a lower layer.
LAYERS = {
    "__main__": 5, "cli": 4,
    "review": 3, "distributed": 3, "translate": 3, "qa": 3, "evaluation": 3,
    "names": 2, "glossary": 2,
    "text": 1, "io": 1,
    "errors": 0, "shipped": 0, "data": 0,
}
# Arrows within a layer that are allowed, one way only: the editors' review builds on the check, the
# distributed engine runs the translator, name detection reads titles and bodies from glossary matches,
# the data finder raises the package's errors, the subtitle writer breaks Thai lines at word edges.
SIDEWAYS = {("review", "qa"), ("review", "translate"), ("distributed", "translate"), ("names", "glossary"),
            ("shipped", "errors"), ("io", "text")}


def _package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "vnthai_mt" else None


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = here.split(".")[: -node.level] if not path.name == "__init__.py" else \
                    here.split(".")[: len(here.split(".")) - node.level + 1]
                yield node.lineno, ".".join([*base, node.module or ""]).rstrip(".")
            elif node.module:
                yield node.lineno, node.module


def test_imports_follow_the_layers():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if rel == Path("__init__.py"):
            continue
        own = rel.parts[0].removesuffix(".py")
        assert own in LAYERS, f"{rel}: add its package to LAYERS in this test"
        for line, module in _imports(path):
            other = _package(module)
            if other is None or other == own:
                continue
            assert other in LAYERS, f"{rel}:{line}: unknown package {other}"
            if LAYERS[other] > LAYERS[own] or (LAYERS[other] == LAYERS[own] and (own, other) not in SIDEWAYS):
                wrong.append(f"{rel}:{line}: {own} (layer {LAYERS[own]}) imports {module} (layer {LAYERS[other]})")
    assert not wrong, "\n".join(wrong)
