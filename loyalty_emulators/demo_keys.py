"""The always-valid keys of the emulators' demo accounts (one definition; servers and launch use it)."""

#: Klaviyo: a private key with every scope (``pk_`` + 34 alphanumerics).
KLAVIYO = "pk_LoyaltyDesktopSandboxDemoKey000001"
#: Splio: the demo API user's key (32 hex digits like Splio's).
SPLIO = "5d10a5a4db0c4e4f9c1e5ab1e0de7001"
#: Smile.io: a key with every read scope.
SMILE = "smile_sandbox_LoyaltyDesktopDemoKey01"
