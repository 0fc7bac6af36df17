"""The README's quick start is what CI runs: the two stay the same command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", text, flags=re.S)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    blocks = _bash_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    test_command = next(b.strip() for b in blocks if "pytest" in b)
    assert "\n" not in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_quick_start_builds_the_example_map() -> None:
    blocks = _bash_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any("geomap build examples/ -o map.html" in b for b in blocks)
    assert (ROOT / "examples").is_dir()
