"""The README's Python example runs as written (from the repository root, as a reader would), and every
value its comments promise (``expr  # 'text'`` or ``expr  # 73 ...``) is what the expression gives."""

from __future__ import annotations

import ast
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
PROMISE = re.compile(r"^(?P<expr>[^#=\n][^#\n]*?)\s+#\s*(?P<value>'[^']*'|\d+)(?=\s|$)")


def test_the_python_api_example_runs_and_keeps_its_promises(monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "the README has a Python example"
    monkeypatch.chdir(README.parent)
    namespace: dict[str, object] = {}
    promises = 0
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # the README's own code
        for line in block.splitlines():
            match = PROMISE.match(line)
            if match and " = " not in match["expr"]:
                expected = ast.literal_eval(match["value"])
                assert eval(match["expr"], namespace) == expected, line
                promises += 1
    assert promises >= 3
