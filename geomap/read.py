"""Read news articles from text, Markdown, HTML, JSONL and CSV/TSV files, directories or stdin.

Reading streams: JSONL and CSV files are read line by line and directories file by file, so
a corpus of any size never sits in memory at once. Reading never stops on a bad input: each
unreadable file, line or row becomes an :class:`~geomap.errors.InputError` that carries the
file and line, is handed to ``on_error`` (or logged as a warning), and reading goes on.

Text is decoded as UTF-8 (a byte order mark is honoured); anything else is detected with
charset-normalizer and decoded with a warning naming the file, so a user can fix the input.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from html.parser import HTMLParser
from itertools import chain, islice
from typing import Any, BinaryIO

from .dates import MONTHS, iter_full_dates, iter_weekdays, iter_written_days, make_date
from .errors import InputError
from .model import Article
from .names import ARTICLES

__all__ = ["read_articles", "find_published_date", "dateline_end", "dateline_span", "dateline_spans",
           "SUPPORTED_EXTENSIONS"]

log = logging.getLogger("geomap")

#: File extension → reader. Directories are searched for these only.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}

STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 8192  # NUL bytes in this much of the start mean a binary file
_SAMPLE_BYTES = 65536  # what charset-normalizer sees of a streamed file
_STDIN_SNIFF_LINES = 20  # stdin is JSONL when this many first non-empty lines all start with "{"
_HTML_BYTES_PER_CHAR = 10  # markup allowance when capping how much of an HTML file is read
_UNDECODABLE = "binary file, not text (not UTF-8 and no text encoding fits)"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Skip(Exception):
    """A whole file cannot be read; carries the InputError to report (kept apart from InputErrors
    that an ``on_error`` callback may raise, so those are never reported twice)."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


class _Context:
    """Settings shared by the readers of one :func:`read_articles` call."""

    def __init__(self, published: dt.date | None, on_error: Callable[[InputError], None], max_chars: int) -> None:
        self.published = published
        self.report = on_error
        self.max_chars = max_chars

    def cut(self, text: str, where: str) -> str:
        """Cut an over-long text rather than fail: one giant input should not sink a build."""
        if len(text) > self.max_chars:
            log.warning("%s: text longer than %d characters; cut to that length", where, self.max_chars)
            return text[: self.max_chars]
        return text


def _log_error(error: InputError) -> None:
    log.warning("%s (skipped)", error)


def read_articles(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    max_chars: int = 5_000_000,
) -> Iterator[Article]:
    """Yield the articles in files, directories (recursively, sorted) and ``-`` (stdin), lazily.

    ``published`` is the date used for articles that carry none of their own. Bad inputs go to
    ``on_error`` (default: logged as warnings) and are skipped.
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]  # type: ignore[list-item]  # one path, not the characters of one
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not isinstance(published, dt.date):
        raise TypeError("published must be a datetime.date or None")
    if not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError("max_chars must be a positive integer")
    ctx = _Context(published, on_error or _log_error, max_chars)
    for item in inputs:
        name = os.fsdecode(item)
        if name == "-":
            yield from _guard(lambda: _read_stdin(ctx), ctx)
        else:
            yield from _read_path(name, ctx)


def _guard(make: Callable[[], Iterator[Article]], ctx: _Context) -> Iterator[Article]:
    """Run one file's reader; a failure of the whole file is reported, not raised."""
    try:
        yield from make()
    except _Skip as skip:
        ctx.report(skip.error)


