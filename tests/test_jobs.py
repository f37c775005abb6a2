"""--jobs: the files checked in a pool of processes give what one process gives: the same
findings (the corpus rules' too, from statistics combined in the run), errors and notices."""

import json

import pytest

from conftest import FIXTURES, run_cli

import checker

SAMPLE = FIXTURES.parent.parent / "corpora" / "sample" / "bbc-panjshir-en.txt"
TALIBAN = "The Taliban took Kabul on Sunday. Later the Taliban spoke to reporters in Kabul.\n"
TALEBAN = "The Taleban say they have surrounded the valley. A Taleban spokesman said so.\n"


@pytest.fixture()
def corpus(tmp_path):
    """A corpus with something for every part of a run: findings of a document rule (TC101), of
    a corpus rule (TC103), a suppression comment, a file that cannot be read, a file that does not
    read as the language it is given."""
    (tmp_path / "sample.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(9):
        (tmp_path / f"taliban{i}.txt").write_text(TALIBAN, encoding="utf-8")
    (tmp_path / "taleban.txt").write_text(TALEBAN, encoding="utf-8")
    (tmp_path / "quiet.md").write_text("<!-- transcheck-disable TC101 -->\n\n" + TALIBAN + TALEBAN, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe\x00")
    (tmp_path / "german.txt").write_text(
        "Die Regierung hat am Montag in Berlin neue Regeln für den Verkehr beschlossen. Der Minister sagte, "
        "die Maßnahmen würden bald gelten. Viele Bürger sind damit nicht einverstanden und wollen dagegen "
        "klagen, weil die Kosten für die Städte und Gemeinden sehr hoch sein werden. Die Opposition im "
        "Bundestag kündigte an, das Gesetz vor dem Verfassungsgericht prüfen zu lassen, und der Verband der "
        "Kommunen forderte mehr Geld vom Bund für die neuen Aufgaben.\n", encoding="utf-8")
    return tmp_path


def _run(corpus, *args):
    done = run_cli("check", "--isolated", "--lang", "en", "--format", "json", *args, ".", cwd=corpus)
    return done.returncode, json.loads(done.stdout), done.stderr


def test_a_pool_finds_what_one_process_finds(corpus):
    code, alone, err = _run(corpus)
    assert code == 2  # (the binary file)
    rules = {f["rule"] for f in alone["findings"]}
    assert {"TC101", "TC103"} <= rules and alone["errors"] and alone["notices"]
    for jobs in ("2", "0"):
        assert _run(corpus, "--jobs", jobs) == (code, alone, err)


def test_the_api_takes_jobs(corpus):
    paths = [str(p) for p in sorted(corpus.glob("t*.txt"))]
    alone = checker.check_paths(paths, lang="en", isolated=True)
    pooled = checker.check_paths(paths, lang="en", isolated=True, jobs=2)
    assert [f.to_dict() for f in pooled] == [f.to_dict() for f in alone] and {f.rule for f in alone} == {"TC103"}


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_a_bad_number_of_jobs_is_a_usage_error(corpus, jobs):
    done = run_cli("check", "--jobs", jobs, ".", cwd=corpus)
    assert done.returncode == 2 and b"--jobs" in done.stderr and b"Traceback" not in done.stderr


def test_the_pool_runs_and_keeps_the_order_of_notices_of_several_configurations(tmp_path, monkeypatch):
    # a review: each configuration's notices (here, glossaries with no term in the text's
    # language, read in the pool's processes) came in another order than with one process
    from checker import pipeline

    for folder in (tmp_path, tmp_path / "sub"):
        folder.mkdir(exist_ok=True)
        (folder / "g.yaml").write_text(f"entries:\n  - de: Tal-{folder.name}\n    fr: vallée\n", encoding="utf-8")
        (folder / "transcheck.toml").write_text('lang = "en"\nglossaries = ["g.yaml"]\n', encoding="utf-8")
    paths = [tmp_path / "a.txt", tmp_path / "sub" / "b.txt", tmp_path / "z.txt"]
    for path in paths:
        path.write_text(TALIBAN, encoding="utf-8")
    pooled = []
    real_pool = pipeline.in_pool
    monkeypatch.setattr(pipeline, "in_pool", lambda *a: pooled.append(a[3]) or real_pool(*a))

    def run(jobs):
        return pipeline.run([pipeline.Source(str(p)) for p in paths], pipeline.Options(jobs=jobs))

    alone, together = run(1), run(2)
    assert pooled == [2] and len(alone.notices) == 2
    assert together.notices == alone.notices and [f.to_dict() for f in together.findings] == [
        f.to_dict() for f in alone.findings]


def test_a_broken_style_read_in_the_pool_is_one_line(corpus):
    (corpus / "House.yml").write_text("extends: existence\nmessage: '%s'\ntokens:\n  - '(unclosed'\n",
                                      encoding="utf-8")
    (corpus / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    alone = run_cli("check", ".", cwd=corpus)
    pooled = run_cli("check", "--jobs", "2", ".", cwd=corpus)
    assert alone.returncode == pooled.returncode == 2
    assert pooled.stderr == alone.stderr and pooled.stderr.count(b"\n") == 1 and b"House.yml" in pooled.stderr


def test_no_more_processes_than_cpus_or_files(monkeypatch):
    import os

    from checker.pipeline import processes

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert [processes(jobs, files) for jobs, files in [(1, 9), (0, 9), (1000, 9), (8, 1), (2, 2)]] == [1, 2, 2, 1, 2]


@pytest.mark.parametrize("fmt", ["text", "json", "names"])
def test_variants_in_a_pool_list_what_one_process_lists(corpus, fmt):
    """`variants --jobs 2`: the same clusters, spellings across files (Taleban in one file of
    eleven) and errors (the binary file), in the files' order."""
    alone = run_cli("variants", "--isolated", "--lang", "en", "--format", fmt, ".", cwd=corpus)
    pooled = run_cli("variants", "--isolated", "--lang", "en", "--format", fmt, "--jobs", "2", ".", cwd=corpus)
    assert alone.returncode == pooled.returncode == 2  # (the binary file)
    assert pooled.stdout == alone.stdout and pooled.stderr == alone.stderr
    assert b"binary.txt" in pooled.stderr and b"Taleban" in pooled.stdout and b"Massud" in pooled.stdout


def test_variants_in_a_pool_follow_each_files_house_list(tmp_path, monkeypatch):
    """A pool's process finds each file's configuration: the house spelling of its folder names
    the cluster. (In this process, with two processes asked for whatever the CPUs, so that the
    pool runs on a one-CPU machine too: a review.)"""
    from checker import variants
    from checker.pipeline import Options, Source

    text = TALIBAN + TALEBAN.replace("Taleban", "Taliban", 1)  # Taliban 3x, Taleban 1x
    for folder, house in ((tmp_path, "Taleban"), (tmp_path / "sub", "Taliban")):
        folder.mkdir(exist_ok=True)
        (folder / "names.yaml").write_text(f"names:\n  - name: {house}\n", encoding="utf-8")
        (folder / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
        for i in range(2):
            (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    sources = [Source(str(path)) for path in sorted(tmp_path.rglob("a*.txt"))]
    pooled = []
    monkeypatch.setattr(variants, "processes", lambda jobs, files: jobs)
    real_pool = variants.in_pool
    monkeypatch.setattr(variants, "in_pool", lambda *a: pooled.append(a[3]) or real_pool(*a))
    alone = variants.list_variants(sources, Options(jobs=1), "json")
    together = variants.list_variants(sources, Options(jobs=2), "json")
    assert pooled == [2] and together == alone
    canonical = [(path, [c["canonical"] for c in clusters]) for (path, _), clusters in together.files]
    assert [names for _, names in canonical] == [["Taleban"], ["Taleban"], ["Taliban"], ["Taliban"]]


def _stop_or_sleep(task):
    """A pool's work for the test below: the first file fails, the others take long."""
    import os
    import time

    index, source = task
    with open(source.path + ".pid", "w", encoding="utf-8") as handle:
        handle.write(str(os.getpid()))
    if index == 0:
        raise ValueError("the first file fails")
    time.sleep(5)
    with open(source.path + ".done", "w", encoding="utf-8") as handle:  # (not reached when stopped)
        handle.write("slept")


def test_an_error_in_the_pool_stops_the_files_begun(tmp_path):
    """A final tester's report: after one file's error (a style rule at its time limit) the run
    waited for every file already begun or queued, as long again for each; Ctrl-C too."""
    import os

    from checker.pipeline import Options, Source, in_pool

    sources = [Source(str(tmp_path / f"{i}.txt")) for i in range(4)]
    with pytest.raises(ValueError, match="first file fails"):
        list(in_pool(_stop_or_sleep, sources, Options(), 2))
    # (a pid file left empty: its process was stopped while it wrote it)
    pids = [int(text) for text in (p.read_text() for p in tmp_path.glob("*.pid")) if text]
    assert pids and not list(tmp_path.glob("*.done"))
    for pid in pids:  # (each process ended and reaped: none still sleeping)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)



def test_a_pool_is_stopped_through_terminate_workers_where_python_has_it():
    """Python 3.14's public way (the pools of the Pythons here go the other way, which the tests
    of an error and of Ctrl-C in a pool run)."""
    from checker.pipeline import _terminate

    class Python314Pool:
        stopped = False

        def terminate_workers(self):
            self.stopped = True

    pool = Python314Pool()
    _terminate(pool)
    assert pool.stopped
