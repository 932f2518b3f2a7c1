"""A scheme with indicators, figures for whole blocks, and the users who
enter and certify them."""

import datetime as dt

from blueprints.mis import months
from blueprints.mis.models import Entry, Indicator
from blueprints.schemes.models import Scheme
from tests.factories import make_user


def make_indicators(place, code="PMAY-G", from_month=dt.date(2026, 1, 1)):
    scheme = Scheme.create(
        code=code,
        level="central",
        office=place.zp,
        title_en="Pradhan Mantri Awas Yojana (Gramin)",
        title_hi="प्रधानमंत्री आवास योजना (ग्रामीण)",
        title_mr="प्रधानमंत्री आवास योजना (ग्रामीण)",
        is_published=True,
    )
    houses = Indicator.create(
        scheme=scheme,
        code="houses",
        name_en="Houses completed",
        name_hi="पूर्ण हुए मकान",
        name_mr="पूर्ण झालेली घरे",
        unit="count",
        max_monthly=1000,
        position=1,
        from_month=from_month,
    )
    money = Indicator.create(
        scheme=scheme,
        code="paid",
        name_en="Instalments paid",
        name_hi="वितरित किस्तें",
        name_mr="वितरित हप्ते",
        unit="rupees",
        max_monthly=5_00_00_000,
        position=2,
        from_month=from_month,
    )
    return scheme, [houses, money]


def fill(gps, indicators, month, user, target=10, achievement=7):
    """Current figures of every indicator for each GP."""
    for gp in gps:
        for indicator in indicators:
            Entry.create(
                indicator=indicator,
                gram_panchayat=gp,
                month=month,
                target=target,
                achievement=achievement,
                entered_by=user,
            )


def block_head(place, which=0, **overrides):
    """The head of block `which`'s panchayat samiti (an office_head)."""
    overrides.setdefault("username", f"ps-head-{which}")
    overrides.setdefault("mobile", f"97000001{which:02d}")
    return make_user("office_head", place, office=place.block_offices[which], **overrides)


def reporting_key() -> str:
    """The month being reported now, as the pages' ?month= takes it."""
    return months.key(months.reporting_month())
