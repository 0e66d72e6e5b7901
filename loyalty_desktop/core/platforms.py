"""One descriptor per platform: what the wizard, the main window, secrets, flows and the service
need to know about Klaviyo, Splio or Smile.io, in one place (no Qt, no network).

A platform's behaviour lives in its adapter package (`destinations/<id>/`, `sources/<id>/`); this
module holds only the facts the rest of the app reads about it: labels, where its key is made and
what it looks like, where the key is kept, its default field mapping, the scopes to tick, what it
can do, and the name of its offline sandbox.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from loyalty_desktop.core.errors import KeyShape as Wording


class Role(str, enum.Enum):
    DESTINATION = "destination"  # loyalty data goes there (`--to`)
    SOURCE = "source"  # loyalty data comes from there (`--source`)


class VariableSyntax(str, enum.Enum):
    """How the platform's email editor names a profile field (the flows page shows it)."""

    DJANGO = "django"  # {{ person|lookup:'field' }} (Klaviyo)
    DOLLAR = "dollar"  # $field$ (Splio Designer)
    NONE = "none"  # not a destination


@dataclass(frozen=True, slots=True)
class KeyShape:
    """What the platform's API keys look like, checked before any request (secrets.check_key).

    `pattern`: the whole key must match it (None: any token of `min_length` URL-safe characters);
    `public_pattern`: a public key of that platform that cannot do the job (named as such);
    `prefix`: what a key starts with, shown as the key field's placeholder. The `errors.KeyShape`
    members say which message (core/errors.py) names a key that does not match (`mismatch`), the
    platform's public key (`public`) and the platform's key pasted for another one (`elsewhere`)."""

    pattern: re.Pattern[str] | None = None
    public_pattern: re.Pattern[str] | None = None
    prefix: str = ""
    min_length: int = 16
    mismatch: Wording = Wording.TOKEN
    public: Wording | None = None
    elsewhere: Wording | None = None


class KitKind(str, enum.Enum):
    """What the one-click loyalty kit makes on a platform."""

    FLOWS = "flows"  # segments, email templates and draft flows (Klaviyo)
    GROUPS = "groups"  # the moments' fields, static groups and a campaign guide (Splio)


@dataclass(frozen=True, slots=True)
class Capabilities:
    events: bool = False  # takes loyalty events (metrics that trigger flows)
    kit: KitKind | None = None  # the loyalty kit that can be made there (None: none)
    create_missing: bool = False  # the sync can create contacts the platform does not have yet
    create_fields: bool = False  # missing custom fields are created (when the user allows it)
    scoped_keys: bool = False  # a key is made with a list of scopes the user ticks


@dataclass(frozen=True, slots=True)
class Platform:
    id: str  # keyring entry, settings value, `--to` name of the live target
    label: str  # shown to the user
    role: Role
    key_shape: KeyShape
    key_env: str  # environment variable overriding the keyring (scripts, CI)
    key_page: str = ""  # where the user makes a key (a web page)
    key_where: str = ""  # where the key is made, in the platform's menus
    url_env: str = ""  # environment variable pointing the app at another address (a sandbox, a proxy)
    default_preset: str = ""  # core.fields.PRESETS name (destinations)
    source_presets: tuple[tuple[str, str], ...] = ()  # (source platform id, preset) overriding the default
    sync_scopes: tuple[str, ...] = ()  # scopes the sync needs
    kit_scopes: tuple[str, ...] = ()  # more scopes the kit needs
    capabilities: Capabilities = Capabilities()
    variables: VariableSyntax = VariableSyntax.NONE
    sandbox_target: str = ""  # `--to` name of the offline target (destinations)
    emulator: str = ""  # loyalty_emulators package of its sandbox
    adapter: str = ""  # module exposing LIVE and SANDBOX (targets or source factories)

    @property
    def keyring_entry(self) -> str:
        return self.id

    def targets(self) -> dict[str, str]:
        """`--to` name → "module:attribute" of the target (service.TARGETS)."""
        if self.role is not Role.DESTINATION:
            return {}
        return {self.id: f"{self.adapter}:LIVE", self.sandbox_target: f"{self.adapter}:SANDBOX"}

    def preset_for(self, source: str = "") -> str:
        """The default preset when reading `source` (a source name: "smile-sandbox" is Smile.io's)."""
        return dict(self.source_presets).get(source.removesuffix("-sandbox"), self.default_preset)

    def presets(self, names: list[str]) -> list[str]:
        """Of these preset names, the ones made for this platform (named `<id>-…`)."""
        return [n for n in names if n.startswith(self.id + "-")]


