"""``transcheck variants``: the name clusters of each file and the spellings used across files,
for a report or a draft house list (``report.variants`` renders them). Each file is read once,
by this process or by a pool's (``--jobs``); only its clusters and its table of spellings are
kept, so a corpus is listed without holding its texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Sequence

from .model import InputError
from .pipeline import CheckContext, Options, Source, context_for, in_pool, load_source, processes, resolver_for


@dataclass
class Listing:
    files: list[tuple[Any, list[Any]]] = field(default_factory=list)  # each file's ``file_clusters``
    across: list[Any] = field(default_factory=list)  # TC103's spellings used across files
    errors: list[str] = field(default_factory=list)  # the files that could not be read


def list_variants(sources: Sequence[Source], options: Options, fmt: str) -> Listing:
    """The clusters of every source, in order, as ``fmt`` ("text", "json" or "names") needs
    them, and the spellings some files use throughout where most use another."""
    from .names.corpus import combine, finalize

    options.validate()
    jobs = processes(options.jobs, len(sources))
    if jobs > 1:
        done = in_pool(partial(_worker_variants, fmt=fmt), sources, options, jobs)
    else:
        resolver, contexts = resolver_for(options), {}
        done = (_file_variants(source, context_for(source.path, options, resolver, contexts)[0], fmt)
                for source in sources)
    listing = Listing()
    spread = None
    for clusters, table, error in done:
        if error is not None:
            listing.errors.append(error)
            continue
        listing.files.append(clusters)
        spread = table if spread is None else combine(spread, table)
    listing.across = finalize(spread) if spread is not None else []
    return listing


def _file_variants(source: Source, ctx: CheckContext, fmt: str) -> tuple[Any, Any, str | None]:
    """One file's ``file_clusters`` and table of spellings, or the error that kept it from
    being read."""
    from .names import finalize as name_clusters
    from .names.corpus import collect_document
    from .report.variants import file_clusters
    from .rules.names import house_first

    try:
        doc = load_source(source, ctx.settings.lang)
    except InputError as error:
        return None, None, str(error)
    stats, table = collect_document(doc, lower=True)  # one reading for the clusters and TC103
    # (the house list in force decides a cluster's name, as in `check`: a draft that named its
    # variant would not load beside it: a tester's report)
    clusters = [house_first(cluster, ctx, doc.lang)[0] for cluster in name_clusters(stats)]
    return file_clusters(doc, clusters, fmt), table, None


def _worker_variants(task: tuple[int, Source], fmt: str) -> tuple[Any, Any, str | None]:
    from .pipeline import WorkerError, worker_context

    _, source = task
    try:
        return _file_variants(source, worker_context(source.path)[0], fmt)
    except InputError as error:  # (a configuration's house list that cannot be read: one line, exit 2)
        raise InputError(str(error)) from None
    except Exception as error:
        raise WorkerError(f"{type(error).__name__}: {error}") from None