def _display(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _os_error(exc: OSError, path: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or directory", path=path)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", path=path)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory", path=path)
    return InputError(f"cannot read: {exc.strerror or exc}", path=path)


def _read_path(path: str, ctx: _Context) -> Iterator[Article]:
    display = _display(path)
    try:
        is_dir = os.path.isdir(path)
        if not is_dir:
            os.stat(path)
    except OSError as exc:
        ctx.report(_os_error(exc, display))
        return
    except ValueError:  # an embedded NUL in the name
        ctx.report(InputError("invalid path", path=display))
        return
    if is_dir:
        yield from _walk(path, ctx)
    elif not os.path.isfile(path):
        ctx.report(InputError("not a regular file", path=display))
    else:
        yield from _read_file(path, ctx)


def _walk(directory: str, ctx: _Context) -> Iterator[Article]:
    """Supported files under ``directory``, sorted by name level by level; hidden ones skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        ctx.report(_os_error(exc, _display(directory)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)  # no symlink loops
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(entry.path, ctx)
        elif is_file and os.path.splitext(entry.name)[1].lower() in SUPPORTED_EXTENSIONS:
            yield from _read_file(entry.path, ctx)


def _read_file(path: str, ctx: _Context) -> Iterator[Article]:
    display = _display(path)
    kind = SUPPORTED_EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if kind is None:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        ctx.report(InputError(f"unsupported file type (supported: {supported})", path=display))
        return
    try:
        with open(path, "rb") as handle:
            if kind in ("text", "markdown", "html"):
                per_char = _HTML_BYTES_PER_CHAR if kind == "html" else 4
                data = _read_capped(handle, ctx.max_chars * per_char + 4, display)
                text = _decode_whole(data, display, html=kind == "html")
                article = _whole_file_article(display, text, kind, ctx)
                if article is not None:
                    yield article
            else:
                lines = _decoded_lines(handle, display)
                if kind == "jsonl":
                    yield from _jsonl_articles(lines, display, ctx)
                else:
                    yield from _csv_articles(lines, display, ctx, delimiter="\t" if kind == "tsv" else ",")
    except _Skip as skip:
        ctx.report(skip.error)
    except OSError as exc:
        ctx.report(_os_error(exc, display))


# --- decoding -------------------------------------------------------------------------------


def _read_capped(handle: BinaryIO, limit: int, display: str) -> bytes:
    data = handle.read(limit + 1)
    if not data:
        raise _Skip(InputError("empty file", path=display))
    if len(data) > limit:
        log.warning("%s: larger than %d bytes; only the start was read", display, limit)
        data = data[:limit]
    return data


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess; on a tie, cp1252 then cp1256 (Western and Arabic news)."""
    import charset_normalizer

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        return None
    ties = [m for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    for preferred in ("cp1252", "cp1256"):
        if any(m.encoding == preferred or preferred in m.could_be_from_charset for m in ties):
            return preferred
    return best.encoding


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_whole(data: bytes, display: str, *, html: bool = False) -> str:
    """Decode a whole file: BOM, else UTF-8, else a declared or detected encoding (warned)."""
    bom = _bom_encoding(data)
    if bom is not None and bom != "utf-8-sig":
        log.warning("%s: not UTF-8; decoded as %s (byte order mark)", display, bom)
        return data.decode(bom, errors="replace")
    if bom is None and b"\x00" in data[:_SNIFF_BYTES]:
        raise _Skip(InputError("binary file, not text", path=display))
    try:
        # Incremental, so a multi-byte character cut by the size cap is dropped, not an error.
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False)
    except UnicodeDecodeError:
        pass
    encoding, how = (_declared_charset(data), "declared in the page") if html else (None, "")
    if encoding in (None, "utf-8"):
        encoding, how = _detect(data[: _SAMPLE_BYTES * 4]), "detected"
    if encoding is None:
        raise _Skip(InputError(_UNDECODABLE, path=display))
    log.warning("%s: not UTF-8; decoded as %s (%s)", display, encoding, how)
    return data.decode(encoding, errors="replace")


class _LineDecoder:
    """Decode a streamed file line by line: UTF-8 first, else one detected encoding (warned once).

    Line by line, so a mostly UTF-8 file with one stray line keeps its other lines intact.
    """

    def __init__(self, display: str, fallback: str | None = None) -> None:
        self.display = display
        self.fallback = fallback  # detected from the start of the file, when that was not UTF-8
        self.warned = False

    def __call__(self, raw: bytes, line: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.fallback is None:
            detected = _detect(raw)
            if detected is None or detected.replace("-", "_") == "utf_8":
                raise InputError("not valid text in any known encoding", path=self.display, line=line)
            self.fallback = detected
        if not self.warned:
            log.warning("%s: not UTF-8; decoded as %s (detected)", self.display, self.fallback)
            self.warned = True
        return raw.decode(self.fallback, errors="replace")


class _DecodeFailed(str):
    """A line that could not be decoded; carries the error for the line-based readers."""

    error: InputError


def _decoded_lines(handle: BinaryIO, display: str) -> Iterator[str]:
    """Text lines of a binary stream (line ends kept), checking first that it is text at all."""
    head = handle.read(_SAMPLE_BYTES)
    if not head:
        raise _Skip(InputError("empty file", path=display))
    bom = _bom_encoding(head)
    if bom is not None and bom != "utf-8-sig":
        log.warning("%s: not UTF-8; decoded as %s (byte order mark)", display, bom)
        raw = io.BufferedReader(_Prefixed(head, handle))
        stream = io.TextIOWrapper(raw, encoding=bom, errors="replace", newline="")
        return iter(stream)
    if b"\x00" in head[:_SNIFF_BYTES]:
        raise _Skip(InputError("binary file, not text", path=display))
    if bom == "utf-8-sig":
        head = head[len(codecs.BOM_UTF8) :]
    fallback = None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        fallback = _detect(_not_utf8_lines(head))
        if fallback is None:
            raise _Skip(InputError(_UNDECODABLE, path=display)) from None
    # Byte lines split on b"\n" only: JSON strings may hold U+2028, which str.splitlines breaks on.
    return _decode_each(io.BufferedReader(_Prefixed(head, handle)), _LineDecoder(display, fallback))


def _not_utf8_lines(data: bytes) -> bytes:
    """The lines of ``data`` that are not UTF-8: what the detector should look at in a mixed file."""
    bad = []
    for raw in data.split(b"\n"):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(raw)
    return b"\n".join(bad) or data


def _decode_each(raws: Iterable[bytes], decoder: _LineDecoder) -> Iterator[str]:
    for number, raw in enumerate(raws, start=1):
        try:
            yield decoder(raw, number)
        except InputError as error:
            failed = _DecodeFailed("\n")
            failed.error = error
            yield failed


class _Prefixed(io.RawIOBase):
    """A binary stream that replays bytes already read before the rest of ``handle``."""

    def __init__(self, head: bytes, handle: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head.read(len(buffer)) or self._handle.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# --- whole-file articles --------------------------------------------------------------------


def _whole_file_article(display: str, text: str, kind: str, ctx: _Context) -> Article | None:
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    if kind == "html":
        text, title, published, source = _html_content(text, display)
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Skip(InputError("empty file" if kind != "html" else "no article text in the HTML", path=display))
    text = ctx.cut(text, display)
    if kind != "html":
        title = _headline(text, markdown=kind == "markdown")
    published = published or find_published_date(text) or ctx.published
    return Article(id=display, text=text, title=title, published=published, source=source)


def _headline(text: str, *, markdown: bool = False) -> str | None:
    """The first non-empty line when it reads like a headline (short, no final period)."""
    lines = iter(text.splitlines())
    first = next((line.strip() for line in lines if line.strip()), "")
    if not any(line.strip() for line in lines):
        return None  # a one-line text is the article, not its headline
    if markdown:
        first = re.sub(r"^#{1,6}\s*", "", first).strip().strip("*_").strip()
    if not first or len(first) > 200 or len(first.split()) > 30:
        return None
    if first[-1] in ".,;:" or not any(c.isalpha() for c in first):
        return None
    if dateline_span(first) is not None:
        return None
    return first


class _TextOnly(HTMLParser):
    """Stdlib fallback: visible text without scripts, styles, navigation and page furniture."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                       "form", "svg", "head", "button", "select", "iframe"})  # fmt: skip
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
                        "section", "blockquote", "pre", "table", "ul", "ol", "dd", "dt"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self._SKIP:
            self.skipping.append(tag)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self._SKIP:
            if tag in self.skipping:  # malformed nesting: close up to the matching start tag
                while self.skipping and self.skipping.pop() != tag:
                    pass
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.parts.append(data)

    def result(self) -> tuple[str, str | None]:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        title = " ".join("".join(self.title_parts).split()) or None
        return text, title


def _strip_tags(html: str) -> tuple[str, str | None]:
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; keep whatever it collected
        pass
    return parser.result()


def _html_content(html: str, display: str) -> tuple[str, str | None, dt.date | None, str | None]:
    """Article text, title, date and URL of a page: trafilatura, else stripped tags (warned)."""
    text = title = date = source = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
        if doc is not None:
            get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))  # 1.x gave dicts
            text, title, date = get("text"), get("title"), get("date")
            source = get("url") or get("sitename")
    except Exception as exc:  # noqa: BLE001 - malformed HTML or a missing dependency must not stop reading
        log.warning("%s: trafilatura could not read the page (%s); stripping tags instead", display, exc)
        text = None
    if not isinstance(text, str) or not text.strip():
        log.warning("%s: no main article text found; using all visible text of the page", display)
        text, fallback_title = _strip_tags(html)
        title = title or fallback_title
    published = parse_published(date, display, quiet=True) if date else None
    return (
        text,
        title if isinstance(title, str) and title.strip() else None,
        published,
        source if isinstance(source, str) and source else None,
    )


# --- record articles (JSONL, CSV) -----------------------------------------------------------


def _record_article(fields: Mapping[str, Any], display: str, line: int, ctx: _Context) -> Article | None:
    """An article from one JSONL object or CSV row, or None after reporting why not."""
    where = f"{display}:{line}"
    text = fields.get("text")
    if not isinstance(text, str):
        reason = "missing 'text'" if text is None else f"'text' is not a string ({type(text).__name__})"
        ctx.report(InputError(reason, path=display, line=line))
        return None
    if not text.strip():
        ctx.report(InputError("empty 'text'", path=display, line=line))
        return None
    text = ctx.cut(text, where)
    raw_id = fields.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        article_id = raw_id.strip()
    elif isinstance(raw_id, int | float) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    else:
        article_id = where
    title = fields.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    source = next(
        (v.strip() for v in (fields.get("url"), fields.get("source")) if isinstance(v, str) and v.strip()), None
    )
    published = parse_published(fields.get("published"), where)
    published = published or find_published_date(text) or ctx.published
    return Article(id=article_id, text=text, title=title, published=published, source=source)


def _jsonl_articles(lines: Iterable[str], display: str, ctx: _Context) -> Iterator[Article]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, _DecodeFailed):
            ctx.report(line.error)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            detail = f"{exc.msg} (column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else str(exc)
            message = f"not valid JSON: {detail}"
            ctx.report(InputError(message, path=display, line=number))
            continue
        except RecursionError:
            ctx.report(InputError("not valid JSON: nested too deeply", path=display, line=number))
            continue
        if not isinstance(record, dict):
            ctx.report(InputError(f"expected a JSON object, got {type(record).__name__}", path=display, line=number))
            continue
        article = _record_article(record, display, number, ctx)
        if article is not None:
            yield article


def _raise_csv_field_limit() -> None:
    """Article texts are long; the csv module's default field limit (128 KiB) is not."""
    limit = sys.maxsize
    while limit > csv.field_size_limit():
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def _csv_articles(lines: Iterator[str], display: str, ctx: _Context, *, delimiter: str) -> Iterator[Article]:
    """Rows as articles; each error names the physical line where its row starts."""
    _raise_csv_field_limit()
    reader = csv.reader(_reported(lines, ctx), delimiter=delimiter)
    header: list[str] | None = None
    before = 0  # reader.line_num before the current row: the row starts on the next line
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            detail = str(exc)
            if "new-line character" in detail:  # the csv module's advice does not apply here
                detail = "a bare carriage return (\\r) inside an unquoted field"
            kind = "TSV" if delimiter == "\t" else "CSV"
            ctx.report(InputError(f"malformed {kind}: {detail}", path=display, line=before + 1))
            before = reader.line_num
            continue
        start, before = before + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if "text" not in header:
                columns = ", ".join(repr(c) for c in header)
                message = f"no 'text' column in the header (columns: {columns})"
                raise _Skip(InputError(message, path=display, line=start))
            continue
        article = _record_article(dict(zip(header, row, strict=False)), display, start, ctx)
        if article is not None:
            yield article


def _reported(lines: Iterator[str], ctx: _Context) -> Iterator[str]:
    """Lines for the csv module; undecodable ones are reported and read as blank."""
    for line in lines:
        if isinstance(line, _DecodeFailed):
            ctx.report(line.error)
        yield line


# --- standard input -------------------------------------------------------------------------


def _read_stdin(ctx: _Context) -> Iterator[Article]:
    """stdin as JSONL when its first non-empty lines all start with ``{``, else as one text."""
    stream = sys.stdin
    if stream is None:
        raise _Skip(InputError("no standard input", path=STDIN_NAME))
    buffer = getattr(stream, "buffer", None)
    source: Iterator[Any] = iter(buffer if buffer is not None else stream)
    head: list[Any] = []
    non_empty = 0
    for line in source:
        head.append(line)
        if line.strip():
            non_empty += 1
            if non_empty >= _STDIN_SNIFF_LINES:
                break
    if not head or not any(line.strip() for line in head):
        raise _Skip(InputError("empty input", path=STDIN_NAME))
    binary = isinstance(head[0], bytes)
    wide = binary and _bom_encoding(head[0]) in ("utf-16", "utf-32")  # read whole, not by b"\n" lines
    if binary and not wide and b"\x00" in b"".join(head)[:_SNIFF_BYTES]:
        raise _Skip(InputError("binary file, not text", path=STDIN_NAME))
    bom = codecs.BOM_UTF8 if binary else "\ufeff"
    if head[0].startswith(bom):
        head[0] = head[0][len(bom) :]
    jsonl = not wide and all(line.lstrip().startswith(b"{" if binary else "{") for line in head if line.strip())
    if jsonl:
        lines: Iterator[str]
        if binary:
            lines = _decode_each(chain(head, source), _LineDecoder(STDIN_NAME))
        else:
            lines = chain(head, source)
        yield from _jsonl_articles(lines, STDIN_NAME, ctx)
        return
    limit = ctx.max_chars * (4 if binary else 1) + 4
    parts, size = [], 0
    for line in chain(head, source):
        parts.append(line)
        size += len(line)
        if size > limit:
            break
    joined = b"".join(parts) if binary else "".join(parts)
    text = _decode_whole(joined, STDIN_NAME) if isinstance(joined, bytes) else joined
    article = _whole_file_article(STDIN_NAME, text, "text", ctx)
    if article is not None:
        yield article


# --- publication dates and datelines --------------------------------------------------------

_HEADER_LINES = 8
_HEADER_CHARS = 600
_ISO_START = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[T ]|\s)")
#: A full date right after these words is an event in the text, not the date of the article.
_EVENT_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "from", "before", "after", "between", "by", "to", "and", "through",
     "during", "of", "on", "at", "than", "or"}
)  # fmt: skip
#: ... unless a publishing word comes before the preposition ("Posted on", "Updated at"; a
#: situation report's "As of 26 February 2020").
_PUBLISHING_WORDS = frozenset({"posted", "published", "updated", "dated", "written", "released", "issued", "modified",
                               "as"})


