"""Production installs requirements.lock alone: it must hold everything the running code imports, and
no test or lint tool (those are in requirements-dev.lock)."""

import ast
import re
import sys
from importlib.metadata import distribution, packages_distributions
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[3]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(lock: str) -> dict[str, str]:
    lines = (ROOT / lock).read_text().split()
    return {norm(line.split("==")[0]): line for line in lines if "==" in line}


def runtime_code_imports() -> set[str]:
    names = set()
    for path in (ROOT / "sendhub").rglob("*.py"):
        if "tests" in path.parts or path.name == "conftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"sendhub", "__future__"}


def test_the_two_locks_do_not_overlap_and_test_tools_stay_out_of_production():
    runtime, dev = pinned("requirements.lock"), pinned("requirements-dev.lock")
    assert set(runtime) & set(dev) == set()
    assert {"pytest", "mypy", "ruff", "playwright", "django-stubs"} <= set(dev)
    assert {"pytest", "mypy", "ruff", "playwright"} & set(runtime) == set()


def test_every_package_the_running_code_imports_is_in_the_runtime_lock():
    runtime = pinned("requirements.lock")
    owners = packages_distributions()
    for module in sorted(runtime_code_imports()):
        distributions = {norm(d) for d in owners.get(module, [])}
        assert distributions & set(runtime), f"{module} is imported by SEND Hub but not in requirements.lock"


def test_the_runtime_lock_holds_every_dependency_of_the_runtime_requirements():
    runtime = pinned("requirements.lock")
    roots = [line for line in (ROOT / "requirements.in").read_text().splitlines() if line and line[0] != "#"]
    seen, stack = set(), [Requirement(r) for r in roots]
    while stack:
        req = stack.pop()
        key = (norm(req.name), tuple(sorted(req.extras)))
        if key in seen:
            continue
        seen.add(key)
        assert norm(req.name) in runtime, f"{req.name} (needed at run time) is not in requirements.lock"
        for text in distribution(req.name).requires or []:
            dep = Requirement(text)
            extras = [{"extra": ""}, *({"extra": e} for e in req.extras)]
            if dep.marker is None or any(dep.marker.evaluate(e) for e in extras):
                stack.append(dep)
