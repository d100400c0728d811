"""Extract, keep and build the translations: ``.ts`` sources and ``.qm`` files.

    python tools/i18n.py            # lupdate the .ts sources, then lrelease the .qm files
    python tools/i18n.py --check    # exit 1 when a .ts is stale, unfinished or its .qm old

Sources are every ``.py`` under ``kiosk/`` and ``ui/``: ``translate("Context", "…")``
calls and ``QT_TRANSLATE_NOOP("Context", "…")`` marks. The source language is Spanish
(Colombia); ``resources/i18n/kiosk_en.ts`` holds English. ``pyside6-lupdate`` does not
see plural forms in Python, so a source holding ``%n`` is marked numerus here and its
forms are kept across runs; ``kiosk_es_CO.ts`` holds only those (Spanish plurals).
Both ``.qm`` files are committed, so a fresh checkout and ``pip install .`` find them.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "es_CO"
#: target language -> its .ts file; es_CO keeps the Spanish plural forms only.
TARGETS = {"en": FOLDER / "kiosk_en.ts", "es_CO": FOLDER / "kiosk_es_CO.ts"}
PLURAL = "%n"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or shutil.which(f"pyside6-{name}") or f"pyside6-{name}"


def sources() -> list[Path]:
    files = [*sorted((ROOT / "kiosk").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]
    return [path for path in files if "migrations" not in path.parts]


def _key(message: ET.Element, context: str) -> tuple[str, str]:
    return context, message.findtext("source") or ""


def _messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[_key(message, name)] = message
    return found


def _plural_translation(previous: ET.Element | None) -> ET.Element:
    translation = ET.Element("translation")
    old = previous.find("translation") if previous is not None else None
    forms = [form.text or "" for form in old.iter("numerusform")] if old is not None else []
    if len(forms) != 2 or not all(forms):
        translation.set("type", "unfinished")
    for form in [*forms, "", ""][:2]:
        ET.SubElement(translation, "numerusform").text = form
    return translation


def _mark_plurals(path: Path, before: dict[tuple[str, str], ET.Element], only: bool) -> None:
    """Make ``%n`` sources numerus with their old forms; with ``only``, drop the rest."""
    tree = ET.parse(path)
    root = tree.getroot()
    for context in list(root.iter("context")):
        name = context.findtext("name") or ""
        for message in list(context.findall("message")):
            key = _key(message, name)
            if PLURAL not in key[1]:
                if only:
                    context.remove(message)
                continue
            message.set("numerus", "yes")
            old_translation = message.find("translation")
            if old_translation is not None:
                message.remove(old_translation)
            message.append(_plural_translation(before.get(key)))
        if only and not context.findall("message"):
            root.remove(context)
    ET.indent(tree, space="    ")
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def update(folder: Path = FOLDER) -> None:
    """lupdate every target's .ts (kept translations, no locations, no obsolete entries)."""
    folder.mkdir(parents=True, exist_ok=True)
    for language, default_path in TARGETS.items():
        path = folder / default_path.name
        before = _messages(ET.parse(path).getroot()) if path.exists() else {}
        before = {key: copy.deepcopy(message) for key, message in before.items()}
        command = [_tool("lupdate"), *map(str, sources())]
        command += ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
        command += ["-locations", "none", "-no-obsolete", "-silent", "-ts", str(path)]
        # lupdate's notes about plural forms it cannot see in Python are expected here.
        subprocess.run(command, check=True, capture_output=True)
        _mark_plurals(path, before, only=language == SOURCE_LANGUAGE)


def release(folder: Path = FOLDER, out: Path | None = None) -> None:
    for path in TARGETS.values():
        ts = folder / path.name
        qm = (out or folder) / ts.with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(path: Path) -> list[str]:
    """The sources of ``path`` whose translation is missing or marked unfinished."""
    problems = []
    for (context, source), message in _messages(ET.parse(path).getroot()).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{context}: {source}")
            continue
        forms = [form.text for form in translation.iter("numerusform")]
        if (forms and not all(forms)) or (not forms and not (translation.text or "").strip()):
            problems.append(f"{context}: {source}")
    return problems


def check() -> list[str]:
    """What is wrong with the committed translations (nothing: an empty list)."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copy_folder = Path(scratch)
        for path in TARGETS.values():
            if not path.exists():
                problems.append(f"{path.name} is missing")
                continue
            shutil.copy(path, copy_folder / path.name)
        if problems:
            return problems
        update(copy_folder)
        for path in TARGETS.values():
            fresh = copy_folder / path.name
            if fresh.read_bytes() != path.read_bytes():
                problems.append(f"{path.name} is stale: run python tools/i18n.py")
            problems += [f"{path.name} unfinished: {entry}" for entry in unfinished(path)]
        built = copy_folder / "built"
        built.mkdir()
        release(FOLDER, built)
        for path in TARGETS.values():
            qm = path.with_suffix(".qm")
            if not qm.exists() or not filecmp.cmp(qm, built / qm.name, shallow=False):
                problems.append(
                    f"{qm.name} is not built from {path.name}: run python tools/i18n.py"
                )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    update()
    release()
    for path in TARGETS.values():
        left = unfinished(path)
        if left:
            print(f"{path.name}: {len(left)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