#: The words that say a date is the publication's, right before it: "Published 30 June 2025",
#: "Date of publication: 9 March 2018", "Posted on".
_PUBLISHED_ON = re.compile(r"\b(?:published|posted|released|issued|date\s+of\s+publication)(?:\s+on)?\s*[:\-–—]?\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=16)  # the publication date, the datelines and the header's dates read it
def _header(text: str) -> str:
    """The first lines of a text, where a date line or dateline sits: up to the eighth that is not
    blank, within the first 600 characters."""
    head = text[:_HEADER_CHARS]
    end = 0
    seen = 0
    for line in head.split("\n"):
        end = min(end + len(line) + 1, len(head))  # the last piece has no line break after it
        if line.strip():
            seen += 1
            if seen >= _HEADER_LINES:
                break
    return text[:end]


def find_published_date(text: str) -> dt.date | None:
    """The publication date from a date line near the top of ``text`` ("Global Research,
    January 11, 2018", "Wed 05 Apr 2017 …", "2018-01-11"), else None. Pure.

    Only full dates (day, month, year) in the first lines count, and not those that follow a
    preposition ("on 5 March 2016 jets struck" is the event, not the article). A numeric date
    that reads either way ("07/03/2023") is read as the days the text writes out say, else day first
    after SANA's name ("Aleppo, SANA – 10/11/2015"), whose convention that is, or not at all.
    """
    found = _published_date(text)
    return found[2] if found else None


def published_date_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the date :func:`find_published_date` reads, so that later stages do not
    take the article's own date line for the date of an event. Pure."""
    found = _published_date(text)
    return (found[0], found[1]) if found else None


def report_date_spans(text: str, published: dt.date | None) -> list[tuple[int, int]]:
    """``(start, end)`` of what says when the report was published or filed, which dates no event:
    its date line, its dateline ("IDLIB, Syria, March 16 (Reuters) -") and every repeat of the
    publication date in its first lines, as scraped pages have in bylines and stamps ("Date of
    publication 9 March 2018 Mehmet Emin Dogan | 09.03.2018 The statement said … on Thursday"). Pure."""
    spans = [span for span in (published_date_span(text), dateline_span(text)) if span]
    if published is not None and isinstance(text, str):
        spans += [(start, end) for start, end, date in _header_full_dates(text) if date == published]
    return spans


#: A weekday written just before a date line's date ("AFP Sunday 26 Nov 2017"): part of the date line.
_WEEKDAY_BEFORE = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=16)  # the publication date and the header's dates read the same lines
def _header_full_dates(text: str) -> tuple[tuple[int, int, dt.date], ...]:
    return tuple(iter_full_dates(_header(text)))


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


