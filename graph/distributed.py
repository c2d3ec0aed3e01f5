"""Extraction on a dask.distributed cluster: the same shards as a local sharded run, made by the workers.

The client lists the input files (names only, it reads no article) and cuts the list into partitions: a
group of `FILES_PER_PARTITION` article files, or one news dump (JSON Lines, CSV or Parquet) by itself. Each
partition is one task: a worker reads its files, extracts them and writes the partition's shard into the
shard folder (graph/shards.py), which must be on a file system every worker and the client can reach (NFS,
a cluster file system, or the local disk for a cluster on one machine). The task returns only the shard's
name and counts, so neither the client nor the scheduler ever holds articles or events.

What can go wrong, and what happens:

- a task raises (a worker's disk full, a file system hiccup): dask runs it again, up to `retries` times;
- a worker dies mid-task (killed, out of memory, its machine lost): the scheduler gives the task to another
  worker; the shard is written under a temporary name and renamed, and its name is a hash of the
  partition's content, so a partition written twice is one shard, never a duplicate;
- one article makes the extractor raise: it is reported (`Shard.failed`) and kept as a skipped document,
  the rest of its partition is written.

The manifest, written by the client once every partition is done, lists the shards in input order, so the
results equal those of a local run of the same inputs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from graph.documents import iter_inputs_with_keys
from graph.dumps import is_dump
from graph.fetch import is_url
from graph.shards import Shard, extract_partition, write_manifest

#: Article files per task: enough work per task to hide scheduling, small enough to spread over workers.
FILES_PER_PARTITION = 200
#: A file of a partition: (path, key, found in a folder), as `graph.documents.iter_inputs_with_keys` lists it.
Entry = tuple[str, str, bool]


def partition_inputs(inputs: Iterable[str | Path], size: int = FILES_PER_PARTITION) -> list[list[Entry]]:
    """The input files in partitions of at most `size` files, a news dump alone in its partition, each file an
    `Entry` as `graph.documents.read_listed` reads them. Lists files, reads none."""
    parts: list[list[Entry]] = []
    batch: list[Entry] = []
    for path, key, in_folder in iter_inputs_with_keys(inputs):
        entry = (str(path), key, in_folder)
        if is_dump(path) and path.is_file():
            if batch:
                parts.append(batch)
                batch = []
            parts.append([entry])
            continue
        batch.append(entry)
        if len(batch) >= size:
            parts.append(batch)
            batch = []
    if batch:
        parts.append(batch)
    return parts


def run_partition(entries: list[Entry], folder: str, columns: Mapping[str, str] | None,
                  index: int) -> Shard:
    """One task: read the partition's files, extract them and write their shard; the shard's name and counts."""
    from graph.documents import read_listed

    documents = list(read_listed([(Path(p), k, f) for p, k, f in entries], columns=columns))
    shard = extract_partition(documents, folder)
    shard.index = index
    return shard


def extract_on_cluster(inputs: Iterable[str | Path], folder: str | Path, dask, *,
                       columns: Mapping[str, str] | None = None, size: int = FILES_PER_PARTITION,
                       retries: int = 3) -> list[Shard]:
    """Extract `inputs` on the Dask cluster `dask` (a scheduler address such as 'tcp://10.0.0.5:8786', or a
    `dask.distributed.Client`) into the shard folder `folder`; the shards in input order, the manifest
    written. Inputs are files and folders the workers can read under the same paths (no URLs, no stdin)."""
    from dask.distributed import Client, as_completed

    inputs = [str(i) for i in inputs]
    remote = [i for i in inputs if i == "-" or is_url(i)]
    if remote:
        raise ValueError(f"{remote[0]}: a Dask cluster reads files and folders only (no URLs, no standard input)")
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    parts = partition_inputs(inputs, size)
    with contextlib.ExitStack() as stack:
        client = dask if isinstance(dask, Client) else stack.enter_context(Client(dask))
        # pure=False: a rerun extracts again (the files may have changed), and its shards overwrite the old ones
        futures = [client.submit(run_partition, entries, str(folder), dict(columns) if columns else None, index,
                                 retries=retries, pure=False)
                   for index, entries in enumerate(parts)]
        shards: list[Shard] = []
        for future in as_completed(futures):
            shards.append(future.result())
            future.release()
    shards.sort(key=lambda shard: shard.index)
    write_manifest(folder, shards)
    return shards
