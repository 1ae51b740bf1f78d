"""The package as others install it: every folder is a listed package, the wheel ships every file, and the
wheel installed into a clean environment outside the checkout runs build → extract → ask → map → export."""

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
SHIPPED = {".py", ".yaml", ".cypher", ".csv", ".md", ".html", ".json"}


def _source_files() -> dict:
    """Every file of the package's folders, by the path it has inside the wheel."""
    out = {}
    for name, folder in SETUPTOOLS["package-dir"].items():
        base = ROOT / folder
        for path in base.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                inside = name.replace(".", "/") + "/" + path.relative_to(base).as_posix()
                out[inside] = path
    return out


def test_every_folder_is_a_listed_package():
    listed = set(SETUPTOOLS["packages"])
    found = set()
    for inside in _source_files():
        found.add(inside.rsplit("/", 1)[0].replace("/", "."))
    missing = sorted(found - listed)
    assert not missing, f"folders missing from [tool.setuptools] packages in pyproject.toml: {missing}"
    assert not sorted(listed - found), "packages listed in pyproject.toml that have no folder"


def test_every_file_is_of_a_kind_the_wheel_ships():
    odd = sorted(inside for inside in _source_files() if Path(inside).suffix not in SHIPPED)
    assert not odd, f"files of a kind [tool.setuptools.package-data] does not ship: {odd}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel, built from a copy of the checkout: the build backend writes build/ and *.egg-info beside the
    sources, and the checkout stays as it was."""
    source = tmp_path_factory.mktemp("source") / "edugraph"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", ".neo4j", "build", "*.egg-info", "__pycache__", "*.db", "*.db.lock"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                            "-w", str(out)], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    # the build backend says nothing a reader would take for a problem (issue 20: a quiet install)
    noise = [line for line in (built.stdout + built.stderr).splitlines() if "warning" in line.lower()]
    assert not noise, noise[:10]
    return next(out.glob("edugraph-*.whl"))


def test_wheel_ships_every_file(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    missing = sorted(set(_source_files()) - names)
    assert not missing, f"files the wheel leaves out: {missing[:10]}"


def test_wheel_installed_outside_the_checkout_runs(wheel, tmp_path, corpus):
    """A clean environment (not editable, away from the checkout): the dependencies are this one's, reached
    through a path file, so that no network is needed; EduGraph itself only from the wheel."""
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    ours = [p for p in sys.path if p.endswith("site-packages")][0]
    (site / "dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EDUGRAPH_STORE")}
    exe = str(env_dir / "bin" / "edugraph")

    def run(*args):
        result = subprocess.run([exe, *args], cwd=work, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
        return result

    where = subprocess.run([str(python), "-c", "import edugraph.loaders.extraction as m; print(m.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout
    assert str(site) in where and str(ROOT) not in where
    store = str(work / "g.db")
    run("build", "--store", store)
    seed = corpus / "seeds" / "002_7d2d69bdf5ccce64.txt"
    assert "경기도화성오산교육지원청" in run("extract", str(seed), "--json").stdout
    run("ingest", str(corpus / "seeds"), "--store", store, "--jobs", "1")
    assert "경기도화성오산교육지원청" in run("ask", "partners", "오산시", "--store", store).stdout
    run("map", "-o", str(work / "net.html"), "--store", store)
    assert (work / "net.html").stat().st_size > 10_000
    run("export", "--format", "json", "-o", str(work / "graph.json"), "--store", store)
    assert (work / "graph.json").stat().st_size > 10_000
