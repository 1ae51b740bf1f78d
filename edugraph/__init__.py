"""EduGraph: who works with whom in Korean education governance."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("edugraph")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
