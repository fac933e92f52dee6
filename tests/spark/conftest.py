"""One real Spark session in local mode for every Spark test, stopped at the end; the tests skip
with a clear message when Java or pyspark is missing."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    # several Arrow batches per partition, so that batch boundaries are exercised too
    "spark.sql.execution.arrow.maxRecordsPerBatch": "7",
    "spark.driver.memory": "1g",
}


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    if _java() is None:
        pytest.skip("Spark needs Java (apt-get install openjdk-17-jre-headless): no `java` on the PATH")
    pytest.importorskip("pyspark", reason="the [spark] extra is not installed (pip install -e '.[spark]')")
    pytest.importorskip("pyarrow", reason="the [spark] extra is not installed (pip install -e '.[spark]')")
    from pyspark.sql import SparkSession

    # the Python workers must be this interpreter (the venv with the package), not python3 from PATH
    previous = {name: os.environ.get(name) for name in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    builder = SparkSession.builder.master("local[2]").appName("summarizer tests")
    for key, value in SPARK_CONF.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _java() -> str | None:
    """The java that pyspark starts: ``$JAVA_HOME/bin/java`` when set, else the one on the PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        return shutil.which(os.path.join(java_home, "bin", "java"))
    return shutil.which("java")


@pytest.fixture
def small_splits(spark: SparkSession) -> Iterator[None]:
    """Files read in splits of a few kilobytes, so even a small input spans several partitions
    and the input order has to survive Spark's partitioning."""
    keys = ("spark.sql.files.maxPartitionBytes", "spark.sql.files.openCostInBytes")
    previous = {key: spark.conf.get(key) for key in keys}
    for key in keys:
        spark.conf.set(key, "4096")
    try:
        yield
    finally:
        for key, value in previous.items():
            spark.conf.set(key, value)
