"""The version of factcheck: the one place it is written (``pyproject.toml`` reads it from here).

A module of its own, with nothing to import, so that ``factcheck --version`` costs no
``importlib.metadata`` lookup (40-150 ms) and no import of the pipeline.
"""

__version__ = "0.1.0"
