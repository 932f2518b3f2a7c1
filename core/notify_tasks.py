"""The kernel's own tasks: sending the outbox (core.notify)."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core.periodic import scheduled
from core.queue import huey, in_app


# No huey retries: deliver() never raises; a failed attempt stays queued with
# a next_attempt_at (exponential backoff) that the sweep below honours.
@huey.task()
def deliver_notification(note_id: int):
    from core.notify import deliver

    return in_app(deliver, note_id)


@scheduled(crontab(minute="*"), _l("Retry waiting SMS and email"), _l("Every minute"))
def retry_queued_notifications():
    """Messages that waited for a gateway, or whose backoff is over, get
    another try; also picks up a message whose first task ran before the
    transaction that stored it was committed."""
    from core.notify import deliver, due_ids

    return [deliver(i) for i in due_ids()]
