"""The first half of the restart test, run as its own process: start a sale, then die.

``python -m tests.services.restart_app '{"journal_url": …, "overrides": {…}, "line": …}'``
takes the instance lock, opens the journal and the clients as the app does, starts an
assisted payment on bank 4 (it waits on its bank page), prints the sale reference and
the bank URL as JSON, and exits without closing anything, as a killed app would.
"""

from __future__ import annotations

import json
import os
import sys

from kiosk.journal import instance_lock_for
from kiosk.services.sales import utc_now
from tests.services.helpers import assisted_payer, counter_config, open_counter


def main(argument: str) -> None:
    settings = json.loads(argument)
    instance_lock_for(settings["journal_url"]).acquire()
    counter = open_counter(
        counter_config(), settings["overrides"], settings["journal_url"], utc_now
    )
    line = settings["line"]
    reference = counter.service.payments.open_sale(counter.topup_request(line)).reference
    start = counter.service.payments.start_assisted(reference, assisted_payer(line), "4")
    print(json.dumps({"reference": reference, "bank_url": start.qr_text}), flush=True)
    os._exit(0)  # no clean shutdown: the writer, the journal and the lock are just dropped


if __name__ == "__main__":
    main(sys.argv[1])
