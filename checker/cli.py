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
MAX_LISTED = 10  # files named on one line (an interrupted --fix); more go one a line
EXIT_IF_CUT_OFF = "transcheck.exit_if_cut_off"  # (click's context meta: a command's exit code if its reader leaves)
SEVERITIES = ["info", "warning", "error"]
REPORT_FORMATS = ["text", "json", "github", "sarif", "junit"]  # the keys of checker.report.FORMATS


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
    if os.environ.get("TERM") == "dumb":  # a terminal that shows no colours
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _discover(paths: Sequence[str], options: Any, stdin_filename: str | None = None,
              errors: list | None = None) -> list:
    """Expand the paths; ``-`` becomes a source holding standard input's bytes. With ``errors``
    given, a path among several that names nothing to check (missing, a folder with no text
    files) is added there as a FileError and the others are still checked, as ruff does; when
    none is left, the first such error is raised."""
    from .pipeline import STDIN, FileError, discover_sources, unique_sources

    if errors is None or len(paths) < 2:
        sources = discover_sources(paths, options)
    else:
        found: list = []
        failed: list[InputError] = []
        for path in paths:
            try:
                found.extend(discover_sources([path], options))
            except InputError as error:
                failed.append(error)
                errors.append(FileError(path, str(error)))
        if failed and not found:
            raise failed[0]
        sources = unique_sources(found)
    if sum(source.path == STDIN for source in sources) > 1:
        raise InputError("standard input ('-') is given more than once")
    for source in sources:
        if source.path == STDIN:
            source.data = sys.stdin.buffer.read()
            source.path = stdin_filename or "<stdin>"
    return sources


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        # a reader that stops early (transcheck rules | head -1): click answers EPIPE with exit
        # 1, which says "findings"; the output was wanted only so far, and a check's exit code
        # is the one its findings give (EXIT_IF_CUT_OFF, set before its report is written)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_stdout()
            raise click.exceptions.Exit(ctx.meta.get(EXIT_IF_CUT_OFF, EXIT_OK)) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def cli() -> None:
    """transcheck: find the mistakes in a translation that spell-checkers do not see."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", help="Language of the text (en, pt, pt-BR, ...); detected per file when omitted.")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (TC1), names or categories.")
@click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select).")
@click.option("--include", multiple=True,
              help="Glob for more files to check in directories (*.po), besides *.txt, *.md, ...")
@click.option("--exclude", multiple=True,
              help="Glob of paths to skip: a name anywhere (node_modules) or a path below the directory (archive/*).")
@click.option("--fail-level", type=click.Choice(SEVERITIES),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file to use instead of the nearest transcheck.toml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True,
              help="text; json (docs/output.md); github (Actions annotations); sarif (code scanning); junit.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output; auto honours NO_COLOR and FORCE_COLOR.")
@click.option("--stdin-filename", help="Path to report (and to choose the format by) for text read from -.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only the findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record the current findings in this file (JSON) and exit 0; --baseline is not applied.")
@click.option("--diff-only", "diff_only", is_flag=True,
              help="Report only findings on lines changed against a git revision (--diff-base, default HEAD); "
                   "untracked files count as wholly changed.")
@click.option("--diff-base", "diff_base", metavar="REV", help="The revision for --diff-only (implies it).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the unsafe fixes too.")
@click.option("--source", "source_path", type=click.Path(dir_okay=False),
              help="The original that the (single) checked file translates, for bilingual checks.")
@click.option("--source-lang", help="Language of the original (with --source); detected when omitted.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Check the files in this many processes (0, or more than the CPUs: one per CPU); the findings "
                   "are the same.")
def check(paths: tuple[str, ...], lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          include: tuple[str, ...], exclude: tuple[str, ...], fail_level: str | None, config_path: str | None,
          isolated: bool, fmt: str, color: str, stdin_filename: str | None, source_path: str | None,
          source_lang: str | None, baseline_path: str | None = None, write_baseline_path: str | None = None,
          diff_only: bool = False, diff_base: str | None = None, fix: bool = False, diff: bool = False, unsafe_fixes: bool = False,
          jobs: int = 1) -> int:
    """Check files, directories (recursively) or - (standard input)."""
    from .pipeline import Options, printable_path, run
    from .report import FORMATS

    _utf8_for(fmt)
    if source_lang and not source_path:
        raise click.UsageError("--source-lang is the language of --source: give the original with --source")
    if write_baseline_path and (fix or diff):
        # (it recorded the findings and ignored --fix: a tester's report; fix first, then record what is left)
        raise click.UsageError(f"--write-baseline records the findings as they are; run --{'fix' if fix else 'diff'} "
                               "first, then --write-baseline")
    for flag, values in (("--select", select), ("--ignore", ignore)):
        if values and not _split(values):  # (--select "" selected every rule)
            raise click.UsageError(f"{flag} needs a rule code, prefix, name or category")
    options = Options(lang=lang, source_lang=source_lang, select=_split(select) or None, ignore=_split(ignore),
                      fail_level=Severity.parse(fail_level) if fail_level else None,
                      include=_split(include) or None, exclude=_split(exclude), config=config_path,
                      isolated=isolated, baseline=None if write_baseline_path else baseline_path,
                      diff_only=diff_base or ("HEAD" if diff_only else None), jobs=jobs)
    if stdin_filename and "-" not in paths and source_path != "-":
        raise click.UsageError("--stdin-filename names the text read from '-': give '-' among the paths")
    if source_path == "-" and "-" in paths:
        raise click.UsageError("standard input ('-') can be the translation or --source, not both")
    path_errors: list = []
    # (with --source, every path must be there: the original pairs with exactly one file)
    sources = _discover(paths, options, stdin_filename, None if source_path else path_errors)
    if source_path:
        if len(sources) != 1:
            raise click.UsageError("--source pairs an original with exactly one translated file")
        sources[0].source = _discover([source_path], options)[0]
    result = run(sources, options)
    result.errors[:0] = path_errors
    if not sources:  # (files named but excluded: "No findings in 0 files" alone reads as a pass)
        result.notices += [f"{printable_path(path)}: excluded by an exclude glob (configuration or --exclude); "
                           "not checked" for path in paths if path != "-" and os.path.isfile(path)]
    # (recorded before anything is written: a reader that leaves early must not change it)
    code = EXIT_ERROR if result.errors else EXIT_FINDINGS if result.failed else EXIT_OK
    _exit_if_cut_off(code)
    for notice in result.notices:
        click.echo(f"transcheck: warning: {notice}", err=True)
    if write_baseline_path:
        from .baseline import write_baseline

        count = write_baseline(write_baseline_path, result.findings, result.documents)
        click.echo(f"transcheck: recorded {count} finding{'s' if count != 1 else ''} in {write_baseline_path}", err=True)
        return _file_errors(result) or EXIT_OK
    if fix or diff:
        return _fix(result, sources, options, fmt, color, diff, unsafe_fixes, path_errors)
    colored = use_color(color, sys.stdout)
    _file_errors(result)  # (the error lines first: a reader of the report may stop before its end)
    if result.documents or not result.errors or fmt != "text":  # a lone bad file: its error line only
        click.echo(FORMATS[fmt](result, color=colored, unsafe_fixes=unsafe_fixes), nl=False, color=colored)
    return code


def _exit_if_cut_off(code: int) -> None:
    """The command's exit code should its reader stop before the end of its output."""
    click.get_current_context().meta[EXIT_IF_CUT_OFF] = code


