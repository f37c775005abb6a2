"""--fix, --diff and --unsafe-fixes: safe fixes only by default, atomic writes, nothing written
without --fix, standard input never rewritten."""

import json
import os
import shutil
import stat

import pytest

from checker.fix import plan_fixes, select_fixes, write_atomic
from checker.model import Finding, Fix, InputError, Severity
from conftest import FIXTURES, run_cli

STYLE = FIXTURES / "style"
TEXT = "shared power\n\nHe is president in charge. The adviser and the advisor met.\n"
FIXED = "Shared power\n\nHe is caretaker president. The adviser and the advisor met.\n"


@pytest.fixture
def workdir(tmp_path):
    shutil.copy(STYLE / "house.yml", tmp_path / "house.yml")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["house.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_fix_applies_safe_fixes_and_reports_the_rest(workdir):
    path = workdir / "a.txt"
    os.chmod(path, 0o640)
    result = run_cli("check", "--fix", "--select", "TC3", str(path), cwd=workdir)
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "fixed 2 findings in 1 file" in result.stderr.decode()
    out = result.stdout.decode()
    assert "TC303" in out and "TC301" not in out and "TC304" not in out  # only the unsafe one remains
    assert result.returncode == 1
    assert [p.name for p in workdir.iterdir() if "transcheck-tmp" in p.name] == []


def test_fixes_never_delete_markdown_markup(workdir):
    # A phrase matched across a link keeps its finding (read as the reader sees it) but loses its
    # fix, which would delete the link; a heading is re-cased in the file's own text, so its
    # emphasis and code stay.
    path = workdir / "a.md"
    path.write_text("## *shared* power\n\nThe [president](https://x.org/p) in charge spoke.\n\n"
                    "# the `code` part\n\nThe president in charge spoke.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--select", "TC301,TC304", "--format", "json", str(path), cwd=workdir)
    assert path.read_text(encoding="utf-8") == (
        "## *Shared* power\n\nThe [president](https://x.org/p) in charge spoke.\n\n"
        "# The `code` part\n\nThe caretaker president spoke.\n")
    [left] = json.loads(result.stdout)["findings"]
    assert left["rule"] == "TC301" and "fix" not in left and left["suggestions"] == ["caretaker president"]
    assert "'president in charge'" in left["message"]


def test_fix_through_a_symbolic_link_fixes_its_target(workdir):
    target = workdir / "a.txt"
    link = workdir / "link.txt"
    link.symlink_to(target.name)
    run_cli("check", "--fix", "--select", "TC3", str(link), cwd=workdir)
    assert link.is_symlink() and os.readlink(link) == "a.txt"
    assert target.read_text(encoding="utf-8") == FIXED


def test_unsafe_fixes(workdir):
    path = workdir / "a.txt"
    run_cli("check", "--fix", "--unsafe-fixes", "--select", "TC3", str(path), cwd=workdir)
    assert path.read_text(encoding="utf-8") == FIXED.replace("the advisor", "the adviser")


def test_nothing_written_without_fix(workdir):
    path = workdir / "a.txt"
    before = os.stat(path).st_mtime_ns
    result = run_cli("check", "--diff", "--select", "TC3", str(path), cwd=workdir)
    assert path.read_text(encoding="utf-8") == TEXT and os.stat(path).st_mtime_ns == before
    diff = result.stdout.decode()
    assert "-shared power\n+Shared power\n" in diff and "+He is caretaker president." in diff
    # an absolute path is named as git diff names it (a tester's report: "a//tmp/...")
    assert diff.startswith(f"--- a/{str(path).lstrip('/')}\n+++ b/{str(path).lstrip('/')}\n")
    assert result.returncode == 1
    run_cli("check", "--select", "TC3", str(path), cwd=workdir)
    assert path.read_text(encoding="utf-8") == TEXT


def test_nothing_to_fix_writes_nothing(workdir):
    path = workdir / "a.txt"
    path.write_text("Nothing to see.\n", encoding="utf-8")
    before = os.stat(path).st_mtime_ns
    result = run_cli("check", "--fix", "--select", "TC3", str(path), cwd=workdir)
    assert result.returncode == 0 and os.stat(path).st_mtime_ns == before


def test_stdin_is_never_fixed(workdir):
    result = run_cli("check", "--fix", "--select", "TC3", "-", stdin=TEXT.encode(), cwd=workdir)
    assert result.returncode == 2 and "standard input" in result.stderr.decode()
    result = run_cli("check", "--diff", "--select", "TC3", "-", stdin=TEXT.encode(), cwd=workdir)
    assert "+Shared power" in result.stdout.decode()


def test_failed_write_leaves_original_intact(workdir, monkeypatch):
    path = workdir / "a.txt"

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError, match="cannot write fixes"):
        write_atomic(str(path), FIXED)
    assert path.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in workdir.iterdir() if "transcheck-tmp" in p.name] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_exit_2(workdir):
    path = workdir / "a.txt"
    os.chmod(workdir, 0o555)
    try:
        result = run_cli("check", "--fix", "--select", "TC3", str(path), cwd=workdir)
    finally:
        os.chmod(workdir, 0o755)
    assert result.returncode == 2 and path.read_text(encoding="utf-8") == TEXT


