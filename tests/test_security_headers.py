"""Pages with personal data carry a strict CSP, are never cached, and refuse framing."""


def test_it_sends_strict_headers_on_personal_pages(maya_client):
    response = maya_client.get("/today/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_it_needs_csrf_for_a_check_in(maya):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(maya)
    assert client.post("/checkin/", {"day": "2026-01-01"}).status_code == 403


def test_it_hashes_passwords_with_argon2id(maya):
    assert maya.password.startswith("argon2$argon2id$")
