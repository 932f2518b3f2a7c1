"""Each status of an application, once: its label, what the service-level
clock does in it (which also makes it open: the office still owes the
applicant a decision or a delivery), and whether a decision has been made
by then. The allowed moves between them are workflow.ACTIONS."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from core.sla import PAUSED, RUNNING, Clock


@dataclass(frozen=True)
class Status:
    label: object
    # sla.RUNNING, sla.PAUSED (waiting on the applicant), or None: closed,
    # or not yet filed.
    clock: str | None = None
    decided: bool = False
    # The CSC may add documents: while filing, and when the office asks.
    uploads: bool = False


STATUSES = {
    "draft": Status(_l("Draft (not submitted)"), uploads=True),
    "submitted": Status(_l("Submitted"), RUNNING),
    "scrutiny": Status(_l("Under scrutiny"), RUNNING),
    "awaiting_documents": Status(
        _l("Waiting for documents from the applicant"), PAUSED, uploads=True
    ),
    "approved": Status(_l("Approved"), RUNNING, decided=True),
    "rejected": Status(_l("Rejected"), decided=True),
    "delivered": Status(_l("Delivered"), decided=True),
}
STATUS_LABELS = {name: status.label for name, status in STATUSES.items()}
OPEN_STATUSES = tuple(name for name, status in STATUSES.items() if status.clock)
UPLOAD_STATUSES = tuple(name for name, status in STATUSES.items() if status.uploads)
CLOCK = Clock(
    running=tuple(name for name, status in STATUSES.items() if status.clock == RUNNING),
    paused=tuple(name for name, status in STATUSES.items() if status.clock == PAUSED),
)

# For the status filters of the desk and the pendency list.
OPEN_STATUS_LABELS = {name: STATUS_LABELS[name] for name in OPEN_STATUSES}
