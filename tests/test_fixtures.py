"""A fixture name means one thing everywhere.

Every fixture a conftest.py (or a fixture plugin such as tests/support/postgres.py) defines
is defined there only: no other conftest and no test module defines the same name. The
exceptions are the knobs made to be overridden (:data:`OVERRIDABLE`): each has one default,
in the conftest highest up, and is given other values (the same meaning, other numbers)
only in the folders and modules below it. Fixtures that only test modules define (each
module's ``client`` under test) are the modules' own business.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent

#: Fixtures made to be overridden below their default.
OVERRIDABLE = frozenset(
    {
        "sandbox_timing",  # how fast the test's sandbox settles and answers
        "sandbox_clock",  # the clock the test's sandbox tells time by
        "sandbox_requests",  # where the test's sandbox logs the requests it served
        "sandbox_account",  # the currency (and rate) of the test sandbox's provider account
        "sale_config",  # the configuration the services' counters are built on
        "app_config",  # the configuration the whole-app tests' apps are built on
    }
)


@dataclass(frozen=True)
class Definition:
    name: str
    path: Path  # relative to the tests' root
    line: int

    @property
    def shared(self) -> bool:
        """Seen by other modules: a conftest, or a plugin module that is no test module."""
        return self.path.name == "conftest.py" or not self.path.name.startswith("test_")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def _fixture_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if ast.unparse(target) not in ("pytest.fixture", "fixture"):
            continue
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    return str(keyword.value.value)
        return node.name
    return None


def fixture_definitions(root: Path) -> Iterator[Definition]:
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                name = _fixture_name(node)
                if name is not None:
                    yield Definition(name, path.relative_to(root), node.lineno)


def _below(definition: Definition, folder: Path) -> bool:
    return definition.path.parent == folder or folder in definition.path.parents


def problems(root: Path, overridable: frozenset[str] = OVERRIDABLE) -> list[str]:
    """What breaks the rule in the tree at ``root``, one sentence per name."""
    by_name: dict[str, list[Definition]] = defaultdict(list)
    for definition in fixture_definitions(root):
        by_name[definition.name].append(definition)
    found: list[str] = []
    for name in sorted(overridable - by_name.keys()):
        found.append(f"{name} is listed as overridable but no fixture has that name")
    for name, places in sorted(by_name.items()):
        shared = [d for d in places if d.shared]
        if not shared:
            continue
        where = ", ".join(map(str, places))
        if name not in overridable:
            if len(places) > 1:
                found.append(f"{name} is defined in more than one place: {where}")
            continue
        top = min(len(d.path.parts) for d in shared)
        defaults = [d for d in shared if len(d.path.parts) == top]
        if len(defaults) != 1 or defaults[0].path.name != "conftest.py":
            found.append(f"{name} needs one default in one conftest.py above the others: {where}")
            continue
        (default,) = defaults
        stray = [d for d in places if d is not default and not _below(d, default.path.parent)]
        same_file = [d for d in places if d is not default and d.path == default.path]
        if stray or same_file:
            found.append(f"{name} is given a value outside its default's folder: {where}")
    return found


def test_every_fixture_name_means_one_thing() -> None:
    assert problems(TESTS) == []


def test_the_sandbox_and_its_knobs_are_defined_at_the_top() -> None:
    at_the_top = {d.name for d in fixture_definitions(TESTS) if d.path == Path("conftest.py")}
    assert {"sandbox", "sandbox_timing", "sandbox_clock", "sandbox_requests"} <= at_the_top


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"import pytest\n\n\n{body}", encoding="utf-8")
    return root


def _fixture(name: str, value: str = "1") -> str:
    return f"@pytest.fixture\ndef {name}():\n    return {value}\n\n\n"


def test_a_name_defined_in_two_conftests_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "a/conftest.py": _fixture("clock", "'manual'"),
            "b/conftest.py": _fixture("clock", "'real time plus an offset'"),
            "c/conftest.py": _fixture("journal"),
        },
    )
    (problem,) = problems(root, frozenset())
    assert problem.startswith("clock is defined in more than one place")
    assert "a/conftest.py:5" in problem and "b/conftest.py:5" in problem


def test_a_test_module_shadowing_a_conftest_fixture_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "conftest.py": _fixture("config"),
            "e2e/test_app.py": _fixture("config", "2") + "def test_x(config):\n    pass\n",
            "gateways/test_one.py": _fixture("client"),
            "gateways/test_two.py": _fixture("client"),  # each module's own: fine
        },
    )
    assert problems(root, frozenset()) == [
        "config is defined in more than one place: conftest.py:5, e2e/test_app.py:5"
    ]


def test_a_knob_is_overridden_only_below_its_default(tmp_path: Path) -> None:
    knobs = frozenset({"timing"})
    fine = _tree(
        tmp_path / "fine",
        {
            "conftest.py": _fixture("timing"),
            "sandbox/conftest.py": _fixture("timing", "2"),
            "e2e/test_slow.py": _fixture("timing", "3"),
        },
    )
    assert problems(fine, knobs) == []
    no_default = _tree(
        tmp_path / "no_default",
        {"sandbox/conftest.py": _fixture("timing"), "e2e/conftest.py": _fixture("timing", "2")},
    )
    (problem,) = problems(no_default, knobs)
    assert problem.startswith("timing needs one default")
    outside = _tree(
        tmp_path / "outside",
        {"sandbox/conftest.py": _fixture("timing"), "e2e/test_slow.py": _fixture("timing", "2")},
    )
    (problem,) = problems(outside, knobs)
    assert problem.startswith("timing is given a value outside its default's folder")
    assert problems(fine, knobs | {"gone"}) == [
        "gone is listed as overridable but no fixture has that name"
    ]