def test_read_only_file_is_not_fixed(workdir):
    # the temporary file renamed over it would replace it all the same: refused with one line,
    # found before it would be written; the other files are fixed and every finding left is
    # reported (as ruff does: one locked file must not hide a folder's findings); exit 2
    path = workdir / "a.txt"
    (workdir / "b.txt").write_text(TEXT, encoding="utf-8")
    os.chmod(path, 0o444)
    try:
        result = run_cli("check", "--fix", "--select", "TC3", "b.txt", "a.txt", cwd=workdir)
    finally:
        os.chmod(path, 0o644)
    assert result.returncode == 2 and path.read_text(encoding="utf-8") == TEXT
    assert (workdir / "b.txt").read_text(encoding="utf-8") == FIXED
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("transcheck: error:")]
    assert len(errors) == 1 and "a.txt: read-only, not fixed" in errors[0] and "Traceback" not in result.stderr.decode()
    assert "a.txt:" in result.stdout.decode()  # its findings are still shown
    # ... with their safe fixes marked, for a --fix once it is writable (a review)
    assert "[*] " in result.stdout.decode() and "fixable with --fix" in result.stdout.decode()


def test_fix_keeps_a_utf16_big_endian_file_big_endian(workdir):
    path = workdir / "a.txt"
    path.write_bytes(("\ufeff" + TEXT).encode("utf-16-be"))
    assert run_cli("check", "--fix", "--select", "TC3", str(path), cwd=workdir).returncode == 1  # (unsafe left)
    assert path.read_bytes() == ("\ufeff" + FIXED).encode("utf-16-be")


def _finding(start, end, replacement, rule="TC301", safe=True):
    return Finding(rule, "x", "style", Severity.WARNING, "a.txt", start, end, 1, start + 1, 1, end + 1, "",
                   "m", fix=Fix(start, end, replacement, safe))


def test_overlapping_fixes_are_resolved_deterministically():
    a, b, c, d = _finding(0, 5, "A"), _finding(2, 8, "B"), _finding(0, 5, "A", rule="TC201"), _finding(8, 9, "D")
    for order in ([a, b, c, d], [d, c, b, a]):
        chosen, skipped = select_fixes(order)
        assert [(f.start, f.end, f.replacement) for f, _ in chosen] == [(0, 5, "A"), (8, 9, "D")]
        assert skipped == [b]
    assert select_fixes([_finding(0, 1, "x", safe=False)]) == ([], [])


def test_plan_keeps_encoding_and_bom(tmp_path):
    from checker.pipeline import load_source, Source

    path = tmp_path / "b.txt"
    path.write_bytes("\ufeffHe is president in charge.\r\n".encode("utf-8"))
    doc = load_source(Source(str(path)), "en")
    start = doc.text.index("president")
    finding = _finding(start, start + 19, "caretaker president")
    finding.path = doc.path
    [plan] = plan_fixes([finding], [doc])
    write_atomic(plan.path, plan.after, plan.encoding)
    assert path.read_bytes() == "\ufeffHe is caretaker president.\r\n".encode("utf-8")