@functools.lru_cache(maxsize=16)  # the reader asks, then extraction asks again for the same text
def _published_date(text: str) -> tuple[int, int, dt.date] | None:
    if not isinstance(text, str) or not text:
        return None
    head = _header(text)
    for start, end, date in _header_full_dates(text):
        # A date the header says it was published on outranks its other dates: "Reporting period:
        # 16–29 June 2025 / Published 30 June 2025".
        if _PUBLISHED_ON.search(head, max(0, start - 30), start):
            return start, end, date
    told_on_a_weekday = None  # "reopened the museum on Wednesday, 1 October 2025": the day, if no date line says
    for start, end, date in _header_full_dates(text):
        before = _PARAGRAPH_BREAK.split(head[max(0, start - 60) : start])[-1]  # not a headline's last word
        words = re.findall(r"[^\W\d_]+", before.lower())
        weekday = _WEEKDAY_BEFORE.search(head, max(0, start - 12), start)
        found = (weekday.start() if weekday else start), end, date
        if words and _WEEKDAY_BEFORE.fullmatch(words[-1]):
            words.pop()  # "documented on Wednesday, 29 January … (published Thursday 30 January)"
            if words and words[-1] in _EVENT_PREPOSITIONS and told_on_a_weekday is None:
                told_on_a_weekday = found
        if words and words[-1] in _EVENT_PREPOSITIONS:
            if not (len(words) >= 2 and words[-2] in _PUBLISHING_WORDS):
                continue
        return found
    return told_on_a_weekday or _ambiguous_numeric_date(text, head) or _footer_date(text)


