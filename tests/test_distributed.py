"""Extraction on a real dask.distributed cluster (graph/distributed.py): a LocalCluster of two worker
processes on loopback gives the same events as a local run, also when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bench.extract_bench import generate
from graph.build import build
from graph.distributed import partition_inputs
from graph.extract import extract
from graph.records import Event
from graph.shards import MANIFEST, read_results, shard_ids

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, with little memory; scheduler, workers and dashboard on 127.0.0.1."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", memory_limit="1GiB", silence_logs=40) as local:
        with distributed.Client(local) as client:
            yield client


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated corpus of about 600 kB (some 250 articles), as the benchmarks make them."""
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    generate(600_000, folder=folder)
    return folder


def _local_events(corpus: Path) -> list[Event]:
    return [event for result in extract([corpus]) for event in result.events]


def test_partitions_list_files_and_keep_a_dump_alone(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt", "d.jsonl", "e.txt"):
        (tmp_path / name).write_text('{"text": "x"}\n' if name.endswith(".jsonl") else "x", encoding="utf-8")
    parts = partition_inputs([tmp_path], size=2)
    assert [[Path(p).name for p, _, _ in part] for part in parts] == [["a.txt", "b.txt"], ["c.txt"], ["d.jsonl"],
                                                                       ["e.txt"]]


def test_the_bundled_corpus_on_the_cluster_equals_a_local_run(cluster, tmp_path):
    results = list(extract([CORPUS], dask=cluster))
    local = list(extract([CORPUS]))
    assert [r.document for r in results] == [r.document for r in local]
    assert [r.events for r in results] == [r.events for r in local]
    assert [r.entities for r in results] == [r.entities for r in local]


def test_a_build_on_the_cluster_equals_a_local_build(cluster, tmp_path):
    build([CORPUS], out=tmp_path / "local", views=False)
    build([CORPUS], out=tmp_path / "dask", views=False, shards=tmp_path / "shards", dask=cluster.scheduler.address)
    for name in ("events.csv", "entities.csv", "graph.nt"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_a_generated_corpus_on_the_cluster_equals_a_local_run(cluster, generated, tmp_path):
    result = build([generated], store=False, shards=tmp_path / "shards", dask=cluster)
    events = [e for r in read_results(tmp_path / "shards") for e in r.events]
    assert events == _local_events(generated)
    assert result.events == len(events) > 100
    assert len(shard_ids(tmp_path / "shards")) == 2  # 200 files per partition


def test_cli_build_and_extract_on_the_cluster(cluster, tmp_path, capsys):
    from graph.cli import main

    address = cluster.scheduler.address
    assert main(["build", str(CORPUS), "--shards", str(tmp_path / "shards"), "--no-store", "--dask", address]) == 0
    assert "oxigraph load" in capsys.readouterr().out
    assert main(["extract", str(CORPUS), "--events", str(tmp_path / "local.csv")]) == 0
    assert main(["extract", str(CORPUS), "--events", str(tmp_path / "dask.csv"), "--dask", address,
                 "--shards", str(tmp_path / "shards2")]) == 0
    assert (tmp_path / "dask.csv").read_text(encoding="utf-8") == (tmp_path / "local.csv").read_text(encoding="utf-8")
    assert main(["build", str(CORPUS), "--dask", address]) == 2
    assert "--dask needs --shards" in capsys.readouterr().err


def _fail_first_writes():
    """Run on each worker: its first shard write raises, as a full disk or a lost mount would."""
    import graph.shards

    real = graph.shards.write_shard
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk full (injected)")
        return real(*args, **kwargs)

    flaky.real = real
    graph.shards.write_shard = flaky


def _restore_writes():
    import graph.shards

    graph.shards.write_shard = getattr(graph.shards.write_shard, "real", graph.shards.write_shard)


def test_a_failing_partition_is_retried(cluster, tmp_path):
    from graph.distributed import extract_on_cluster

    cluster.run(_fail_first_writes)
    try:
        shards = extract_on_cluster([CORPUS], tmp_path, cluster, size=3)
    finally:
        cluster.run(_restore_writes)
    assert len(shard_ids(tmp_path)) == len(shards) == len(partition_inputs([CORPUS], 3))
    assert [e for r in read_results(tmp_path) for e in r.events] == _local_events(CORPUS)
    with pytest.raises(OSError, match="injected"):  # without retries the error reaches the caller
        cluster.run(_fail_first_writes)
        try:
            extract_on_cluster([CORPUS], tmp_path / "again", cluster, size=3, retries=0)
        finally:
            cluster.run(_restore_writes)


def test_killing_a_worker_mid_run_loses_and_duplicates_nothing(cluster, generated, tmp_path):
    from graph.distributed import extract_on_cluster

    pids = cluster.run(os.getpid)  # worker address -> pid of its process
    shards = tmp_path / "shards"
    killed: dict[str, int] = {}

    def kill_one_busy_worker():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            busy = [address for address, tasks in cluster.processing().items() if tasks and address in pids]
            done = len(list((shards / "events").glob("*.parquet"))) if (shards / "events").is_dir() else 0
            if busy and done >= 2:  # mid-run: shards written, others being extracted
                killed[busy[0]] = pids[busy[0]]
                os.kill(pids[busy[0]], signal.SIGKILL)
                return
            time.sleep(0.01)

    import threading

    killer = threading.Thread(target=kill_one_busy_worker)
    killer.start()
    written = extract_on_cluster([generated], shards, cluster, size=10)
    killer.join()
    assert killed, "no worker was busy mid-run"
    ids = shard_ids(shards)
    assert len(ids) == len(set(ids)) == len(written) == -(-len(list(generated.iterdir())) // 10)
    assert sorted(p.stem for p in (shards / "events").glob("*.parquet")) == sorted(ids)  # no stray shard
    events = [e for r in read_results(shards) for e in r.events]
    assert events == _local_events(generated)
    assert pq.read_table(shards / "events").num_rows == len(events)  # nothing twice on disk either
    assert (shards / MANIFEST).is_file()
    cluster.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker
