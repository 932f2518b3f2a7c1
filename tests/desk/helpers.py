"""Desk test helpers: services, a CSC operator and submitted applications
made straight through the models."""

import datetime as dt
import itertools
import uuid

from blueprints.applications.models import Application, ApplicationEvent
from blueprints.applications.statuses import OPEN_STATUSES
from core import clock
from core.db import db
from tests.factories import make_income_and_caste, make_user

_numbers = itertools.count(1)


class Office:
    """Two services, a CSC operator, and `file()` for submitted applications
    addressed to tehsil office 0 (ours) unless told otherwise."""

    def __init__(self, app, place):
        self.app = app
        self.place = place
        with app.app_context():
            self.operator = make_user("csc_operator", place, username="vle-desk")
            self.income, self.caste = make_income_and_caste(place)

    def file(self, *, service=None, office=None, age_days=1.0, status="submitted", **fields):
        """A submitted application, `age_days` old, with its submission event."""
        number = next(_numbers)
        submitted = clock.now() - dt.timedelta(days=age_days)
        row = {
            "app_id": f"AUR26-{number:07d}-T",
            "service": service or self.income,
            "csc": self.place.cscs[0],
            "operator": self.operator,
            "office": office or self.place.tehsil_offices[0],
            "gram_panchayat": self.place.gps[0],
            "status": status,
            "applicant_name_local": f"रामू पाटील {number}",
            "applicant_name_en": f"Ramu Patil {number}",
            "mobile": "9876543210",
            "language": "mr",
            "govt_fee": 2000,
            "user_charge": 3000,
            "fee_collected": True,
            "submit_token": uuid.uuid4().hex,
            "submitted_at": submitted,
            "due_date": clock.ist_date(submitted) + dt.timedelta(days=7),
            **fields,
        }
        with self.app.app_context():
            application = Application.create(**row)
            ApplicationEvent.create(
                application=application,
                actor=self.operator,
                at=submitted,
                from_status="draft",
                to_status="submitted",
            )
            return application

    def bulk(self, count, *, office=None, start=None, batch=1000, **fields):
        """`count` open applications a minute apart from `start`, inserted in
        batches of rows: fast enough for 100,000."""
        office = office or self.place.tehsil_offices[0]
        start = start or dt.datetime(2025, 1, 1)
        statuses = OPEN_STATUSES
        services = (self.income.id, self.caste.id)
        base = next(_numbers) * 10_000_000
        now = clock.now()
        same = {
            Application.csc: self.place.cscs[0].id,
            Application.operator: self.operator.id,
            Application.office: office.id,
            Application.gram_panchayat: self.place.gps[0].id,
            Application.applicant_name_local: fields.pop("applicant_name_local", "सविता कांबळे"),
            Application.applicant_name_en: fields.pop("applicant_name_en", "Savita Kamble"),
            Application.created_at: now,
            Application.updated_at: now,
        }
        assert not fields, f"bulk() does not set {sorted(fields)}"
        columns = [
            *same,
            Application.app_id,
            Application.service,
            Application.status,
            Application.submit_token,
            Application.submitted_at,
            Application.due_date,
        ]
        with self.app.app_context(), db.atomic():
            for first in range(0, count, batch):
                rows = []
                for i in range(first, min(first + batch, count)):
                    at = start + dt.timedelta(minutes=i)
                    rows.append(
                        (
                            *same.values(),
                            f"B{base + i}",
                            services[i % 2],
                            statuses[i % 4],
                            f"bulk-{base + i}",
                            at,
                            clock.ist_date(at) + dt.timedelta(days=7),
                        )
                    )
                Application.insert_many(rows, fields=columns).execute()


def reload(app, application) -> Application:
    with app.app_context():
        return Application.get_by_id(application.id)


def events_of(app, application) -> list:
    with app.app_context():
        return list(
            ApplicationEvent.select()
            .where(ApplicationEvent.application == application.id)
            .order_by(ApplicationEvent.id)
        )


def upload_document(app, application, doc_key="photo") -> None:
    """A document the CSC uploaded now (as asked), its row alone."""
    from blueprints.applications.models import ApplicationDocument

    with app.app_context():
        ApplicationDocument.create(
            application=application.id,
            doc_key=doc_key,
            original_name="photo.jpg",
            mimetype="image/jpeg",
            size=1000,
            stored_name=f"{uuid.uuid4().hex}.jpg",
            sha256="0" * 64,
        )
