#!/usr/bin/env python3
"""End-to-end extraction throughput, memory and start-up time of geomap, against geotext.

Run from the repository root (offline; about 10 minutes on 2 cores, ``--quick`` under one)::

    python benchmarks/throughput.py                       # 5 and 20 MB generated corpora + public corpora
    python benchmarks/throughput.py --quick               # 0.25 and 1 MB, 40 articles per public corpus
    python benchmarks/throughput.py --profile             # + where geomap's time goes (py-spy or pyinstrument)
    python benchmarks/throughput.py --json out.json --markdown out.md

Every measurement runs in a fresh subprocess, so peak memory (``ru_maxrss`` of that process,
read with ``os.wait4`` by a small launcher; for ``--jobs 2`` the largest of the CLI process
and its workers) and timings never mix between runs:

* **generated corpus** (``corpus_gen.py``, seed 1, cached in ``--work``): ``lib`` is the
  library end to end in one process: :func:`geomap.read.read_articles` streaming the JSONL
  into :meth:`geomap.pipeline.Extractor.events`, events counted and dropped. ``cli`` is the
  wall time of ``geomap extract FILE --offline -q -o /dev/null`` as it is (one process per
  core, the per-article result cache on, starting empty in a temporary ``XDG_CACHE_HOME``),
  with ``--jobs 1 --no-cache`` (the per-core figure) and with ``--jobs 2 --no-cache``. geotext reads the same JSONL with :mod:`json` and runs ``GeoText(text)``.
* **public corpora** (``../shared/benchmarks``: the ``<text>`` elements of GWN.xml, lgl.xml,
  TR-News.xml and GeoVirus.xml, parsed with the standard library, and the ``text`` of
  fakes-dev.jsonl), written as JSONL first, then read the same way.
* **MB/s** is UTF-8 megabytes (10^6 bytes) of article text per second of extraction, loading
  excluded (``lib``, geotext) or included (``cli``: the whole command). Ratios are geomap / geotext.
* **load**: import time, gazetteer load (:func:`geomap.gazetteer.default_gazetteer`) and the
  rest of the extractor (spaCy pipeline, matcher) measured inside the ``lib`` process;
  geotext's import plus its first call (it loads its data lazily).
* **cold start**: wall time of ``geomap extract SHORT.txt --offline -q -o /dev/null`` on a
  one-sentence text, median of ``--runs``; for geotext, ``python -c`` importing it and running
  ``GeoText`` on the same text.
* **memory flat**: the ``lib`` process also samples its current RSS at every tenth of the
  input, so growth with input size shows as a rising curve.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

SHORT_TEXT = "Air strikes hit Saraqib in Idlib province on 3 May 2019, killing four civilians, rescuers said.\n"
PUBLIC = ("GWN", "LGL", "TR-News", "GeoVirus", "FA-KES")
_XML_FILES = {"GWN": "GWN.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"}

# --------------------------------------------------------------------------- worker processes

_LIB_WORKER = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
import geomap.gazetteer, geomap.pipeline, geomap.read
t1 = time.perf_counter()
geomap.gazetteer.default_gazetteer()
t2 = time.perf_counter()
extractor = geomap.pipeline.Extractor()
t3 = time.perf_counter()
path, total = sys.argv[1], int(sys.argv[2])
page = os.sysconf("SC_PAGE_SIZE")
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page / 2**20
curve, step, next_mark = [], max(1, total // 10), 0
articles = events = size = 0
start = time.perf_counter()
for article in geomap.read.read_articles([path]):
    events += len(extractor.events(article))
    articles += 1
    size += len(article.text.encode("utf-8"))
    if size >= next_mark:
        curve.append([round(size / 1e6, 2), round(rss_mb(), 1)])
        next_mark += step
seconds = time.perf_counter() - start
curve.append([round(size / 1e6, 2), round(rss_mb(), 1)])
print(json.dumps({"import_s": t1 - t0, "gazetteer_s": t2 - t1, "extractor_s": t3 - t2, "seconds": seconds,
                  "articles": articles, "bytes": size, "events": events, "rss_curve": curve,
                  "unresolved_kept": len(extractor.report.unresolved)}))
"""

