#!/usr/bin/env python3
"""Gazetteer speed and size: cold load time, entries per kind, names and keys, lookups per
second (exact names, variant spellings, fuzzy misspellings, separately) and peak memory.

Run from the repository root (offline, about a minute on 2 cores)::

    python benchmarks/gazetteer_speed.py
    python benchmarks/gazetteer_speed.py --sample 2000 --runs 5 --markdown /tmp/gazetteer.md

* **cold load**: a fresh ``python -c`` process times ``from geomap.gazetteer import Gazetteer;
  Gazetteer.load()`` (import included); the median of ``--runs`` runs. The matcher
  (``make_pipeline()``, built from the loaded gazetteer) is timed the same way.
* **memory**: in another fresh process, the peak resident set (``ru_maxrss``) after the load
  minus that of the bare interpreter with geomap's imports, and tracemalloc's peak during the
  load (tracemalloc slows the load, so it never runs in the timed processes).
* **lookups/s**: ``Gazetteer.lookup`` over a fixed random sample of real names
  (``--sample``, seed ``--seed``): *exact* = each place's own name; *variant* = another
  Latin-script spelling the gazetteer lists for the same place; *fuzzy* = a name of 6+ letters
  with one interior letter dropped, doubled or swapped (a typo). For each, the share of lookups
  whose candidates (top 1, top 10) include the place the name came from.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

LOAD_SNIPPET = ("import time; t=time.perf_counter(); from geomap.gazetteer import Gazetteer; "
                "g=Gazetteer.load(); print(time.perf_counter()-t)")
MATCHER_SNIPPET = ("import time; from geomap.gazetteer import default_gazetteer; from geomap.matcher import make_pipeline; "
                     "default_gazetteer(); t=time.perf_counter(); make_pipeline(); print(time.perf_counter()-t)")
MEMORY_SNIPPET = r"""
import json, resource, sys, tracemalloc
import geomap.gazetteer, geomap.names
from geomap.gazetteer import Gazetteer
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[1] == "tracemalloc":
    tracemalloc.start()
    g = Gazetteer.load()
    current, peak = tracemalloc.get_traced_memory()
    print(json.dumps({"traced_peak_mb": peak / 2**20, "traced_current_mb": current / 2**20}))
else:
    g = Gazetteer.load()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rss_base_mb": base / 1024, "rss_peak_mb": after / 1024, "rss_delta_mb": (after - base) / 1024}))
