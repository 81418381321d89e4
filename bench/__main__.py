"""``python -m bench``: generate synthetic documents, or run the benchmark.

    python -m bench generate --n 1000 --out DIR [--seed 0] [--evidence 1.0]
    python -m bench run --n 1000 [--sections ingest,queries,api,alternatives] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the sub-command."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write N synthetic facts/1 documents to a directory")
    gen.add_argument("--n", type=int, required=True, help="number of articles")
    gen.add_argument("--out", type=Path, required=True, help="directory for <id>.facts.json files")
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--evidence", type=float, default=1.0,
                     help="share of facts that carry an evidence sentence (default 1.0)")
    run = sub.add_parser("run", help="run the benchmark at N articles")
    from bench.run import add_arguments

    add_arguments(run)
    args = parser.parse_args(argv)
    if args.command == "generate":
        from bench.generate import write

        count = write(args.n, args.out, args.seed, args.evidence)
        print(f"wrote {count} documents to {args.out}")
        return 0
    from bench.run import run_from_args

    return run_from_args(args)


if __name__ == "__main__":
    sys.exit(main())
