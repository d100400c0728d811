"""Who is at the counter: the clerk's sign-in by PIN, the admin PIN, the clerks' list.

PINs are checked by the staff service (slow hashes, lockouts) on a worker; this
controller holds the clerk signed in (on the GUI thread) and reports through signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.language import Said, describe
from kiosk.controllers.worker import run
from kiosk.domain.errors import KioskError

if TYPE_CHECKING:
    from kiosk.domain.staff import Clerk
    from kiosk.services.staff import StaffService

log = logging.getLogger(__name__)

#: The code of a PIN locked after too many wrong tries (its ``seconds`` parameter).
LOCKED = "pin.locked"


def refusal(error: BaseException) -> tuple[Said, int]:
    """A PIN refusal's words, and the seconds it stays locked (0: not locked)."""
    seconds = 0
    if isinstance(error, KioskError) and error.code == LOCKED:
        seconds = int(error.params.get("seconds", 0))
    return describe(error), seconds


class StaffController(QObject):
    """The clerk signed in (``clerk``), and the admin PIN's checks.

    Signals:
      * ``signedIn(Clerk)``, ``signedOut()``;
      * ``signInRefused(Said, int)``: a wrong PIN (its words say the tries left; 0 s), or a
        locked one (the seconds it stays locked);
      * ``checkingChanged(bool)``: a PIN is being checked (the screen greys its keys);
      * ``clerksReady(list[Clerk])``; ``clerkSaved()`` (an add, a PIN change or a removal
        went through; the list follows); ``failed(Said)``: one of those refused.
    """

    signedIn = Signal(object)
    signedOut = Signal()
    signInRefused = Signal(object, int)
    checkingChanged = Signal(bool)
    clerksReady = Signal(list)
    clerkSaved = Signal()
    failed = Signal(object)

    def __init__(
        self,
        service: StaffService,
        *,
        journal_event: Callable[..., object] | None = None,
        actor: str = "",
        parent: QObject | None = None,
    ) -> None:
        """``journal_event``: the journal writer's ``record_event`` (each sign-in is
        journaled as ``"clerk.signed_in"`` by ``actor``, the kiosk)."""
        super().__init__(parent)
        self._service = service
        self._journal_event = journal_event
        self._actor = actor
        self._clerk: Clerk | None = None
        self._checking = False

    @property
    def clerk(self) -> Clerk | None:
        """The clerk signed in at this counter (None: nobody)."""
        return self._clerk

    @property
    def clerk_name(self) -> str:
        return self._clerk.name if self._clerk is not None else ""

    def is_checking(self) -> bool:
        return self._checking

    @property
    def needs_setup(self) -> bool:
        """Real keys and no staff yet: the first admin is created before anyone signs in."""
        return self._service.needs_setup

    @property
    def demo_pins(self) -> bool:
        """The sandbox's demo PINs still work (the sign-in screen says them)."""
        return self._service.demo_pins

    def seconds_locked(self) -> int:
        """Seconds until a PIN may be tried again (0: now)."""
        return self._service.seconds_locked()

    # -- sign in and out ------------------------------------------------------------------

    def sign_in(self, pin: str) -> None:
        """Check ``pin`` off the GUI thread; ``signedIn`` or ``signInRefused`` follows."""
        if self._checking:
            return
        self._set_checking(True)
        run(lambda: self._service.sign_in(pin), name="sign-in").on_success(
            self._signed_in
        ).on_failure(self._sign_in_refused)

    def _signed_in(self, clerk: Clerk) -> None:
        self._set_checking(False)
        self._clerk = clerk
        log.info("clerk signed in")
        if self._journal_event is not None:
            # The writer queues it (a Future): nothing waits here.
            self._journal_event("clerk.signed_in", actor=self._actor, data={"clerk": clerk.name})
        self.signedIn.emit(clerk)

    def create_first_admin(self, name: str, pin: str) -> None:
        """The first admin (real keys, no staff yet), who is then signed in; a refusal
        (a name, a PIN too simple) comes as ``signInRefused``."""
        if self._checking:
            return
        self._set_checking(True)
        run(lambda: self._service.create_first_admin(name, pin), name="first-admin").on_success(
            self._signed_in
        ).on_failure(self._sign_in_refused)

    def _sign_in_refused(self, error: BaseException) -> None:
        self._set_checking(False)
        if not isinstance(error, KioskError):
            log.error("sign-in failed: %s", type(error).__name__)
        message, seconds = refusal(error)
        self.signInRefused.emit(message, seconds)

    def sign_out(self) -> None:
        if self._clerk is None:
            return
        self._clerk = None
        log.info("clerk signed out")
        self.signedOut.emit()

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        self.checkingChanged.emit(checking)

    # -- the admin PIN ----------------------------------------------------------------------

    def check_admin(
        self,
        pin: str,
        granted: Callable[[Clerk], None],
        refused: Callable[[Said, int], None],
    ) -> None:
        """Check an administrator's ``pin`` off the GUI thread, then ``granted(clerk)`` or
        ``refused(words, locked_seconds)`` on the GUI thread (one caller's own answer:
        two dialogs never read each other's)."""
        run(lambda: self._service.check_admin(pin), name="admin-pin").on_success(
            granted
        ).on_failure(lambda error: refused(*refusal(error)))

    # -- the clerks -------------------------------------------------------------------------

    def load_clerks(self) -> None:
        run(self._service.clerks, name="clerks").on_success(self.clerksReady.emit).on_failure(
            lambda error: self.failed.emit(describe(error))
        )

    def add_clerk(self, name: str, pin: str, is_admin: bool = False) -> None:
        self._change(lambda: self._service.add_clerk(name, pin, is_admin=is_admin))

    def set_pin(self, clerk_id: str, pin: str) -> None:
        self._change(lambda: self._service.set_pin(clerk_id, pin))

    def remove_clerk(self, clerk_id: str) -> None:
        self._change(lambda: self._service.remove_clerk(clerk_id))

    def _change(self, operation: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.clerkSaved.emit()
            self.load_clerks()

        run(operation, name="clerk-change").on_success(done).on_failure(
            lambda error: self.failed.emit(describe(error))
        )
