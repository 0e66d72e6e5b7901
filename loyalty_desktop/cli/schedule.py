"""`loyalty-desktop schedule install|remove|status`: the automatic sync without the tray, run by the
OS scheduler (systemd user timer, Task Scheduler, launchd) as `loyalty-desktop sync --saved`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time
from typing import Any

from loyalty_desktop.cli.output import run_state_words
from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.core.translate import cli_language, translate_text
from loyalty_desktop.schedule import entries, saved
from loyalty_desktop.schedule.autostart import OS
from loyalty_desktop.schedule.command import tr
from loyalty_desktop.schedule.model import Schedule, from_settings, is_due, next_run
from loyalty_desktop.schedule.os_scheduler import OsScheduler, install_saved


def saved_sync(args: argparse.Namespace) -> saved.SavedSync:
    """`sync --saved` (or `sync` without --to): the set-up the app saved. Options that describe
    another set-up are refused rather than half-applied."""
    given = [f"--{name.replace('_', '-')}" for name in ("to", "source", "ledger", "source_base_url", "base_url")
             if getattr(args, name, None)]
    if args.saved and given:
        raise ConfigError(tr("--saved syncs the saved set-up: leave out {options}.").format(options=", ".join(given)))
    return saved.saved_sync()


def _hhmm(text: str) -> time:
    try:
        hh, mm = text.split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value!r} is not a time of day like 06:30").format(value=text)) from None


def _hours(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 168:
        raise argparse.ArgumentTypeError(tr("{value!r}: give a number of hours from 1 to 168").format(value=text))
    return value


def cmd_schedule(args: argparse.Namespace, scheduler: OsScheduler | None = None) -> int:
    scheduler = scheduler or OsScheduler()
    settings = Settings.load()
    schedule = from_settings(settings.schedule, settings.auto_sync_hours)
    if args.action == "install":
        return _install(args, scheduler, settings, schedule)
    if args.action == "remove":
        if scheduler.remove():
            print(tr("Removed the scheduled sync from {scheduler}.").format(
                scheduler=entries.os_label(scheduler.os)))
        else:
            print(tr("No scheduled sync was registered with {scheduler}.").format(
                scheduler=entries.os_label(scheduler.os)))
        return 0
    _status(scheduler, schedule)
    return 0


def _install(args: argparse.Namespace, scheduler: OsScheduler, settings: Settings, schedule: Schedule) -> int:
    setup = saved.saved_sync(settings)  # nothing set up: ConfigError, nothing registered
    problems = saved.key_problems(setup)
    if problems:
        for p in problems:
            print(tr("error: {problem}").format(problem=translate_text(p, cli_language())), file=sys.stderr)
        print(tr("Nothing was registered."), file=sys.stderr)
        return 1
    if args.daily:
        schedule = Schedule(enabled=True, daily_at=args.daily)
    elif args.every:
        schedule = Schedule.every(args.every)
    schedule = schedule.turned(True)
    written = install_saved(scheduler, settings, schedule)
    print(tr("Registered with {scheduler} ({where}): `loyalty-desktop sync --saved` {when}.").format(
        scheduler=entries.os_label(scheduler.os), where=scheduler.where, when=entries.describe(schedule)))
    for path in written:
        print(f"  {path}")
    if setup.sandbox:
        print(tr("The saved set-up is the offline demo: each scheduled run syncs into a sandbox that lasts only "
                 "as long as that run."))
    if scheduler.os is OS.LINUX:
        print(tr("A user timer runs while you are logged in; to run it also when you are not, an administrator "
                 "can run `loginctl enable-linger {user}`.").format(user=_user()))
    return 0


def _status(scheduler: OsScheduler, schedule: Schedule) -> None:
    from loyalty_desktop import service

    reg = scheduler.status()
    label = entries.os_label(scheduler.os)
    print(tr("Registered with {scheduler}: {where}").format(scheduler=label, where=reg.where) if reg.registered
          else tr("Not registered with {scheduler}.").format(scheduler=label))
    print(tr("Schedule: {when}").format(when=entries.describe(schedule)) if schedule.enabled
          else tr("Automatic sync is off in the app's settings."))
    with service.open_store() as store:
        runs = store.runs(1)
    last = runs[0].started_at.astimezone() if runs else None
    now = clock.local_now()
    print(tr("Last sync: {when} ({status})").format(when=_at(last), status=run_state_words(tr)[runs[0].status])
          if runs and last
          else tr("Last sync: never"))
    nxt = next_run(schedule.turned(True), last, now)
    if nxt is not None and (reg.registered or schedule.enabled):
        print(tr("Next run: due now (missed, or never run)") if is_due(schedule.turned(True), last, now)
              else tr("Next run: {when}").format(when=_at(nxt)))
    if reg.detail:
        print(tr("{scheduler} says the next start is: {detail}").format(scheduler=label, detail=reg.detail))


def _at(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "$USER"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help="have the system run the saved sync on its schedule (no tray needed)")
    p.add_argument("action", choices=["install", "remove", "status"])
    when = p.add_mutually_exclusive_group()
    when.add_argument("--daily", type=_hhmm, metavar="HH:MM", help="install: every day at this time")
    when.add_argument("--every", type=_hours, metavar="HOURS", help="install: every HOURS hours (1-168)")
    p.set_defaults(func=cmd_schedule)