#: A line that is only a date and what stamps it: "Published: 30 October 2016", "15 January 2024",
#: "Posted Monday, 15 January 2024 - 10:22 GMT" (the date is cut out before matching).
_DATE_STAMP_LINE = re.compile(r"[ \t]*(?:(?i:published|posted|updated|dated?)(?:[ \t]+on)?[ \t]*[:\-–—]?[ \t]*)?"
                              r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]*)?\x00"
                              r"[ \t,|\-–—]*(?:[0-9]{1,2}:[0-9]{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?[ \t]*(?:GMT|UTC)?[ \t.]*")
#: How many of a text's last lines may hold a date stamp: pages that put theirs under the story,
#: after the credits ("Reporting by … / Editing by … / 15 January 2024").
_FOOTER_LINES = 4


def _footer_date(text: str) -> tuple[int, int, dt.date] | None:
    """The date of a line among the last few that is only a date stamp, for a page that prints its
    date under the story rather than over it; None when none is."""
    end = len(text.rstrip())
    for _ in range(_FOOTER_LINES):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        dates = list(iter_full_dates(line)) if line.strip() else []
        if len(dates) == 1:
            first, last, date = dates[0]
            if _DATE_STAMP_LINE.fullmatch(line[:first] + "\x00" + line[last:]):
                return start + first, start + last, date
        if start == 0:
            return None
        end = start - 1
    return None


