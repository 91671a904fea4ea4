"""Training, entrepreneurship, campaigns, priority service (green channel, appointments, agents),
layoff reports, satisfaction ratings and fraud flags: the core rules of issue 6 items 8–10.

Each module works like :mod:`app.persons.service`: functions taking a ``Session``, raising
:class:`app.errors.UserError` subclasses with Chinese messages, returning plain dataclasses, and
auditing every change of a person's records (ids and field names only).
"""
