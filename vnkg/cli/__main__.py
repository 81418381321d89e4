"""`python -m vnkg.cli`: the same as the `vnkg` command."""

from vnkg.cli import main

main()
