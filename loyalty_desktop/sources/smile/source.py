"""`--source smile` and `--source smile-sandbox`: open a Smile.io account as a loyalty source.

- `smile`: the key from the OS keyring / `LOYALTY_DESKTOP_SMILE_KEY`, the API at
  `https://api.smile.io/v1` or `--source-base-url` (e.g. a standalone Smile sandbox). The key is
  verified on open (a wrong key fails before anything is read or sent). The mirror of what was
  read lives in the data folder, one file per account, so later syncs read only the changes.
- `smile-sandbox`: offline. Without `--source-base-url`, a Smile sandbox is started in this
  process (the GUI: in a child process, SmileOptions.sandbox_place), seeded from the demo program
  (`--members`, `--seed`), and read with its demo key (a full read each run, the mirror in memory).
  With `--source-base-url`, the Smile sandbox running there is read with the demo key.

The store keys the source's cursor by `OpenSource.name`: `smile:<account>` where <account> is a
short one-way fingerprint of the key (and the host when not Smile's): never the key itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from loyalty_desktop.core import paths, secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.options import SandboxPlace, SmileOptions, SourceOptions
from loyalty_desktop.core.platforms import SMILE
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service import DemoSpec, OpenSource, open_demo
from loyalty_desktop.sources.smile.api import BASE_URL, SmileClient, normalize_base_url
from loyalty_desktop.sources.smile.mirror import Mirror
from loyalty_desktop.sources.smile.reader import SmileSource

if TYPE_CHECKING:
    from loyalty_emulators.launch import Running, StandaloneOptions


def account_fingerprint(key: str, base_url: str) -> str:
    """`a1b2c3d4e5f6`, or `a1b2c3d4e5f6@127.0.0.1:8767` off Smile's own API: names the account's
    cursor and mirror without revealing the key (48-bit keyed one-way hash)."""
    fp = hashlib.blake2b(key.encode(), digest_size=6, person=b"ld-smile-account").hexdigest()
    host = urlsplit(base_url).netloc
    return fp if host == urlsplit(BASE_URL).netloc else f"{fp}@{host}"


@dataclass(frozen=True)
class SmileSourceFactory:
    name: str
    sandbox: bool

    def open(self, options: SourceOptions, cancel: CancelToken) -> OpenSource:
        if not isinstance(options, SmileOptions):
            raise TypeError(f"the Smile.io source takes SmileOptions, not {type(options).__name__}")
        base = options.base_url
        if self.sandbox and not base:
            return self._in_process(options, cancel)
        if self.sandbox:
            from loyalty_emulators import launch

            key: str | None = launch.demo_key(launch.Platform.SMILE)
        else:
            key = secrets.load(SMILE.id)
        if not key:
            raise ConfigError(tr("No {platform} key: create one in {where}, then store it with "
                                 "`loyalty-desktop key set {id}` or set {env}.").format(
                platform=SMILE.label, where=SMILE.key_where, id=SMILE.id, env=SMILE.key_env))
        secrets.check_key(SMILE.id, key)  # a mangled key is named before any request
        url = normalize_base_url(base or BASE_URL)
        client = SmileClient(key, url, cancel=cancel)
        try:
            client.verify()
        except BaseException:
            client.close()
            raise
        account = account_fingerprint(key, url)
        slug = re.sub(r"[^A-Za-z0-9]+", "-", account).strip("-")
        source = SmileSource(client, Mirror(paths.data_dir() / f"smile-mirror-{slug}.sqlite3"))
        return OpenSource(source, f"smile:{account}", f"Smile.io ({urlsplit(url).netloc})", source.close)

    def _in_process(self, options: SmileOptions, cancel: CancelToken) -> OpenSource:
        """The app's own Smile.io sandbox, serving the demo program: in this process, or in a child
        process of the app (the GUI: SandboxPlace.CHILD_PROCESS) that opens the program itself."""
        from loyalty_emulators import launch

        spec = DemoSpec(options.demo.members, options.demo.seed)
        stop: Callable[[], None]
        if options.sandbox_place is SandboxPlace.CHILD_PROCESS:
            from loyalty_desktop.destinations.sandbox_process import SandboxProcess

            proc = SandboxProcess.start(SMILE.id, launch.SeedFrom(spec.members, spec.seed))
            url, key, stop = proc.base_url, launch.demo_key(launch.Platform.SMILE), proc.stop
        else:
            program = open_demo(spec)
            running = launch.start_smile(program=program, close_program=program.close)
            url, key, stop = running.base_url, running.demo_key, running.stop  # stop closes the program too
        source = SmileSource(SmileClient(key, url, cancel=cancel), Mirror(None))

        def close() -> None:
            source.close()
            stop()

        return OpenSource(source, f"smile-sandbox:{spec.source_name}",
                          f"Smile.io sandbox ({spec.members} demo members) at {url}", close)


def serve_sandbox(options: StandaloneOptions) -> Running[Any]:
    """`loyalty-desktop sandbox --platform smile`: serves the demo program in the data folder (created
    on first use) and follows its ticks (`loyalty-desktop demo tick 30` in another terminal)."""
    from loyalty_emulators import launch

    spec = DemoSpec()
    program = open_demo(spec)
    return launch.standalone(launch.Platform.SMILE, options, smile_program=program, close_program=program.close,
                             smile_program_name=tr("demo program {name}, {members} members").format(
                                 name=spec.source_name, members=spec.members))


LIVE = SmileSourceFactory("smile", sandbox=False)
SANDBOX = SmileSourceFactory("smile-sandbox", sandbox=True)