#: A numeric date whose day and month can both be either ("07/03/2023": 7 March or 3 July).
_AMBIGUOUS_NUMERIC = re.compile(r"(?<![\d/])(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])/((?:19|20)\d\d)(?![\d/])")
#: A news outlet named just before an ambiguous date line whose own convention is day first, which
#: decides it where the text's days do not: Syria's state agency SANA ("Aleppo, SANA – 10/11/2015")
#: and the Syrian outlets that write Arabic first ("Syria TV – 8/2/2023").
_DAY_FIRST_SOURCE = re.compile(r"\b(?:SANA|Syrian Arab News Agency|Syria TV|Enab Baladi|Zaman al-Wasl|Step News|SMART(?: News)?"
                               r"|Orient News|Qasioun(?: News)?|Halab Today|Baladi News|Shaam News|Hawar News|ANHA|North Press)\b[^\n\w]*$")
#: A written day this many days before one reading of an ambiguous date, and not the other, decides it.
_AMBIGUOUS_EVIDENCE_DAYS = 45
#: The first weekdays a text names are its news days: the day it was published or the day before.
_LEAD_WEEKDAYS = 2


#: A numeric date with a two-digit year ("10.26.24"): in running text such numbers may be anything,
#: after a publication label (:data:`_PUBLISHED_ON`: "Published: 10.26.24, 09:12") a date of this century.
_SHORT_NUMERIC_DATE = re.compile(r"(?<![0-9./-])(0?[1-9]|[12][0-9]|3[01])([./-])(0?[1-9]|[12][0-9]|3[01])\2([0-9]{2})(?![0-9./-])")


def _ambiguous_numeric_date(text: str, head: str) -> tuple[int, int, dt.date] | None:
    """A date line such as "Published: 07/03/2023" or "Published: 10.26.24", read day first or
    month first as its numbers allow, else as the days the text writes out say: a report of 7
    March 2023 tells of "February 19", not of June; else as the weekdays its lead names say: a
    report of Thursday 3 April says "said Thursday". None when neither tells the two readings
    apart: a guessed date would be an invented one."""
    m = _AMBIGUOUS_NUMERIC.search(head) if "/" in head else None  # most headers have no slash at all
    if m is not None:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = next((m for m in _SHORT_NUMERIC_DATE.finditer(head)
                  if _PUBLISHED_ON.search(head, max(0, m.start() - 30), m.start())), None)
        if m is None:
            return None
        a, b, year = int(m.group(1)), int(m.group(3)), 2000 + int(m.group(4))
    readings = [make_date(year, b, a), make_date(year, a, b)]  # day first, month first
    if readings[0] is None or readings[1] is None or a == b:
        only = readings[0] or readings[1]
        return (m.start(1), m.end(), only) if only else None
    start = m.start(1)
    body = text[m.end():m.end() + 5000]
    gaps = [_days_after_written_days(body, reading) for reading in readings]
    fits = [gap is not None and gap <= _AMBIGUOUS_EVIDENCE_DAYS for gap in gaps]
    if fits[0] == fits[1]:  # else the weekdays of its lead: "said Thursday" is of a Thursday's report, or a Friday's
        weekdays = set(islice(iter_weekdays(body), _LEAD_WEEKDAYS))
        fits = [any((reading.weekday() - weekday) % 7 <= 1 for weekday in weekdays) for reading in readings]
    if fits[0] == fits[1]:
        if _DAY_FIRST_SOURCE.search(head[max(0, start - 40):start]):
            return start, m.end(), readings[0]  # "Aleppo, SANA – 10/11/2015": SANA writes day first
        return None
    return start, m.end(), readings[0] if fits[0] else readings[1]


