"""Command line: ``newsread [PATH...]`` opens the reader, ``newsread dump PATH...`` prints articles.

A first argument is read as a subcommand only when it is exactly a subcommand's name (``dump``)
*and* no file or directory of that name exists in the current directory; otherwise every
argument is a path to open. So a file called ``dump`` opens in the reader (``newsread dump``),
and ``newsread ./x.txt`` or ``newsread -- dump`` are never commands.

Subcommands are entries of :data:`COMMANDS` (a name → :class:`Command` dict: help text, a
function that adds its arguments, a function that runs it); options shared by the reader and
every subcommand go in :func:`add_common_options`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tui import __version__
from tui.article import Article, BinaryFileError, collector, load, parse
from tui.article.records import record
from tui.article.sanitize import read_text, shown_name
from tui.library.loader import find_articles
from tui.library.prefetch import prefetch_first
from tui.settings.paths import examples_dir
from tui.web.urls import is_web_url

__all__ = ["COMMANDS", "Command", "main"]


def __getattr__(name: str) -> str:
    """``RULE``, printed between articles when ``dump`` prints several as text or Markdown.

    Built on first use so the reader's start-up does not import the exporters (and textwrap).
    """
    if name == "RULE":
        from tui.article.export import WIDTH

        return "─" * WIDTH
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@record
class Command:
    """A subcommand of ``newsread``."""

    help: str
    """One line for ``newsread --help``."""
    setup: Callable[[argparse.ArgumentParser], None]
    """Adds the subcommand's arguments to its parser."""
    run: Callable[[argparse.Namespace], int]
    """Runs it and returns the exit status."""


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Add the options every mode accepts (the reader and each subcommand).

    Args:
        parser: The parser to extend.
    """
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # SUPPRESS: a subcommand's parser must not reset a --config given before the command.
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="config file to use (default: $NEWSREAD_CONFIG, else config.toml in the "
        "user config folder; see `newsread config path`)",
    )


def _error(message: str) -> None:
    # Paths and config text can hold escape sequences: show them inert, on one line.
    print(f"newsread: {shown_name(message)}", file=sys.stderr)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _dump(args: argparse.Namespace, out: TextIO) -> int:
    from tui.article.export import json_line, to_markdown, to_text

    rule = __getattr__("RULE")
    status = 0
    first = True
    for target, article in _dump_articles(args.paths, args):
        if article is None:
            status = 1
            continue
        if args.format == "json":
            out.write(json_line(article, str(target)) + "\n")
            continue
        if not first:
            out.write(f"\n{rule}\n\n")
        first = False
        out.write(to_markdown(article) if args.format == "markdown" else to_text(article))
    out.flush()
    return status


STDIN = "-"
"""The path ``dump`` reads from standard input (``curl … | newsread dump -``)."""

_MARKDOWN_START = re.compile(r"\A\s*(?:---\s*\n|\+\+\+\s*\n|#{1,6} )")
"""Front matter or an ATX heading first: piped text is read as Markdown."""


def _dump_articles(
    args: Sequence[str], namespace: argparse.Namespace
) -> Iterator[tuple[Path | str, Article | None]]:
    """Each article to dump, in the order given (None, after reporting it, for a failure).

    Paths are found by the reader's own rules (so dump and the sidebar agree); ``-`` is
    standard input, once; an http(s) address is fetched (or, with ``--offline``, read from
    the store) by :mod:`tui.cli.web_commands`, which is imported only then.
    """
    paths: list[Path] = []
    for arg in [*args, None]:
        if arg is not None and arg != STDIN and not is_web_url(arg):
            paths.append(Path(arg))
            continue
        if paths:
            files, skipped = find_articles(paths)
            for path, why in skipped:
                _error(f"cannot read {path}: {why}")
                yield path, None
            for target in files:
                try:
                    yield target, load(target)
                except (OSError, BinaryFileError) as exc:
                    _error(f"cannot read {target}: {_reason(exc)}")
                    yield target, None
            paths = []
        if arg == STDIN:
            yield STDIN, _stdin_article()
        elif arg is not None:
            from tui.cli.web_commands import web_articles

            yield from web_articles([arg], namespace, offline=namespace.offline)


def _stdin_article() -> Article | None:
    """The article piped in; Markdown when it opens with front matter or a heading."""
    try:
        text = read_text(sys.stdin.buffer.read())
    except (OSError, BinaryFileError) as exc:
        _error(f"cannot read standard input: {_reason(exc)}")
        return None
    markdown = _MARKDOWN_START.match(text) is not None
    return parse(text, fmt="markdown" if markdown else "text")


def run_dump(args: argparse.Namespace) -> int:
    """Print each article as text, Markdown or JSON lines (``newsread dump``).

    Args:
        args: Parsed arguments (``paths``, ``format``).

    Returns:
        0, or 1 when any file could not be read (the others are still printed).
    """
    try:
        return _dump(args, sys.stdout)
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def setup_dump(parser: argparse.ArgumentParser) -> None:
    """Add ``dump``'s arguments.

    Args:
        parser: The ``dump`` subparser.
    """
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or directories (searched recursively), http(s) addresses of "
        "pages or feeds; - reads standard input",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network: read addresses from what earlier fetches stored",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format: readable text (default), clean Markdown, or one JSON object per line",
    )


def setup_config(parser: argparse.ArgumentParser) -> None:
    """Add ``config``'s arguments.

    Args:
        parser: The ``config`` subparser.
    """
    parser.add_argument(
        "action",
        choices=("path", "init"),
        help="path: print the config file in use; init: write a commented default config "
        "there (never over an existing file)",
    )


def run_config(args: argparse.Namespace) -> int:
    """``newsread config path|init`` (see :func:`tui.cli.startup.run_config`).

    Args:
        args: Parsed arguments.

    Returns:
        The exit status.
    """
    from tui.cli.startup import run_config as run  # Textual is needed for the binding ids

    return run(args)


def _web_command(name: str) -> Callable[[argparse.Namespace], int]:
    """A web command's runner, imported only when it runs (it is not needed to read files)."""

    def run(args: argparse.Namespace) -> int:
        from tui.cli import web_commands

        result: int = getattr(web_commands, f"run_{name}")(args)
        return result

    return run


