"""Readers: files → :class:`Document` objects.

Plain text (UTF-8, UTF-8 with BOM, CP949/EUC-KR, detected from the bytes),
HTML (main text through trafilatura), JSON Lines and CSV with columns
``id, url, title, date, publisher, text``, and BigKinds Excel exports.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("김포시와 김포교육지원청이 협의회를 열었다.".encode("cp949"))
>>> next(read_path(p)).text
'김포시와 김포교육지원청이 협의회를 열었다.'
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
from pathlib import Path

from ..graph.errors import InputError
from ..graph.text import clean_text
from .documents import Document

__all__ = ["read_path", "decode_bytes", "csv_rows", "iter_files", "RowError", "SUFFIXES"]

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".xlsx", ".yaml", ".yml"}

BIGKINDS_COLUMNS = {
    "id": "뉴스 식별자", "date": "일자", "publisher": "언론사", "author": "기고자", "title": "제목",
    "category": "통합 분류1", "persons": "인물", "places": "위치", "organisations": "기관",
    "keywords": "키워드", "text": "본문", "url": "URL",
}


# One article is a few KB; a single document beyond this is a dump, not an article, and would stall the
# extractor for minutes. Exports with many articles (JSON Lines, CSV, BigKinds) have no file limit.
MAX_TEXT_CHARS = 2_000_000
MAX_HTML_BYTES = 20_000_000


def _too_large(where: str, size: int, unit: str, limit: int) -> InputError:
    return InputError(f"{where}: {size:,} {unit} is too large for one article (limit {limit:,}); "
                      f"split it, or export the articles as JSON Lines or CSV")


class RowError(InputError):
    """One bad row in a JSON Lines or CSV file; the others are kept."""


def decode_bytes(data: bytes, name: str = "") -> str:
    """Decode text bytes (BOMs first, then strict UTF-8, then CP949 (covers EUC-KR), then detection) into
    clean text (graph/text.py)."""
    return clean_text(_decode(data, name))


def _decode(data: bytes, name: str = "") -> str:
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: binary file, not text")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    for enc in ("utf-8", "cp949"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: undecodable bytes (not UTF-8, CP949 or any detectable encoding)")
    return str(best)


def _html_to_document(html: str, name: str, where: str | None = None) -> Document:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    meta = trafilatura.extract_metadata(html)
    if not text or not text.strip():
        raise InputError(f"{where or name}: no article text found in the HTML (empty, truncated or nested too deep)")
    return Document(
        text=text, name=name, url=getattr(meta, "url", None), title=getattr(meta, "title", None),
        publisher=getattr(meta, "sitename", None), date=getattr(meta, "date", None),
    )


def _record_document(rec: dict, name: str) -> Document:
    text = rec.get("text") or ""
    if not str(text).strip():
        raise RowError("no text")
    if len(str(text)) > MAX_TEXT_CHARS:
        raise RowError(f"text of {len(str(text)):,} characters is too large for one article (limit {MAX_TEXT_CHARS:,})")
    return Document(
        text=str(text), name=str(rec.get("id") or name), url=rec.get("url") or None,
        title=rec.get("title") or None, publisher=rec.get("publisher") or None,
        date=str(rec["date"]) if rec.get("date") else None,
    )


def _read_jsonl(text: str, name: str, errors: list, where: str):
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise RowError("not a JSON object")
            yield _record_document(rec, f"{name}:{lineno}")
        except (json.JSONDecodeError, RowError) as exc:
            errors.append(f"{where} line {lineno}: {exc}")


def csv_rows(text: str, where: str):
    """(header, iterator of (line number, row)) for CSV text; a malformed file raises InputError."""
    # newline="" as the csv module requires: a carriage return inside a field is data, not an error.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise InputError(f"{where}: not readable as CSV ({exc})") from None
    reader.fieldnames = header

    def rows():
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise InputError(f"{where} line {reader.line_num}: not readable as CSV ({exc})") from None

    return header, rows()


def _read_csv(text: str, name: str, errors: list, where: str):
    header, rows = csv_rows(text, where)
    if "text" not in header:
        if {"record", "actors"} <= set(header):
            raise InputError(f"{where}: a file of records, not articles: load it with `edugraph ingest --records`")
        raise InputError(f"{where}: CSV needs a 'text' column (columns: id, url, title, date, publisher, text)")
    for lineno, rec in rows:
        if None in rec:
            errors.append(f"{where} line {lineno}: more fields than columns")
            continue
        try:
            yield _record_document(rec, f"{name}:{lineno}")
        except RowError as exc:
            errors.append(f"{where} line {lineno}: {exc}")


def _read_bigkinds(path: Path, errors: list):
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"{path}: not a readable Excel file ({type(exc).__name__})") from None
    ws = wb.active
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    missing = [BIGKINDS_COLUMNS[k] for k in ("text",) if BIGKINDS_COLUMNS[k] not in header]
    if missing:
        raise InputError(f"{path}: missing BigKinds column(s) {', '.join(missing)} (found: {', '.join(header)})")
    col = {k: header.index(v) for k, v in BIGKINDS_COLUMNS.items() if v in header}
    for rowno, row in enumerate(rows, start=2):
        get = lambda k: row[col[k]] if k in col and col[k] < len(row) else None  # noqa: E731
        text = get("text")
        if not text or not str(text).strip():
            errors.append(f"{path} row {rowno}: empty 본문")
            continue
        date = get("date")
        date = str(date) if date is not None else None
        if date and len(date) == 8 and date.isdigit():
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        yield Document(
            text=str(text), name=str(get("id") or f"{path.name}:{rowno}"), url=get("url"),
            title=get("title"), publisher=get("publisher"), date=date,
            hints={"organisations": [o for o in str(get("organisations") or "").split(",") if o.strip()]},
        )
    wb.close()


def read_path(path, errors: list | None = None):
    """Yield the Documents in one file. Bad rows are appended to ``errors``; a bad file raises InputError."""
    for doc in _read_path(Path(path), errors):
        doc.format = doc.format or _FORMATS.get(Path(path).suffix.lower(), "txt")
        yield doc


_FORMATS = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def _read_path(path: Path, errors: list | None = None):
    errors = errors if errors is not None else []
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        raise InputError(f"{path}: a YAML file is read as researchers' records: load it with `edugraph ingest`")
    if suffix == ".xlsx":
        yield from _read_bigkinds(path, errors)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode_bytes(data, str(path))
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(text, path.name, errors, str(path))
    elif suffix == ".csv":
        yield from _read_csv(text, path.name, errors, str(path))
    elif suffix in (".html", ".htm") or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        if len(data) > MAX_HTML_BYTES:
            raise _too_large(str(path), len(data), "bytes of HTML", MAX_HTML_BYTES)
        yield _html_to_document(text, path.name, str(path))
    else:
        if len(text) > MAX_TEXT_CHARS:
            raise _too_large(str(path), len(text), "characters", MAX_TEXT_CHARS)
        yield Document(text=text, name=path.name)


def iter_files(paths):
    """Expand files and folders (recursively, sorted, no symlink loops) into readable files."""
    seen: set = set()
    for p in map(Path, paths):
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in SUFFIXES:
                    real = sub.resolve()
                    if real not in seen:
                        seen.add(real)
                        yield sub
        else:
            real = p.resolve() if p.exists() else p
            if real not in seen:
                seen.add(real)
                yield p
