"""The walkthrough notebook runs top to bottom, offline, and shows what it promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def _text(output: dict) -> str:
    if "text" in output:
        return output["text"]
    return "".join(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))


def test_walkthrough_runs_and_shows_events_and_a_map(tmp_path: Path) -> None:
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    notebook = nbformat.read(ROOT / "notebooks" / "walkthrough.ipynb", as_version=4)
    NotebookClient(notebook, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(work)}}).execute()
    outputs = [_text(o) for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    joined = "\n".join(outputs)
    assert "error" not in {o.get("output_type") for c in notebook.cells for o in c.get("outputs", [])}
    assert "Abul Thohur" in joined and "Big Khwein" in joined and "خوين الكبير" in joined
    assert "EPSG:4326" in joined
    assert "Douma" in joined or "Duma" in joined
    map_cell = next(c for c in notebook.cells if c.cell_type == "code" and "event_map" in c.source)
    assert any("text/html" in o.get("data", {}) for o in map_cell.outputs)
    assert (work / "walkthrough-map.html").stat().st_size > 10_000
