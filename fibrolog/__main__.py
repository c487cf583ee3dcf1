"""`python -m fibrolog` runs the command line."""

from fibrolog.cli import main

main()