def _file_errors(result: Any) -> int:
    """One line on standard error per file that could not be read (the others were checked and
    reported); EXIT_ERROR when there was one, else 0."""
    for error in result.errors:
        click.echo(f"transcheck: error: {error}", err=True)
    return EXIT_ERROR if result.errors else 0


def _fix(result: Any, sources: list, options: Any, fmt: str, color: str, diff: bool, unsafe: bool,
         path_errors: Sequence[Any] = ()) -> int:
    """--fix: write the fixes, re-check, report what remains. --diff: print them, write nothing.
    Standard input is never fixed in place: --fix with - is a usage error (use --diff)."""
    from .fix import converge, unified_diff
    from .report import FORMATS

    if not diff and any(source.data is not None for source in sources):
        raise click.UsageError("--fix cannot rewrite standard input; use --diff to see the fixes")
    if diff and fmt != "text":
        raise click.UsageError(f"--diff prints a unified diff; it does not combine with --format {fmt}")
    result, plans, conflicts, refused = converge(result, sources, options, unsafe, write=not diff)
    # (a re-checked result knows only the files it read)
    result.errors[:0] = [error for error in path_errors if error not in result.errors]
    if diff:
        code = EXIT_ERROR if result.errors else EXIT_FINDINGS if plans or conflicts else EXIT_OK
    else:
        code = EXIT_ERROR if refused or result.errors else EXIT_FINDINGS if result.failed else EXIT_OK
    _exit_if_cut_off(code)  # (before anything is written, as check's)
    _file_errors(result)
    for reason in refused:  # reported, the other files fixed all the same (as ruff does)
        click.echo(f"transcheck: error: {reason}", err=True)
    for conflict in conflicts:  # one line each: the rules to reconcile in the configuration
        rules = conflict.rules if len(conflict.rules) < 3 else [", ".join(conflict.rules[:-1]), conflict.rules[-1]]
        click.echo(f"transcheck: fixes in {conflict.path} do not settle: {' and '.join(rules)} "
                   "undo each other's fixes", err=True)
    count = sum(len(plan.applied) for plan in plans)
    files = f"{len(plans)} file{'s' if len(plans) != 1 else ''}"
    unsafe_left = 0 if unsafe else sum(1 for f in result.findings if f.fix is not None and not f.fix.safe)
    more = f" ({unsafe_left} more with --unsafe-fixes)" if unsafe_left else ""
    if diff:
        click.echo("".join(unified_diff(plan) for plan in plans), nl=False)
        click.echo(f"transcheck: {count} fix{'es' if count != 1 else ''} would change {files}{more}", err=True)
        return code
    click.echo(f"transcheck: fixed {count} finding{'s' if count != 1 else ''} in {files}", err=True)
    colored = use_color(color, sys.stdout)
    unsettled = frozenset(conflict.path for conflict in conflicts)
    click.echo(FORMATS[fmt](result, color=colored, unsafe_fixes=unsafe, unsettled=unsettled), nl=False, color=colored)
    return code


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", help="Language of the text; detected per file when omitted.")
@click.option("--include", multiple=True, help="Glob for more files to read in directories, besides *.txt, *.md, ...")
@click.option("--exclude", multiple=True, help="Glob of paths to skip.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file to use.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "names"]), default="text", show_default=True,
              help="text; json; names: a draft house list of names (YAML) merging every file's clusters.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes that read the files (0: one per CPU).")
