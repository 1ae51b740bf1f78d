"""The one exception hierarchy of EduGraph.

Every error a user can cause derives from :class:`EduGraphError`; the CLI turns
them into one line that says what to do next, never a traceback.
"""

__all__ = [
    "EduGraphError",
    "SchemaError",
    "CypherFileError",
    "StoreError",
    "StoreUnavailable",
    "ReadOnlyViolation",
    "ReferenceDataError",
    "ResolutionError",
    "AmbiguousName",
    "UnknownName",
    "InputError",
]


class EduGraphError(Exception):
    """Root of every error EduGraph raises on purpose."""


class SchemaError(EduGraphError):
    """The schema file, or a label or type checked against it, is invalid."""


class CypherFileError(EduGraphError):
    """A .cypher file is missing or its header is malformed."""


class StoreError(EduGraphError):
    """The graph store refused or failed an operation."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (server down, bad credentials, locked file)."""


class ReadOnlyViolation(StoreError):
    """A query that writes was run in read-only mode."""


class ReferenceDataError(EduGraphError):
    """The reference data files are inconsistent (duplicate id, dangling reference, wrong count)."""


class ResolutionError(EduGraphError):
    """A name could not be resolved to one canonical entity."""


def _describe(entity, homonym: bool) -> str:
    where = getattr(entity, "province_ko", None)
    if homonym and where and where != entity.name_ko:
        return f"{entity.name_ko} ({entity.label}, {where})"
    return f"{entity.name_ko} ({entity.label})"


class AmbiguousName(ResolutionError):
    """A name matches several entities; ``candidates`` lists them."""

    def __init__(self, name, candidates):
        self.name = name
        self.candidates = list(candidates)
        names = [c.name_ko for c in self.candidates]
        listed = ", ".join(_describe(c, names.count(c.name_ko) > 1) for c in self.candidates)
        super().__init__(f"{name} → {listed}: be more specific")


class UnknownName(ResolutionError):
    """A name matches no entity."""


class InputError(EduGraphError):
    """An input file or record cannot be read; the message names the file and the reason."""
