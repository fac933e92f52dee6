"""Locust users for benchmarks/load.py when wrk is not installed: each user POSTs the JSON bodies
of the file named by LOCUST_BODIES (one per line) in turn, with no think time, like wrk."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from locust import constant
from locust.contrib.fasthttp import FastHttpUser
from locust.user.task import task


class Summarize(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        lines = Path(os.environ["LOCUST_BODIES"]).read_text(encoding="utf-8").splitlines()
        self.bodies = itertools.cycle([line for line in lines if line])

    @task
    def summarize(self) -> None:
        self.client.post(
            "/v1/summarize", data=next(self.bodies), headers={"Content-Type": "application/json"}
        )
