"""The demo district has a dozen published schemes in three languages with
photos, each page within the budget, and a change awaiting approval."""

import gzip
import time

from blueprints.accounts.demo import seed_demo as seed_users
from blueprints.catalogue.demo import seed_demo as seed_services
from blueprints.masters.demo import seed_demo as seed_masters
from blueprints.schemes import services as svc
from blueprints.schemes.demo import seed_demo
from blueprints.schemes.models import SECTIONS, Scheme, SchemePhoto
from core.db import db
from tests.helpers import quiet


def test_the_demo_has_a_dozen_schemes_in_three_languages_with_photos(app, client):
    with app.app_context(), db.connection_context():
        seed_masters(echo=quiet)
        seed_users(echo=quiet)
        seed_services(echo=quiet)
        started = time.monotonic()
        assert seed_demo(echo=quiet) == 12
        assert time.monotonic() - started < 10
        schemes = list(svc.published_schemes())
        assert len(schemes) == 12
        for scheme in schemes:
            version = svc.published_version(scheme.id)
            assert all(version.titles.get(lang) for lang in ("en", "hi", "mr")), scheme.code
            assert all(version.texts["objective"].get(lang) for lang in ("en", "hi", "mr"))
            assert set(version.texts) == set(SECTIONS)
            assert SchemePhoto.select().where(SchemePhoto.version == version.id).count() >= 1
        pending = svc.open_version(Scheme.get(Scheme.code == "ZP-CESS-BC").id)
        assert pending.state == "submitted" and pending.submitted_by.username == "clerk.zpsw"
        ids = [s.id for s in schemes]
        assert seed_demo(echo=quiet) == 0  # never twice
    for lang in ("en", "hi", "mr"):
        client.set_cookie("lang", lang)
        for scheme_id in ids:
            response = client.get(f"/schemes/{scheme_id}")
            assert response.status_code == 200
            assert len(gzip.compress(response.data, 6)) < 14 * 1024