"""


def _python(code: str, *args: str) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"subprocess failed: {out.stderr.strip()[-2000:]}")
    return out.stdout.strip().splitlines()[-1]


def _latin(name: str) -> bool:
    from geomap.names import is_arabic

    return not is_arabic(name) and any(ch.isalpha() for ch in name)


def typo(name: str, rng: random.Random) -> str:
    """One interior letter dropped, doubled or swapped with its neighbour."""
    letters = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i + 1].isalpha()]
    if not letters:
        return name
    i = rng.choice(letters)
    how = rng.choice(("drop", "double", "swap"))
    if how == "drop":
        return name[:i] + name[i + 1:]
    if how == "double":
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def samples(g, n: int, seed: int) -> dict[str, list[tuple[str, str]]]:  # noqa: ANN001
    """(query, place id) pairs for the exact, variant and fuzzy runs."""
    rng = random.Random(seed)
    places = sorted(g, key=lambda p: p.id)
    syrian = [p for p in places if p.kind not in ("city", "country")]
    pool = rng.sample(syrian, min(n, len(syrian)))
    exact = [(p.name, p.id) for p in pool if _latin(p.name)]
    variant = []
    for p in pool:
        others = sorted({x for x in g.names_of(p.id) if _latin(x) and x != p.name})
        if others:
            variant.append((rng.choice(others), p.id))
    fuzzy = []
    for p in pool:
        if _latin(p.name) and sum(ch.isalpha() for ch in p.name) >= 6:
            q = typo(p.name, rng)
            if q != p.name:
                fuzzy.append((q, p.id))
    return {"exact": exact, "variant": variant, "fuzzy": fuzzy}


def time_lookups(g, pairs: list[tuple[str, str]], *, repeat: int = 1) -> dict[str, float]:  # noqa: ANN001
    hits1 = hits10 = empty = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for query, _pid in pairs:
            g.lookup(query, limit=10)
    seconds = time.perf_counter() - t0
    for query, pid in pairs:  # hit rates, untimed
        found = [c.place.id for c in g.lookup(query, limit=10)]
        empty += not found
        hits1 += bool(found) and found[0] == pid
        hits10 += pid in found
    n = len(pairs) or 1
    return {"n": len(pairs), "per_s": len(pairs) * repeat / seconds if seconds else float("nan"),
            "top1": hits1 / n, "top10": hits10 / n, "empty": empty / n}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="cold-load runs, median reported (default %(default)s)")
    ap.add_argument("--sample", type=int, default=2000, help="places sampled for lookups (default %(default)s)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--markdown", metavar="PATH", help="also write the tables as Markdown to PATH")
    args = ap.parse_args(argv)

    loads = [float(_python(LOAD_SNIPPET)) for _ in range(args.runs)]
    matcher = [float(_python(MATCHER_SNIPPET)) for _ in range(max(1, args.runs // 2))]
    rss = json.loads(_python(MEMORY_SNIPPET, "rss"))
    traced = json.loads(_python(MEMORY_SNIPPET, "tracemalloc"))

    from geomap.gazetteer import Gazetteer

    t0 = time.perf_counter()
    g = Gazetteer.load()
    warm = time.perf_counter() - t0
    counts = g.counts()
    n_names = sum(len(g.names_of(p.id)) for p in g)
    n_keys = sum(1 for _ in g.keys())
    sets = samples(g, args.sample, args.seed)
    speed = {kind: time_lookups(g, pairs) for kind, pairs in sets.items()}

    lines = ["### Gazetteer load, size and memory", "",
             "| measure | value |", "|---|---:|",
             f"| cold load (fresh process, import + `Gazetteer.load()`), median of {args.runs} | {statistics.median(loads):.2f} s |",
             f"| cold load min / max | {min(loads):.2f} / {max(loads):.2f} s |",
             f"| load in a warm process (imports done) | {warm:.2f} s |",
             f"| matcher start-up (`make_pipeline()`, gazetteer loaded), median | {statistics.median(matcher):.2f} s |",
             f"| entries | {len(g):,} |",
             f"| names (spellings, all scripts) | {n_names:,} |",
             f"| match keys | {n_keys:,} |",
             f"| peak RSS after load (bare interpreter + imports: {rss['rss_base_mb']:.0f} MB) | {rss['rss_peak_mb']:.0f} MB (+{rss['rss_delta_mb']:.0f} MB) |",
             f"| tracemalloc peak during load / held after | {traced['traced_peak_mb']:.0f} / {traced['traced_current_mb']:.0f} MB |",
             "", "| kind | entries |", "|---|---:|"]
    lines += [f"| {kind} | {count:,} |" for kind, count in counts.items()]
    lines += ["", f"### Lookups (`Gazetteer.lookup(name, limit=10)`, {args.sample} sampled Syrian places, seed {args.seed})", "",
              "| queries | n | lookups/s | right place top 1 % | in top 10 % | no candidate % |",
              "|---|---:|---:|---:|---:|---:|"]
    label = {"exact": "exact names", "variant": "variant spellings", "fuzzy": "misspellings (fuzzy)"}
    for kind, s in speed.items():
        lines.append(f"| {label[kind]} | {s['n']:,} | {s['per_s']:,.0f} | {100 * s['top1']:.1f} | {100 * s['top10']:.1f} | {100 * s['empty']:.1f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
