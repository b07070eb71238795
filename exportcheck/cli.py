"""The command line: parse options -> call the API -> render -> exit code.

One error boundary (:class:`_Group`): an :class:`InputError` prints its diagnostics on stderr
and exits 2; any other exception prints "internal error" and exits 2 (the traceback only with
``--debug``). Heavy modules are imported inside commands so ``--version`` stays fast.
"""

from __future__ import annotations

import datetime as dt  # already imported by click: free at start-up
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from exportcheck import __version__

if TYPE_CHECKING:  # imported lazily at run time: start-up is a measured target
    from collections.abc import Callable
    from pathlib import Path

    from exportcheck.kb import KnowledgeBase
    from exportcheck.model import Lang
    from exportcheck.progress import Progress

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it; never 1 (a profile reached --fail-on)

LANG = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of prose output.",
)


def lang_of(value: str) -> Lang:
    """The --lang choice, typed for the renderers."""
    return "zh" if value == "zh" else "en"


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A YYYY-MM-DD date that says what is wrong: the form, or a day the calendar lacks
    (click's DateTime called 2023-02-30 a format mismatch)."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        text = str(value)
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            self.fail(f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2025-07-15", param, ctx)
        try:
            return dt.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            self.fail(f"{text} is not a calendar date: check the month and the day", param, ctx)


AS_OF = click.option(
    "--as-of",
    type=IsoDate(),
    default=None,
    help="Use the catalogue in force on this date (YYYY-MM-DD). Default: today.",
)
FAIL_ON = click.option(
    "--fail-on",
    type=click.Choice(["prohibited", "licence-required", "review", "never"]),
    default="review",
    show_default=True,
    help="Exit 1 when a profile's decision reaches this level.",
)
VERSION = click.option(
    "--catalog-version",
    "catalog_version",
    default=None,
    help="Use this catalogue version id (e.g. 2023) instead of a date.",
)
CATALOG = click.option(
    "--catalog",
    "catalog_dir",
    type=click.Path(file_okay=False),
    callback=lambda _ctx, _param, value: as_path(value),
    default=None,
    help="Catalogue directory (default: the bundled one).",
)
RULES = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    callback=lambda _ctx, _param, value: as_path(value),
    default=None,
    help="Rules directory (default: the bundled one).",
)


def as_output(value: str | None) -> Path | None:
    """``--output``: a file, or ``-`` for standard output (as ``-`` means stdin for inputs)."""
    return None if value == "-" else as_path(value)


def as_path(value: str | None) -> Path | None:
    """click option callback: a ``Path`` (pathlib is imported only when an option is used)."""
    if value is None:
        return None
    from pathlib import Path

    return Path(value)


OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    callback=lambda _ctx, _param, value: as_output(value),
    default=None,
    help="Write the report to this file (atomically) instead of stdout ('-': stdout).",
)


def print_diagnostics(diagnostics: Any) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)


_LAZY_COMMANDS = {
    "catalog": "exportcheck.cli_catalog:catalog",
    "validate": "exportcheck.cli_validate:validate",
    "test": "exportcheck.cli_test:test",
    "impact": "exportcheck.cli_test:impact",
}


class _Group(click.Group):
    """The single error boundary; subcommands in other modules are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *_LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        import importlib

        module, _, attr = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        from exportcheck.errors import InputError

        try:
            return super().invoke(ctx)
        except InputError as exc:
            print_diagnostics(exc.diagnostics)
            ctx.exit(EXIT_ERROR)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:  # Ctrl-C: not exit 1, which means a profile reached --fail-on
            click.echo("exportcheck: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # e.g. piped into `head`
            sys.stderr.close()
            ctx.exit(EXIT_OK)
        except OSError as exc:  # the environment, not a bug: a full disk, a vanished file…
            where = f" ({exc.filename})" if exc.filename else ""
            click.echo(f"exportcheck: {exc.strerror or exc}{where}", err=True)
            ctx.exit(EXIT_ERROR)
        except Exception as exc:  # the boundary: a bug must not show a traceback to users
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"exportcheck: internal error: {type(exc).__name__}: {exc} "
                "(run with --debug for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exportcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check technology profiles against China's Catalogue of Technologies Prohibited or
    Restricted from Export (中国禁止出口限制出口技术目录)."""
    ctx.obj = {"debug": debug}


def knowledge_base(catalog_dir: Path | None, rules_dir: Path | None) -> KnowledgeBase:
    from exportcheck.cache import cached_knowledge_base

    return cached_knowledge_base(catalog_dir, rules_dir)


