"""What the browser journeys share."""

# htmx marks the form while its request runs, then the target while it swaps
# and settles; none of them is left once the new content is in place.
# (A selector, not a script: the pages' CSP forbids evaluating strings.)
_HTMX_BUSY = ".htmx-request, .htmx-swapping, .htmx-settling"


def submit(page, selector="main button[type=submit]"):
    """Click a form's button and wait until its answer is on the page: with
    JavaScript off the browser navigates; with it on, hx-boost swaps the
    answer in after the response (a refused form's 4xx too), so waiting for
    the response or for "networkidle" alone would read the old page."""
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.click(selector)
    page.wait_for_load_state()
    page.locator(_HTMX_BUSY).first.wait_for(state="detached")
    page.wait_for_load_state("networkidle")
