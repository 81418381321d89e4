"""``python -m vnkg``: the same command line as ``vnkg``."""

from vnkg.cli import app

if __name__ == "__main__":
    app(prog_name="vnkg")
