"""The demo: indicators for the schemes GPs report, three months of figures
of every GP, most blocks certified, last month and this month partly in."""

from blueprints.accounts.models import User
from blueprints.mis import months
from blueprints.mis.demo import seed_demo
from blueprints.mis.models import Certification, Entry, Indicator
from blueprints.schemes.models import Scheme
from tests.helpers import quiet


def test_demo_seeds_figures_and_leaves_work_to_do(ctx, place):
    for code in ("PMAY-G", "MGNREGA", "KISAN-X"):
        Scheme.create(code=code, level="central", office=place.zp, title_en=code, is_published=True)
    made = seed_demo(echo=quiet)
    assert Indicator.select().count() == 9
    assert made == Entry.select().count() > 0
    names = {i.name_en for i in Indicator.select()}
    assert {"Houses completed", "Wages paid", "Beneficiaries covered"} <= names
    last = months.reporting_month()
    older = months.shift(last, -1)
    # Every block's older months certified; last month only where complete.
    assert Certification.select().where(Certification.month == older).count() == 2
    assert Certification.select().where(Certification.month == last).count() < 2
    # Each block's office has a head who can sign in and certify.
    assert User.select().where(User.username.startswith("head.ps.")).count() == 2
    this = Entry.select().where(Entry.month == months.current_month()).count()
    assert 0 < this < 4 * 9
