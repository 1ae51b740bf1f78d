"""Every docstring example in the installed package runs and gives what it shows."""

import doctest
import importlib
import pkgutil
import tomllib
from pathlib import Path

import pytest

# the packages are the one list of pyproject.toml (tests/test_packaging.py checks it against the folders);
# each is imported from the installed package and its modules found through its own __path__
_SETUPTOOLS = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["setuptools"]


def _is_code(package: str) -> bool:
    """A package of code (its folder has an __init__.py), not a folder of data (graph/cypher/, viz/geo/)."""
    root = Path(__file__).resolve().parent.parent
    for name, folder in sorted(_SETUPTOOLS["package-dir"].items(), key=lambda kv: -len(kv[0])):
        if package == name or package.startswith(name + "."):
            return (root / folder / package[len(name):].replace(".", "/").lstrip("/") / "__init__.py").is_file()
    return False


PACKAGES = [p for p in _SETUPTOOLS["packages"] if _is_code(p)]


def _modules():
    names = set()
    for package in PACKAGES:
        pkg = importlib.import_module(package)
        names.add(package)
        for m in pkgutil.iter_modules(pkg.__path__, package + "."):
            if not m.ispkg and not m.name.endswith("__main__"):
                names.add(m.name)
    return sorted(names)


MODULES = _modules()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
