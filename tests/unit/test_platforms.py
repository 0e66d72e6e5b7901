"""Every platform descriptor is complete and consistent with what the app finds by it: the targets
and sandboxes the service loads, the presets, the key checks, the environment variables, the flows."""

from __future__ import annotations

import importlib
import re

import pytest

from loyalty_desktop import service
from loyalty_desktop.core import platforms, secrets
from loyalty_desktop.core.errors import KeyFormatError
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.core.platforms import PLATFORMS, Platform, Role, VariableSyntax
from loyalty_desktop.sync.flows import recommended_flows
from loyalty_emulators import launch

ALL = list(PLATFORMS.values())
DESTINATIONS = list(platforms.DESTINATIONS.values())


@pytest.mark.parametrize("p", ALL, ids=lambda p: p.id)
def test_every_platform_is_complete(p: Platform) -> None:
    assert re.fullmatch(r"[a-z]+", p.id) and p.label and p.keyring_entry == p.id
    assert re.fullmatch(r"LOYALTY_DESKTOP_[A-Z]+_KEY", p.key_env)
    assert p.key_page.startswith("https://") or p.key_where
    assert secrets.ENV_VARS[p.id] == p.key_env
    assert p.emulator and service.SANDBOXES[p.id] == f"{p.adapter}:serve_sandbox"
    assert launch.demo_key(p.id)
    module = importlib.import_module(p.adapter)
    assert hasattr(module, "LIVE") and hasattr(module, "SANDBOX")


@pytest.mark.parametrize("p", DESTINATIONS, ids=lambda p: p.id)
def test_every_destination_is_complete(p: Platform) -> None:
    assert p.role is Role.DESTINATION and p.key_page.startswith("https://")
    assert p.default_preset in PRESETS and p.default_preset in p.presets(list(PRESETS))
    assert all(preset in PRESETS for _, preset in p.source_presets)
    assert p.variables is not VariableSyntax.NONE
    assert p.sandbox_target == f"{p.id}-sandbox"
    for name, sandbox in ((p.id, False), (p.sandbox_target, True)):
        tgt = service.target(name)
        assert (tgt.name, tgt.platform, tgt.label, tgt.default_preset) == (name, p.id, p.label, p.default_preset)
        assert tgt.sandbox is sandbox  # type: ignore[attr-defined]
        assert platforms.get(name) is p
    assert p.capabilities.scoped_keys == bool(p.sync_scopes)
    assert p.capabilities.kit is not platforms.KitKind.FLOWS or p.kit_scopes
    if p.key_shape.prefix:
        assert p.key_shape.pattern is not None and p.key_shape.pattern.pattern.startswith(p.key_shape.prefix)
    flows = recommended_flows(p.id, Mapping.from_json(PRESETS[p.default_preset].to_json()))
    assert flows and all(f.subject and f.body and f.trigger for f in flows)


def test_the_registry() -> None:
    assert platforms.DEFAULT_DESTINATION in DESTINATIONS
    assert set(service.TARGETS) == {n for p in DESTINATIONS for n in (p.id, p.sandbox_target)}
    assert [p.role for p in ALL].count(Role.SOURCE) >= 1  # Smile.io
    assert platforms.find("brevo") is None and platforms.label("brevo") == "brevo"
    with pytest.raises(KeyError):
        platforms.get("brevo")
    assert platforms.KLAVIYO.preset_for("smile-sandbox") == "klaviyo-smile"
    assert platforms.KLAVIYO.preset_for("csv") == platforms.KLAVIYO.default_preset
    assert platforms.SPLIO.preset_for("smile") == platforms.SPLIO.default_preset


def test_key_shapes_come_from_the_descriptors() -> None:
    good_klaviyo = "pk_" + "a1" * 17
    secrets.check_key("klaviyo", good_klaviyo)
    secrets.check_key("splio", "5d10a5a4db0c4e4f9c1e5ab1e0de7001")
    for account, key in (("klaviyo", "pk_short"), ("klaviyo", "AbC123"), ("splio", good_klaviyo),
                         ("smile", good_klaviyo), ("splio", "short")):
        with pytest.raises(KeyFormatError) as exc:
            secrets.check_key(account, key)
        assert exc.value.platform == platforms.label(account)


def test_flows_use_the_platforms_variables() -> None:
    mapping = Mapping.from_json(PRESETS[platforms.KLAVIYO.default_preset].to_json())
    klaviyo = " ".join(f.body for f in recommended_flows("klaviyo", mapping))
    splio = " ".join(f.body for f in recommended_flows("splio", Mapping.from_json(
        PRESETS[platforms.SPLIO.default_preset].to_json())))
    assert "{{ person" in klaviyo and "$" not in klaviyo.replace("$$", "")
    assert "$firstname$" in splio and "{{" not in splio
