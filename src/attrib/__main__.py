"""``python -m attrib``: the same as the ``attrib`` command."""

from .cli import main

main()