def variants(paths: tuple[str, ...], lang: str | None, include: tuple[str, ...], exclude: tuple[str, ...],
             config_path: str | None, isolated: bool, fmt: str, jobs: int) -> int:
    """List the name clusters found in each file: canonical spelling, variants, counts, places."""
    from .pipeline import Options
    from .report.variants import render_variants
    from .variants import list_variants

    _utf8_for(fmt)
    options = Options(lang=lang, include=_split(include) or None, exclude=_split(exclude), config=config_path,
                      isolated=isolated, jobs=jobs)
    listing = list_variants(_discover(paths, options), options, fmt)
    errors = listing.errors
    _exit_if_cut_off(EXIT_ERROR if errors else EXIT_OK)
    for error in errors:  # (first: a reader of the list may stop before its end)
        click.echo(f"transcheck: error: {error}", err=True)
    if listing.files or not errors:  # no draft of nothing: redirected, it would be an empty name list
        click.echo(render_variants(listing.files, fmt, listing.across, errors), nl=False)
    return EXIT_ERROR if errors else EXIT_OK


@cli.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--lang", default="en", show_default=True, help="Language of the translations.")
@click.option("--source-lang", default="pt", show_default=True, help="Language of the originals.")
def init(directory: str, force: bool, lang: str, source_lang: str) -> int:
    """Write a starter transcheck.toml, style/house.yml and glossary.csv (never overwrites without --force)."""
    from .init import init_project
    from .lang import language_tag

    if lang.strip().replace("_", "-").casefold() == source_lang.strip().replace("_", "-").casefold():
        # (pt-PT to pt-BR is a translation too)
        source = click.get_current_context().get_parameter_source("source_lang")
        given = source is not click.core.ParameterSource.DEFAULT
        said = "--lang and --source-lang are both" if given else "--lang is the default --source-lang,"
        raise click.UsageError(f"{said} {lang!r}: name the language of the originals with --source-lang")
    for path in init_project(directory, force, language_tag(lang), language_tag(source_lang)):
        click.echo(f"wrote {path}")
    given = click.get_current_context().get_parameter_source
    defaults = [f'{key} = "{value}"'
                for key, name, value in (("lang", "lang", lang), ("source-lang", "source_lang", source_lang))
                if given(name) is click.core.ParameterSource.DEFAULT]
    if defaults:  # a Spanish desk that ran plain `init` would have its articles checked as English
        click.echo(f"transcheck: {' and '.join(defaults)} (the default{'s' if len(defaults) > 1 else ''}): "
                   "edit transcheck.toml, or run init --force with --lang and --source-lang", err=True)
    return EXIT_OK


