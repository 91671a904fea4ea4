"""Fuwutai sync/client package."""
