"""Safe reading of YAML and JSON documents, keeping positions.

PyYAML's default resolvers are YAML 1.1: ``NO`` becomes ``False`` (Norway), ``06`` becomes
``6`` (a sector code), ``2020-08-28`` becomes a ``date``, duplicate keys silently keep the last
value and aliases can expand a few hundred bytes into gigabytes. This loader composes the node
graph with libyaml (pure Python when libyaml is missing) and builds plain data itself with
YAML-1.2-like scalars, refusing tags, duplicate keys, recursive aliases and alias expansion past
a budget. The node graph is kept so any later stage can turn a data path into ``file:line:col``
without paying for positions up front.

JSON goes through :func:`json.loads` (about 30x faster than YAML); positions for a JSON
document are computed lazily by composing it as YAML, only when a message needs one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError
from exportcheck.msgspeclib import msgspec
from exportcheck.yamllib import yaml

if TYPE_CHECKING:
    from exportcheck.paths import StrPath

MappingNode = yaml.nodes.MappingNode
Node = yaml.nodes.Node
ScalarNode = yaml.nodes.ScalarNode
SequenceNode = yaml.nodes.SequenceNode

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = frozenset({_STR, _SEQ, _MAP})
_DEFAULT_TAGS = {ScalarNode: _STR, SequenceNode: _SEQ, MappingNode: _MAP}

# The *Base* loaders have no implicit resolvers: every scalar arrives as a string node, and
# we resolve plain scalars ourselves. libyaml is ~9x faster; the pure-Python one gives the
# same nodes.
_Composer: type[yaml.BaseLoader] | type[yaml.CBaseLoader]
try:

    class _LibyamlComposer(yaml.CBaseLoader):
        def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
            # The base resolver has no implicit resolvers, so every node gets its kind's
            # default tag; a lookup instead of its generic walk (libyaml asks once per node).
            return _DEFAULT_TAGS[kind]

    _Composer = _LibyamlComposer
    HAVE_LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Composer = yaml.BaseLoader
    HAVE_LIBYAML = False

DataPath = tuple[str | int, ...]

PROFILE_MAX_BYTES = 2 * 1024 * 1024
DATA_MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
ALIAS_EXPANSION_LIMIT = 10_000  # nodes an alias may re-expand, summed over the document


_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    ".inf": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    ".nan": math.nan,
}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Plain scalars YAML 1.1 reads as booleans or octal numbers, but this loader as text.
_YAML11_BOOLS = frozenset(
    "y Y yes Yes YES n N no No NO on On ON off Off OFF".split()  # noqa: SIM905 - a word list
)
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class Document(msgspec.Struct, frozen=True):
    """A loaded document: plain data plus a way back to positions."""

    path: str
    data: Any
    locator: Callable[[DataPath], tuple[int, int]]
    # Plain scalars that YAML 1.1 readers would read differently (``NO`` -> false, ``06`` ->
    # 6): (line, column, text). Read here as written; callers may warn.
    ambiguous: tuple[tuple[int, int, str], ...] = ()
    # Position of a character inside a string value: (path, offset) -> (line, column).
    offset_locator: Callable[[DataPath, int], tuple[int, int]] | None = None
    # Position of the key of the mapping entry at a path (an unknown key is reported there).
    key_locator: Callable[[DataPath], tuple[int, int]] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # The node graph stays behind (it is large and not picklable); positions were
        # already taken where they matter (evidence), so a copy answers with the start.
        return (Document, (self.path, self.data, _file_start, self.ambiguous, None))

    def pos(self, path: Sequence[str | int] = ()) -> SourcePos:
        """Position of the value at ``path`` (the closest existing ancestor if it is absent)."""
        line, column = self.locator(tuple(path))
        return SourcePos(self.path, line, column)

    def key_pos(self, path: Sequence[str | int]) -> SourcePos:
        """Position of the key whose entry is at ``path`` (its value's position if unknown)."""
        if self.key_locator is None:
            return self.pos(path)
        line, column = self.key_locator(tuple(path))
        return SourcePos(self.path, line, column)

    def pos_in(self, path: Sequence[str | int], offset: int) -> SourcePos:
        """Position of character ``offset`` of the string at ``path``: exact in block and
        one-line scalars, and in folded or multi-line ones at the start of each run of
        non-blank characters; behind an escape that changes the text, the scalar's start."""
        if self.offset_locator is None:
            return self.pos(path)
        line, column = self.offset_locator(tuple(path), offset)
        return SourcePos(self.path, line, column)


def _file_start(_path: DataPath) -> tuple[int, int]:
    return 1, 1


def resolve_plain(value: str) -> Any:  # noqa: PLR0911 - one return per YAML scalar kind
    """YAML-1.2-core-like resolution of a plain (unquoted) scalar.

    Deliberate differences from YAML 1.2: integers with leading zeros (``06``, ``0777``) and
    hexadecimal/octal forms stay strings, because in this domain they are codes.
    """
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and any(c in value for c in ".eE"):
        return float(value)
    special = _SPECIAL_FLOATS.get(value.lower())
    if special is not None:
        return special
    return value


def _error(  # noqa: PLR0917 - mirrors Diagnostic's fields; private
    path: str, code: str, name: str, message: str, line: int, column: int, hint: str | None = None
) -> InputError:
    return InputError([Diagnostic(code, name, message, SourcePos(path, line, column), hint)])


def _node_pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node graph into plain data, enforcing the safety rules."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.sizes: dict[int, int] = {}
        self.built: set[int] = set()
        self.expanded = 0
        self.ambiguous: list[tuple[int, int, str]] = []

    def fail(self, node: Node, code: str, name: str, message: str, hint: str | None = None) -> None:
        raise _error(self.path, code, name, message, *_node_pos(node), hint=hint)

    def size(self, node: Node, stack: set[int]) -> int:
        """Number of nodes below ``node`` with aliases expanded; detects recursion."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in stack:
            self.fail(
                node,
                "E105",
                "recursive-alias",
                "an alias refers to a node that contains it",
                "remove the anchor/alias cycle; exportcheck documents are trees",
            )
        stack.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(self.size(child, stack) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(self.size(k, stack) + self.size(v, stack) for k, v in node.value)
        stack.discard(key)
        self.sizes[key] = total
        return total

    def build(self, node: Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            self.fail(
                node,
                "E110",
                "too-deep",
                f"nesting deeper than {MAX_DEPTH} levels",
                "flatten the document",
            )
        if id(node) in self.built:  # an alias: the same node object again
            self.expanded += self.size(node, set())
            if self.expanded > ALIAS_EXPANSION_LIMIT:
                self.fail(
                    node,
                    "E104",
                    "alias-limit",
                    f"aliases expand to more than {ALIAS_EXPANSION_LIMIT} nodes",
                    "write the values out instead of nesting aliases",
                )
        self.built.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            self.fail(
                node,
                "E103",
                "tag-refused",
                f"YAML tag {node.tag!r} is not allowed",
                "remove the tag; exportcheck reads plain strings, numbers, lists and mappings",
            )
        if isinstance(node, ScalarNode):
            plain = not node.style  # libyaml reports plain style as '', Python as None
            if not plain:
                return node.value
            if node.value in _YAML11_BOOLS or _LEADING_ZERO.fullmatch(node.value):
                self.ambiguous.append((*_node_pos(node), node.value))
            try:
                return resolve_plain(node.value)
            except ValueError:  # Python refuses to read integers of more than 4,300 digits
                self.fail(
                    node,
                    "E113",
                    "number-too-long",
                    f"a number written with {len(node.value)} characters",
                    "no measured value needs that many digits; check the file",
                )
        if isinstance(node, SequenceNode):
            return [self.build(child, depth + 1) for child in node.value]
        return self.build_mapping(node, depth)

    def build_mapping(self, node: Node, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "E111", "complex-key", "mapping keys must be plain strings")
            if key_node.tag not in _ALLOWED_TAGS:
                self.fail(
                    key_node, "E103", "tag-refused", f"YAML tag {key_node.tag!r} is not allowed"
                )
            key = key_node.value
            if key in first_seen:
                line, column = _node_pos(first_seen[key])
                self.fail(
                    key_node,
                    "E102",
                    "duplicate-key",
                    f"duplicate key {key!r} (first defined at line {line}, column {column})",
                    "keep one of the two; YAML readers disagree about which one wins",
                )
            first_seen[key] = key_node
            result[key] = self.build(value_node, depth + 1)
        return result


def _locate_in(root: Node | None) -> Callable[[DataPath], tuple[int, int]]:
    def locate(path: DataPath) -> tuple[int, int]:
        return _node_pos(_find_node(root, path)) if root is not None else (1, 1)

    return locate


def _keys_in(root: Node | None) -> Callable[[DataPath], tuple[int, int]]:
    def locate(path: DataPath) -> tuple[int, int]:
        if root is None or not path:
            return 1, 1
        parent = _find_node(root, path[:-1])
        if isinstance(parent, MappingNode):
            for key_node, _value in parent.value:
                if key_node.value == path[-1]:
                    return _node_pos(key_node)
        return _node_pos(_find_node(root, path))

    return locate


def _offsets_in(root: Node | None, text: str) -> Callable[[DataPath, int], tuple[int, int]]:
    lines: list[str] = []  # split on first use: most documents are never asked

    def locate(path: DataPath, offset: int) -> tuple[int, int]:
        if root is None:
            return 1, 1
        node = _find_node(root, path)
        if not lines:
            lines.extend(text.split("\n"))
        return _offset_pos(node, lines, text, offset)

    return locate


def _offset_pos(node: Node, lines: list[str], text: str, offset: int) -> tuple[int, int]:
    line, column = node.start_mark.line, node.start_mark.column  # 0-based
    if not isinstance(node, ScalarNode) or not 0 <= offset <= len(node.value):
        return line + 1, column + 1
    value: str = node.value
    if node.style == "|":
        # Content starts on the line after the indicator, every line at the block's
        # indentation: the explicit one (|2: the header line's indentation plus 2), else
        # that of its first non-blank line.
        header = _BLOCK_HEADER.match(lines[line], column)
        digit = header.group(1) or header.group(2) if header else None
        if digit:
            indent = len(lines[line]) - len(lines[line].lstrip(" ")) + int(digit)
        else:
            first = next((i for i in range(line + 1, len(lines)) if lines[i].strip()), line + 1)
            indent = len(lines[first]) - len(lines[first].lstrip(" ")) if first < len(lines) else 0
        line_start = value.rfind("\n", 0, offset) + 1
        return line + 2 + value.count("\n", 0, offset), indent + offset - line_start + 1
    quote = 1 if node.style in ("'", '"') else 0
    start = node.start_mark.index + quote
    # (A folded block starts on the line after its indicator: never the simple case.)
    simple = node.style != ">" and "\n" not in value[:offset]
    if simple and text[start : start + offset] == value[:offset]:
        return line + 1, column + quote + offset + 1  # nothing escaped or folded before it
    found = _source_index(value, offset, text, node.start_mark.index, node.end_mark.index)
    if found is None:
        return line + 1, column + 1
    line_start = text.rfind("\n", 0, found) + 1
    return text.count("\n", 0, found) + 1, found - line_start + 1


_NEEDLE = 12  # characters of the value at the offset looked for in the source
_BLOCK_HEADER = re.compile(r"\|([1-9])?[+-]?([1-9])?")


def _source_index(value: str, offset: int, text: str, begin: int, end: int) -> int | None:
    """Where ``value[offset]`` stands in the source of a folded, multi-line plain or quoted
    scalar. Folding and line joins change only whitespace, so the run of non-blank
    characters at the offset is written out in the source: its n-th occurrence in the value
    is its n-th in the source. (Not found, e.g. behind an escape: None.)"""
    stop = offset
    while stop < len(value) and stop - offset < _NEEDLE and not value[stop].isspace():
        stop += 1
    needle = value[offset:stop]
    if not needle:
        return None
    nth, at = 0, value.find(needle)
    while -1 < at < offset:
        nth += 1
        at = value.find(needle, at + 1)
    if at != offset:
        return None
    found = text.find(needle, begin, end)
    for _ in range(nth):
        if found < 0:
            return None
        found = text.find(needle, found + 1, end)
    return found if found >= 0 else None


def _find_node(root: Node, path: DataPath) -> Node:
    """The node at ``path``, or the closest existing ancestor."""
    node = root
    for step in path:
        child: Node | None = None
        if isinstance(node, MappingNode) and isinstance(step, str):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    child = value_node
                    break
        elif (
            isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value)
        ):
            child = node.value[step]
        if child is None:
            break
        node = child
    return node


_BRACKETS = re.compile(r"[\[\]{}]")
_BLOCK_RUN = re.compile(rf"(?:[-?] +){{{MAX_DEPTH + 1},}}")
_NAIVE_DEPTH_LIMIT = 1000


def _check_nesting(text: str, path: str) -> None:
    """Refuse absurd nesting *before* libyaml's recursive composer sees it.

    libyaml's composer recurses per level and crashes the process somewhere past ~20,000
    levels; a 2 MiB file of ``[`` is 2 million. Counting is cheap, so only a document with
    many brackets pays for the scan. Brackets inside quoted strings are counted too, which can
    only make this check stricter for absurd documents.
    """
    too_deep = f"nesting deeper than {MAX_DEPTH} levels"
    if text.count("[") + text.count("{") > _NAIVE_DEPTH_LIMIT:
        depth = 0
        for match in _BRACKETS.finditer(text):
            depth += 1 if match.group() in "[{" else -1
            if depth > _NAIVE_DEPTH_LIMIT:
                raise _error(path, "E110", "too-deep", too_deep, *_line_col(text, match.start()))
    # A block-nesting run needs more than MAX_DEPTH indicators; counting them is ~40x cheaper
    # than the regex search, which ordinary documents then skip.
    if text.count("- ") + text.count("? ") <= MAX_DEPTH:
        return
    run = _BLOCK_RUN.search(text)
    if run:
        raise _error(path, "E110", "too-deep", too_deep, *_line_col(text, run.start()))


def _compose(text: str, path: str) -> Node | None:
    _check_nesting(text, path)
    loader = _Composer(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        hint = None
        if "\t" in problem or "tab" in problem:
            hint = "indent with spaces, not tabs"
        elif "expected a single document" in (exc.context or ""):
            problem = "more than one YAML document in the file"
            hint = "keep one document per file (remove the extra '---')"
        raise _error(path, "E101", "syntax-error", problem, line, column, hint) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reads UTF-8: its position is a byte offset into the encoded text.
        encoded = text.encode("utf-8", "surrogatepass")[: exc.position]
        where = _line_col(text, len(encoded.decode("utf-8", "ignore")))
        char = f"U+{exc.character:04X} " if isinstance(exc.character, int) else ""
        problem = f"{exc.reason} ({char.strip() or 'a character'})"
        hint = "remove the character, or write it as an escape in a double-quoted string"
        raise _error(path, "E101", "syntax-error", problem, *where, hint) from None
    except yaml.YAMLError as exc:
        raise _error(path, "E101", "syntax-error", str(exc).splitlines()[0], 1, 1) from None
    finally:
        loader.dispose()


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_WIDE_MARKS = (
    ("32", (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")),
    ("16", (b"\xff\xfe", b"\xfe\xff")),
)


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (a BOM is allowed), no NUL bytes."""
    # (The UTF-32 marks first: UTF-32 LE starts with the UTF-16 LE mark and two zero bytes.)
    width = next((w for w, marks in _WIDE_MARKS if raw.startswith(marks)), None)
    if width:
        raise _error(
            path, "E107", "bad-encoding", f"the file is UTF-{width}", 1, 1, "save the file as UTF-8"
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_col(good, len(good))
        raise _error(
            path,
            "E107",
            "bad-encoding",
            f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
            line,
            column,
            "save the file as UTF-8",
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise _error(
            path,
            "E108",
            "nul-byte",
            "the file contains a NUL byte",
            *_line_col(text, nul),
            hint="is this a binary file?",
        )
    return text


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def load_text(text: str, path: str, *, is_json: bool = False) -> Document:
    """Load one document from text.

    JSON (``is_json``, or text that starts with ``{``) goes through the fast JSON parser first;
    a JSON syntax error is reported as such for ``is_json`` and otherwise retried as YAML.
    """
    if is_json or text.lstrip().startswith("{"):
        import json  # here: a YAML profile's check never needs it (~1.4 ms of start-up)

        try:
            data = json.loads(text, object_pairs_hook=_json_pairs, parse_constant=_refuse_constant)
        except json.JSONDecodeError as exc:
            if is_json:
                raise _error(path, "E101", "syntax-error", exc.msg, exc.lineno, exc.colno) from None
        except (ValueError, RecursionError):
            # A duplicate key, NaN, an integer too long to read or absurd nesting: the YAML
            # path below reports it with its position.
            pass
        else:
            lone = _lone_surrogate(text)
            if lone is None and not _too_deep(text, data):
                locate, locate_offset, locate_key = _lazy_locators(text)
                return Document(path, data, locate, (), locate_offset, locate_key)
            if lone is not None and is_json:
                raise _error(
                    path,
                    "E107",
                    "bad-encoding",
                    f"{text[lone : lone + 6]} is half of a UTF-16 surrogate pair, not a character",
                    *_line_col(text, lone),
                    hint="write the character itself, or its full pair (e.g. \\ud83d\\ude00)",
                )
            # Nesting past the limit (or, in text that only looks like JSON, a lone surrogate):
            # the YAML reader below reports it with its position.
    return load_yaml_text(text, path)


def load_yaml_text(text: str, path: str) -> Document:
    """The YAML path alone (JSON text included: JSON is YAML)."""
    if not text.strip():
        raise _error(
            path,
            "E109",
            "empty-document",
            "the document is empty",
            1,
            1,
            "see 'exportcheck schema'",
        )
    root = _compose(text, path)
    if root is None:
        raise _error(path, "E109", "empty-document", "the document is empty", 1, 1)
    builder = _Builder(path)
    data = builder.build(root)
    return Document(
        path,
        data,
        _locate_in(root),
        tuple(builder.ambiguous),
        _offsets_in(root, text),
        _keys_in(root),
    )


def _too_deep(text: str, data: Any) -> bool:
    """Nesting past MAX_DEPTH in parsed JSON (the YAML builder's limit), without recursion;
    only a document with that many brackets can have it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    pending: list[tuple[Any, int]] = [(data, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(node, dict):
            pending.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            pending.extend((value, depth + 1) for value in node)
    return False


# A literal prefix ("\\u"), so the engine skips ahead with a fast substring search.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(text: str) -> int | None:
    """Where the first ``\\uD800``-``\\uDFFF`` escape stands that is not half of a pair
    (json.loads keeps such halves as characters no UTF-8 output can hold), or None."""
    if "\\u" not in text:
        return None  # the common case: JSON written with its characters as they are
    pending_high: int | None = None
    previous_end = -1
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = match.start()
        before = start
        while before > 0 and text[before - 1] == "\\":
            before -= 1
        if (start - before) % 2 == 1:
            continue  # an escaped backslash followed by the letters "uD8..": plain text
        is_high = match.group()[3].lower() in "89ab"  # D800-DBFF: the first half
        if pending_high is not None:
            if not is_high and start == previous_end:
                pending_high = None  # a valid pair
                continue
            return pending_high
        if not is_high:
            return start
        pending_high, previous_end = start, match.end()
    return pending_high


def _lazy_locators(text: str) -> _Locators:
    """Positions in JSON text, found along each path the first time it is asked (see
    exportcheck.jsonpos): the same answers as a YAML document's locators, and exact behind
    escapes too."""
    from exportcheck import jsonpos

    positions = jsonpos.Positions(text)

    def at(index: int | None) -> tuple[int, int]:
        return (1, 1) if index is None else _line_col(text, index)

    def locate(data_path: DataPath) -> tuple[int, int]:
        span = positions.closest(data_path)
        return at(span.start if span else None)

    def locate_offset(data_path: DataPath, offset: int) -> tuple[int, int]:
        span = positions.span(data_path)
        if span is None:
            return locate(data_path)  # its closest ancestor: no offset into another value
        found = jsonpos.string_index(text, span, offset)
        return at(span.start if found is None else found)

    def locate_key(data_path: DataPath) -> tuple[int, int]:
        span = positions.span(data_path)
        if span is not None and span.key >= 0:
            return at(span.key)
        return locate(data_path)

    return locate, locate_offset, locate_key


_Locators = tuple[
    Callable[[DataPath], tuple[int, int]],
    Callable[[DataPath, int], tuple[int, int]],
    Callable[[DataPath], tuple[int, int]],
]


def read_bytes(path: StrPath, display: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise _error(
            display, "E112", "unreadable-file", "is a directory, not a file", 1, 1
        ) from None
    except OSError as exc:
        raise _error(
            display, "E112", "unreadable-file", f"cannot read: {exc.strerror or exc}", 1, 1
        ) from None
    return check_size(raw, display, max_bytes)


def check_size(raw: bytes, display: str, max_bytes: int) -> bytes:
    if len(raw) > max_bytes:
        raise _error(
            display,
            "E106",
            "too-large",
            f"the file is larger than {max_bytes} bytes",
            1,
            1,
            "split it, or raise the limit with --max-bytes",
        )
    return raw


def load_bytes(raw: bytes, display: str, *, max_bytes: int = PROFILE_MAX_BYTES) -> Document:
    text = decode(check_size(raw, display, max_bytes), display)
    return load_text(text, display, is_json=display.endswith(".json"))


def load_file(
    path: StrPath, *, display: str | None = None, max_bytes: int = DATA_MAX_BYTES
) -> Document:
    from exportcheck.paths import printable

    name = display if display is not None else printable(path)
    return load_bytes(read_bytes(path, name, max_bytes), name, max_bytes=max_bytes)
