"""Opening the app loads only what its first window needs (issue 18: window on screen within 0.5 s).

The GUI entry (cli/start.py) skips the command line's parser, and the modules behind the main window
and the wizard load httpx, keyring, filelock and the emulators when first used, not at import. A fresh
interpreter imports the whole start path and lists what came with it; a new top-level `import httpx`
(or keyring, filelock, an emulator server, openpyxl) on that path fails here rather than silently
adding tens of milliseconds to every launch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Each costs 30-120 ms to import; none is needed before the first window is on screen.
LATER = ("httpx", "httpcore", "keyring", "filelock", "openpyxl", "email", "importlib_metadata",
         "loyalty_emulators.base.server", "loyalty_emulators.klaviyo", "loyalty_emulators.splio",
         "loyalty_emulators.smile", "loyalty_desktop.cli.main")

START_PATH = """
import json, sys
import loyalty_desktop.cli.start
import loyalty_desktop.ui.app
import loyalty_desktop.ui.main.window
import loyalty_desktop.ui.wizard.wizard
print(json.dumps(sorted(sys.modules)))
"""


def test_the_start_path_leaves_heavy_modules_for_later() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", START_PATH], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    early = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in LATER))
    assert not early, f"imported on the way to the first window: {early}"

