"""``python -m rolefit``."""

from rolefit.cli import run

if __name__ == "__main__":
    run()
