"""Fuwutai sync/protocol package."""
