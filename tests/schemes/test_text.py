"""Scheme text: Markdown rendered, HTML and script never get through, and
text with HTML tags is refused on saving with a message beside the field."""

from blueprints.schemes import services as svc
from blueprints.schemes.models import SchemeVersion
from blueprints.schemes.text import has_html, render_markdown
from tests.schemes.factories import make_scheme


def test_markdown_renders_and_raw_html_is_shown_as_text():
    html = render_markdown(
        "# Aim\n\n**Help** for *farmers*:\n\n- one\n- two\n\n<script>alert(1)</script>"
    )
    assert "<h3>Aim</h3>" in html and "<strong>Help</strong>" in html and "<li>one</li>" in html
    assert "<script" not in html and "&lt;script&gt;" in html


def test_dangerous_links_and_images_are_dropped():
    html = render_markdown(
        "[click](javascript:alert(1)) [site](https://maharashtra.gov.in) ![x](http://evil/x.png)"
        ' <img src=x onerror="alert(1)"> <style>body{}</style>'
    )
    assert 'href="javascript' not in html and "<img" not in html
    assert "<style" not in html
    assert (
        '<a href="https://maharashtra.gov.in" rel="noopener noreferrer nofollow">site</a>' in html
    )


def test_search_key_folds_case_and_devanagari_spelling_variants():
    from blueprints.employees.search import search_key

    assert search_key("PM-KISAN") == search_key("pm-kisan")
    assert search_key("ज़िला") == search_key("जिला")  # with and without the nukta
    assert search_key("गाँव") == search_key("गांव")  # chandrabindu typed as anusvara
    # The same word typed as a precomposed or a combining nukta.
    assert search_key("\u095b") == search_key("\u091c\u093c")


def test_html_detection_spares_plain_comparisons():
    assert has_html("<script>") and has_html("</p>") and has_html("<!-- x -->")
    assert not has_html("income < 1 lakh") and not has_html("age 18 <= 60")


def test_html_in_scheme_text_is_refused_and_nothing_is_saved(app, dept):
    with app.app_context():
        scheme = make_scheme(dept.office, dept.clerk.user, dept.head.user)
        versions = SchemeVersion.select().count()
    response = dept.clerk.form_post(
        f"/schemes/manage/{scheme.id}/text?in=en",
        data={"title": "Fine title", "objective": "Fine", "benefits": "<script>alert(1)</script>"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "HTML tags such as &lt;script&gt; are not allowed" in page
    assert 'id="benefits-err"' in page
    with app.app_context():
        assert SchemeVersion.select().count() == versions  # no draft was started
        assert svc.open_version(scheme.id) is None


def test_html_refusal_reads_in_hindi(app, dept):
    with app.app_context():
        scheme = make_scheme(dept.office, dept.clerk.user, dept.head.user)
    dept.clerk.set_cookie("lang", "hi")
    response = dept.clerk.form_post(
        f"/schemes/manage/{scheme.id}/text?in=hi",
        data={"title": "<b>x</b>", "objective": "ठीक"},
    )
    assert response.status_code == 400
    assert "एचटीएमएल टैग की अनुमति नहीं है" in response.get_data(as_text=True)