def _days_after_written_days(text: str, day: dt.date) -> int | None:
    """How many days ``day`` comes after the latest day written out in ``text`` on or before it."""
    best = None
    for month, number, written_year in iter_written_days(text):
        years = [written_year] if written_year else [day.year, day.year - 1]
        for year in years:
            try:
                written = dt.date(year, month, number)
            except ValueError:
                continue
            if written <= day:
                gap = (day - written).days
                best = gap if best is None else min(best, gap)
                break
    return best


def parse_published(value: Any, where: str, *, quiet: bool = False) -> dt.date | None:
    """A record's ``published`` value: a date or datetime (pandas Timestamps too), an ISO
    string, a written date, else dateparser; None (with a warning naming ``where``) otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and any(c.isdigit() for c in value):  # no digits, no absolute date
        m = _ISO_START.match(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
        for _start, _end, date in iter_full_dates(value):
            return date
        date = _dateparser_date(value)
        if date is not None:
            return date
    if not quiet:
        log.warning("%s: cannot read the published date %r; ignored", where, value)
    return None


def _dateparser_date(value: str) -> dt.date | None:
    """Last resort for odd date strings; absolute dates only, never "2 days ago" from now."""
    try:
        import dateparser

        parsed = dateparser.parse(
            value[:200],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except Exception:  # noqa: BLE001 - dateparser can fail on odd input; the date is optional
        return None
    return parsed.date() if parsed is not None else None


_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_UPPER = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:[ ][{_UPPER}][{_UPPER}'’.\-]*){{0,3}}(?:/[{_UPPER}][{_UPPER}'’.\-]+)?"
#: A lower-case Arabic article glued to a word of a place's name: "Deir ez-Zor", "Ras al-Ain".
_GLUED_ARTICLE = r"(?:[ae][lnrsdtz]|ash|ath|adh)[\-‐]"
_PLACE_TITLE = rf"[{_UPPER}][\w'’.\-]+(?:[ ](?:{_GLUED_ARTICLE})?[{_UPPER}][\w'’.\-]+){{0,3}}"
_QUALIFIER = rf"(?:,[ ]+[{_UPPER}][\w'’.\-]+(?:[ ][{_UPPER}][\w'’.\-]+){{0,2}})?"
_QUALIFIER_REQUIRED = rf",[ ]+[{_UPPER}][\w'’.\-]+(?:[ ][{_UPPER}][\w'’.\-]+){{0,2}}"
#: A date after a dateline's place: "BEIRUT, March 3", "Amman, May 7, 2019"; optional before an
#: agency or a dash, required when the place and the date stand alone on their line.
_DATE_WHEN = rf",?[ ]+(?i:{_MONTH_WORDS})\.?[ ]+[0-9]{{1,2}}(?:,[ ]+[0-9]{{4}})?"
_WHEN = rf"(?:{_DATE_WHEN})?"
#: A date written day first after a dateline's place: "Amman/Brussels, 7 May 2019 -".
_DAY_FIRST_WHEN = rf",[ ]+[0-9]{{1,2}}[ ]+(?i:{_MONTH_WORDS})\.?(?:,?[ ]+[0-9]{{4}})?"
#: An agency, or a date: "(AP)", "(March 3, 2019)", "(North Press)"; not where the place lies: "Harem
#: (northern Idlib countryside): 90 buildings collapsed" is a list's entry, not a dateline.
_AGENCY = (r"\((?![^)\n]*\b(?:(?i:countryside|province|governorate|district|sub-?district|region|city|town|village"
           r"|rural|outskirts)|northern|southern|eastern|western|north|south|east|west)\b)[A-Za-z][\w .,&'’/\-]{0,40}\)")
#: News agencies that make "PLACE (Agency)" a dateline even without a dash after it.
_KNOWN_AGENCY = (
    r"\((?i:reuters|afp|ap|associated[ ]press|sana|anadolu(?:[ ]agency)?|aa|sputnik|dpa|upi|xinhua|irna"
    r"|tass|ria[ ]novosti|ians|ani|efe|ansa|kyodo|bna|kuna|wam|spa|petra|nna|ahram[ ]online|cnn|bbc"
    r"|al[ ]jazeera|smart|step|anha|hawar|qna|mena|trt|ifp|ipa|xinhua[ ]news[ ]agency|dha|ihlas)\)"
)
_SEPARATOR = r"(?::|--|[\-–—])"
_ENDING = rf"(?:{_AGENCY}[ ]*{_SEPARATOR}|{_KNOWN_AGENCY}[ ]*{_SEPARATOR}?)"
_DATELINE = re.compile(
    r"[ \t]*(?:"
    rf"(?P<upper>{_PLACE_UPPER}){_QUALIFIER}{_WHEN}[ ]*(?:{_ENDING}|{_SEPARATOR})"
    rf"|(?P<title>{_PLACE_TITLE}){_QUALIFIER}{_WHEN}[ ]*{_ENDING}"
    rf"|(?P<titled>{_PLACE_TITLE}){_QUALIFIER_REQUIRED}{_WHEN}[ ]*{_SEPARATOR}"
    rf"|(?P<dated>{_PLACE_TITLE}(?:/{_PLACE_TITLE})?){_QUALIFIER}{_DAY_FIRST_WHEN}[ ]*{_SEPARATOR}"
    rf"|(?P<alone>{_PLACE_UPPER}){_QUALIFIER}(?:{_DATE_WHEN}|{_DAY_FIRST_WHEN})(?=[ \t]*$)"
    r")(?=[ \t]|$)[ \t]*",
    re.MULTILINE,
)
#: Upper-case labels that open a line like a dateline but are not places.
_NOT_PLACES = frozenset(
    {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTO", "PHOTOS", "OPINION",
     "ANALYSIS", "LIVE", "NOTE", "EDITOR'S", "EDITOR’S", "WARNING", "FACTBOX", "CORRECTION", "REPORT",
     "SUMMARY", "URGENT", "ALERT", "FEATURE", "INTERVIEW", "COMMENT", "EDITORIAL", "FILE", "SOURCE",
     "SOURCES", "BY", "READ", "MORE", "ALSO", "NEWS", "TOP", "Q&A", "FAQ", "NB", "PS", "AP", "AFP"}
)  # fmt: skip


def dateline_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of a leading dateline ("DAMASCUS:", "BEIRUT (Reuters) -", "IDLIB, Syria —")
    on one of the first lines of ``text``, else None. Pure."""
    if not isinstance(text, str) or not text:
        return None
    head = _header(text)
    end = -1
    for line in head.split("\n"):
        start, end = end + 1, end + 1 + len(line)
        if not line.strip():
            continue
        m = _DATELINE.match(head, start, end)
        if m is None:
            continue
        place = m.group("upper") or m.group("title") or m.group("titled") or m.group("dated") or m.group("alone")
        if any(word.strip(".-") in _NOT_PLACES for word in place.upper().replace("-", " ").split()):
            continue
        if m.group("dated") and _opens_a_date_line(place.split()[0].lower()):
            continue  # "On 5 May 2019 -", "Monday, 7 May -", "Published, 3 February 2019 -"
        return start + (len(line) - len(line.lstrip())), m.end()
    return None


