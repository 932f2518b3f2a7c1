"""The status history of a CSC is append-only: the model refuses updates and
deletes, and so does the database itself (triggers of migration 008)."""

import peewee as pw
import pytest

from blueprints.cscs.models import CscStatusChange
from core.audit import AppendOnlyError
from core.db import db
from tests.cscs.test_closure import post


def test_history_cannot_be_rewritten(app, reg, login_as):
    csc = reg.place.cscs[0]
    dm = login_as("district_manager")
    post(dm, csc, action="suspend", reason="Complaints.")
    post(dm, csc, action="reactivate", reason="Complied.")
    with app.app_context(), db.connection_context():
        first = CscStatusChange.select().order_by(CscStatusChange.id).first()
        first.reason = "rewritten"
        with pytest.raises(AppendOnlyError):
            first.save()
        with pytest.raises(AppendOnlyError):
            first.delete_instance()
        # Below the model: the database refuses too, for query builders and raw SQL.
        with pytest.raises(pw.DatabaseError), db.atomic():
            CscStatusChange.update(reason="rewritten").execute()
        with pytest.raises(pw.DatabaseError), db.atomic():
            CscStatusChange.delete().execute()
        p = db.param
        for sql in (
            f"UPDATE csc_status_change SET to_status = 'closed' WHERE id = {p}",
            f"DELETE FROM csc_status_change WHERE id = {p}",
        ):
            with pytest.raises(pw.DatabaseError), db.atomic():
                db.execute_sql(sql, (first.id,))
        rows = list(CscStatusChange.select().order_by(CscStatusChange.id))
        assert [(r.to_status, r.reason) for r in rows] == [
            ("suspended", "Complaints."),
            ("active", "Complied."),
        ]
        # Appending still works.
        CscStatusChange.create(csc=csc.id, change="recorded", to_status="active", reason="check")
        assert CscStatusChange.select().count() == 3


def test_the_detail_page_shows_the_history_newest_first(reg, login_as):
    csc = reg.place.cscs[0]
    dm = login_as("district_manager")
    post(dm, csc, action="suspend", reason="Complaints about fees.")
    post(dm, csc, action="reactivate", reason="Rate list displayed now.")
    body = dm.get(f"/cscs/{csc.id}").get_data(as_text=True)
    history = body[body.index("<h2>History</h2>") :]
    assert history.index("Rate list displayed now.") < history.index("Complaints about fees.")
    assert "Active → Suspended" in history and "Suspended → Active" in history
    assert "Test district_manager" in history
