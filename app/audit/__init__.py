"""Audit trail of every view and change of personal data."""

from app.audit.chain import AuditEvent, append_rows, record, record_many, verify

__all__ = ["AuditEvent", "append_rows", "record", "record_many", "verify"]
