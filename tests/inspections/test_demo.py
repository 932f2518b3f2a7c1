"""The demo district comes with inspectors and a drawn week, so that the
first `make run` shows a scheduled week, reports and the overdue list."""

from blueprints.accounts.demo import seed_demo as seed_users
from blueprints.catalogue.demo import seed_demo as seed_services
from blueprints.inspections.demo import seed_demo as seed_inspections
from blueprints.inspections.draw import current_week, shift_week
from blueprints.inspections.models import Inspection, Inspector, Instruction
from blueprints.masters.demo import seed_demo
from core.notify import Notification
from tests.helpers import quiet


def test_the_demo_has_inspectors_and_a_scheduled_week(ctx):
    seed_demo(echo=quiet)
    seed_users(echo=quiet)
    seed_services(echo=quiet)  # (no demo applications: every centre is inactive)
    total = seed_inspections(echo=quiet)
    inspectors = {i.user.username: i for i in Inspector.select()}
    assert set(inspectors) == {"bdo.paithan", "gramsevak.bidkin"}
    assert inspectors["bdo.paithan"].block.code == "BL-PTN"
    assert inspectors["gramsevak.bidkin"].block.code == "BL-PTN"
    this_week = Inspection.select().where(Inspection.week == current_week())
    assert this_week.count() == 5  # three for the BDO, the district's two for the gram sevak
    assert {i.status for i in this_week} == {"scheduled"}
    last = Inspection.select().where(Inspection.week == shift_week(current_week(), -1))
    assert sorted(i.status for i in last) == ["reported"] * 4 + ["scheduled"]  # one missed
    assert Instruction.select().count() == 5
    assert total == 10
    sms = {n.recipient for n in Notification.select()}
    assert sms == {inspectors[u].user.mobile for u in inspectors}
    # Seeding again (seed-demo --if-empty does not, but a second call must
    # not double anything either) leaves the weeks as they are.
    assert seed_inspections(echo=quiet) == 10