def test_diff_shows_every_pass_that_fix_applies(tmp_path):
    """A heading with a house spelling in it needs two passes (the capitalisation fix spans the
    heading and overlaps the name's fix): --diff must show what --fix ends up writing."""
    sample = FIXTURES.parent.parent / "corpora" / "sample"
    for name in ("transcheck.toml", "glossary.tbx", "names.yaml", "bbc-panjshir-en.txt"):
        shutil.copy(sample / name, tmp_path / name)
    shutil.copytree(sample / "style", tmp_path / "style")
    article = tmp_path / "bbc-panjshir-en.txt"
    article.write_text("the Taleban valley\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    original = article.read_text(encoding="utf-8")

    diff = run_cli("check", "--diff", article.name, cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == original  # --diff writes nothing
    fixed = run_cli("check", "--fix", article.name, cwd=tmp_path)
    after = article.read_text(encoding="utf-8")
    assert after.startswith("The Taliban valley\n")
    would = diff.stderr.decode().strip().splitlines()[-1]
    did = fixed.stderr.decode().strip().splitlines()[0]
    assert would.split()[1] == did.split()[2]  # "N fixes would change" == "fixed N findings"
    added = [line[1:] for line in diff.stdout.decode().splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert "The Taliban valley" in added


def test_a_file_edited_while_the_fixes_were_made_is_left_alone(tmp_path):
    # a tester's report: a line added to a file after transcheck had read it was lost when --fix
    # wrote its fixes; now the file is refused, the others fixed
    from checker.fix import converge
    from checker.pipeline import Options, Source, run

    edited, other = tmp_path / "edited.txt", tmp_path / "other.txt"
    for path in (edited, other):
        path.write_text("The Taliban came. The Taliban left. The Taliban stayed. The Taleban went.\n", encoding="utf-8")
    names = tmp_path / "names.yaml"
    names.write_text("names:\n  - name: Taliban\n    variants: [Taleban]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    options = Options(config=str(tmp_path / "transcheck.toml"), select=["TC102"])
    sources = [Source(str(edited)), Source(str(other))]
    result = run(sources, options)
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("A line the editor added meanwhile.\n")
    _, plans, _, refused = converge(result, sources, options)
    assert [plan.path for plan in plans] == [str(other)]
    assert refused == [f"{edited}: changed since transcheck read it, not fixed (run it again)"]
    assert edited.read_text(encoding="utf-8").endswith("The Taleban went.\nA line the editor added meanwhile.\n")
    assert "Taleban" not in other.read_text(encoding="utf-8")


def test_diff_lines_break_where_patch_tools_break_them():
    # a review: a vertical tab (Word's line break, text since it is no sign of a binary file)
    # split a line in two in the unified diff, which git apply and patch refused
    from checker.fix import FilePlan, unified_diff

    before = "The Taliban came.\x0bThe Taleban left.\nThe end.\n"
    after = before.replace("Taleban", "Taliban")
    diff = unified_diff(FilePlan("a.txt", before, after, "utf-8", [], []))
    assert diff.split("\n")[2:] == [
        "@@ -1,2 +1,2 @@", "-The Taliban came.\x0bThe Taleban left.", "+The Taliban came.\x0bThe Taliban left.",
        " The end.", ""]
    # a file of lone \r line ends is one line to patch tools, without a final \n (a second review)
    before = "The Taleban came.\rThe end.\r"
    diff = unified_diff(FilePlan("a.txt", before, before.replace("Taleban", "Taliban"), "utf-8", [], []))
    assert diff.split("\n")[2:] == ["@@ -1 +1 @@", "-" + before, "\\ No newline at end of file",
                                    "+" + before.replace("Taleban", "Taliban"), "\\ No newline at end of file", ""]


def test_fix_leaves_a_file_that_reads_as_the_source_language(tmp_path):
    # a tester's report: a folder of originals beside their translations, checked as the
    # translations' language: --fix wrote "your contraseña" into the English help file
    (tmp_path / "g.csv").write_text("source,target\npassword,contraseña\n", encoding="utf-8")
    (tmp_path / "s.yml").write_text("style: House\nrules:\n  App:\n    extends: substitution\n    swap:\n"
                                    "      app: aplicación\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "es"\nsource-lang = "en"\nglossaries = ["g.csv"]\n'
                                              'styles = ["s.yml"]\n', encoding="utf-8")
    original = "If you forget your password, reset it in the app.\n"
    (tmp_path / "help.en.txt").write_text(original, encoding="utf-8")
    (tmp_path / "help.es.txt").write_text("Si olvidas tu contraseña, restablécela en la app.\n", encoding="utf-8")
    result = run_cli("check", "--fix", ".", cwd=tmp_path)
    assert (tmp_path / "help.en.txt").read_text(encoding="utf-8") == original
    # still reported, with no fix; but not by the glossary, whose every source term it "leaves
    # in" (a new user's report: TC203 "'password' is the source term")
    reported = [line for line in result.stdout.decode().splitlines() if line.startswith("help.en.txt:")]
    assert reported and all("TC3" in line for line in reported), reported
    assert "read as another language" in result.stderr.decode() and "--fix leaves it" in result.stderr.decode()
    # a suppression of a glossary rule there suppresses what did not run: no TC002, whose fix
    # would have edited the file (a review)
    commented = "<!-- transcheck-disable-next-line TC203 -->\nIf you forget your password, reset it.\n"
    (tmp_path / "help.en.md").write_text(commented, encoding="utf-8")
    result = run_cli("check", "--fix", "--unsafe-fixes", "help.en.md", "help.es.txt", cwd=tmp_path)
    assert "TC002" not in result.stdout.decode() and (tmp_path / "help.en.md").read_text(encoding="utf-8") == commented
    (tmp_path / "help.en.md").unlink()
    # a short original too: four lower-case words of three letters or more are enough (a review)
    (tmp_path / "g.csv").write_text("source,target,status\ncontraseña,password\n,passcode,deprecated\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nsource-lang = "es"\nglossaries = ["g.csv"]\n',
                                              encoding="utf-8")
    for name in ("help.en.txt", "help.es.txt"):
        (tmp_path / name).unlink()
    original = "Introduzca su contraseña para acceder a la cuenta de usuario.\n"
    (tmp_path / "es.txt").write_text(original, encoding="utf-8")
    run_cli("check", "--fix", ".", cwd=tmp_path)
    assert (tmp_path / "es.txt").read_text(encoding="utf-8") == original
    # ... but a translation that quotes an original's title is the translation (a review)
    (tmp_path / "es.txt").unlink()
    (tmp_path / "transcheck.toml").write_text('lang = "es"\nsource-lang = "en"\nglossaries = ["g.csv"]\n',
                                              encoding="utf-8")
    (tmp_path / "g.csv").write_text("source,target,status\npassword,contraseña,preferred\n,clave,deprecated\n",
                                    encoding="utf-8")
    (tmp_path / "t.txt").write_text('Ver "getting started with the command line" y la clave.\n', encoding="utf-8")
    run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)  # (after "la": the gender may change)
    assert "contraseña" in (tmp_path / "t.txt").read_text(encoding="utf-8")


def test_an_interrupted_fix_names_the_files_it_wrote(tmp_path, monkeypatch, capsys):
    """Ctrl-C between two passes of --fix: the files already written are named (a noticed gap:
    the user could not tell which files had changed)."""
    import gc

    from checker import cli, pipeline

    style = "style: House\nrules:\n  W:\n    extends: substitution\n    swap:\n      president in charge: caretaker president\n"
    (tmp_path / "s.yml").write_text(style, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Saleh is the president in charge of the country.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Nothing to fix here at all.\n", encoding="utf-8")
    real_run, calls = pipeline.run, []

    def run_then_stop(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # (the check after the first pass)
            raise KeyboardInterrupt
        return real_run(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run", run_then_stop)
    monkeypatch.chdir(tmp_path)
    threshold = gc.get_threshold()  # (the command raises it: left so, other tests would see it)
    try:
        code = cli.main(["check", "--fix", "a.txt", "b.txt", "c.txt"])
    finally:
        gc.set_threshold(*threshold)
    assert code == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "transcheck: interrupted; --fix had written 2 files: a.txt, b.txt"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Saleh is the caretaker president of the country.\n"
    # more than ten: one a line, every one of them (a final tester's report: "and 197 more")
    calls.clear()
    names = [f"f{i:02d}.txt" for i in range(12)]
    for name in names:
        (tmp_path / name).write_text("Saleh is the president in charge of the country.\n", encoding="utf-8")
    threshold = gc.get_threshold()
    try:
        assert cli.main(["check", "--fix", *names]) == 130
    finally:
        gc.set_threshold(*threshold)
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-13:] == ["transcheck: interrupted; --fix had written 12 files:", *(f"  {name}" for name in names)]


def test_a_fix_interrupted_right_after_a_write_names_that_file(tmp_path, monkeypatch, capsys):
    # a review: a Ctrl-C between a file's writing and the bookkeeping after it left it unnamed
    import gc

    from checker import cli, fix

    style = "style: House\nrules:\n  W:\n    extends: substitution\n    swap:\n      president in charge: caretaker president\n"
    (tmp_path / "s.yml").write_text(style, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Saleh is the president in charge of the country.\n", encoding="utf-8")
    real_write = fix.write_atomic

    def write_then_stop(*args, **kwargs):
        real_write(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(fix, "write_atomic", write_then_stop)
    monkeypatch.chdir(tmp_path)
    threshold = gc.get_threshold()
    try:
        assert cli.main(["check", "--fix", "a.txt", "b.txt"]) == 130
    finally:
        gc.set_threshold(*threshold)
    assert capsys.readouterr().err.strip().splitlines()[-1] == "transcheck: interrupted; --fix had written 1 file: a.txt"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Saleh is the president in charge of the country.\n"
