"""Server mode: FIBROLOG_PUBLIC_URL turns on HTTPS-only cookies, HSTS and host checks."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.server_env import SERVER, clean_env, fibrolog, settings_of

NAMES = (
    "DEBUG",
    "SERVER_MODE",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_PATH",
    "CSRF_COOKIE_PATH",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER",
    "USE_X_FORWARDED_HOST",
)


def test_it_turns_on_everything_a_server_needs_from_the_public_url(tmp_path):
    seen = settings_of(clean_env(tmp_path, **SERVER), *NAMES)
    assert seen == {
        "DEBUG": False,
        "SERVER_MODE": True,
        "ALLOWED_HOSTS": ["diary.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://diary.example.org"],
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_PATH": "/",
        "CSRF_COOKIE_PATH": "/",
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "USE_X_FORWARDED_HOST": False,
    }


def test_it_keeps_the_laptop_settings_without_a_public_url(tmp_path):
    seen = settings_of(clean_env(tmp_path), *NAMES)
    assert seen["SERVER_MODE"] is False and seen["DEBUG"] is False
    assert seen["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert seen["SESSION_COOKIE_NAME"] == "sessionid" and seen["SESSION_COOKIE_SECURE"] is False
    assert seen["SECURE_SSL_REDIRECT"] is False and seen["SECURE_HSTS_SECONDS"] == 0


def test_it_trusts_the_forwarded_proto_only_when_told_it_is_behind_a_proxy(tmp_path):
    env = clean_env(tmp_path, **{**SERVER, "FIBROLOG_BEHIND_PROXY": "0"})
    env.update(FIBROLOG_HSTS_SECONDS="600", FIBROLOG_HSTS_SUBDOMAINS="1")
    seen = settings_of(env, *NAMES)
    assert seen["SECURE_PROXY_SSL_HEADER"] is None
    assert seen["SECURE_HSTS_SECONDS"] == 600 and seen["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True


def test_it_keeps_a_port_in_the_trusted_origin(tmp_path):
    env = clean_env(
        tmp_path, **{**SERVER, "FIBROLOG_PUBLIC_URL": "https://Diary.Example.org:8443/"}
    )
    seen = settings_of(env, "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS")
    assert seen == {
        "ALLOWED_HOSTS": ["diary.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://diary.example.org:8443"],
    }


def test_it_reads_the_secret_key_from_a_file(tmp_path):
    key = tmp_path / "key"
    key.write_text("from-a-file-" * 6 + "\n")
    key.chmod(0o600)
    seen = settings_of(clean_env(tmp_path, FIBROLOG_SECRET_KEY_FILE=str(key)), "SECRET_KEY")
    assert seen["SECRET_KEY"] == "from-a-file-" * 6


def test_it_turns_debug_on_only_when_asked(tmp_path):
    assert settings_of(clean_env(tmp_path, FIBROLOG_DEBUG="1"), "DEBUG") == {"DEBUG": True}


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://diary.example.org", "must start with https://"),
        ("https://diary.example.org/fibrolog", "no path"),
        ("https://diary.example.org:https", "is not a URL"),
    ],
)
def test_it_says_in_one_line_what_is_wrong_with_the_public_url(tmp_path, url, words):
    done = fibrolog(clean_env(tmp_path, FIBROLOG_PUBLIC_URL=url), "migrate")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: FIBROLOG_PUBLIC_URL:") and words in done.stderr


def test_it_says_which_secret_key_file_is_missing(tmp_path):
    missing = tmp_path / "nowhere" / "key"
    done = fibrolog(clean_env(tmp_path, FIBROLOG_SECRET_KEY_FILE=str(missing)), "migrate")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"cannot read {missing}" in done.stderr


@override_settings(SERVER_MODE=True)
def test_it_has_no_setup_page_on_a_server(client, db):
    assert client.get("/setup/", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.post("/setup/", {"demo": "1"}, REMOTE_ADDR="127.0.0.1").status_code == 404
    response = client.get("/today/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_it_logs_maya_in_through_the_proxy_with_host_only_secure_cookies(tmp_path, maya):
    from django.test import Client

    from tests.conftest import PASSPHRASE

    server = settings_of(clean_env(tmp_path, **SERVER), *NAMES)  # the real server-mode values
    host = {"SERVER_NAME": "diary.example.org", "HTTP_HOST": "diary.example.org"}
    proxied = {**host, "HTTP_X_FORWARDED_PROTO": "https"}
    with override_settings(**server):
        client = Client(enforce_csrf_checks=True)
        plain = client.get("/login/", **host)
        assert plain.status_code == 301 and plain["Location"].startswith("https://")
        page = client.get("/login/", **proxied)
        assert page.status_code == 200
        assert page["Strict-Transport-Security"] == "max-age=31536000"
        csrf = page.cookies["__Host-csrftoken"]
        assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]
        form = {"username": "maya", "password": PASSPHRASE, "csrfmiddlewaretoken": csrf.value}
        forged = client.post("/login/", form, HTTP_ORIGIN="https://evil.example", **proxied)
        assert forged.status_code == 403
        response = client.post("/login/", form, HTTP_ORIGIN="https://diary.example.org", **proxied)
        assert response.status_code == 302, response.content[:300]
        session = response.cookies["__Host-sessionid"]
        assert session["secure"] and session["httponly"] and session["path"] == "/"
        assert not session["domain"]
        assert client.get("/today/", **proxied).status_code == 200