KLAVIYO = Platform(
    id="klaviyo", label="Klaviyo", role=Role.DESTINATION,
    key_page="https://www.klaviyo.com/settings/account/api-keys",
    # Private keys: pk_ + 34 letters and digits (reference/klaviyo.md §1); the public key (site ID)
    # has 6 characters and cannot write profiles.
    key_shape=KeyShape(re.compile(r"pk_[A-Za-z0-9]{34}"), re.compile(r"[A-Za-z0-9]{6}"), prefix="pk_",
                       mismatch=Wording.KLAVIYO_PRIVATE, public=Wording.KLAVIYO_PUBLIC,
                       elsewhere=Wording.KLAVIYO_ELSEWHERE),
    key_env="LOYALTY_DESKTOP_KLAVIYO_KEY", url_env="LOYALTY_DESKTOP_KLAVIYO_URL",
    default_preset="klaviyo-loyalty",
    # Smile's own property names: the merchant's Smile flows keep working.
    source_presets=(("smile", "klaviyo-smile"),),
    sync_scopes=("accounts:read", "profiles:read", "profiles:write", "lists:read", "lists:write", "events:write"),
    # The kit's segments, templates and draft flows, and the metric ids its flows trigger on.
    kit_scopes=("metrics:read", "segments:read", "segments:write", "templates:read", "templates:write",
                "flows:read", "flows:write"),
    capabilities=Capabilities(events=True, kit=KitKind.FLOWS, scoped_keys=True),
    variables=VariableSyntax.DJANGO, sandbox_target="klaviyo-sandbox", emulator="loyalty_emulators.klaviyo",
    adapter="loyalty_desktop.destinations.klaviyo.target",
)

SPLIO = Platform(
    id="splio", label="Splio", role=Role.DESTINATION,
    key_page="https://www.splio.com/",
    # No documented shape (reference/splio.md §2: "the key from Users → API users"): a token.
    key_shape=KeyShape(), key_env="LOYALTY_DESKTOP_SPLIO_KEY",
    default_preset="splio-loyoly",
    capabilities=Capabilities(create_missing=True, create_fields=True, kit=KitKind.GROUPS),
    variables=VariableSyntax.DOLLAR, sandbox_target="splio-sandbox", emulator="loyalty_emulators.splio",
    adapter="loyalty_desktop.destinations.splio.target",
)

SMILE = Platform(
    id="smile", label="Smile.io", role=Role.SOURCE,
    key_where="Smile Admin > Settings > Developer Tools",  # loyalty-sources.md §2
    key_shape=KeyShape(), key_env="LOYALTY_DESKTOP_SMILE_KEY", url_env="LOYALTY_DESKTOP_SMILE_URL",
    emulator="loyalty_emulators.smile", adapter="loyalty_desktop.sources.smile.source",
)

# The registry: adding a platform is one descriptor above and one name here.
PLATFORMS: dict[str, Platform] = {p.id: p for p in (KLAVIYO, SPLIO, SMILE)}
DESTINATIONS: dict[str, Platform] = {k: p for k, p in PLATFORMS.items() if p.role is Role.DESTINATION}
DEFAULT_DESTINATION = KLAVIYO


def get(platform_id: str) -> Platform:
    """The descriptor of `platform_id`, or of the platform whose target it names ("splio-sandbox")."""
    if platform_id in PLATFORMS:
        return PLATFORMS[platform_id]
    for p in DESTINATIONS.values():
        if platform_id == p.sandbox_target:
            return p
    raise KeyError(platform_id)


def find(platform_id: str) -> Platform | None:
    """Like `get`, None for a platform this version does not know (e.g. in newer settings)."""
    try:
        return get(platform_id)
    except KeyError:
        return None


def label(platform_id: str) -> str:
    """The platform's name for the user (the id itself for one this version does not know)."""
    try:
        return get(platform_id).label
    except KeyError:
        return platform_id
