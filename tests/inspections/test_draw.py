"""The weekly draw: minimums, no centre twice in a week, spread over gram
panchayats, weighted towards neglected centres, and reproducible."""

import datetime as dt
from collections import Counter

from blueprints.inspections import draw
from blueprints.inspections.draw import centres, choose, draw_week, seed_for, week_start, weigh
from blueprints.inspections.models import Inspection, WeeklyDraw
from tests.factories import make_application, make_service, make_user
from tests.inspections.factories import filed, make_centres, make_inspector, schedule

WEEK = "2026-W10"  # Monday 2 March 2026


def drawn(week=WEEK, inspector=None) -> list[Inspection]:
    query = Inspection.select().where(Inspection.week == week)
    if inspector is not None:
        query = query.where(Inspection.inspector == inspector.id)
    return list(query.order_by(Inspection.inspector, Inspection.slot))


def test_each_inspector_gets_at_least_the_minimum(ctx, place, block):
    ctx.config["INSPECTIONS_PER_WEEK"] = 2
    bdo = make_inspector(place, "block_officer", min_per_week=3)
    result = draw_week(WEEK)
    assert result == {"inspectors": 2, "inspections": 5, "already": 0}
    assert len(drawn(inspector=block.inspector)) == 2  # the district's default
    assert len(drawn(inspector=bdo)) == 3  # their own figure
    assert [i.slot for i in drawn(inspector=bdo)] == [1, 2, 3]


def test_the_district_default_is_configurable(ctx, place, block):
    ctx.config["INSPECTIONS_PER_WEEK"] = 4
    draw_week(WEEK)
    assert len(drawn(inspector=block.inspector)) == 4
    assert WeeklyDraw.get().required == 4


def test_only_active_centres_of_the_inspectors_area(ctx, place, block):
    closed = make_centres(place.blocks[0], gps=2, status="closed")
    block.inspector.min_per_week = 20
    block.inspector.save()
    draw_week(WEEK)
    picked = {i.csc_id for i in drawn()}
    assert picked == {c.id for c in block.centres}  # all seven, no more
    assert not picked & {c.id for c in closed}
    assert place.cscs[1].id not in picked  # the other tehsil's centre


def test_a_tehsil_inspector_covers_every_block_of_the_tehsil(ctx, place):
    from blueprints.masters.models import Block

    second = Block.create(code="B0b", name_en="Second", name_local="दुसरा", tehsil=place.tehsils[0])
    theirs = make_centres(second, gps=3)
    sdm = make_inspector(
        place, "block_officer", tehsil=place.tehsils[0], block=None, min_per_week=4
    )
    draw_week(WEEK)
    picked = {i.csc_id for i in drawn(inspector=sdm)}
    assert picked == {place.cscs[0].id, *(c.id for c in theirs)}


def test_never_the_same_centre_twice_in_a_week_across_inspectors(ctx, place, block):
    """Three inspectors of the same seven centres, three each: seven in all,
    and the last one drawn gets what is left (and the shortfall is kept)."""
    others = [make_inspector(place, "block_officer", min_per_week=3) for _ in range(2)]
    block.inspector.min_per_week = 3
    block.inspector.save()
    draw_week(WEEK)
    rows = drawn()
    assert len(rows) == 7
    assert len({i.csc_id for i in rows}) == 7
    counts = Counter(i.inspector_id for i in rows)
    assert counts == {block.inspector.id: 3, others[0].id: 3, others[1].id: 1}
    short = WeeklyDraw.get(WeeklyDraw.inspector == others[1].id)
    assert (short.required, short.scheduled) == (3, 1)


def test_centres_are_spread_over_gram_panchayats(ctx, place):
    """One GP with five centres and three GPs with one each: a draw of four
    takes one from each GP, whatever the week."""
    crowded = make_centres(place.blocks[0], gps=1, per_gp=5)
    singles = make_centres(place.blocks[0], gps=2)
    # place 0's own CSC is the fourth GP's single centre.
    inspector = make_inspector(place, "block_officer", min_per_week=4)
    for n in range(1, 21):
        week = f"2026-W{n:02d}"
        draw_week(week, notify=False)
        gps = [i.csc.gram_panchayat_id for i in drawn(week, inspector)]
        assert len(set(gps)) == 4, week
    # With more wanted than there are GPs, the rest come from the crowded one.
    inspector.min_per_week = 6
    inspector.save()
    WeeklyDraw.delete().execute()
    Inspection.delete().execute()
    draw_week(WEEK, notify=False)
    picked = {i.csc_id for i in drawn(WEEK, inspector)}
    assert {c.id for c in singles} | {place.cscs[0].id} <= picked
    assert len(picked & {c.id for c in crowded}) == 3