def _web_setup(name: str) -> Callable[[argparse.ArgumentParser], None]:
    def setup(parser: argparse.ArgumentParser) -> None:
        from tui.cli import web_commands

        getattr(web_commands, f"setup_{name}")(parser)

    return setup


COMMANDS: dict[str, Command] = {
    "dump": Command(
        help="print articles as text, Markdown or JSON lines", setup=setup_dump, run=run_dump
    ),
    "config": Command(
        help="print the config file's path, or write a default one",
        setup=setup_config,
        run=run_config,
    ),
    "feeds": Command(
        help="add, list, remove, import or export (OPML) feed subscriptions",
        setup=_web_setup("feeds"),
        run=_web_command("feeds"),
    ),
    "refresh": Command(
        help="fetch every subscribed feed, a line per feed and a summary",
        setup=_web_setup("refresh"),
        run=_web_command("refresh"),
    ),
}
"""Subcommands by name."""


def build_command_parser() -> argparse.ArgumentParser:
    """The parser for ``newsread <command> …``.

    Returns:
        A parser whose namespace carries ``run``, the chosen command's function.
    """
    parser = argparse.ArgumentParser(prog="newsread")
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = subparsers.add_parser(name, help=command.help, description=command.help)
        add_common_options(sub)
        command.setup(sub)
        sub.set_defaults(run=command.run)
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    """The parser for ``newsread [PATH...]`` (the reader).

    Returns:
        The parser.
    """
    commands = "\n".join(f"  newsread {name:<8} {cmd.help}" for name, cmd in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="newsread",
        description="A keyboard-first terminal reader for news articles.",
        epilog=f"commands:\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_options(parser)
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or directories to open (default: [library] paths in the "
        "config, else the bundled examples), or an http(s) address of a page or feed",
    )
    parser.add_argument(
        "--bindings",
        action="store_true",
        help="list every key binding id with its default and configured key, and exit",
    )
    parser.add_argument(
        "--list-themes",
        action="store_true",
        help="list the available themes (the configured one marked), and exit",
    )
    return parser


def run_app(args: argparse.Namespace) -> int:
    """Start the reader on the given paths, or on the bundled examples (plus the web shelf).

    Addresses (``newsread URL``) are fetched, stored and put on the web shelf, and the reader
    opens on the first (:mod:`tui.cli.web_app`).

    Args:
        args: Parsed arguments (``paths``).

    Returns:
        The exit status: the app's own (1 when it crashed or no address could be fetched),
        2 for a config problem.
    """
    opened_url: Path | None = None
    if any(is_web_url(path) for path in args.paths):
        from tui.cli.web_app import open_urls

        if any(not is_web_url(path) for path in args.paths):
            _error("give either addresses or files, not both")
            return 2
        from tui.cli.web_commands import CommandError

        try:
            shelf, opened_url = open_urls(args)
        except CommandError as error:  # the config: every fault of it exits 2
            for line in str(error).splitlines():
                _error(line)
            return error.status
        if opened_url is None:
            return 1
        args.paths = [str(path) for path in shelf]
        from tui.library.state import ReadingState

        with ReadingState() as state:  # the app opens the last article read: this one
            state.set_last_opened(opened_url)
    # No cyclic garbage collection until the first frame is painted: start-up makes many
    # long-lived objects and no garbage (see tui.article.collector); the app releases this.
    collector.hold()
    app = None
    # A helper parses the first article on another core while this process imports and
    # builds the UI (tui.library.prefetch); started at once when the paths are on the command line.
    wanted = [Path(p) for p in args.paths]
    quiet = args.bindings or args.list_themes
    prefetch = prefetch_first(wanted) if wanted and not quiet else None
    try:
        from tui.cli.startup import StartupError, bindings_table, load_startup, themes_listing

        try:
            startup = load_startup(getattr(args, "config", None))
        except StartupError as error:
            for problem in error.problems:
                _error(problem)
            return 2
        config = startup.config
        if args.bindings or args.list_themes:
            if args.bindings:
                sys.stdout.write(bindings_table(config))
            if args.list_themes:
                sys.stdout.write(themes_listing(config, startup.path))
            return 0
        paths = wanted or list(config.library.paths) or [examples_dir()]
        if not wanted:  # subscribed feeds join the library as the web shelf's folder
            from tui.cli.web_app import shelf_paths

            paths += [p for p in shelf_paths() if p not in paths]
        if prefetch is None:
            prefetch = prefetch_first(paths)
        from tui.app import NewsreadApp  # imported here so `dump` never loads Textual

        app = NewsreadApp(
            paths,
            config=config,
            themes=startup.themes,
            collector_held=True,
            prefetch=prefetch,
        )
        app.run()
        # Textual sets 1 when the app died of an exception (None after a normal exit).
        return app.return_code or 0
    finally:
        if prefetch is not None:
            prefetch.close()  # a no-op once its answer was taken
        if app is not None:
            app.release_collector()  # a no-op once the app has done it
        else:
            collector.release()


def is_command(argv: Sequence[str]) -> bool:
    """Whether the first argument names a subcommand rather than a file (see module docstring).

    Args:
        argv: The arguments after the program name.

    Returns:
        True to parse ``argv`` as a subcommand.
    """
    argv = _skip_config_option(argv)
    return bool(argv) and argv[0] in COMMANDS and not Path(argv[0]).exists()


def _skip_config_option(argv: Sequence[str]) -> Sequence[str]:
    """Drop a leading ``--config PATH`` so ``newsread --config X config path`` is a command."""
    if argv and argv[0].startswith("--config="):
        return argv[1:]
    if len(argv) >= 2 and argv[0] == "--config":
        return argv[2:]
    return argv


def main(argv: list[str] | None = None) -> int:
    """Run newsread.

    Args:
        argv: The arguments after the program name (``sys.argv[1:]`` when None).

    Returns:
        The exit status.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if is_command(args):
        namespace = build_command_parser().parse_args(args)
        try:
            result: int = namespace.run(namespace)
        except KeyboardInterrupt:  # Ctrl-C during a refresh or a dump: no traceback
            return 130
        except BrokenPipeError:  # `newsread refresh | head`: the reader went away
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 1
        return result
    return run_app(build_app_parser().parse_args(args))
