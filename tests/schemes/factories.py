"""Schemes made through the real services (the upload path included)."""

from blueprints.schemes import services as svc
from blueprints.schemes.art import illustration

TEXTS = {
    "objective": {"en": "Help for **farmers**.", "hi": "किसानों की सहायता।", "mr": "शेतकऱ्यांना मदत."},
    "eligibility": {"en": "Small farmers.", "hi": "छोटे किसान।", "mr": "लहान शेतकरी."},
    "benefits": {"en": "₹6,000 a year.", "hi": "₹6,000 प्रति वर्ष।", "mr": "वर्षाला ₹6,000."},
}
TITLES = {"en": "Test Kisan Scheme", "hi": "परीक्षण किसान योजना", "mr": "चाचणी किसान योजना"}
ALTS = {"en": "A farmer in a field", "hi": "खेत में किसान", "mr": "शेतात शेतकरी"}


def make_scheme(
    office,
    actor,
    approver=None,
    *,
    code="TEST-1",
    publish=True,
    photo=True,
    rules=None,
    groups=("farmers",),
    titles=TITLES,
    texts=TEXTS,
    level="central",
):
    """A scheme with text in three languages, a photo and rules; published
    by `approver` (or `actor`) unless publish=False."""
    scheme = svc.create_scheme(code, level, office.id, titles["en"], actor)
    for lang in ("en", "hi", "mr"):
        if titles.get(lang) or any(t.get(lang) for t in texts.values()):
            svc.save_text(
                scheme,
                lang,
                titles.get(lang, ""),
                {k: v.get(lang, "") for k, v in texts.items()},
                actor,
            )
    svc.save_details(
        scheme,
        {
            "level": level,
            "year": "2026-27",
            "status": "open",
            "service_id": None,
            "groups": list(groups),
            "rules": rules or {},
        },
        actor,
    )
    if photo:
        svc.add_photo(scheme, illustration("field", 1), ALTS, actor)
    if publish:
        svc.submit(scheme, actor)
        svc.decide(scheme, approver or actor, True)
    return scheme.__class__.get_by_id(scheme.id)
