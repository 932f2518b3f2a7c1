"""The registry's own tables: the append-only history of every status change
of a CSC, and the proposals (to open or to close a centre) that wait for the
district manager's decision."""

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.masters.models import Csc
from core import clock
from core.audit import AppendOnlyError
from core.db import BaseModel

# What each history row records, in every language. The keys are stored.
CHANGE_LABELS = {
    "proposed": _l("Proposed as a new centre"),
    "opening_approved": _l("Opening approved"),
    "opening_rejected": _l("Proposal rejected"),
    "opened": _l("Opened"),
    "suspended": _l("Suspended"),
    "reactivated": _l("Reactivated"),
    "closure_proposed": _l("Closure proposed"),
    "closure_approved": _l("Closure approved: closed"),
    "closure_rejected": _l("Closure proposal rejected"),
    "recorded": _l("Status recorded in the registry"),
}

PROPOSAL_KINDS = {"open": _l("Opening"), "close": _l("Closure")}
PROPOSAL_STATES = {
    "open": _l("Waiting for a decision"),
    "approved": _l("Approved"),
    "rejected": _l("Rejected"),
}


class CscStatusChange(BaseModel):
    """Append-only: who changed what, when, from which status to which, and
    why. Migration 008 adds triggers so that raw SQL cannot rewrite it either."""

    csc = pw.ForeignKeyField(Csc, backref="status_changes", on_delete="RESTRICT")
    at = pw.DateTimeField(default=clock.now)
    actor = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    change = pw.CharField(max_length=20)
    from_status = pw.CharField(max_length=12, default="")
    to_status = pw.CharField(max_length=12)
    reason = pw.TextField(default="")
    # Closing: the pending applications the approver acknowledged having seen.
    pending_applications = pw.IntegerField(null=True)

    class Meta:
        table_name = "csc_status_change"
        indexes = ((("csc", "at"), False),)

    def save(self, *args, **kwargs):
        if self.id is not None:
            raise AppendOnlyError("CSC status history is append-only")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnlyError("CSC status history is append-only")

    @property
    def change_label(self):
        return CHANGE_LABELS.get(self.change, self.change)


class CscProposal(BaseModel):
    """A proposal waiting for, or given, the district manager's decision. At
    most one is open per CSC (a partial unique index, migration 008); every
    change to it is also a CscStatusChange, so the history stays complete.

    An opening proposal that is approved while the CSC is still "proposed" is
    the pipeline's "approved" step: approved, not yet opened."""

    csc = pw.ForeignKeyField(Csc, backref="proposals", on_delete="RESTRICT")
    kind = pw.CharField(max_length=8, choices=list(PROPOSAL_KINDS.items()))
    state = pw.CharField(max_length=10, default="open", choices=list(PROPOSAL_STATES.items()))
    reason = pw.TextField(default="")
    proposed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    proposed_at = pw.DateTimeField(default=clock.now)
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    decided_at = pw.DateTimeField(null=True)
    decision_reason = pw.TextField(default="")

    class Meta:
        table_name = "csc_proposal"
        indexes = ((("csc", "kind", "state"), False),)

    @property
    def kind_label(self):
        return PROPOSAL_KINDS.get(self.kind, self.kind)

    @property
    def state_label(self):
        return PROPOSAL_STATES.get(self.state, self.state)


MODELS = (CscStatusChange, CscProposal)
