"""Accounts helpers for end-to-end tests: users made over HTTP, browser sessions, owned API keys."""
import http.cookies


class Session:
    """A signed-in browser: the vka_session cookie and its CSRF token."""

    def __init__(self, server, cookie, csrf_token):
        self.server, self.cookie, self.csrf_token = server, cookie, csrf_token

    def request(self, method, path, body=None, csrf=True, headers=None):
        all_headers = {"Cookie": f"vka_session={self.cookie}"}
        if csrf and method not in ("GET", "HEAD"):
            all_headers["X-CSRF-Token"] = self.csrf_token
        all_headers.update(headers or {})
        return self.server.request(method, path, body, headers=all_headers, auth=False)


def login(server, username, password):
    return server.request("POST", "/api/v1/auth/login", {"username": username, "password": password}, auth=False)


def session_cookie(response):
    jar = http.cookies.SimpleCookie()
    jar.load(response.header("Set-Cookie"))
    return jar["vka_session"].value


def sign_in(server, username, password):
    response = login(server, username, password)
    assert response.status == 200, (response.status, response.body)
    return Session(server, session_cookie(response), response.json()["data"]["csrf_token"])


def create_user(server, username, role, password, key=None, **extra):
    body = {"username": username, "password": password, "role": role, **extra}
    response = server.request("POST", "/api/v1/users", body, key=key)
    assert response.status == 201, (response.status, response.body)
    return response.json()["data"]


def create_key(session, role=None, **extra):
    body = {"name": "e2e key", **extra}
    if role:
        body["role"] = role
    response = session.request("POST", "/api/v1/api-keys", body)
    assert response.status == 201, (response.status, response.body)
    return response.json()["data"]
