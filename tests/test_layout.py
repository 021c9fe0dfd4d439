"""The layout of meetings/ by role (meetings/README.md), checked on the imports themselves.

- The shared layer (meetings/*.py: models, text, the one FilterSet, facets, pagination...)
  imports no role.
- Service roles (caching, operations, extraction, newsroom) import the shared layer and
  themselves; the newsroom also uses the extractor (SERVICES_USED).
- Outlets (public, editorial, opendata) import the shared layer and the service roles,
  never another outlet: what one outlet needs from another belongs in the shared layer.
- Wiring (apps.py, urls.py, admin.py, management commands) may import anything.
"""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "meetings"
SERVICES = {"caching", "operations", "extraction", "newsroom"}
# A service may use another one below it: the newsroom reads articles with the extractor.
SERVICES_USED = {"newsroom": {"extraction"}}
OUTLETS = {"public", "editorial", "opendata"}
WIRING = {"apps.py", "urls.py", "admin.py"}


def imported_roles(path: Path) -> set[str]:
    """The roles (first package under meetings/) a module imports, at any depth of the file."""
    roles = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] != "meetings":
                continue
            if len(parts) > 1:
                roles.add(parts[1])
            else:  # from meetings import x, y
                roles.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "meetings" and len(parts) > 1:
                    roles.add(parts[1])
    return roles & (SERVICES | OUTLETS)


def modules():
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP)
        if relative.parts[0] in ("migrations", "management") or str(relative) in WIRING:
            continue
        yield relative


@pytest.mark.parametrize("relative", list(modules()), ids=str)
def test_each_module_imports_only_what_its_role_may(relative):
    role = relative.parts[0] if len(relative.parts) > 1 else "shared"
    imported = imported_roles(APP / relative) - {role}
    # The shared layer and the services import no other role; outlets import services.
    allowed = SERVICES if role in OUTLETS else SERVICES_USED.get(role, set())
    assert imported <= allowed, f"{relative} ({role}) imports {sorted(imported - allowed)}"


def test_every_role_folder_is_known():
    folders = {p.name for p in APP.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders - {"migrations", "management", "templatetags"} == SERVICES | OUTLETS