_GEOTEXT_WORKER = r"""
import json, sys, time
t0 = time.perf_counter()
from geotext import GeoText
GeoText("Damascus")  # geotext loads its data on first use
t1 = time.perf_counter()
articles = found = size = 0
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        if not line.strip():
            continue
        text = json.loads(line).get("text") or ""
        g = GeoText(text)
        found += len(g.cities) + len(g.countries)
        articles += 1
        size += len(text.encode("utf-8"))
seconds = time.perf_counter() - start
print(json.dumps({"load_s": t1 - t0, "seconds": seconds, "articles": articles, "bytes": size, "events": found}))
"""

#: The floor under geomap's speed: the tokenizer of geomap's own pipeline alone (spaCy's blank
#: English one, configured as geomap configures it), first pass in a fresh process (its cache
#: starts empty, as geomap's does), over the same JSONL.
_TOKENIZER_WORKER = r"""
import json, sys, time
from geomap.matcher import make_pipeline
nlp = make_pipeline()
texts = [json.loads(line).get("text") or "" for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
start = time.perf_counter()
for text in texts:
    nlp.make_doc(text)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "bytes": sum(len(t.encode("utf-8")) for t in texts)}))
"""

_GEOTEXT_COLD = "import sys; from geotext import GeoText; GeoText(open(sys.argv[1], encoding='utf-8').read())"


#: Runs a command and reports its wall time and rusage. A separate small interpreter (``-S``:
#: no site packages, ~10 MB) spawns the command, because Linux carries the spawning process's
#: peak RSS over into the child's ``ru_maxrss`` at exec: spawned from this script, after it
#: loaded the gazetteer, every small process would show at least this script's peak.
_LAUNCHER = r"""
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    json.dump({"wall_s": wall, "maxrss_kb": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}, out)
"""


