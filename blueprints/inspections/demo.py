"""Demo inspectors, last week's inspections (mostly reported, so that the
weekly report, the instructions and the overdue list show figures) and the
current week drawn, as Monday's task would have done."""

import datetime as dt

from blueprints.accounts.models import User
from blueprints.inspections import services as svc
from blueprints.inspections.draw import current_week, draw_week, shift_week, week_start
from blueprints.inspections.models import CHECKLIST, Inspection, Inspector
from core import clock

# username -> how many inspections a week (None: the district's default).
DEMO_INSPECTORS = {"bdo.paithan": 3, "gramsevak.bidkin": None}
# Last week's visits: which checks were found not in order, and the rating.
DEMO_FINDINGS = [
    ({"rate_list_displayed", "receipts_given"}, 3),
    (set(), 5),
    ({"overcharging_complaints"}, 2),
]


def _answers(findings: set) -> dict:
    return {k: (not c.in_order) if k in findings else c.in_order for k, c in CHECKLIST.items()}


def seed_demo(echo=None) -> int:
    users = User.select().where(User.username.in_(list(DEMO_INSPECTORS))).order_by(User.id)
    for user in users:
        block = user.block_id or (user.gram_panchayat.block_id if user.gram_panchayat_id else None)
        if block is None or Inspector.get_or_none(Inspector.user == user.id):
            continue
        Inspector.create(user=user, block=block, min_per_week=DEMO_INSPECTORS[user.username])
    week = current_week()
    last = shift_week(week, -1)
    draw_week(last, notify=False)
    visit = clock.from_ist(
        dt.datetime.combine(week_start(last) + dt.timedelta(days=2), dt.time(11))
    )
    last_week = list(
        Inspection.select(Inspection, Inspector)
        .join(Inspector)
        .where(Inspection.week == last)
        .order_by(Inspection.inspector, Inspection.slot)
    )
    # All but the last of the week reported: one shows as missed.
    for n, inspection in enumerate(last_week[:-1]):
        if inspection.status == "reported":  # seeded before
            continue
        findings, rating = DEMO_FINDINGS[n % len(DEMO_FINDINGS)]
        data = svc.ReportInput(
            token=svc.new_token(),
            answers=_answers(findings),
            rating=rating,
            remarks="",
        )
        svc.file_report(
            inspection, inspection.inspector.user, data, now=visit + dt.timedelta(hours=n)
        )
    result = draw_week(week)
    total = Inspection.select().count()
    if echo:
        echo(f"inspections: {len(last_week)} last week, {result['inspections']} this week ({week})")
    return total
