"""Extractor speed: articles per second on one core, over the bundled sample corpus.

Run: python bench/extract_speed.py [--seconds 5]

Every article of samples/corpus is extracted again and again until at least the given CPU time has
passed (caches cleared before each article, so no run profits from the one before). The figures are
per second of this process's CPU time, which is what one core gives when the machine is otherwise
busy; wall-clock figures are printed beside them. The articles of 5-10 KB (typical news pages) are
measured on their own as well.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vnkg.loaders.extract import extract_article
from vnkg.loaders.extract.places import clear_cache

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def measure(texts: list[str], seconds: float) -> tuple[int, float, float]:
    """(articles done, CPU seconds, wall seconds)."""
    done = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while True:
        for text in texts:
            clear_cache()
            extract_article(text)
        done += len(texts)
        cpu = time.process_time() - cpu0
        if cpu >= seconds:
            return done, cpu, time.perf_counter() - wall0


def report(label: str, texts: list[str], seconds: float) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    done, cpu, wall = measure(texts, seconds)
    print(f"{label}: {len(texts)} articles of {size / 1024:.1f} KB on average, {done} extractions")
    print(f"  {done / cpu:.0f} articles/s ({done * size / 1024 / cpu:.0f} KB/s) per CPU second; "
          f"{done / wall:.0f} articles/s wall clock")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="least CPU time per measure (default 5)")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    if not texts:
        raise SystemExit(f"no articles under {CORPUS}")
    for text in texts:  # load the gazetteer and compile the patterns once
        extract_article(text)
    report("all sample articles", texts, args.seconds)
    typical = [t for t in texts if 5 * 1024 <= len(t.encode("utf-8")) <= 10 * 1024]
    if typical:
        report("typical articles (5-10 KB)", typical, args.seconds)


if __name__ == "__main__":
    main()
