"""Splio key check (issue 16.3), over real HTTP against the Splio sandbox: the user's Verify also reads
what every sync starts with (a page of contacts, the contact fields), every exchange checked against
Splio's specs, and writes nothing but the token request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import splio_spec
from helpers.splio_spec import destination
from loyalty_desktop import service
from loyalty_desktop.core.errors import MissingScopeError, user_message
from loyalty_desktop.destinations.splio.http import SplioApiError
from loyalty_emulators.splio.server import SplioSandbox


@pytest.fixture
def sandbox() -> Iterator[SplioSandbox]:
    with SplioSandbox(contacts_rps=400, other_rps=200) as sb:
        yield sb
        assert not sb.internal_errors, sb.internal_errors
        if splio_spec.spec_available():
            assert splio_spec.check_exchanges(sb)["no-schema"] == 0


def test_verify_reads_what_the_sync_needs_and_writes_nothing(sandbox: SplioSandbox) -> None:
    with destination(sandbox) as dest:
        sandbox.clear_requests()
        info = service.Connection(dest, dest.verify()).verify()
    assert info.missing_scopes == ()
    assert {r.path.split("?")[0] for r in sandbox.requests} >= {"/data/contacts", "/data/fields/contacts"}
    assert sandbox.count(write_only=True) <= 1  # at most the token's /authenticate


def test_an_api_user_refused_the_reads_is_named(sandbox: SplioSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    with destination(sandbox) as dest:
        def refused(bucket: str, method: str, url: str, **kw: object) -> object:
            raise SplioApiError("Forbidden.", status=403, errors=[])  # what http.py maps a 403 to

        monkeypatch.setattr(dest, "_call", refused)
        with pytest.raises(MissingScopeError) as caught:
            dest.verify_scopes()
    assert caught.value.scopes == ["contacts"]
    assert "contacts" in user_message(caught.value, "Splio")