@cli.command("rules")
@click.argument("codes", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(codes: tuple[str, ...] = (), fmt: str = "text") -> int:
    """List every rule: code, name, category, default severity, fixable; with CODES, print those
    rules' documentation (as `transcheck rule CODE`)."""
    from .registry import all_rules

    _utf8_for(fmt)
    if codes and fmt == "text":
        for i, rule in enumerate(_rules_named(codes)):  # (every code checked before any is printed)
            if i:
                click.echo()
            _print_rule_doc(rule)
        return EXIT_OK
    if fmt == "json":
        import json

        wanted = _rules_named(codes) if codes else all_rules()
        rules = [{"code": r.code, "name": r.name, "category": r.category, "severity": str(r.severity),
                  "scope": r.scope.value, "fixable": bool(r.fixable), "summary": r.doc.summary}
                 for r in wanted]
        click.echo(json.dumps({"version": 1, "rules": rules}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for rule in all_rules():
        fixable = "fixable" if rule.fixable else ""
        click.echo(f"{rule.code}  {rule.name:<28} {rule.category:<10} {str(rule.severity):<8} {fixable}".rstrip())
    return EXIT_OK


@cli.command("rule")
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration whose styles hold a style rule (House.Wording); else the one found from here.")
def show_rule(code: str, config_path: str | None) -> int:
    """Print a rule's documentation (what it does, why, examples, fix safety); for a style rule
    (House.Wording), where it is defined and what it does, then its rule type's documentation."""
    from .registry import is_style_rule_selector

    if is_style_rule_selector(code):
        from .ruledocs import style_rule_text

        click.echo(style_rule_text(code, config_path))
        return EXIT_OK
    [rule] = _rules_named((code,))
    from .config import find_config, load_config
    from .pipeline import severity_for

    # (named, it must be there, as for `check`: a review); the level the configuration in force
    # gives the rule, where it changes it (a final tester's report: [severity] was not shown)
    found = config_path or find_config(os.getcwd())
    try:
        level = severity_for(rule, load_config(found).severity) if found else None
    except InputError:
        if config_path:
            raise
        level = None  # (a broken configuration found here: the rule's documentation all the same)
    _print_rule_doc(rule)
    if level is not None and level != rule.severity:
        click.echo(f"\nLevel here: {level} ([severity] in {found})")
    return EXIT_OK


def _rules_named(codes: tuple[str, ...]) -> list:
    from .registry import get_rule

    rules = []
    for code in codes:
        rule = get_rule(code)
        if rule is None:
            raise InputError(f"unknown rule {code!r} (see `transcheck rules`)")
        rules.append(rule)
    return rules


def _print_rule_doc(rule) -> None:
    click.echo(f"{rule.code} {rule.name} ({rule.category}, {rule.severity}, scope {rule.scope.value})\n")
    click.echo(rule.doc.as_text())


# A batch keeps many small containers alive (name statistics, memoised blocking keys): with
# CPython's default first-generation threshold (700 allocations) a 10 MB names check runs about
# 1,000 collections, 1.2 of its 10 CPU seconds; at 10,000 collection takes 0.24 s and peak
# memory is the same (docs/benchmarks.md). Process-wide, so the command sets it, not the API.
GC_THRESHOLD = (10_000, 10, 10)


def tune_gc() -> None:
    """Set the command's garbage-collection threshold (``scripts/bench.py`` measures with it)."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)


def _never_unencodable() -> None:
    """Standard output and error in an encoding that lacks some characters (cp1252 where Windows
    redirects output to a file) write them escaped, ``\\u0107``, instead of failing the run
    with no report (a tester's report: every SARIF file, whose rule docs hold Cyrillic, failed;
    those formats are now UTF-8 anyway, ``_utf8_for``)."""
    for stream in (sys.stdout, sys.stderr):
        if _not_utf8(stream) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _utf8_for(fmt: str) -> None:
    """A format read by programs (JSON, SARIF, JUnit XML, a names list) is written in UTF-8, as
    its specification or its reader expects, whatever the locale's encoding (cp1252 where Windows
    redirects output to a file)."""
    if fmt != "text" and _not_utf8(sys.stdout):
        sys.stdout.reconfigure(encoding="utf-8", errors="strict")


def _not_utf8(stream: Any) -> bool:
    """``stream`` is a text stream we can reconfigure whose encoding is not UTF-8."""
    import codecs
    import io

    return isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding or "ascii").name != "utf-8"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: maps every failure to an exit code and one line on standard error."""
    tune_gc()
    _never_unencodable()
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="transcheck", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.NoArgsIsHelpError as error:  # bare `transcheck`: the help, as usage
        click.echo(error.format_message(), err=True)
        return EXIT_ERROR
    except click.UsageError as error:
        click.echo(f"transcheck: error: {error.format_message()}", err=True)
        return EXIT_ERROR
    except (click.Abort, KeyboardInterrupt) as stop:
        # (``fix.FixInterrupted``: what --fix wrote so far; click raises Abort from it)
        written = getattr(stop, "written", None) or getattr(stop.__cause__, "written", None)
        if written:
            many = len(written) > MAX_LISTED  # (then one a line, after the count: a tester's report)
            click.echo(f"transcheck: interrupted; --fix had written {len(written)} "
                       f"file{'s' if len(written) != 1 else ''}" + (":" if many else f": {', '.join(written)}"),
                       err=True)
            for path in written if many else ():
                click.echo(f"  {path}", err=True)
        else:
            click.echo("transcheck: interrupted", err=True)
        return EXIT_INTERRUPTED
    except (InputError, click.ClickException) as error:
        message = error.format_message() if isinstance(error, click.ClickException) else str(error)
        click.echo(f"transcheck: error: {message}", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001  (never a traceback for users; TRANSCHECK_DEBUG shows it)
        if os.environ.get("TRANSCHECK_DEBUG"):
            raise
        from .pipeline import WorkerError

        said = str(error) if isinstance(error, WorkerError) else f"{type(error).__name__}: {error}"
        click.echo(f"transcheck: internal error: {said}", err=True)
        return EXIT_ERROR
    return code if isinstance(code, int) else EXIT_OK


def _quiet_stdout() -> None:
    """Standard output's reader is gone (``transcheck rules | head -1``): what is still buffered
    goes nowhere, so that the flush at exit does not fail too (Python would then exit with 1,
    which says "findings")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def entry_point() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    sys.exit(code)
