"""Key checks that mean it (issue 16.3), over real HTTP against the Klaviyo sandbox, whose keys carry
scopes and whose every operation answers 403 `permission_denied` without its scope: verification
names every scope the sync and the kit need that the key lacks, and writes nothing doing so (every
probe is checked against Klaviyo's OpenAPI by the sandbox fixture)."""

from __future__ import annotations

import pytest

from loyalty_desktop import service
from loyalty_desktop.core.errors import MissingScopeError, user_message
from loyalty_desktop.core.platforms import KLAVIYO
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.destinations.klaviyo.kit import KIT_SCOPES
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

READ_ONLY = {"accounts:read", "events:read", "lists:read", "metrics:read", "profiles:read", "segments:read",
             "templates:read", "flows:read"}
SYNC = set(KLAVIYO.sync_scopes)
KIT = set(KLAVIYO.kit_scopes)


def verified(sb: KlaviyoSandbox, scopes: set[str] | None) -> AccountInfo:
    """What the user's "Verify" does (service.Connection.verify): the account, then every scope."""
    dest = KlaviyoDestination(sb.add_key(scopes), sb.base_url or "")
    try:
        return service.Connection(dest, dest.verify()).verify()
    finally:
        dest.close()


def assert_nothing_written(sb: KlaviyoSandbox) -> None:
    assert sb.profiles() == [] and sb.events() == [] and sb.metrics() == [] and sb.import_jobs() == []
    assert sb.segments() == [] and sb.templates() == [] and sb.flows() == []
    writes = [r for r in sb.requests if r.method in ("POST", "PATCH") and r.status < 400]
    assert writes == []


def test_read_only_key_names_the_missing_scopes_and_writes_nothing(sandbox: KlaviyoSandbox) -> None:
    with pytest.raises(MissingScopeError) as caught:
        verified(sandbox, READ_ONLY)
    assert caught.value.scopes == ["events:write", "flows:write", "lists:write", "profiles:write",
                                   "segments:write", "templates:write"]
    text = user_message(caught.value, "Klaviyo")
    assert "profiles:write" in text and "events:write" in text and "flows:write" in text
    assert_nothing_written(sandbox)


@pytest.mark.parametrize("missing", sorted(s for s in SYNC | KIT if s.endswith(":write")))
def test_each_missing_write_scope_is_named(sandbox: KlaviyoSandbox, missing: str) -> None:
    scopes = (SYNC | KIT) - {missing}
    if missing in SYNC:
        with pytest.raises(MissingScopeError) as caught:
            verified(sandbox, scopes)
        assert caught.value.scopes == [missing]
    else:  # the sync can run: the kit's scope is named, the key is accepted
        assert verified(sandbox, scopes).missing_scopes == (missing,)
    assert_nothing_written(sandbox)


@pytest.mark.parametrize("resource", ["profiles", "lists", "metrics", "segments", "templates", "flows"])
def test_a_resource_without_any_access_names_read_and_write(sandbox: KlaviyoSandbox, resource: str) -> None:
    gone = {f"{resource}:read", f"{resource}:write"}
    expected = sorted(gone & (SYNC | KIT))
    scopes = (SYNC | KIT) - gone
    if set(expected) & SYNC:
        with pytest.raises(MissingScopeError) as caught:
            verified(sandbox, scopes)
        assert caught.value.scopes == expected
    else:
        assert list(verified(sandbox, scopes).missing_scopes) == expected
    assert_nothing_written(sandbox)


def test_renaming_a_list_in_the_sandbox(sandbox: KlaviyoSandbox) -> None:
    """The list update the lists:write check relies on, as Klaviyo answers it (checked against the spec)."""
    import httpx

    lid = sandbox.add_list("Old")
    headers = {"Authorization": f"Klaviyo-API-Key {sandbox.add_key({'lists:write'})}", "revision": "2026-07-15",
               "Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json"}
    body = {"data": {"type": "list", "id": lid, "attributes": {"name": "New"}}}
    resp = httpx.patch(f"{sandbox.base_url}/api/lists/{lid}", json=body, headers=headers)
    assert resp.status_code == 200 and resp.json()["data"]["attributes"]["name"] == "New"
    readonly = {**headers, "Authorization": f"Klaviyo-API-Key {sandbox.add_key({'lists:read'})}"}
    denied = httpx.patch(f"{sandbox.base_url}/api/lists/{lid}", json=body, headers=readonly)
    assert denied.status_code == 403 and denied.json()["errors"][0]["code"] == "permission_denied"
    assert "lists:write" in denied.json()["errors"][0]["detail"]


