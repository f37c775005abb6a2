"""The ``transcheck`` command. The only module that prints or exits.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage, input,
configuration or internal errors (one line on standard error, never a traceback), 130 on Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Sequence

import click

from . import __version__
from .model import InputError, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
SEVERITIES = ["info", "warning", "error"]


def _split(values: Sequence[str]) -> list[str]:
    """``--select TC1,TC2 --select TC3`` -> [TC1, TC2, TC3]."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(choice: str, stream: Any) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _discover(paths: Sequence[str], options: Any, stdin_filename: str | None = None) -> list:
    """Expand the paths; ``-`` becomes a source holding standard input's bytes."""
    from .pipeline import STDIN, discover_sources

    sources = discover_sources(paths, options)
    for source in sources:
        if source.path == STDIN:
            source.data = sys.stdin.buffer.read()
            source.path = stdin_filename or "<stdin>"
    return sources


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def cli() -> None:
    """transcheck: find the mistakes in a translation that spell-checkers do not see."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", help="Language of the text (en, pt, pt-BR, ...); detected per file when omitted.")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (TC1), names or categories.")
@click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select).")
@click.option("--include", multiple=True, help="Glob for files found in directories (default: *.txt, *.md, ...).")
@click.option("--exclude", multiple=True, help="Glob of paths to skip.")
@click.option("--fail-level", type=click.Choice(SEVERITIES),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file to use instead of the nearest transcheck.toml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output; auto honours NO_COLOR and FORCE_COLOR.")
@click.option("--stdin-filename", help="Path to report (and to choose the format by) for text read from -.")
@click.option("--source", "source_path", type=click.Path(dir_okay=False),
              help="The original that the (single) checked file translates, for bilingual checks.")
@click.option("--source-lang", help="Language of the original (with --source); detected when omitted.")
def check(paths: tuple[str, ...], lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          include: tuple[str, ...], exclude: tuple[str, ...], fail_level: str | None, config_path: str | None,
          isolated: bool, fmt: str, color: str, stdin_filename: str | None, source_path: str | None,
          source_lang: str | None) -> int:
    """Check files, directories (recursively) or - (standard input)."""
    from .pipeline import Options, run
    from .report import FORMATS

    options = Options(lang=lang, source_lang=source_lang, select=_split(select) or None, ignore=_split(ignore),
                      fail_level=Severity.parse(fail_level) if fail_level else None,
                      include=_split(include) or None, exclude=_split(exclude), config=config_path,
                      isolated=isolated)
    options.validate()
    sources = _discover(paths, options, stdin_filename)
    if source_path:
        if len(sources) != 1:
            raise click.UsageError("--source pairs an original with exactly one translated file")
        sources[0].source = _discover([source_path], options)[0]
    result = run(sources, options)
    click.echo(FORMATS[fmt](result, color=use_color(color, sys.stdout)), nl=False)
    return EXIT_FINDINGS if result.failed else EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", help="Language of the text; detected per file when omitted.")
@click.option("--include", multiple=True, help="Glob for files found in directories.")
@click.option("--exclude", multiple=True, help="Glob of paths to skip.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def variants(paths: tuple[str, ...], lang: str | None, include: tuple[str, ...], exclude: tuple[str, ...], fmt: str) -> int:
    """List the name clusters found in each file: canonical spelling, variants, counts, places."""
    import json

    from .names import find_name_clusters
    from .pipeline import Options, load_source

    report = []
    for source in _discover(paths, Options(include=_split(include) or None, exclude=_split(exclude))):
        doc = load_source(source, lang)
        clusters = find_name_clusters(doc)
        report.append({"path": doc.path, "lang": doc.lang, "clusters": [c.to_dict(doc) for c in clusters]})
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "files": report}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for entry in report:
        for cluster in entry["clusters"]:
            click.echo(f"{entry['path']}: {cluster['canonical']}")
            for variant in cluster["variants"]:
                places = ", ".join(f"{loc['line']}:{loc['column']}" for loc in variant["locations"])
                click.echo(f"  {variant['count']:>4}  {variant['spelling']}  [{variant['kind']}]  {places}")
    return EXIT_OK


@cli.command("rules")
def list_rules() -> int:
    """List every rule: code, name, category, default severity, fixable."""
    from .registry import all_rules

    for rule in all_rules():
        fixable = "fixable" if rule.fixable else ""
        click.echo(f"{rule.code}  {rule.name:<28} {rule.category:<10} {str(rule.severity):<8} {fixable}".rstrip())
    return EXIT_OK


@cli.command("rule")
@click.argument("code")
def show_rule(code: str) -> int:
    """Print a rule's documentation (what it does, why, examples, fix safety)."""
    from .registry import get_rule

    rule = get_rule(code)
    if rule is None:
        raise InputError(f"unknown rule {code!r} (see `transcheck rules`)")
    click.echo(f"{rule.code} {rule.name} ({rule.category}, {rule.severity}, scope {rule.scope.value})\n")
    click.echo(rule.doc.as_text())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: maps every failure to an exit code and one line on standard error."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="transcheck", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as error:
        click.echo(f"transcheck: error: {error.format_message()}", err=True)
        return EXIT_ERROR
    except (click.Abort, KeyboardInterrupt):
        click.echo("transcheck: interrupted", err=True)
        return EXIT_INTERRUPTED
    except (InputError, click.ClickException) as error:
        message = error.format_message() if isinstance(error, click.ClickException) else str(error)
        click.echo(f"transcheck: error: {message}", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001  (never a traceback for users; TRANSCHECK_DEBUG shows it)
        if os.environ.get("TRANSCHECK_DEBUG"):
            raise
        click.echo(f"transcheck: internal error: {type(error).__name__}: {error}", err=True)
        return EXIT_ERROR
    return code if isinstance(code, int) else EXIT_OK


def entry_point() -> None:
    sys.exit(main())
