"""`loyalty-desktop sandbox`: the built-in emulators of Klaviyo, Splio and Smile served on 127.0.0.1
until Ctrl+C, for trying the command line or another tool against them."""

from __future__ import annotations

import argparse
import errno
import signal
import sys
from typing import TYPE_CHECKING, Any

from loyalty_desktop import service
from loyalty_desktop.cli.output import tr
from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import ConfigError, LoyaltyError
from loyalty_desktop.core.translate import cli_language, translate_text
from loyalty_desktop.net.cancel import CancelToken
from loyalty_emulators import launch

if TYPE_CHECKING:
    from loyalty_emulators.launch import StandaloneOptions


def cmd_sandbox(args: argparse.Namespace) -> int:
    names = list(service.SANDBOXES) if args.platform == "all" else [args.platform]
    running: list[Any] = []
    try:
        for i, name in enumerate(names):
            try:
                serve = service.sandbox_module(name)
            except LoyaltyError:
                if args.platform == "all":
                    continue  # not in this version
                raise
            port = args.port + i if args.port else 0
            try:
                sb = serve(_standalone_options(args, port))
            except OSError as exc:
                raise _port_error(port, exc) from None
            running.append(sb)
            for line in sb.lines:  # the emulators' English, marked in core.known_texts.sandbox_lines
                print(translate_text(line, cli_language()))
        sys.stdout.flush()
        stop = CancelToken()
        signal.signal(signal.SIGINT, lambda *_: stop.cancel())
        signal.signal(signal.SIGTERM, lambda *_: stop.cancel())
        while not stop.cancelled:
            clock.sleep(0.2)
    finally:
        for sb in running:
            sb.stop()
    return 0


def _standalone_options(args: argparse.Namespace, port: int) -> StandaloneOptions:
    faults = launch.FaultOptions(rate_429=args.rate_429, rate_500=args.rate_500, rate_drop=args.rate_drop,
                                 latency_s=args.latency)
    return launch.StandaloneOptions(port=port, faults=faults, job_seconds=args.job_seconds)


def _port_error(port: int, exc: OSError) -> ConfigError:
    if exc.errno == errno.EADDRINUSE:
        return ConfigError(tr("Port {port} on 127.0.0.1 is already in use (another sandbox or program). Choose "
                              "another with --port, or --port 0 for any free port.").format(port=port))
    if exc.errno == errno.EACCES:
        return ConfigError(tr("Port {port} needs administrator rights on this system. Choose a port above 1023 "
                              "with --port, or --port 0 for any free port.").format(port=port))
    return ConfigError(tr("Cannot listen on 127.0.0.1 port {port}: {reason}.").format(port=port,
                                                                                     reason=exc.strerror or exc))
