"""The French catalogue built now from the sources (what resources/i18n/update.py does: lupdate, the
fr_*.json translations, lrelease) into a temporary copy of resources/, so a test reads strings added
since the committed .qm was made. `fresh`: (that resources folder, untranslated strings); `french`:
core.translate (and the Qt translators) read it for the test."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from loyalty_desktop.core import translate
from loyalty_desktop.core.paths import resources_dir

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def update_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_update", I18N / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _clear() -> None:
    translate.catalogue.cache_clear()
    translate._patterns.cache_clear()
    translate.translate_text.cache_clear()


@pytest.fixture(scope="module")
def fresh() -> Iterator[tuple[Path, list[str]]]:
    with tempfile.TemporaryDirectory() as tmp:
        res = Path(tmp) / "resources"
        shutil.copytree(resources_dir(), res, ignore=shutil.ignore_patterns("screenshots", "icons"))
        _, missing = update_module().build("fr", res / "i18n" / "loyalty_desktop_fr.ts",
                                           res / "i18n" / "loyalty_desktop_fr.qm", quiet=True)
        yield res, missing


@pytest.fixture
def french(fresh: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from loyalty_desktop.ui import i18n

    res, _ = fresh
    monkeypatch.setattr(translate, "resources_dir", lambda: res)
    monkeypatch.setattr(i18n, "resources_dir", lambda: res)
    _clear()
    yield res
    _clear()
