"""Every docstring example in the installed package runs and gives what it shows."""

import doctest
import importlib
import pkgutil

import pytest




def _modules():
    # the subpackages live in top-level folders (graph/, loaders/ …): walk each through its own __path__
    names = {"edugraph"}
    todo = ["edugraph", "edugraph.graph", "edugraph.loaders", "edugraph.queries", "edugraph.viz"]
    while todo:
        pkg = importlib.import_module(todo.pop())
        names.add(pkg.__name__)
        for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            if m.ispkg:
                todo.append(m.name)
            elif not m.name.endswith("__main__"):
                names.add(m.name)
    return sorted(names)


MODULES = _modules()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