def test_correctly_scoped_key_passes(sandbox: KlaviyoSandbox) -> None:
    info = verified(sandbox, SYNC | KIT)
    assert info.missing_scopes == () and info.name == "Maison Lumière (sandbox)"
    assert verified(sandbox, None).missing_scopes == ()  # a full-access key
    assert_nothing_written(sandbox)


def test_key_made_for_the_sync_only_says_what_the_kit_lacks(sandbox: KlaviyoSandbox) -> None:
    # What the wizard used to say: the sync's scopes plus segments. The sync can run; the kit cannot.
    info = verified(sandbox, SYNC | {"segments:read", "segments:write"})
    assert info.missing_scopes == ("flows:read", "flows:write", "metrics:read", "templates:read",
                                   "templates:write")
    assert_nothing_written(sandbox)


def test_the_wizard_lists_every_scope_the_kit_calls() -> None:
    assert set(KIT_SCOPES) == KIT
    assert not (KIT & SYNC)


def test_a_plain_connect_stays_one_request(sandbox: KlaviyoSandbox) -> None:
    """A sync's own connect costs one request, as before: scopes are checked when the user verifies."""
    dest = KlaviyoDestination(sandbox.add_key(READ_ONLY), sandbox.base_url or "")
    try:
        dest.verify()
    finally:
        dest.close()
    assert [r.operation for r in sandbox.requests] == ["get_accounts"]


def test_offline_fails_fast_in_plain_words() -> None:
    """No network: verification gives up after one retry (the sync's backoff would take many seconds)
    and says so plainly; the key's shape was checked before (secrets.check_key, no request)."""
    import httpx

    from loyalty_desktop.core.errors import NetworkError

    attempts: list[str] = []

    def offline(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)

    dest = KlaviyoDestination("pk_" + "a" * 34, "https://a.klaviyo.com", transport=httpx.MockTransport(offline))
    try:
        with pytest.raises(NetworkError) as caught:
            dest.verify()
    finally:
        dest.close()
    assert attempts == ["/api/accounts", "/api/accounts"]
    assert user_message(caught.value, "Klaviyo").startswith("Cannot reach Klaviyo: check the internet connection")
    assert dest.http.retry.max_attempts > 2  # the sync keeps its patience


def test_a_mangled_key_is_named_before_any_request(sandbox: KlaviyoSandbox) -> None:
    from loyalty_desktop.core import secrets
    from loyalty_desktop.core.errors import KeyFormatError

    with pytest.raises(KeyFormatError):
        secrets.check_key("klaviyo", "pk_abc def")
    with pytest.raises(KeyFormatError):
        secrets.check_key("klaviyo", "AbC123")  # the public key (site ID)
    assert sandbox.requests == []


def test_the_users_verify_through_the_service(sandbox: KlaviyoSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """The wizard's Verify (service.connect_checked): scopes checked, the connection knows the key it
    uses (masked, for the main window); a key that cannot sync leaves no connection open."""
    from loyalty_desktop.core import secrets
    from loyalty_desktop.core.options import TargetOptions
    from loyalty_desktop.net.client import CancelToken

    monkeypatch.setenv(KLAVIYO.url_env, sandbox.base_url or "")
    key = sandbox.add_key(SYNC | {"segments:read", "segments:write"})
    conn = service.connect_checked("klaviyo", key, TargetOptions(), CancelToken())
    try:
        assert conn.key_mask == secrets.mask(key) and key not in conn.key_mask
        assert conn.account.missing_scopes == ("flows:read", "flows:write", "metrics:read", "templates:read",
                                               "templates:write")
        assert conn.verify().missing_scopes == conn.account.missing_scopes  # "Verify again" checks them too
    finally:
        conn.close()
    with pytest.raises(MissingScopeError):
        service.connect_checked("klaviyo", sandbox.add_key(READ_ONLY), TargetOptions(), CancelToken())
    assert_nothing_written(sandbox)
