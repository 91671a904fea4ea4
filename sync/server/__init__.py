"""Fuwutai sync/server package."""
