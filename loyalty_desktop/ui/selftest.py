"""`loyalty-desktop self-test`: is this installation whole? Works frozen (PyInstaller) and unfrozen.

What a frozen app most often lacks is found on the user's first click: a Qt platform plugin (or a
system library it needs), a translation file, the keyring backends (their package metadata), a
module imported by name. This command checks each, then runs a real demo sync to every offline
sandbox of this version and checks what the sandbox holds:

- Qt: the platform plugin loads (with no display on Linux: the offscreen plugin, and the desktop
  plugins must still be present in the installation);
- translations: the app's French catalogue (fails if the .qm is missing or empty) and Qt's own
  (QWizard's Back/Next/Cancel), both installed and answering;
- Qt text services: French sorting and case mapping (the Linux bundle ships trimmed ICU data);
- the app icon and the GUI modules;
- keyring: which backend would hold API keys. Having none (a headless Linux) is not a failure:
  keys are then kept for the session only. Backends missing from the build are a failure;
- sandboxes: a demo program of `members` members synced to the Klaviyo sandbox (always), the Splio
  sandbox and from the Smile.io sandbox (when this version has them), concurrently, each into its
  own store; then every member must be in the sandbox with its points balance and tier;
- the GUI's way: a small demo synced to the Klaviyo sandbox as the GUI syncs, the sandbox in its
  child process and the sync in the worker process (the app's own executable started again with
  its hidden arguments, JSON lines over pipes), checked over HTTP; both must leave when their
  stdin is closed (worker/selftest_sync.py).

Everything happens in a temporary data folder, deleted afterwards: the user's store, settings and
keyring are never touched (the keyring is only asked which backend it would use).
Prints one line per check (`ok`, `info`, `skip`, or `FAIL` and why) and a summary line; exits 0
when every check passed, 1 otherwise.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from loyalty_desktop import __version__, service
from loyalty_desktop.core import paths, platforms
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.options import (
    DemoOptions,
    SmileOptions,
    SyncOptions,
    TargetOptions,
)
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sync.engine import RunStatus
from loyalty_desktop.ui.selftest_checks import (
    CheckFailed,
    Status,
    check_gui_modules,
    check_icon,
    check_keyring,
    check_qt_platform,
    check_qt_support_compiled,
    check_text_services,
    check_translations,
)

SYNC_TIMEOUT_S = 180.0
GUI_WAY_MEMBERS = 50  # the GUI's way costs two process starts: a small demo keeps it to seconds (0: not run)


@dataclass
class Outcome:
    name: str
    status: Status
    detail: str
    seconds: float = 0.0


@dataclass
class Report:
    out: TextIO
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome) -> Outcome:
        outcome.detail = " ".join(outcome.detail.split())  # one line, whatever the exception said
        with self.lock:
            self.outcomes.append(outcome)
            took = f"  ({outcome.seconds:.1f} s)" if outcome.seconds >= 0.05 else ""
            self.out.write(f"  {outcome.status.value:<5} {outcome.name}: {outcome.detail}{took}\n")
            self.out.flush()
        return outcome

    def run(self, name: str, check: Callable[[], str | tuple[Status, str]]) -> Outcome:
        """Run one check; its return value is the detail (or (status, detail) for info/skip)."""
        t0 = time.monotonic()
        try:
            result = check()
            status, detail = result if isinstance(result, tuple) else (Status.OK, result)
        except CheckFailed as exc:
            status, detail = Status.FAIL, str(exc)
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure, it never crashes
            status, detail = Status.FAIL, f"{type(exc).__name__}: {exc}"
        return self.add(Outcome(name, status, detail, time.monotonic() - t0))

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status is Status.FAIL]


# -- sandboxes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scenario:
    label: str
    source: str
    target: str
    required: bool


# A demo sync to each destination's sandbox (the default destination's is required), and the
# Smile.io sandbox read into it.
SCENARIOS = (
    *(Scenario(f"{p.label} sandbox", "demo", p.sandbox_target, required=p is platforms.DEFAULT_DESTINATION)
      for p in platforms.DESTINATIONS.values()),
    Scenario(f"{platforms.SMILE.label} sandbox → {platforms.DEFAULT_DESTINATION.label} sandbox", "smile-sandbox",
             platforms.DEFAULT_DESTINATION.sandbox_target, required=False),
)
CHECKED_FIELDS = ("points_balance", "tier_name")
GUI_WAY_LABEL = f"{platforms.KLAVIYO.label} sandbox, the GUI's way (worker and sandbox processes)"


def _options(members: int, source: str = "demo") -> SyncOptions:
    """The demo program of `members` as the source (or seeding the in-process Smile sandbox); a
    destination sandbox holding contacts starts with the demo members (only for the demo source)."""
    demo = DemoOptions(members, 42)
    if source == "demo":
        return SyncOptions(demo, TargetOptions(create_fields=True, create_missing=True, seed_from=demo))
    return SyncOptions(SmileOptions(None, demo), TargetOptions(create_fields=True, create_missing=True))


def _held(sandbox: Any, email: str) -> dict[str, Any] | None:
    """What a sandbox holds for one contact: Klaviyo profile properties or Splio custom fields."""
    if hasattr(sandbox, "profile_by_email"):
        p = sandbox.profile_by_email(email)
        return None if p is None else dict(p.properties)
    if hasattr(sandbox, "contact"):
        c = sandbox.contact(email)
        return None if c is None else dict(c["custom"])
    raise CheckFailed(f"cannot inspect a {type(sandbox).__name__}")


def _expected_members(members: int) -> list[Any]:
    with service.open_demo(service.DemoSpec(members, 42)) as program:
        return list(program.read(None, history=False).members)


def run_scenario(sc: Scenario, members: int, expected: list[Any], store_dir: Path) -> str | tuple[Status, str]:
    try:
        tgt = service.target(sc.target)
        src_factory = service.source_factory(sc.source)
    except ConfigError as exc:
        if sc.required:
            raise CheckFailed(str(exc)) from None
        return Status.SKIP, f"not in this version ({exc})"
    cancel = CancelToken()
    timer = threading.Timer(SYNC_TIMEOUT_S, cancel.cancel)
    timer.daemon = True
    timer.start()
    options = _options(members, sc.source)
    try:
        conn = tgt.connect(None, options.target, cancel)
        try:
            src = src_factory.open(options.source, cancel)
            try:
                mapping = service.mapping_for(tgt.default_preset)
                t0 = time.monotonic()
                with service.open_store(store_dir / f"store-{sc.source}-{sc.target}.sqlite3") as store:
                    summary = service.sync(store, src.source, src.name, conn.dest, mapping, poll_interval=0.1)
                took = time.monotonic() - t0
            finally:
                src.close()
            if summary.status is not RunStatus.COMPLETED:
                reason = summary.error or (f"{summary.rejected} rows rejected, e.g. {summary.rejected_samples[0]}"
                                           if summary.rejected_samples else summary.status.value)
                if cancel.cancelled:
                    reason = f"did not finish within {SYNC_TIMEOUT_S:.0f} s"
                raise CheckFailed(f"the {members}-member sync ended {summary.status.value}: {reason}")
            fields = {m.source: m.target for m in mapping.enabled if m.source in CHECKED_FIELDS}
            from loyalty_desktop.worker.selftest_sync import mismatches

            wrong = mismatches(expected, partial(_held, conn.sandbox), fields)
        finally:
            conn.close()
    finally:
        timer.cancel()
    if wrong:
        raise CheckFailed(f"{len(wrong)} of {len(expected)} members wrong after the sync, first: {wrong[0]}")
    what = " and ".join(fields.values())
    return (f"{members}-member demo sync in {took:.1f} s; all {len(expected)} members there with the right "
            f"{what}")


def run_gui_way(executable: str | None = None) -> str:
    """The demo sync as the GUI runs it: sandbox and sync each in a child process (worker/selftest_sync.py),
    started from `executable` (None: the one the GUI uses)."""
    from loyalty_desktop.core import own_process
    from loyalty_desktop.worker import selftest_sync

    previous = own_process.use_executable(executable)
    try:
        return selftest_sync.run(GUI_WAY_MEMBERS, _expected_members(GUI_WAY_MEMBERS), CHECKED_FIELDS, SYNC_TIMEOUT_S)
    except selftest_sync.ProcessCheckFailed as exc:
        raise CheckFailed(str(exc)) from None
    finally:
        own_process.use_executable(previous)


def check_gui_way(report: Report) -> Outcome:
    """The GUI's way; on Windows frozen, also with the console executable as the children (the GUI
    uses the windowed one, core/own_process.py, but either may be running it)."""
    from loyalty_desktop.core import own_process

    outcome = report.run(GUI_WAY_LABEL, run_gui_way)
    console = own_process.sibling(own_process.CONSOLE_EXE) if sys.platform == "win32" else None
    if console is not None:
        outcome = report.run(f"{GUI_WAY_LABEL}, console executable", partial(run_gui_way, str(console)))
    return outcome


# -- the command ----------------------------------------------------------------------------------

def main(members: int, out: TextIO, gui: bool = True) -> int:
    """`gui=False` (`self-test --no-gui`): everything but Qt, for a build checked where Qt cannot run
    (the Windows bundle under Wine, packaging/windows/wine_build.py)."""
    t0 = time.monotonic()
    frozen = "frozen build" if getattr(sys, "frozen", False) else "from source"
    qt = ""
    if gui:
        try:
            from PySide6.QtCore import qVersion
            qt = f", Qt {qVersion()}"
        except ImportError:
            pass
    out.write(f"Loyalty Desktop {__version__} self-test ({frozen}, {platform.system()} {platform.machine()}, "
              f"Python {platform.python_version()}{qt})\n")
    report = Report(out)
    previous_override = getattr(paths, "_override", None)
    with tempfile.TemporaryDirectory(prefix="loyalty-desktop-self-test-") as tmp:
        paths.set_data_dir(Path(tmp) / "data")
        try:
            report.add(Outcome("data folder", Status.INFO, f"temporary, {paths.data_dir()} (removed afterwards)"))
            # The sandboxes run on their own threads while Qt is checked on this one.
            expected: list[Any] = []

            def prepare() -> str:
                t = time.monotonic()
                expected.extend(_expected_members(members))
                return f"{len(expected)} members created in {time.monotonic() - t:.1f} s"

            prep = report.run("demo program", prepare)
            if gui:
                # Before the sandboxes' threads start: PySide6's signature machinery walks sys.modules,
                # which their imports change meanwhile (a KeyError seen once in CI).
                report.run("Qt bindings start-up", check_qt_support_compiled)
            pool = ThreadPoolExecutor(max_workers=len(SCENARIOS) + 1, thread_name_prefix="self-test")
            futures = []
            if prep.status is Status.OK:
                futures = [pool.submit(report.run, sc.label,
                                       partial(run_scenario, sc, members, expected, Path(tmp)))
                           for sc in SCENARIOS]
                if GUI_WAY_MEMBERS:
                    futures.append(pool.submit(check_gui_way, report))
            state: dict[str, Any] = {}
            if gui:
                report.run("Qt platform plugin", lambda: check_qt_platform(state))
            else:
                report.add(Outcome("Qt", Status.SKIP, "--no-gui: the Qt platform, translations, text services, icon "
                                                 "and GUI modules are not checked"))
            if state.get("qt"):
                report.run("translations", check_translations)
                report.run("Qt text services", check_text_services)
                report.run("app icon", check_icon)
                report.run("GUI modules", check_gui_modules)
            report.run("keyring", check_keyring)
            for f in futures:
                f.result()
            pool.shutdown()
        finally:
            paths.set_data_dir(previous_override)
    seconds = time.monotonic() - t0
    checks = [o for o in report.outcomes if o.status in (Status.OK, Status.FAIL)]
    failures = report.failures
    if failures:
        out.write(f"self-test FAILED: {len(failures)} of {len(checks)} checks failed (the FAIL lines above) "
                  f"in {seconds:.1f} s\n")
        return 1
    out.write(f"self-test passed: {len(checks)} checks in {seconds:.1f} s\n")
    return 0
