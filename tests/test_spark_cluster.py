"""`attrib spark` on a real standalone cluster: a master and two workers started here with
Spark's own ``spark-class`` launchers, bound to 127.0.0.1, and stopped after the test.

Under CI=true this must run: a missing PySpark or Java fails it instead of skipping.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE_PATH
from .test_spark import WIDTH, cli_documents, cli_summary, polnear, require_spark

require_spark()

pytestmark = pytest.mark.cluster

LOOPBACK = "127.0.0.1"
STARTUP_SECONDS = 120


@dataclass(frozen=True)
class Cluster:
    url: str  # spark://127.0.0.1:PORT
    status: str  # the master's status page, as JSON
    work_dirs: tuple[Path, ...]  # one per worker: where its executors run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def _status(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=5) as response:  # the master's page on loopback
        return json.loads(response.read())  # type: ignore[no-any-return]


def _wait(what: str, ready: Callable[[], bool], logs: list[Path]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.5)
    tails = "\n".join(f"{log}:\n{log.read_text(errors='replace')[-2000:]}" for log in logs)
    pytest.fail(f"the standalone cluster's {what} did not start\n{tails}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    import pyspark

    root = tmp_path_factory.mktemp("cluster")
    spark_home = Path(pyspark.__file__).parent
    env = {**os.environ, "SPARK_HOME": str(spark_home), "SPARK_LOCAL_IP": LOOPBACK}
    launcher = str(spark_home / "bin" / "spark-class")
    port, web = _free_port(), _free_port()
    url, status = f"spark://{LOOPBACK}:{port}", f"http://{LOOPBACK}:{web}/json/"
    started: list[subprocess.Popen[bytes]] = []
    logs: list[Path] = []

    def start(name: str, *args: str) -> None:
        log = root / f"{name}.log"
        logs.append(log)
        with log.open("wb") as out:  # a process group of its own, to stop it with its children
            started.append(
                subprocess.Popen(
                    [launcher, *args], env=env, stdout=out, stderr=out, start_new_session=True
                )
            )

    try:
        start(
            "master",
            "org.apache.spark.deploy.master.Master",
            *("--host", LOOPBACK, "--port", str(port), "--webui-port", str(web)),
        )
        _wait("master", lambda: _status(status)["status"] == "ALIVE", logs)
        work_dirs = tuple(root / f"worker{i}" for i in (1, 2))
        for work in work_dirs:
            start(
                work.name,
                "org.apache.spark.deploy.worker.Worker",
                *("--host", LOOPBACK, "--cores", "1", "--memory", "1g"),
                *("--webui-port", "0", "--work-dir", str(work), url),
            )
        _wait("workers", lambda: _status(status)["aliveworkers"] == 2, logs)
        yield Cluster(url, status, work_dirs)
    finally:
        for process in started:
            os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_attrib_spark_on_the_cluster_gives_the_cli_documents_and_table(
    cluster: Cluster, tmp_path: Path
) -> None:
    records = tmp_path / "articles.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in polnear(4)), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "attrib", "spark", str(records), str(EXAMPLE_PATH)]
    options = ["-o", str(out), "--format", "jsonl", "--master", cluster.url, "--by", "outlet"]
    result = subprocess.run(
        [*command, *options],
        capture_output=True,
        env={**os.environ, "SPARK_LOCAL_IP": LOOPBACK, "COLUMNS": WIDTH},
        timeout=600,
    )
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 0, stderr[-3000:]

    lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    docs = {d["input"]["name"]: d for d in map(json.loads, lines)}
    cli = cli_documents("--jsonl-in", str(records), str(EXAMPLE_PATH))
    assert docs == cli
    assert result.stdout.decode() == cli_summary(list(cli.values()), "outlet", tmp_path)
    assert (
        result.stderr.decode().splitlines()[-1] == f"attrib: 5 of 5 articles analyzed; wrote {out}"
    )

    (app,) = _status(cluster.status)["completedapps"]
    assert app["name"] == "attrib" and app["cores"] == 2  # a core on each worker
    for work in cluster.work_dirs:  # and each worker ran an executor of it
        assert (work / app["id"]).is_dir()
