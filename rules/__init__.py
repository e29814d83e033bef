"""The built-in rules, installed with the package as ``factcheck.builtin_rules``.

Only the YAML files here matter; this module exists so the directory can be
found with ``importlib.resources`` after ``pip install``.
"""
