from tests.pendency.helpers import text
def test_smoke(district, manager, place):
    for age in (0, 2, 5, 9, 12):
        district.file(age)
    district.file(3, status="approved", decided_age=1)
    district.file(20, status="rejected", decided_age=2)
    r = manager.get("/pendency/")
    print(r.status_code)
    body = text(r)
    open("/tmp/dash.html","w").write(body)
    assert r.status_code == 200, body[-3000:]
    r = manager.get("/pendency/applications?bucket=over7")
    open("/tmp/list.html","w").write(text(r))
    assert r.status_code == 200
    r = manager.get("/pendency/summary.pdf")
    open("/tmp/sum.pdf","wb").write(r.data)
    assert r.status_code == 200
    for u in ("/pendency/?format=csv", "/pendency/?format=xlsx", "/pendency/applications?format=csv", "/pendency/applications?format=xlsx", "/pendency/?office=abc", "/pendency/?from=2026-05-01&to=2026-04-01"):
        r = manager.get(u)
        print(u, r.status_code, r.mimetype)
