"""Fuwutai sync package."""
