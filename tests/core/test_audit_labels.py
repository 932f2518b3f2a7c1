"""Every action the portal records reads in the reader's language on the
history pages (core/audit_labels.py); a key no one named yet reads as an
action with its key, never as a bare key passing for a label."""

import ast
from pathlib import Path

import pytest

from core.audit import AuditEvent
from core.audit_labels import ACTION_LABELS, OBJECT_LABELS
from tests.helpers import text

ROOT = Path(__file__).resolve().parents[2]


def _recorded():
    """(action, record type) of each audit.record/record_many call whose
    arguments the code spells out, and every branch of a conditional one."""
    actions, types = set(), set()

    def strings(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return strings(node.body) | strings(node.orelse)
        return set()

    for path in [*ROOT.glob("blueprints/**/*.py"), *ROOT.glob("core/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in ("record", "record_many"):
                actions |= strings(node.args[0])
                types |= strings(node.args[1])
    return actions, types


def test_every_recorded_action_and_record_type_has_a_label():
    from blueprints.cscs.workflow import ACTIONS
    from blueprints.employees.register import PERSONAL_VIEWED

    actions, types = _recorded()
    # The keys built at run time: a CSC's status changes, the personal view.
    actions |= {f"csc.{a.change}" for a in ACTIONS.values()} | {PERSONAL_VIEWED}
    assert "pendency.list_viewed" in actions  # the walk finds the calls
    assert sorted(actions - set(ACTION_LABELS)) == []
    assert sorted(types - set(OBJECT_LABELS)) == []


@pytest.mark.parametrize(
    ("lang", "viewed", "other"),
    [
        ("en", "Pending applications list viewed", "Other action (beta.tried)"),
        ("hi", "लंबित आवेदनों की सूची देखी गई", "अन्य कार्रवाई (beta.tried)"),
        ("mr", "प्रलंबित अर्जांची यादी पाहिली", "इतर कृती (beta.tried)"),
    ],
)
def test_the_history_page_names_actions_in_the_readers_language(app, admin, lang, viewed, other):
    with app.app_context():
        AuditEvent.create(action="pendency.list_viewed", object_type="pendency")
        AuditEvent.create(action="beta.tried", object_type="beta_thing")
    admin.set_cookie("lang", lang)
    page = text(admin.get("/admin/audit"))
    assert viewed in page and other in page
    assert "pendency.list_viewed" not in page
