"""Messages of the clerks' PINs and the staff list (kiosk.domain.pins, kiosk.services.staff)."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "pin.wrong": QT_TRANSLATE_NOOP(
        "messages", "PIN incorrecto. Intentos que le quedan antes del bloqueo: {tries_left}."
    ),
    "pin.locked": QT_TRANSLATE_NOOP(
        "messages",
        "Demasiados PIN incorrectos: los PIN están bloqueados. Intente de nuevo en {seconds} s.",
    ),
    "pin.not_admin": QT_TRANSLATE_NOOP("messages", "Ese PIN no es de un administrador."),
    "pin.format": QT_TRANSLATE_NOOP(
        "messages", "El PIN debe tener de {low} a {high} dígitos, solo números."
    ),
    "pin.too_simple": QT_TRANSLATE_NOOP(
        "messages",
        "Ese PIN es muy fácil de adivinar (un mismo dígito o una serie como 1234). Elija otro.",
    ),
    "staff.name_required": QT_TRANSLATE_NOOP("messages", "Escriba el nombre de la persona."),
    "staff.name_too_long": QT_TRANSLATE_NOOP(
        "messages", "El nombre es demasiado largo: hasta {limit} caracteres."
    ),
    "staff.name_personal": QT_TRANSLATE_NOOP(
        "messages",
        "Un nombre no puede llevar un correo ni un número de teléfono o documento: "
        "queda en el diario con cada venta.",
    ),
    "staff.name_taken": QT_TRANSLATE_NOOP(
        "messages", "Ya hay alguien con el nombre «{name}». Use otro."
    ),
    "staff.pin_taken": QT_TRANSLATE_NOOP("messages", "Ese PIN ya lo usa otra persona. Elija otro."),
    "staff.last_admin": QT_TRANSLATE_NOOP(
        "messages",
        "No se puede quitar a {name}: es el único administrador. Cree otro administrador antes.",
    ),
    "staff.unknown_clerk": QT_TRANSLATE_NOOP(
        "messages", "Esa persona ya no está en la lista del personal."
    ),
    "staff.needs_setup": QT_TRANSLATE_NOOP(
        "messages",
        "Todavía no hay administrador: cree el primero con su nombre y un PIN.",
    ),
    "staff.set_up": QT_TRANSLATE_NOOP(
        "messages", "El primer administrador ya existe: entre con su PIN."
    ),
    "staff.unreadable": QT_TRANSLATE_NOOP(
        "messages",
        "No se puede leer la lista del personal {path}. Copie encima la anterior "
        "(staff.toml.bak) o pida soporte.",
    ),
}
