"""Service applications filed at a CSC, their documents, their append-only
history and the ledger lines of the fees collected."""

import json

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.applications.statuses import STATUS_LABELS
from blueprints.catalogue.models import Service
from blueprints.masters.models import Csc, GramPanchayat, Office, Village
from core import clock
from core.audit import AppendOnlyError
from core.db import BaseModel
from core.storage import StoredName

GENDERS = {"f": _l("Female"), "m": _l("Male"), "t": _l("Transgender")}
APPLICANT_LANGUAGES = {"hi": "हिन्दी", "mr": "मराठी", "en": "English"}


class Application(BaseModel):
    # Assigned at submission; a draft has none.
    app_id = pw.CharField(max_length=20, unique=True, null=True)
    service = pw.ForeignKeyField(Service, backref="applications", on_delete="RESTRICT")
    csc = pw.ForeignKeyField(Csc, backref="applications", on_delete="RESTRICT")
    operator = pw.ForeignKeyField(User, backref="filed", on_delete="RESTRICT")
    # The office that disposes of it: work is addressed to the office, not
    # to a person, so it follows the charge across transfers and leave.
    office = pw.ForeignKeyField(Office, null=True, backref="applications", on_delete="RESTRICT")
    # Denormalised from the CSC for jurisdiction filters and reports.
    gram_panchayat = pw.ForeignKeyField(GramPanchayat, backref="applications", on_delete="RESTRICT")
    status = pw.CharField(max_length=20, default="draft", index=True)
    step = pw.CharField(max_length=12, default="applicant")

    applicant_name_local = pw.CharField(max_length=120, default="")
    applicant_name_en = pw.CharField(max_length=120, default="")
    relation_name = pw.CharField(max_length=120, default="")
    gender = pw.CharField(max_length=1, default="")
    date_of_birth = pw.DateField(null=True)
    mobile = pw.CharField(max_length=10, default="")
    email = pw.CharField(max_length=120, default="")
    village = pw.ForeignKeyField(Village, null=True, on_delete="RESTRICT")
    address = pw.CharField(max_length=250, default="")
    # Never the whole number: "XXXX-XXXX-1234".
    aadhaar_masked = pw.CharField(max_length=14, default="")
    language = pw.CharField(max_length=2, default="hi")
    extra_json = pw.TextField(default="{}")

    govt_fee = pw.IntegerField(default=0)
    user_charge = pw.IntegerField(default=0)
    fee_collected = pw.BooleanField(default=False)

    # One-time token of the submit form: a repeated or concurrent submit
    # finds the application already submitted with the same token.
    submit_token = pw.CharField(max_length=64, unique=True)

    created_at = pw.DateTimeField(default=clock.now)
    updated_at = pw.DateTimeField(default=clock.now)
    submitted_at = pw.DateTimeField(null=True, index=True)
    due_date = pw.DateField(null=True, index=True)
    # The service-level clock stops while the application waits on the
    # applicant; paused_days is what was added to the due date so far.
    paused_since = pw.DateTimeField(null=True)
    paused_days = pw.IntegerField(default=0)
    decided_at = pw.DateTimeField(null=True)
    certificate_no = pw.CharField(max_length=60, default="")

    class Meta:
        indexes = (
            (("office", "status", "submitted_at"), False),
            (("office", "service", "status", "submitted_at"), False),
            (("csc", "status"), False),
            (("csc", "submitted_at"), False),
            (("service", "status"), False),
        )

    @property
    def extra(self) -> dict:
        return json.loads(self.extra_json or "{}")

    @property
    def status_label(self):
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def total_fee(self) -> int:
        return self.govt_fee + self.user_charge


# What a row of any list of applications shows (the operator's list, the
# desk's queue, the pendency list): its ID, status and clock, the applicant
# and the service. A list adds the columns of its own to these.
ROW_COLUMNS = (
    Application.id,
    Application.app_id,
    Application.status,
    Application.submitted_at,
    Application.paused_since,
    Application.applicant_name_local,
    Application.applicant_name_en,
    Service.id,
    Service.name_en,
    Service.name_hi,
    Service.name_mr,
)


class ApplicationDocument(BaseModel):
    application = pw.ForeignKeyField(Application, backref="documents", on_delete="CASCADE")
    doc_key = pw.CharField(max_length=40)
    original_name = pw.CharField(max_length=200)
    mimetype = pw.CharField(max_length=40)
    size = pw.IntegerField()
    stored_name = StoredName(max_length=80, unique=True)
    sha256 = pw.CharField(max_length=64)
    uploaded_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "application_document"


class ApplicationEvent(BaseModel):
    """Append-only: every status change, who, when, from, to, and why."""

    application = pw.ForeignKeyField(Application, backref="events", on_delete="RESTRICT")
    at = pw.DateTimeField(default=clock.now)
    actor = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    from_status = pw.CharField(max_length=20)
    to_status = pw.CharField(max_length=20)
    remark = pw.TextField(default="")  # for the CSC and the office, never public
    reason = pw.CharField(max_length=24, default="", null=True)  # applications.reasons

    class Meta:
        table_name = "application_event"

    def save(self, *args, **kwargs):
        if self.id is not None:
            raise AppendOnlyError("application history is append-only")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnlyError("application history is append-only")


LEDGER_PARTIES = {
    "govt": _l("Government fee"),
    "csc": _l("CSC share of the user charge"),
    "gp": _l("Gram panchayat share"),
    "society": _l("District e-governance society share"),
}


class LedgerLine(BaseModel):
    application = pw.ForeignKeyField(Application, backref="ledger", on_delete="RESTRICT")
    party = pw.CharField(max_length=8)
    amount = pw.IntegerField()  # paise
    csc = pw.ForeignKeyField(Csc, on_delete="RESTRICT")
    gram_panchayat = pw.ForeignKeyField(GramPanchayat, on_delete="RESTRICT")
    at = pw.DateTimeField(default=clock.now, index=True)

    class Meta:
        table_name = "ledger_line"
        # One line per party per application: a repeated submit cannot
        # collect the fee twice.
        indexes = ((("application", "party"), True),)


class IdSequence(BaseModel):
    """The running number of application IDs per district and year."""

    prefix = pw.CharField(max_length=8, primary_key=True)
    last = pw.IntegerField(default=0)

    class Meta:
        table_name = "id_sequence"


MODELS = (Application, ApplicationDocument, ApplicationEvent, LedgerLine, IdSequence)
