"""The staff directory. An entry is a post (office + designation) with its
own intercom extension, landline and e-mail; the officer shown against it is
looked up in the employee register (employees.services.holding_on: the postings in force) at
the moment of reading, never copied, so a transfer moves the contact."""

import peewee as pw

from blueprints.accounts.models import User
from blueprints.employees.models import Designation
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel


class DirectoryEntry(BaseModel):
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    designation = pw.ForeignKeyField(Designation, backref="+", on_delete="RESTRICT")
    extension = pw.CharField(max_length=6, default="")  # intercom, digits only
    landline = pw.CharField(max_length=15, default="")  # the post's office line
    email = pw.CharField(max_length=120, default="")  # the post's, not the person's
    # The head of the office (collector, SDM, BDO, chief officer): VC
    # invitations and quarterly confirmation reminders go to this post.
    is_head = pw.BooleanField(default=False)
    # Unlisted posts (e.g. a confidential branch) are for signed-in staff only.
    listed = pw.BooleanField(default=True)
    sort = pw.IntegerField(default=100)
    updated_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "directory_entry"
        indexes = ((("office", "designation"), True),)


class DirectoryConfirmation(BaseModel):
    """An office head's word that the office's entries were right that quarter."""

    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    quarter = pw.CharField(max_length=7)  # "2026-Q4"
    confirmed_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    confirmed_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "directory_confirmation"
        indexes = ((("office", "quarter"), True),)


MODELS = (DirectoryEntry, DirectoryConfirmation)
