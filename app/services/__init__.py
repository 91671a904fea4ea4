"""Service flows built on the case workflow: 失业登记 and its follow-through, 就业登记, 就业援助.

``app.workflow.transition`` calls :func:`app.services.flows.after_transition` after every state change,
so a flow's consequences (ending an unemployment registration, scheduling monthly follow-ups, recording
a recognition or a placement) happen in the same transaction whichever screen took the action.
"""
