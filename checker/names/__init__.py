"""Zero-configuration name-spelling consistency.

Within a document (or a corpus), cluster the spellings of each proper name and report the
minority spellings. The statistics are mergeable, so the same code runs on one document or,
through ``collect`` / ``combine`` / ``finalize``, on a corpus spread over processes::

    stats = combine(collect(doc_a), collect(doc_b))
    clusters = finalize(stats)

See ``docs`` of rule TC101 (``checker/rules/names.py``) and the modules:
``normalize`` (norm, skel, cheap edits), ``morph`` (inflection and derivation vetoes),
``extract`` (candidates), ``stats`` (the mergeable statistics), ``compare`` (tiers A/B/C) and
``cluster`` (blocking, union-find, dominance).
"""

from __future__ import annotations

from ..model import Document
from .cluster import NameCluster, NameVariant, finalize
from .extract import collect
from .normalize import fold, norm, skel
from .stats import NameStats, combine

__all__ = [
    "NameCluster",
    "NameVariant",
    "NameStats",
    "collect",
    "combine",
    "finalize",
    "find_name_clusters",
    "fold",
    "norm",
    "skel",
]


def find_name_clusters(doc: Document) -> list[NameCluster]:
    """Clusters of spellings of one name in ``doc`` that contain at least one minority spelling."""
    return finalize(collect(doc))