def _as_date(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    import datetime as dt

    when = value.date()
    if when > dt.date.today():
        click.echo(
            f"exportcheck: warning: --as-of {when.isoformat()} is in the future; "
            "using the latest encoded catalogue version",
            err=True,
        )
    return when


def emit(content: str, output: Path | None) -> None:
    if output is None:
        click.echo(content, nl=False)
    else:
        from exportcheck.output import write_atomic

        write_atomic(output, content)


def _progress_bar(paths: tuple[str, ...], output: Path | None) -> Progress:
    """A progress bar on the terminal; the total comes from a first walk of the inputs, which
    only counts (a bad path is reported by the run itself)."""
    from exportcheck.api import discover_profiles
    from exportcheck.errors import InputError
    from exportcheck.progress import Progress

    try:
        total: int | None = sum(1 for _ in discover_profiles(paths, output=output))
    except InputError:
        total = None
    return Progress(total, lambda text: click.echo(text, err=True, nl=False))


def _read_stdin_if_needed(paths: tuple[str, ...]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


@cli.command()
@click.argument("profiles", nargs=-1, required=True)
@AS_OF
@VERSION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl", "markdown", "sarif"]),
    default="text",
    show_default=True,
)
@FAIL_ON
@OUTPUT
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for large batches (default: all cores).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse profiles larger than this many bytes (default: 2 MiB).",
)
@LANG
@CATALOG
@RULES
def check(
    profiles: tuple[str, ...],
    as_of: dt.datetime | None,
    catalog_version: str | None,
    fmt: str,
    fail_on: str,
    output: Path | None,
    jobs: int | None,
    max_bytes: int | None,
    lang: str,
    catalog_dir: Path | None,
    rules_dir: Path | None,
) -> None:
    """Check PROFILE... (files, directories or - for stdin) against the catalogue."""
    from exportcheck.batch import write_check
    from exportcheck.report import FailOn, exit_code

    if as_of is not None and catalog_version is not None:
        raise click.UsageError("give --as-of or --catalog-version, not both")
    kb = knowledge_base(catalog_dir, rules_dir)
    progress = _progress_bar(profiles, output) if sys.stderr.isatty() else None
    options: dict[str, Any] = {
        "fmt": fmt,
        "lang": lang,
        "as_of": _as_date(as_of),
        "version_id": catalog_version,
        "stdin": _read_stdin_if_needed(profiles),
        "jobs": jobs,
        "max_bytes": max_bytes,
        "progress": progress,
    }
    try:
        if fmt == "jsonl":  # one line per profile: stream it, memory stays flat
            from exportcheck.batch import stream_check
            from exportcheck.output import atomic_stream

            with atomic_stream(output) as write:
                decisions, warnings = stream_check(kb, profiles, write, output=output, **options)
        else:
            decisions, warnings = write_check(kb, profiles, output, **options)
    finally:
        if progress is not None:
            progress.close()
    print_diagnostics(warnings)
    sys.exit(exit_code(decisions, FailOn(fail_on)))


@cli.command()
@click.argument("profile")
@click.option(
    "--entry",
    "entry_ref",
    default=None,
    help="Explain this entry (CODE, CODE#N, or an entry id), matched or not.",
)
@AS_OF
@VERSION
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@FAIL_ON
@LANG
@CATALOG
@RULES
def explain(
    profile: str,
    entry_ref: str | None,
    as_of: dt.datetime | None,
    catalog_version: str | None,
    fmt: str,
    fail_on: str,
    lang: str,
    catalog_dir: Path | None,
    rules_dir: Path | None,
) -> None:
    """Explain why PROFILE gets its decision, or why an entry did (not) match. Exits as
    check does: 1 when the decision reaches --fail-on."""
    if as_of is not None and catalog_version is not None:
        raise click.UsageError("give --as-of or --catalog-version, not both")
    from exportcheck.api import catalogue_context, check_profile, explain_entry, load_profiles
    from exportcheck.errors import InputError
    from exportcheck.render import explain as render_explain
    from exportcheck.report import FailOn, exit_code

    kb = knowledge_base(catalog_dir, rules_dir)
    loaded, problems = load_profiles([profile], kb, stdin=_read_stdin_if_needed((profile,)))
    if problems:
        raise InputError(problems)
    context = catalogue_context(kb, as_of=_as_date(as_of), version_id=catalog_version)
    result = check_profile(kb, loaded[0], context.version.id)
    why_not = explain_entry(kb, loaded[0], entry_ref, context) if entry_ref else None
    render: Callable[..., str] = (
        render_explain.render_json if fmt == "json" else render_explain.render
    )
    click.echo(render(result, context, why_not, kb=kb, lang=lang), nl=False)
    sys.exit(exit_code([result.decision], FailOn(fail_on)))


@cli.command()
@click.argument(
    "name",
    type=click.Choice(["profile", "catalog", "regime", "vocabulary", "rules", "test", "output"]),
)
def schema(name: str) -> None:
    """Print a bundled JSON Schema (Draft 2020-12)."""
    from exportcheck.schema import schema_text

    click.echo(schema_text(name), nl=False)


def main() -> NoReturn:
    """The console script: run the command, then leave without the interpreter's teardown."""
    _tolerate_narrow_encodings()
    _terminate_cleanly()
    try:
        cli.main(prog_name="exportcheck")
        status = 0
    except SystemExit as exc:
        status = _exit_status(exc.code)
    hard_exit(status)


def _terminate_cleanly() -> None:
    """SIGTERM (a CI timeout, a container stopping) unwinds like Ctrl-C, so the temporary
    file of an --output report is removed instead of left behind; either one is remembered,
    should Python drop its exception (see exportcheck.interrupts)."""
    from exportcheck import interrupts

    interrupts.install()


def _tolerate_narrow_encodings() -> None:
    """A stream that cannot hold every character (PYTHONIOENCODING=ascii, a legacy code page)
    shows the rest as escapes instead of failing halfway through a report. In JSON the
    escapes (\\u4e2d) even keep the document valid."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    click.echo(str(code), err=True)  # what sys.exit("message") would have printed
    return 1


def hard_exit(status: int) -> NoReturn:
    """Exit once the output is complete, skipping the interpreter's teardown: its final
    garbage collection over the knowledge base and the freeing of every object and module
    cost ~20 ms of a ~100 ms one-profile check (mypy's main exits the same way). atexit
    handlers still run, and the standard streams are flushed first."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away; a closed stream
            pass
        except OSError as exc:  # the last buffered output could not be written
            from exportcheck.output import cannot_write

            print_diagnostics(
                cannot_write(f"<{stream.name.strip('<>')}>", exc, stream=True).diagnostics
            )
            status = EXIT_ERROR
    os._exit(status)
