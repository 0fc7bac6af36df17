#!/usr/bin/env python3
"""A deterministic generator of news-like articles about Syria, for throughput benchmarks.

Place names come from geomap's packaged gazetteer (settlements inside Syria with a
governorate, the governorates themselves, air bases); sentences come from templates written
for this benchmark: air strikes, shelling, clashes, offensives, explosions, killings,
displacement, protests, and background sentences that name no place. The same ``--seed`` and
``--mb`` always give the same file, byte for byte (on the same gazetteer version).

The articles are synthetic: the events are random and none of them is a report of a real event.

Run from the repository root::

    python benchmarks/corpus_gen.py --mb 5 -o benchmarks/out/corpus-5mb.jsonl
    python benchmarks/corpus_gen.py --mb 0.2 --seed 7 | head -n 2

Each line is a JSON object with ``id``, ``title``, ``published`` (YYYY-MM-DD), ``url`` and
``text``: the record layout ``geomap extract`` reads. ``--mb`` is the size of the JSONL file
in megabytes (10^6 bytes); generation stops at the first article that reaches it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

#: Governorate names as news reports write them (the gazetteer's admin1 names differ slightly).
GOVERNORATE_NAMES = {
    "Idlib": "Idlib", "Aleppo": "Aleppo", "Hama": "Hama", "Homs": "Homs", "Damascus": "Damascus",
    "Rural Damascus": "Rural Damascus", "Daraa": "Daraa", "Dar'a": "Daraa", "As-Suwayda": "Sweida",
    "Quneitra": "Quneitra", "Lattakia": "Latakia", "Latakia": "Latakia", "Tartous": "Tartus", "Tartus": "Tartus",
    "Ar-Raqqa": "Raqqa", "Raqqa": "Raqqa", "Deir-ez-Zor": "Deir ez-Zor", "Deir ez-Zor": "Deir ez-Zor",
    "Al-Hasakeh": "Hasakah", "Hasakah": "Hasakah",
}  # fmt: skip

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

EVENT_TEMPLATES = (
    "Air strikes hit {place} in {gov} province on {date}, killing {n} civilians, rescuers said.",
    "Warplanes struck {place} and {place2} in the {gov} countryside {when}, according to a war monitor.",
    "Russian jets carried out at least {n} raids on {place} {when}, local activists reported.",
    "A barrel bomb dropped by a helicopter fell on a market in {place} on {date}.",
    "Government forces shelled {place} in southern {gov} {when}, wounding {n} people.",
    "Artillery and rocket fire targeted the outskirts of {place} on {date}, the civil defence said.",
    "Heavy clashes broke out between government troops and rebel fighters near {place} {when}.",
    "Fighting raged on the frontline around {place} and {place2} on {date}, with losses on both sides.",
    "Government troops and allied militias launched an offensive towards {place} on {date}.",
    "Pro-government forces advanced and captured {place} in {gov} {when} after days of fighting.",
    "A car bomb exploded at a checkpoint in {place} on {date}, killing {n} people.",
    "An improvised explosive device went off near a mosque in {place} {when}.",
    "Gunmen killed {n} members of a local council in {place}, {gov}, on {date}.",
    "More than {n_big} families fled {place} towards camps near {place2} {when} as the bombing intensified.",
    "Thousands of residents were displaced from {place} in {gov} on {date}, the United Nations said.",
    "Hundreds of protesters gathered in {place} on {date} to demand the release of detainees.",
    "Drones attacked {airbase} on {date}, the defence ministry said, adding that all were shot down.",
    "Rebels shelled {airbase} in {gov} {when}, damaging at least {n} aircraft, a monitor said.",
    "Medical sources in {place} said {n} children were among the dead after the strikes {when}.",
    "Residents of {place} said the shelling continued into the night of {date}.",
)

BACKGROUND = (
    "The claims could not be independently verified.",
    "The war has killed hundreds of thousands of people and displaced millions since it began in 2011.",
    "Aid agencies warned that hospitals were running short of fuel and medicine.",
    "A spokesman for the opposition said the attacks violated the ceasefire agreement.",
    "The government did not immediately respond to a request for comment.",
    "Officials said negotiations over a new truce had stalled.",
    "Humanitarian groups called for safe passage for civilians trapped by the fighting.",
    "Prices of bread and fuel have risen sharply over the past month, traders said.",
    "The monitor relies on a network of sources on the ground.",
    "Rescue workers were still searching the rubble for survivors late in the evening.",
    "Footage shared online showed columns of smoke rising above residential buildings.",
    "Diplomats said the Security Council would meet again next week to discuss the situation.",
    "Teachers said many schools had closed because families could no longer afford transport.",
    "The United Nations said it was deeply concerned by the reports.",
    "Analysts said both sides appeared to be preparing for a longer campaign.",
)

TITLES = (
    "Strikes kill civilians in {place}", "Fighting intensifies near {place}", "Thousands flee {place}",
    "Shelling hits {place} as truce falters", "Monitor reports deadly raids on {place}",
    "Explosion rocks {place}", "Offensive on {place} gathers pace", "Protest in {place}",
)


@dataclass(frozen=True)
class Names:
    """The place names the generator draws from."""

    settlements: tuple[tuple[str, str], ...]  # (name, governorate as news writes it)
    governorates: tuple[str, ...]
    airbases: tuple[tuple[str, str], ...]


def gazetteer_names() -> Names:
    """Settlements in Syria with a governorate, governorates and air bases, in a fixed order."""
    from geomap.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    settlements, airbases = [], []
    for place in gazetteer:
        gov = GOVERNORATE_NAMES.get(place.admin1 or "")
        if gov is None or not place.name.isascii() or not place.name[:1].isupper():
            continue
        if place.kind == "settlement":
            settlements.append((place.name, gov, place.importance))
        elif place.kind == "airbase":
            airbases.append((place.name, gov))
    # Common towns (most important first) are mentioned more often: keep the order by importance,
    # one governorate per name (that of its most important entry).
    ranked = sorted(settlements, key=lambda s: (-s[2], s[0], s[1]))
    seen: set[str] = set()
    settlements = [(name, gov) for name, gov, _ in ranked if not (name in seen or seen.add(name))]
    return Names(tuple(settlements), tuple(sorted(set(GOVERNORATE_NAMES.values()))), tuple(sorted(set(airbases))))


def _date(rng: random.Random) -> dt.date:
    return dt.date(2011, 3, 15) + dt.timedelta(days=rng.randrange(0, 12 * 365))


def _written(date: dt.date, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.6:
        return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if style < 0.85:
        return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    return f"{date.day} {MONTHS[date.month - 1]}"


def _settlement(names: Names, rng: random.Random) -> tuple[str, str]:
    # Zipf-like: most mentions go to a few hundred well-known towns, some to the long tail.
    if rng.random() < 0.7:
        return names.settlements[min(int(rng.paretovariate(1.2)) - 1, 299)]
    return rng.choice(names.settlements)


def _sentence(names: Names, rng: random.Random, published: dt.date) -> str:
    template = rng.choice(EVENT_TEMPLATES)
    place, gov = _settlement(names, rng)
    place2, _ = _settlement(names, rng)
    airbase, airbase_gov = rng.choice(names.airbases)
    if "{airbase}" in template:
        gov = airbase_gov
    day = published - dt.timedelta(days=rng.randrange(0, 4))
    when = rng.choice((f"on {WEEKDAYS[day.weekday()]}", "on Friday night", "overnight", "earlier this week",
                       f"on {_written(day, rng)}"))
    return template.format(place=place, place2=place2, gov=gov, airbase=airbase, date=_written(day, rng), when=when,
                           n=rng.randrange(2, 40), n_big=rng.randrange(2, 90) * 100)


def articles(names: Names, seed: int) -> Iterator[dict[str, str]]:
    """An endless, deterministic stream of article records."""
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        published = _date(rng)
        paragraphs = []
        for _ in range(rng.randrange(3, 10)):
            sentences = []
            for _ in range(rng.randrange(1, 5)):
                if rng.random() < 0.55:
                    sentences.append(_sentence(names, rng, published))
                else:
                    sentences.append(rng.choice(BACKGROUND))
            paragraphs.append(" ".join(sentences))
        place, _gov = _settlement(names, rng)
        text = "\n\n".join(paragraphs)
        if rng.random() < 0.3:  # a dateline, as agency copy has
            city, _ = _settlement(names, rng)
            text = f"{city.upper()}, Syria (Agency) - {text}"
        yield {
            "id": f"gen-{seed}-{number:07d}",
            "title": rng.choice(TITLES).format(place=place),
            "published": published.isoformat(),
            "url": f"https://news.example/{published:%Y/%m/%d}/{number}",
            "text": text,
        }


def write_corpus(out, mb: float, seed: int = 1) -> tuple[int, int]:
    """Write records to ``out`` until ``mb`` megabytes; returns (articles, bytes)."""
    limit = int(mb * 1_000_000)
    size = count = 0
    for record in articles(gazetteer_names(), seed):
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        size += len(line.encode("utf-8"))
        count += 1
        if size >= limit:
            break
    return count, size


def ensure_corpus(path: str | Path, mb: float, seed: int = 1) -> Path:
    """``path``, generated unless it already exists (callers name files by size and seed)."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("w", encoding="utf-8") as out:
            write_corpus(out, mb, seed)
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the JSONL file in MB (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", type=Path, default=None, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    if args.output is None:
        try:
            count, size = write_corpus(sys.stdout, args.mb, args.seed)
        except BrokenPipeError:  # | head
            sys.stderr.close()
            return 0
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with args.output.open("w", encoding="utf-8") as out:
            count, size = write_corpus(out, args.mb, args.seed)
    print(f"corpus_gen: {count} articles, {size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
