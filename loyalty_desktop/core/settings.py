"""User settings: one JSON file in the config folder. Never holds a key or token (see secrets.py).

The wizard writes what it set up (platform, source, mapping); the main window reads it on later
launches. Unknown keys are kept, so an older version never loses a newer one's settings.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from loyalty_desktop import APP_NAME
from loyalty_desktop.core import paths, platforms

log = logging.getLogger(__name__)


def config_path() -> Path:
    if os.environ.get(paths.ENV_DATA_DIR) or paths._override is not None:  # tests, USB-stick demos
        base = paths.data_dir()
    else:
        base = platformdirs.user_config_path(APP_NAME, appauthor=False)
    return paths.ensure_folder(base) / "settings.json"


@dataclass
class Settings:
    language: str = ""  # "" = follow the OS; "fr" or "en"
    platform: str = ""  # a core.platforms destination id once the wizard has run
    demo: bool = False  # set up in offline demo mode
    target: str = ""  # service.TARGETS key, e.g. "klaviyo-sandbox"
    source: str = ""  # service.SOURCES key
    source_options: dict[str, Any] = field(default_factory=dict)  # e.g. {"members": "500"}
    mapping: dict[str, Any] = field(default_factory=dict)  # Mapping.to_json()
    auto_sync_hours: int = 0  # 0 = off; superseded by `schedule` (read by schedule_settings())
    schedule: dict[str, Any] = field(default_factory=dict)  # schedule.model.Schedule.to_json()
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    wizard_done: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def target_name(self) -> str:
        """The `--to` name of the destination set up: the live platform, or its sandbox in demo mode."""
        if self.target:
            return self.target
        platform = self.platform or platforms.DEFAULT_DESTINATION.id
        return f"{platform}-sandbox" if self.demo else platform

    @classmethod
    def load(cls) -> Settings:
        path = config_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in raw.items() if k in known})
        s.extra.update({k: v for k, v in raw.items() if k not in known})
        return s

    def save(self) -> None:
        path = config_path()
        data = asdict(self)
        data.update(data.pop("extra"))
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a settings file
