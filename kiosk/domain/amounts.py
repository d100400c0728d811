"""Amounts a sale may take: whole pesos within the store's and the payment method's limits."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import Pesos, parse_pesos

#: PSE's own minimum (Wompi refuses PSE payments under COP 1.500).
PSE_MINIMUM_PESOS = 1_500
DEFAULT_TOPUP_MINIMUM_PESOS = 1_000
DEFAULT_TOPUP_MAXIMUM_PESOS = 100_000


def _check_limit(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int of pesos, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return value


@dataclass(frozen=True)
class AmountLimits:
    """The configured range for one kind of sale, in whole pesos (both ends included)."""

    minimum_pesos: int = DEFAULT_TOPUP_MINIMUM_PESOS
    maximum_pesos: int = DEFAULT_TOPUP_MAXIMUM_PESOS

    def __post_init__(self) -> None:
        _check_limit(self.minimum_pesos, "minimum_pesos")
        _check_limit(self.maximum_pesos, "maximum_pesos")
        # A range nobody can pay in is a configuration mistake: say so at once.
        if self.minimum_pesos > self.maximum_pesos:
            raise ValueError(f"minimum {self.minimum_pesos} is above maximum {self.maximum_pesos}")

    def effective(self, payment_method_minimum: int) -> AmountLimits:
        """These limits with the payment method's minimum: the larger minimum wins."""
        _check_limit(payment_method_minimum, "payment_method_minimum")
        return AmountLimits(max(self.minimum_pesos, payment_method_minimum), self.maximum_pesos)


def validate_amount(
    value: int | str,
    limits: AmountLimits,
    *,
    method_minimum: int = PSE_MINIMUM_PESOS,
    fixed_amounts: tuple[int, ...] = (),
) -> int:
    """Whole pesos within ``limits`` (and among ``fixed_amounts`` when the operator has them).

    ``value`` is either typed text (parsed with :func:`parse_pesos`, whose
    ``money.*`` codes it may raise) or an int from a preset button.
    Codes: ``amount.not_offered``, ``amount.below_minimum``, ``amount.above_maximum``;
    params carry the amounts as :class:`~kiosk.domain.money.Pesos` (``minimum``, ...).
    """
    if isinstance(value, str):
        pesos = parse_pesos(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        pesos = value
    else:
        raise TypeError(f"value must be an int or a str, not {type(value).__name__}")

    if fixed_amounts and pesos not in fixed_amounts:
        offered = sorted(set(fixed_amounts))
        raise ValidationError(
            "amount.not_offered",
            amount=Pesos(pesos),
            offered=tuple(Pesos(amount) for amount in offered),
        )
    effective = limits.effective(method_minimum)
    if pesos < effective.minimum_pesos:
        raise ValidationError(
            "amount.below_minimum",
            minimum=Pesos(effective.minimum_pesos),
        )
    if pesos > effective.maximum_pesos:
        raise ValidationError(
            "amount.above_maximum",
            maximum=Pesos(effective.maximum_pesos),
        )
    return pesos


@dataclass(frozen=True)
class AmountOffer:
    """What a top-up may cost at this store for one operator, decided once, below the screens.

    ``minimum_pesos``/``maximum_pesos`` already combine the store's limits, the operator's
    range and PSE's minimum; ``presets`` are the buttons to show, and with ``fixed`` the
    only amounts the operator sells (the free field is hidden). The top-up screen renders
    it and checks what is typed with :meth:`validate`; the sale service refuses any
    amount :meth:`validate` refuses, so no screen can sell outside it.
    """

    minimum_pesos: int = DEFAULT_TOPUP_MINIMUM_PESOS
    maximum_pesos: int = DEFAULT_TOPUP_MAXIMUM_PESOS
    presets: tuple[int, ...] = ()
    fixed: bool = False

    @property
    def limits(self) -> AmountLimits:
        return AmountLimits(self.minimum_pesos, self.maximum_pesos)

    def validate(self, value: int | str) -> int:
        """Whole pesos this offer sells (typed text or a preset's int); raises the
        ``money.*``/``amount.*`` :class:`ValidationError` codes otherwise."""
        return validate_amount(
            value,
            self.limits,
            method_minimum=0,  # already inside minimum_pesos
            fixed_amounts=self.presets if self.fixed else (),
        )


def topup_offer(
    *,
    store_minimum: int,
    store_maximum: int,
    store_presets: tuple[int, ...],
    operator_minimum: int | None = None,
    operator_maximum: int | None = None,
    operator_fixed: tuple[int, ...] = (),
    method_minimum: int = PSE_MINIMUM_PESOS,
) -> AmountOffer:
    """The offer where the store's limits, the operator's and the payment method's meet.

    An operator with fixed amounts sells only those (within the store's range); otherwise
    the store's presets that fall inside the range are the buttons.
    """
    minimum = max(store_minimum, operator_minimum or 0, method_minimum)
    maximum = min(store_maximum, operator_maximum or store_maximum)
    maximum = max(maximum, minimum)  # a range nobody can pay in still has one shape
    if operator_fixed:
        amounts = tuple(sorted({a for a in operator_fixed if minimum <= a <= maximum}))
        return AmountOffer(minimum, maximum, amounts, fixed=True)
    presets = tuple(amount for amount in store_presets if minimum <= amount <= maximum)
    return AmountOffer(minimum, maximum, presets, fixed=False)
