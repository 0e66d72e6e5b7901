"""Moves this Python process's system clock (time.time, datetime.now, date.today…) to
LOYALTY_DESKTOP_TEST_SYSTEM_DATE, then lets it tick. tests/conftest.py puts this folder on
PYTHONPATH when that variable is set, so the test process and every Python child it starts live on
that date: the suite must pass whatever the machine's date is (`make test-dates`)."""

import os

_when = os.environ.get("LOYALTY_DESKTOP_TEST_SYSTEM_DATE", "").strip()
if _when:
    import time_machine

    time_machine.travel(_when, tick=True).start()
