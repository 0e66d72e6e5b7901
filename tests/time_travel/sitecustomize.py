"""Moves this Python process's system clock (time.time, datetime.now, date.today…) to
LOYALTY_DESKTOP_TEST_SYSTEM_DATE, then lets it tick. `make test-dates` and e2e/test_any_date.py put
this folder on PYTHONPATH with that variable set, so the test process, its xdist workers and every
Python child they start live on that date: the suite must pass whatever the machine's date is (`make test-dates`)."""

import os

_when = os.environ.get("LOYALTY_DESKTOP_TEST_SYSTEM_DATE", "").strip()
if _when:
    import time_machine

    time_machine.travel(_when, tick=True).start()