def _opens_a_date_line(word: str) -> bool:
    """True for a word that opens a line before its date without being a place: a preposition or a
    publishing word, not one that is also an Arabic article ("As Sweida, 3 May -"), or a weekday."""
    return (word in _EVENT_PREPOSITIONS or word in _PUBLISHING_WORDS) and word not in ARTICLES \
        or _WEEKDAY_BEFORE.fullmatch(word) is not None


#: A dateline inside a page whose lines were run together: a place in capitals before a known
#: agency in brackets ("… Get short URL. DAMASCUS (Sputnik) The army …").
_INLINE_DATELINE = re.compile(
    rf"(?<![\w'’.\-])(?P<upper>[{_UPPER}][{_UPPER}'’\-]+(?:[ ][{_UPPER}][{_UPPER}'’\-]+){{0,3}}){_QUALIFIER}[ ]*{_KNOWN_AGENCY}")
#: Every inline dateline ends with one of these. Most texts have none, and looking for them skips
#: from bracket to bracket, where :data:`_INLINE_DATELINE` tries itself at every character.
_KNOWN_AGENCY_SEARCH = re.compile(_KNOWN_AGENCY).search


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Every dateline of ``text``: the leading one (:func:`dateline_span`) and those a flattened
    page carries further in, in text order. Pure."""
    lead = dateline_span(text)
    spans = [lead] if lead else []
    if isinstance(text, str) and _KNOWN_AGENCY_SEARCH(text):
        for m in _INLINE_DATELINE.finditer(text):
            inside_lead = lead is not None and m.start() < lead[1]
            if not inside_lead and not any(word.strip(".-") in _NOT_PLACES for word in m.group("upper").split()):
                spans.append((m.start(), m.end()))
    return spans


def dateline_end(text: str) -> int:
    """End offset of a leading dateline (the place a report was filed from), 0 if none.

    Mentions that start before this offset are where the report was filed, not events.
    """
    span = dateline_span(text)
    return span[1] if span else 0
