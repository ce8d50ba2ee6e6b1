"""``python -m curul`` runs the command-line interface."""

from curul.cli import main

main()
