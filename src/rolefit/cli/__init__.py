"""The command line: a thin layer over the library.

:mod:`~rolefit.cli.main` makes the typer app; :mod:`~rolefit.cli.quiz`, :mod:`~rolefit.cli.roles`,
:mod:`~rolefit.cli.results` and :mod:`~rolefit.cli.files` add its commands (each turns its
options into one library call); :mod:`~rolefit.cli.delivery` is the one way a result is written,
:mod:`~rolefit.cli.group` and :mod:`~rolefit.cli.failures` the one way a failure ends.
"""

# Each adds its commands to the app, in the order --help lists them.
# isort: off
from rolefit.cli import quiz, roles, results, audit, files  # noqa: F401

# isort: on
from rolefit.cli.main import app, run

__all__ = ["app", "run"]
