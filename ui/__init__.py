"""Fuwutai ui package."""
