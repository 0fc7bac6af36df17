"""How the standalone event map scales: build time, file size, browser load time.

For each size (default 1,000 / 10,000 / 100,000 generated events) this builds the
map with :func:`geomap.mapping.event_map`, writes it with
:func:`geomap.mapping.save_map` (all assets inline, no tiles), and opens the file
in headless Chromium through Playwright until the page sets ``window.geomapReady``
(every marker added to its cluster group). Network requests are blocked.

    python benchmarks/map_scale.py                     # 1k, 10k, 100k
    python benchmarks/map_scale.py --sizes 5000 --keep out/

Targets: 100,000 events build in < 20 s, open in < 5 s, file < 40 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.mapping import event_map, save_map
from geomap.model import EVENT_TYPES, Event

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VERBS = ("struck", "shelled", "hit", "targeted", "bombarded", "attacked")
WHEN = ("on Monday", "at dawn", "late on Friday", "overnight", "on Tuesday morning")


def generate(n: int, seed: int = 7) -> list[Event]:
    """``n`` plausible events: ~2,000 places in Syria, two years, ~5 events per article."""
    rng = random.Random(seed)
    places = [
        (f"Place {k}", round(rng.uniform(32.5, 37.2), 5), round(rng.uniform(35.8, 42.2), 5))
        for k in range(2000)
    ]
    events = []
    for i in range(n):
        name, lat, lon = places[int(rng.paretovariate(1.2) * 7) % len(places)]
        article = i // 5
        day = 1 + rng.randrange(730)
        date = None if rng.random() < 0.05 else f"{2023 + day // 366}-{1 + (day % 366) // 31 % 12:02d}-{1 + day % 28:02d}"
        sentence = (
            f"Government forces {rng.choice(VERBS)} {name} {rng.choice(WHEN)}, local sources said, "
            f"killing at least {rng.randrange(1, 30)} people in report number {i}."
        )
        start = sentence.index(name)
        events.append(
            Event(
                doc_id=f"doc{article}",
                place=name,
                mention=name,
                start_char=start,
                end_char=start + len(name),
                lat=lat,
                lon=lon,
                kind="settlement" if rng.random() > 0.1 else "admin2",
                admin1="Idlib",
                place_id=f"gm:{name}",
                resolver="gazetteer",
                score=0.9,
                role="event",
                date=date,
                date_precision="day" if date else None,
                date_source="sentence" if date else None,
                event_type=rng.choice(EVENT_TYPES),
                sentence=sentence,
                title=f"Article {article}: fighting in the north-west",
                source=f"https://news.example.org/2024/article-{article}.html",
                reports=1 + int(rng.expovariate(0.7)),
            )
        )
    return events


def open_in_browser(path: Path, timeout_s: float = 120.0) -> tuple[float, int]:
    """Seconds from navigation to ``window.geomapReady``, and the markers reported drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            start = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="commit", timeout=timeout_s * 1000)
            page.wait_for_function("window.geomapReady === true", timeout=timeout_s * 1000, polling=20)
            elapsed = time.perf_counter() - start
            drawn = page.evaluate("window.geomapEvents.layer.shown().length")
        finally:
            browser.close()
    return elapsed, drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    parser.add_argument("--keep", type=Path, help="write the maps to this folder and keep them")
    args = parser.parse_args(argv)
    browser = not args.no_browser and os.path.exists(CHROMIUM)
    if not args.no_browser and not browser:
        print(f"note: {CHROMIUM} not found, browser timing skipped", file=sys.stderr)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="geomap-map-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'events':>8} {'build s':>8} {'save s':>7} {'MB':>7} {'open s':>7} {'drawn':>8}")
    for n in args.sizes:
        events = generate(n)
        t0 = time.perf_counter()
        m = event_map(events, title=f"{n:,} generated events", tiles=False)
        t1 = time.perf_counter()
        path = folder / f"map_{n}.html"
        save_map(m, path)
        t2 = time.perf_counter()
        size_mb = path.stat().st_size / 1e6
        opened, drawn = open_in_browser(path) if browser else (float("nan"), 0)
        print(f"{n:>8,} {t1 - t0:>8.2f} {t2 - t1:>7.2f} {size_mb:>7.2f} {opened:>7.2f} {drawn:>8,}", flush=True)
        if not args.keep:
            path.unlink()
    if not args.keep:
        folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