def run_measured(cmd: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 1800) -> dict[str, Any]:
    """Run ``cmd``; its wall time, stdout, and the peak RSS (MB) of it and its waited-for
    children (``os.wait4`` in a small launcher process, so nothing mixes with other runs)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, report.name, *cmd], stdout=out, stderr=err, env=env,
                       timeout=timeout, check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        text = Path(report.name).read_text(encoding="utf-8")
        measured = json.loads(text) if text else {"code": -1}
    if measured["code"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({measured['code']}):\n{stderr[-3000:]}")
    return {"wall_s": measured["wall_s"], "maxrss_mb": measured["maxrss_kb"] / 1024, "stdout": stdout}


def _python(code: str, *args: str) -> dict[str, Any]:
    result = run_measured([sys.executable, "-c", code, *args])
    data = json.loads(result["stdout"].strip().splitlines()[-1])
    data.update(wall_s=result["wall_s"], maxrss_mb=result["maxrss_mb"])
    return data


def geomap_command() -> list[str]:
    """The ``geomap`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("geomap")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from geomap.cli import main; main()"]


# --------------------------------------------------------------------------- inputs


def text_stats(path: Path) -> tuple[int, int]:
    """(articles, UTF-8 bytes of text) of a JSONL file of records."""
    articles = size = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                text = json.loads(line).get("text") or ""
                if text.strip():
                    articles += 1
                    size += len(text.encode("utf-8"))
    return articles, size


def _xml_texts(path: Path) -> Iterator[str]:
    """The text of each ``<text>`` element, parsed incrementally."""
    for _event, elem in ET.iterparse(path, events=("end",)):
        if elem.tag == "text":
            yield elem.text or ""
            elem.clear()
        elif elem.tag == "article":
            elem.clear()


def public_texts(name: str, bench: Path) -> Iterator[str]:
    if name == "FA-KES":
        with (bench / "fakes-dev" / "fakes-dev.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line).get("text") or ""
    else:
        yield from _xml_texts(bench / _XML_FILES[name])


def write_public(name: str, bench: Path, work: Path, limit: int | None) -> Path:
    path = work / f"public-{name}{'' if limit is None else f'-{limit}'}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        count = 0
        for text in public_texts(name, bench):
            if not text.strip():
                continue
            count += 1
            out.write(json.dumps({"id": f"{name}-{count}", "text": text}, ensure_ascii=False) + "\n")
            if limit is not None and count >= limit:
                break
    return path


# --------------------------------------------------------------------------- measurements


def measure_lib(path: Path) -> dict[str, Any]:
    _articles, size = text_stats(path)
    data = _python(_LIB_WORKER, str(path), str(size))
    data["mb_s"] = data["bytes"] / 1e6 / data["seconds"]
    data["articles_s"] = data["articles"] / data["seconds"]
    return data


def measure_tokenizer(path: Path) -> dict[str, Any]:
    data = _python(_TOKENIZER_WORKER, str(path))
    data["mb_s"] = data["bytes"] / 1e6 / data["seconds"]
    return data


def measure_geotext(path: Path) -> dict[str, Any]:
    data = _python(_GEOTEXT_WORKER, str(path))
    data["mb_s"] = data["bytes"] / 1e6 / data["seconds"]
    data["articles_s"] = data["articles"] / data["seconds"]
    return data


#: ``geomap extract`` variants: the plain command (default jobs = one per core, result cache on,
#: starting empty), one process without the cache (per-core figure), two processes without it.
CLI_VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default (cache on)", ()),
    ("--jobs 1 --no-cache", ("--jobs", "1", "--no-cache")),
    ("--jobs 2 --no-cache", ("--jobs", "2", "--no-cache")),
)


def _cache_home(work: Path, startup_indexes: Path | None) -> tempfile.TemporaryDirectory:
    """A new, empty cache directory, holding copies of the start-up indexes when given: the
    parsed gazetteer and the automaton that any run after the first finds in the user cache."""
    home = tempfile.TemporaryDirectory(prefix="geomap-bench-cache-", dir=work)
    if startup_indexes is not None:
        (Path(home.name) / "geomap").mkdir()
        for index in startup_indexes.glob("*.pickle"):
            shutil.copy(index, Path(home.name) / "geomap" / index.name)
    return home


def startup_indexes(short: Path, work: Path) -> Path:
    """A cache directory filled by one run, whose start-up indexes later runs copy."""
    home = work / "startup-indexes"
    shutil.rmtree(home, ignore_errors=True)
    cmd = [*geomap_command(), "extract", str(short), "--offline", "-q", "-o", os.devnull]
    run_measured(cmd, env=dict(os.environ, XDG_CACHE_HOME=str(home)))
    return home / "geomap"


def measure_cli(path: Path, options: Sequence[str], work: Path, indexes: Path) -> dict[str, Any]:
    """Wall time and peak RSS of ``geomap extract PATH --offline -q -o /dev/null OPTIONS``, with
    the result cache in a new, empty directory (start-up indexes already built)."""
    articles, size = text_stats(path)
    cmd = [*geomap_command(), "extract", str(path), "--offline", "-q", "-o", os.devnull, *options]
    with _cache_home(work, indexes) as cache_home:
        result = run_measured(cmd, env=dict(os.environ, XDG_CACHE_HOME=cache_home))
    jobs = int(options[options.index("--jobs") + 1]) if "--jobs" in options else (os.cpu_count() or 1)
    return {"jobs": jobs, "wall_s": result["wall_s"], "maxrss_mb": result["maxrss_mb"], "articles": articles,
            "bytes": size, "mb_s": size / 1e6 / result["wall_s"], "articles_s": articles / result["wall_s"]}


def measure_cold(short: Path, runs: int, work: Path, indexes: Path) -> dict[str, Any]:
    """Median wall time of ``geomap extract SHORT --offline -q -o /dev/null`` in a fresh process
    with an empty result cache: as any run after the first (start-up indexes in the user cache)
    and as the very first run after installing (nothing cached); of geotext on the same text;
    and of a bare interpreter."""
    cmd = [*geomap_command(), "extract", str(short), "--offline", "-q", "-o", os.devnull]

    def timed(indexes: Path | None) -> list[float]:
        walls = []
        for _ in range(runs):
            with _cache_home(work, indexes) as cache_home:
                walls.append(run_measured(cmd, env=dict(os.environ, XDG_CACHE_HOME=cache_home))["wall_s"])
        return walls

    geomap_runs, first_runs = timed(indexes), timed(None)
    geotext_runs = [run_measured([sys.executable, "-c", _GEOTEXT_COLD, str(short)])["wall_s"] for _ in range(runs)]
    bare = [run_measured([sys.executable, "-c", "pass"])["wall_s"] for _ in range(runs)]
    return {"geomap_s": statistics.median(geomap_runs), "first_run_s": statistics.median(first_runs),
            "geotext_s": statistics.median(geotext_runs), "python_s": statistics.median(bare), "runs": runs,
            "geomap_all_s": geomap_runs, "first_run_all_s": first_runs}


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


# --------------------------------------------------------------------------- profile

#: Stages of Extractor.events and what else a run does, matched on collapsed stack frames
#: ("function (file:line)"), outermost first. The first stage whose marker appears wins.
_STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("read (JSONL reader, published date)", ("read_articles (",)),
    ("tokenizer (spaCy make_doc)", ("Language.make_doc (", "Language._ensure_doc (")),
    ("sentences (sentence splitter)", ("Sentencizer", "split_at_line_breaks (", "split_sentences (")),
    ("matcher (geomap_places)", ("PlaceMatcher.__call__ (",)),
    ("mentions rules (find_mentions)", ("find_mentions (", "merge_entity_mentions (", "dateline_spans (", "dateline_span (")),
    ("resolver", ("Resolver.resolve (",)),
    ("dating (date_event)", ("date_event (",)),
    ("event typing (classify_event)", ("classify_event (",)),
    ("events (make_events, rest)", ("make_events (",)),
    ("Event/Mention construction", ("__create_fn__",)),
)
_RESOLVER_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("resolver: fuzzy search (rapidfuzz)", ("Gazetteer._fuzzy (",)),
    ("resolver: context lookups (Gazetteer._context)", ("Gazetteer._context (",)),
    ("resolver: first pass (_candidates)", ("Resolver._candidates (",)),
    ("resolver: per-mention lookup (_resolve_one)", ("Resolver._resolve_one (",)),
    ("resolver: geocoder", ("Resolver._geocode (",)),
)


def categorise(stacks: list[tuple[list[str], int]]) -> dict[str, Any]:
    """Shares of extraction time per stage (and per resolver part) from collapsed stacks."""
    total = sum(n for _frames, n in stacks if any("Extractor.events (" in f or "read_articles (" in f
                                                  for f in _frames))
    stages: dict[str, int] = {}
    resolver: dict[str, int] = {}
    functions: dict[str, int] = {}
    for frames, n in stacks:
        if not any("Extractor.events (" in f or "read_articles (" in f for f in frames):
            continue  # imports, loading: measured apart
        stage = "other (spaCy internals, Python)"
        for name, markers in _STAGES:
            if any(m in f for f in frames for m in markers):
                stage = name
                break
        stages[stage] = stages.get(stage, 0) + n
        if stage == "resolver":
            part = "resolver: other"
            for name, markers in _RESOLVER_PARTS:  # in priority order: fuzzy, then context, ...
                if any(m in f for f in frames for m in markers):
                    part = name
                    break
            resolver[part] = resolver.get(part, 0) + n
        seen = set()
        for frame in frames:
            key = frame.rsplit(":", 1)[0] + ")" if frame.endswith(")") and ":" in frame else frame
            if key not in seen and ("geomap/" in frame or "spacy/" in frame):
                seen.add(key)
                functions[key] = functions.get(key, 0) + n
    share = lambda d: {k: round(100 * v / total, 1) for k, v in sorted(d.items(), key=lambda kv: -kv[1])}
    return {"samples": total, "stages": share(stages), "resolver": share(resolver),
            "functions": dict(list(share(functions).items())[:25])}


def collapsed_from_pyinstrument(session: Any) -> list[tuple[list[str], int]]:
    """pyinstrument's frame tree as collapsed stacks (self time in ms per path)."""
    stacks: list[tuple[list[str], int]] = []

    def walk(frame: Any, path: list[str]) -> None:
        qualified = f"{frame.class_name}.{frame.function}" if getattr(frame, "class_name", None) else frame.function
        label = f"{qualified} ({frame.file_path_short or frame.file_path}:{frame.line_no})"
        here = [*path, label]
        own = frame.total_self_time
        if own > 0:
            stacks.append((here, max(1, round(own * 1000))))
        for child in frame.children:
            walk(child, here)

    root = session.root_frame()
    if root is not None:
        walk(root, [])
    return stacks


_PROFILE_TARGET = r"""
import sys
from geomap.pipeline import Extractor
from geomap.read import read_articles
extractor = Extractor()
def run():
    return sum(len(extractor.events(a)) for a in read_articles([sys.argv[1]]))
if len(sys.argv) > 2:  # pyinstrument in process
    from pyinstrument import Profiler
    profiler = Profiler(interval=0.001)
    profiler.start()
    run()
    profiler.stop()
    profiler.last_session.save(sys.argv[2])
else:
    run()
"""


def profile(path: Path, work: Path) -> dict[str, Any]:
    """Where the time of ``lib`` extraction goes: py-spy (sampling from outside, little
    overhead) when installed, else pyinstrument (in process; inflates many small calls)."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if Path(spy).exists():
        raw = work / f"profile-{path.stem}.py-spy.txt"
        subprocess.run([spy, "record", "-r", "200", "-f", "raw", "-o", str(raw), "--", sys.executable, "-c",
                        _PROFILE_TARGET, str(path)], check=True, capture_output=True)
        stacks = []
        for line in raw.read_text(encoding="utf-8").splitlines():
            stack, _, count = line.rpartition(" ")
            if stack and count.isdigit():
                stacks.append((stack.split(";"), int(count)))
        result = categorise(stacks)
        result["profiler"] = "py-spy 200 Hz"
        result["raw"] = str(raw)
        return result
    session_file = work / f"profile-{path.stem}.pyisession"
    subprocess.run([sys.executable, "-c", _PROFILE_TARGET, str(path), str(session_file)], check=True)
    from pyinstrument.session import Session

    result = categorise(collapsed_from_pyinstrument(Session.load(str(session_file))))
    result["profiler"] = "pyinstrument 1 ms"
    result["raw"] = str(session_file)
    return result


# --------------------------------------------------------------------------- report


def _fmt(value: float, digits: int = 2) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}"


def markdown(results: dict[str, Any]) -> str:
    loadavg = " → ".join(f"{a[0]:.1f}" for a in (results["loadavg_start"], results.get("loadavg_end")) if a)
    lines = [(f"Machine: {results['cpus']} cores (load average {loadavg}); geomap {results['geomap_version']}; "
             f"mode {results['mode']}."), ""]
    lines += [("| input | MB | articles | geomap lib MB/s | art/s | peak RSS MB | geotext MB/s | art/s | peak RSS MB "
              "| MB/s ratio | RSS ratio | tokenizer alone MB/s |"), "|" + " --- |" * 12]
    for row in results["corpora"]:
        g, t = row["lib"], row["geotext"]
        lines.append(f"| {row['name']} | {g['bytes'] / 1e6:.2f} | {g['articles']} | {_fmt(g['mb_s'], 3)} "
                     f"| {_fmt(g['articles_s'], 1)} | {g['maxrss_mb']:.0f} | {_fmt(t['mb_s'], 1)} | {_fmt(t['articles_s'], 0)} "
                     f"| {t['maxrss_mb']:.0f} | {_fmt(_ratio(g['mb_s'], t['mb_s']), 4)} "
                     f"| {_fmt(_ratio(g['maxrss_mb'], t['maxrss_mb']), 1)} "
                     f"| {_fmt(row['tokenizer']['mb_s'], 2) if row.get('tokenizer') else '–'} |")
    lines += ["", ("| `geomap extract FILE --offline -q -o /dev/null` | options | jobs | wall s | MB/s "
              "| MB/s per core | art/s | peak RSS MB |"), "|" + " --- |" * 8]
    for row in results["cli"]:
        lines.append(f"| {row['name']} | {row['variant']} | {row['jobs']} | {row['wall_s']:.1f} | {row['mb_s']:.3f} "
                     f"| {row['mb_s'] / row['jobs']:.3f} | {row['articles_s']:.1f} | {row['maxrss_mb']:.0f} |")
    load = results["load"]
    cold = results["cold"]
    lines += ["", (f"Load (in the lib process, median over runs): imports {load['import_s']:.2f} s, gazetteer "
              f"{load['gazetteer_s']:.2f} s, rest of the extractor {load['extractor_s']:.2f} s; "
              f"geotext import + data {load['geotext_s']:.2f} s."),
              (f"Cold start (fresh process, empty result cache, median of {cold['runs']}): `geomap extract` one "
              f"sentence {cold['geomap_s']:.2f} s ({', '.join(f'{w:.2f}' for w in cold['geomap_all_s'])}); the very "
              f"first run after installing, which also builds the start-up indexes, {cold['first_run_s']:.2f} s; "
              f"geotext {cold['geotext_s']:.2f} s (ratio {_ratio(cold['geomap_s'], cold['geotext_s']):.1f}), "
              f"bare `python -c pass` {cold['python_s']:.2f} s.")]
    flat = results.get("memory")
    if flat:
        lines += ["", "Memory with input size (lib, current RSS MB at MB of text read): " + "; ".join(
            f"{name}: " + " ".join(f"{mb}→{rss}" for mb, rss in curve) for name, curve in flat.items()
            if name.startswith("generated"))]
    for prof in results.get("profiles", []):
        lines += ["", f"Profile ({prof['profiler']}, {prof['samples']} samples of extraction on {prof['input']}):", "",
                  "| stage | share |", "| --- | --- |"]
        lines += [f"| {k} | {v}% |" for k, v in prof["stages"].items()]
        lines += ["", "| inside the resolver | share of all |", "| --- | --- |"]
        lines += [f"| {k} | {v}% |" for k, v in prof["resolver"].items()]
        lines += ["", "| function (inclusive) | share |", "| --- | --- |"]
        lines += [f"| `{k}` | {v}% |" for k, v in prof["functions"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, fewer runs: under a minute")
    parser.add_argument("--sizes", type=float, nargs="+", default=None, help="generated corpus sizes in MB (5 20)")
    parser.add_argument("--limit", type=int, default=None, help="articles per public corpus (all; --quick 40)")
    parser.add_argument("--runs", type=int, default=None, help="cold-start runs (5; --quick 3)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="generated inputs (default benchmarks/out)")
    parser.add_argument("--no-cli", action="store_true", help="skip the geomap extract runs")
    parser.add_argument("--profile", action="store_true", help="also profile lib extraction of the first size")
    parser.add_argument("--json", type=Path, default=None, help="write all figures as JSON")
    parser.add_argument("--markdown", type=Path, default=None, help="write the tables as Markdown")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([0.25, 1.0] if args.quick else [5.0, 20.0])
    limit = args.limit if args.limit is not None else (40 if args.quick else None)
    runs = args.runs or (3 if args.quick else 5)
    args.work.mkdir(parents=True, exist_ok=True)

    from corpus_gen import ensure_corpus

    import geomap

    results: dict[str, Any] = {"cpus": os.cpu_count(), "geomap_version": geomap.__version__,
                               "mode": "quick" if args.quick else "full", "corpora": [], "cli": [], "memory": {},
                               "loadavg_start": os.getloadavg()}
    inputs: list[tuple[str, Path]] = []
    for mb in sizes:
        inputs.append((f"generated {mb:g} MB", ensure_corpus(args.work / f"corpus-{mb:g}mb-seed1.jsonl", mb, 1)))
    bench = args.shared / "benchmarks"
    if bench.is_dir():
        for name in PUBLIC:
            inputs.append((name, write_public(name, bench, args.work, limit)))
    else:
        print(f"throughput: {bench} is absent; public corpora skipped", file=sys.stderr)

    loads: list[dict[str, float]] = []
    for name, path in inputs:
        print(f"throughput: {name} …", file=sys.stderr, flush=True)
        lib = measure_lib(path)
        geotext = measure_geotext(path)
        tokenizer = measure_tokenizer(path)
        loads.append({k: lib[k] for k in ("import_s", "gazetteer_s", "extractor_s")} | {"geotext_s": geotext["load_s"]})
        results["corpora"].append({"name": name, "lib": lib, "geotext": geotext, "tokenizer": tokenizer})
        results["memory"][name] = lib["rss_curve"]
    results["load"] = {k: statistics.median(d[k] for d in loads) for k in loads[0]}

    short = args.work / "short.txt"
    short.write_text(SHORT_TEXT, encoding="utf-8")
    indexes = startup_indexes(short, args.work)
    if not args.no_cli:
        variants = CLI_VARIANTS[:2] if args.quick else CLI_VARIANTS
        for name, path in inputs[: len(sizes)]:
            for variant, options in variants:
                print(f"throughput: geomap extract {name} {variant} …", file=sys.stderr, flush=True)
                results["cli"].append({"name": name, "variant": variant} | measure_cli(path, options, args.work, indexes))
    print("throughput: cold start …", file=sys.stderr, flush=True)
    results["cold"] = measure_cold(short, runs, args.work, indexes)

    if args.profile:
        results["profiles"] = []
        for name, path in inputs:
            if name == inputs[0][0] or name == "FA-KES":
                print(f"throughput: profile {name} …", file=sys.stderr, flush=True)
                results["profiles"].append(profile(path, args.work) | {"input": name})
    results["loadavg_end"] = os.getloadavg()

    text = markdown(results)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
