def test_home_renders_for_every_role(login_as):
    from blueprints.accounts.models import ROLES

    for role in ROLES:
        browser = login_as(role)
        response = browser.get("/")
        assert response.status_code == 200, (role, response.get_data(as_text=True)[:2000])
