"""The layers of core.KERNEL, read from the source: core uses only the
kernel of the areas, the kernel uses no other area, and no two areas import
each other. An import inside a function counts like one at the top."""

import ast
from collections import defaultdict
from pathlib import Path

from core import KERNEL

ROOT = Path(__file__).resolve().parents[2]
KERNEL_AREAS = {name.split(".")[1] for name in KERNEL if name.count(".") == 1}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """(line, dotted name) of every module `path` imports, at any depth."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            yield node.lineno, base
            # `from blueprints import masters` imports blueprints.masters.
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def area_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "blueprints" and len(parts) > 1 else None


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def blueprint_imports(package: str):
    """(importer, line, imported) for every import of a blueprints module."""
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, name in imports(path):
            if (name == "blueprints" or name.startswith("blueprints.")) and is_module(name):
                yield module_name(path), line, name


def in_kernel(name: str) -> bool:
    return name == "blueprints" or area_of(name) in KERNEL_AREAS


def test_core_uses_only_the_kernel():
    outside = [
        f"{who}:{line} imports {name}"
        for who, line, name in blueprint_imports("core")
        if not in_kernel(name)
    ]
    assert not outside, "core may use only core.KERNEL:\n" + "\n".join(outside)


def area_edges():
    edges = defaultdict(list)
    for who, line, name in blueprint_imports("blueprints"):
        a, b = area_of(who), area_of(name)
        if a and b and a != b:
            edges[a, b].append(f"{who}:{line} imports {name}")
    return edges


def test_no_two_areas_import_each_other():
    edges = area_edges()
    both = [
        "\n".join([f"{a} <-> {b}", *edges[a, b], *edges[b, a]])
        for a, b in sorted(edges)
        if a < b and (b, a) in edges
    ]
    assert not both, "areas that import each other:\n" + "\n\n".join(both)


def test_the_kernel_uses_no_other_area():
    outside = [
        line
        for (a, b), lines in sorted(area_edges().items())
        if a in KERNEL_AREAS and b not in KERNEL_AREAS
        for line in lines
    ]
    assert not outside, "a kernel area imports another area:\n" + "\n".join(outside)


def test_the_walk_sees_what_it_checks():
    """A broken walk passes every test above: it must see the known edges."""
    edges = area_edges()
    assert ("accounts", "masters") in edges
    assert ("desk", "applications") in edges
    assert any(name.startswith("blueprints.masters") for _w, _l, name in blueprint_imports("core"))
