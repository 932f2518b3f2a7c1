"""The registry's lines of the home worklist (blueprints/cscs/worklist.py):
closures and new centres waiting for the district manager's decision, each
a link to the registry filtered to them (the "closure proposed only"
filter)."""

from blueprints.cscs.models import CscProposal
from tests.helpers import text
from tests.home import work


def test_the_collector_sees_the_proposals_waiting_for_a_decision(app, place, login_as):
    collector = login_as("district_manager")
    with app.app_context():
        work.proposals(place, closures=2, openings=1)
        # A decided one waits no more.
        CscProposal.update(state="rejected").where(
            CscProposal.id == CscProposal.select(CscProposal.id).limit(1)
        ).execute()
    lines = work.lines_of(collector)
    assert ("/cscs/?closing=1", "1 CSC closure waiting for your decision") in lines
    assert ("/cscs/?status=proposed", "1 new CSC proposed, waiting for your decision") in lines
    # A block officer proposes; the district manager decides.
    officer = login_as("block_officer")
    assert not any("decision" in label for _href, label in work.lines_of(officer))


def test_the_registry_lists_the_centres_with_a_closure_proposed(app, place, login_as):
    collector = login_as("district_manager")
    with app.app_context():
        work.proposals(place, closures=1)
        closing = CscProposal.select().first().csc
    page = collector.get("/cscs/?closing=1")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert closing.code in html and place.cscs[0].code not in html
    assert 'name="closing" type="checkbox" value="1" checked' in html
    assert place.cscs[0].code in collector.get("/cscs/").get_data(as_text=True)
    refused = collector.get("/cscs/?closing=maybe")
    assert refused.status_code == 400
    assert "“maybe” is not understood for “closure proposed only”." in text(refused)
