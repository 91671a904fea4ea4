"""Fuwutai headless core: model, storage, validation, catalog, workflow, search, import/export, CLI."""

__version__ = "0.1.0"
