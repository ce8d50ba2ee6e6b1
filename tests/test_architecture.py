"""The layout the architecture asks for, checked: imports only go one way, with no cycles, and each
package exports exactly the names it means to (in the manner of httpx's ``test_exported_members``)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import curul

SRC = Path(curul.__file__).resolve().parent

# Every public package or module of curul, each with a curated ``__all__``.
PUBLIC = (
    "curul",
    "curul.cli",
    "curul.congress",
    "curul.constitution",
    "curul.data",
    "curul.elections",
    "curul.errors",
    "curul.forecast",
    "curul.history",
    "curul.inputs",
    "curul.report",
    "curul.rollcalls",
    "curul.viz",
    "curul.web",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in SRC.rglob("*.py")}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Ids of the nodes under ``if TYPE_CHECKING:``: imports for annotations only, never executed."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    return skipped


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every curul module ``name`` imports when it runs, at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    annotations_only = _type_checking_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in annotations_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from curul.x import y`` imports the module curul.x.y when y is one, else curul.x.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name}
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph if there is one (iterative depth-first search)."""
    colour = dict.fromkeys(graph, 0)  # 0 new, 1 on the stack, 2 done
    for start in sorted(graph):
        if colour[start]:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        colour[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour[child] == 1:
                return [*path[path.index(child) :], child]
            elif colour[child] == 0:
                colour[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(graph[child]))))
    return None


def test_the_module_graph_has_no_cycle_even_through_function_local_imports():
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(name, path, known) for name, path in modules.items()}
    assert sum(len(v) for v in graph.values()) > 100  # the walk sees the real graph
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_only_the_interfaces_import_the_terminal():
    offenders = []
    for name, path in _modules().items():
        if name == "curul.cli" or name.startswith("curul.cli."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            roots = []
            if isinstance(node, ast.Import):
                roots = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                roots = [node.module.split(".")[0]]
            offenders += [f"{name}:{node.lineno} imports {r}" for r in roots if r in ("typer", "rich")]
    assert offenders == []


def test_import_contracts_hold():
    """``lint-imports`` with the three contracts of pyproject.toml (layers; terminal and web only in the
    interfaces; no terminal in the dashboard)."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], capture_output=True, text=True, cwd=SRC.parents[1], timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "3 kept, 0 broken" in done.stdout


def _public_names(module: ModuleType) -> set[str]:
    """What a user sees in the namespace: names without a leading underscore, except the package's own
    submodules (``curul.data`` is an attribute of ``curul`` once imported). A plain module (not a package)
    may import helpers for its own use; there only what it defines counts."""
    package = hasattr(module, "__path__")
    names = set()
    for key, value in vars(module).items():
        if not package and getattr(value, "__module__", None) != module.__name__:
            continue
        if key.startswith("_") and key != "__version__":
            continue
        if key.startswith("__"):
            names.add(key)
            continue
        if isinstance(value, ModuleType) and value.__name__.startswith(module.__name__ + "."):
            continue
        names.add(key)
    return names


@pytest.mark.parametrize("name", PUBLIC)
def test_all_lists_exactly_the_public_namespace(name):
    module = importlib.import_module(name)
    # Import every submodule too, so that names a submodule import leaks into the package show up.
    if hasattr(module, "__path__"):
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{name}."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)
    exported = set(module.__all__)
    assert len(exported) == len(module.__all__), "duplicates in __all__"
    if hasattr(module, "__path__"):
        assert exported == _public_names(module)
    else:  # constants have no __module__: a plain module's own classes and functions must all be listed
        assert _public_names(module) <= exported


@pytest.mark.parametrize("name", PUBLIC)
def test_exported_names_exist(name):
    module = importlib.import_module(name)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert missing == []


def test_version_and_help_start_without_the_scientific_stack():
    heavy = ("numpy", "pandas", "scipy", "pydantic", "matplotlib")
    for args in (["--version"], ["--help"]):
        code = (
            "import sys\nfrom curul.cli import main\nsys.argv = ['curul', *sys.argv[1:]]\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"print('LOADED', sorted(m for m in {heavy!r} if m in sys.modules))"
        )
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().splitlines()[-1] == "LOADED []", args


def test_no_module_is_over_400_lines():
    """Small modules named for what they hold: a module that grows past 400 lines is split at a seam."""
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {n: s for n, s in sizes.items() if s > 400} == {}