def test_weights_favour_the_neglected():
    today = dt.date(2026, 3, 2)
    last_week = today - dt.timedelta(days=7)
    plain, _ = weigh(last_week, False, 0, 0, today)
    assert weigh(None, False, 0, 0, today) == (5.0, ["never"])
    assert weigh(today - dt.timedelta(days=70), False, 0, 0, today)[0] > plain
    assert weigh(last_week, True, 0, 0, today) == (plain + 3, ["inactive"])
    assert weigh(last_week, False, 4, 0, today) == (plain + 2, ["overdue"])
    assert weigh(last_week, False, 0, 2, today) == (plain + 2, ["complaints"])
    # Caps: one centre cannot swamp the draw.
    assert weigh(last_week, False, 500, 500, today)[0] == plain + 5 + 5


def test_the_signals_are_read_from_applications_and_inspections(ctx, place, block):
    """Of block 0's centres: one inspected last week, one with overdue
    applications, one with an open instruction; the rest never inspected.
    All but the one filing this week are inactive."""
    start = week_start(WEEK)
    inspected, overdue, complained, busy = block.centres[1:5]
    report_week = "2026-W09"
    filed(schedule(block.inspector, inspected, week=report_week))
    filed(schedule(block.inspector, complained, week=report_week), findings=["receipts_given"])
    service = make_service(place)
    operator = make_user("csc_operator", place, username="vle")
    monday = dt.datetime(2026, 3, 1, 20, 0)  # 01:30 IST on Monday 2 March
    for _ in range(3):
        make_application(
            place, service, operator, csc=overdue, submitted_at=monday - dt.timedelta(days=40),
            due_date=start - dt.timedelta(days=5),
        )  # fmt: skip
    make_application(place, service, operator, csc=busy, submitted_at=monday - dt.timedelta(days=3))
    found = centres(start)
    assert found[inspected.id].reasons == ["inactive"]
    assert found[overdue.id].reasons == ["never", "inactive", "overdue"]
    assert found[complained.id].reasons == ["inactive", "complaints"]
    assert found[busy.id].reasons == ["never"]
    assert found[overdue.id].weight > found[busy.id].weight > found[inspected.id].weight


def test_the_draw_prefers_the_neglected_centre(ctx, place):
    """Over a hundred weeks, a never-inspected, inactive centre with overdue
    applications is drawn far more often than a busy one inspected last week."""
    neglected = weigh(None, True, 3, 0, dt.date(2026, 3, 2))[0]
    pool = [
        draw.Centre(id=i, gp_id=i, block_id=1, tehsil_id=1, weight=neglected if i == 1 else 1.33)
        for i in range(1, 11)
    ]
    picks = Counter()
    for n in range(100):
        for centre in choose(pool, 2, seed_for(f"week-{n}", 7)):
            picks[centre.id] += 1
    others = [picks[i] for i in range(2, 11)]
    assert picks[1] > 3 * sum(others) / len(others)
    assert sum(picks.values()) == 200


def test_the_draw_is_reproducible_from_its_seed(ctx, place, block):
    make_inspector(place, "block_officer", min_per_week=3)
    draw_week(WEEK, notify=False)
    first = [(i.inspector_id, i.slot, i.csc_id) for i in drawn()]
    Inspection.delete().execute()
    WeeklyDraw.delete().execute()
    draw_week(WEEK, notify=False)
    assert [(i.inspector_id, i.slot, i.csc_id) for i in drawn()] == first
    # Another week draws from other random numbers.
    sets = set()
    for n in range(11, 19):
        week = f"2026-W{n}"
        draw_week(week, notify=False)
        sets.add(tuple(i.csc_id for i in drawn(week, block.inspector)))
    assert len(sets) > 3


def test_the_seed_depends_on_the_district_secret(ctx):
    first = seed_for(WEEK, 1)
    assert seed_for(WEEK, 1) == first
    assert seed_for(WEEK, 2) != first and seed_for("2026-W11", 1) != first
    ctx.config["INSPECTION_SEED"] = "another district"
    assert seed_for(WEEK, 1) != first


def test_an_inactive_inspector_is_not_drawn(ctx, place, block):
    block.inspector.active = False
    block.inspector.save()
    assert draw_week(WEEK)["inspectors"] == 0
    assert drawn() == []


def test_the_week_is_the_indian_week():
    # 20:00 UTC on Sunday 8 March is 01:30 on Monday 9 March in India.
    assert draw.current_week(dt.datetime(2026, 3, 8, 20, 0)) == "2026-W11"
    assert draw.current_week(dt.datetime(2026, 3, 8, 18, 0)) == "2026-W10"
    assert draw.parse_week("2026-w47") == "2026-W47"
    for bad in ("2026-W54", "2026-47", "", "2026-W4x", "99999-W01"):
        assert draw.parse_week(bad) is None
    assert draw.shift_week("2026-W01", -1) == "2025-W52"
