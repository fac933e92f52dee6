"""The work budget and the analysis queue of the API: analyses take turns, first come first
served, behind a bounded queue; a request refused by the queue gets a JSON 503 with
``Retry-After`` at once, one whose analysis passes the budget a JSON 504, and a batch keeps
the records it finished."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask

from api import ApiConfig, create_app
from api.gate import AnalysisGate, Overloaded
from api.state import app_state
from summarizer import Deadline, default_engine
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.result import Analysis

ARTICLE = "本报讯 近日，江南市举办首届智慧农业博览会。博览会展示了无人机植保等新技术。农民说种地更轻松了。"
PAGE = "江南日报\n首页 | 要闻\n\n智慧农业博览会开幕\n\n" + ARTICLE + "\n\n版权所有 江南日报社"
FAR = Deadline.after(3600.0)


class WatchingEngine:
    """The default engine, noting at each analysis whether the app's gate is held; from the
    analysis numbered ``stall_at`` on, it first waits for its deadline to pass (as a slow
    analysis would), then analyses with it."""

    def __init__(self, *, stall_at: int | None = None) -> None:
        self.engine = default_engine()
        self.app: Flask | None = None
        self.turn_held: list[bool] = []
        self.stall_at = stall_at

    def analyze(
        self, text: str, *, options: Options = DEFAULT_OPTIONS, deadline: Deadline | None = None
    ) -> Analysis:
        assert self.app is not None
        self.turn_held.append(app_state(self.app).gate.busy)
        if self.stall_at is not None and len(self.turn_held) > self.stall_at and deadline is not None:
            threading.Event().wait(timeout=max(0.0, deadline.remaining()) + 0.01)
        return self.engine.analyze(text, options=options, deadline=deadline)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


def watched_app(config: ApiConfig, engine: WatchingEngine) -> Flask:
    app = create_app(config, engine=engine)  # type: ignore[arg-type]  # an Engine look-alike
    engine.app = app
    return app


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/summarize", {"text": ARTICLE}),
        ("/v1/pages", {"text": PAGE}),
        ("/v1/batch", {"articles": [{"id": 1, "text": ARTICLE}, {"id": 2, "text": ARTICLE}]}),
    ],
)
def test_every_analysis_holds_the_turn(path: str, body: dict[str, Any]) -> None:
    engine = WatchingEngine()
    app = watched_app(ApiConfig(), engine)
    response = app.test_client().post(path, json=body)
    assert response.status_code == 200, response.json
    assert engine.turn_held and all(engine.turn_held)
    assert not app_state(app).gate.busy


def test_a_failed_analysis_gives_the_turn_back() -> None:
    engine = WatchingEngine()
    app = watched_app(ApiConfig(), engine)
    engine.engine = None  # type: ignore[assignment]  # the next analysis raises AttributeError
    assert app.test_client().post("/v1/summarize", json={"text": ARTICLE}).status_code == 500
    assert not app_state(app).gate.busy


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages", "/v1/batch"])
def test_a_full_queue_is_a_json_503_with_retry_after(path: str) -> None:
    app = create_app(ApiConfig(max_queue=0))
    gate = app_state(app).gate
    gate.enter(FAR)  # another request is analysing, and none may wait
    try:
        body = {"articles": [{"text": ARTICLE}]} if path == "/v1/batch" else {"text": ARTICLE}
        response = app.test_client().post(path, json=body)
    finally:
        gate.leave()
    assert response.status_code == 503
    assert response.json["error"]["code"] == "overloaded"
    assert response.headers["Retry-After"] == "1"
    assert app.test_client().post(path, json=body).status_code == 200  # the turn is free again


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages"])
def test_an_analysis_past_the_budget_is_a_json_504(path: str) -> None:
    engine = WatchingEngine(stall_at=0)
    app = watched_app(ApiConfig(request_budget_s=0.2), engine)
    response = app.test_client().post(path, json={"text": ARTICLE})
    assert response.status_code == 504
    assert response.json["error"]["code"] == "over_budget"
    assert "0.2 s" in response.json["error"]["message"]
    assert not app_state(app).gate.busy
    # The next request, within the budget, is answered.
    engine.stall_at = None
    assert app.test_client().post(path, json={"text": ARTICLE}).status_code == 200


def test_a_batch_past_the_budget_keeps_the_records_done() -> None:
    engine = WatchingEngine(stall_at=2)  # the third analysis outlasts the budget
    app = watched_app(ApiConfig(request_budget_s=0.3), engine)
    articles = [{"id": n, "text": ARTICLE} for n in range(5)]
    response = app.test_client().post("/v1/batch", json={"articles": articles})
    assert response.status_code == 200
    records = response.json["records"]
    assert [record["id"] for record in records] == [0, 1, 2, 3, 4]
    assert all("summary" in record for record in records[:2])
    assert [record["error"]["code"] for record in records[2:]] == ["over_budget"] * 3
    assert len(engine.turn_held) == 3  # the articles after the budget ran out were not started


def test_the_gate_serves_in_arrival_order_and_bounds_the_line() -> None:
    gate = AnalysisGate(2)
    order: list[int] = []
    gate.enter(FAR)
    threads = []
    for number in range(2):
        thread = threading.Thread(target=lambda n=number: _take_turn(gate, n, order))
        thread.start()
        threads.append(thread)
        _wait_until(lambda count=number + 1: gate.waiting == count)
    with pytest.raises(Overloaded):  # a third would wait behind two: refused at once
        gate.enter(FAR)
    gate.leave()
    for thread in threads:
        thread.join(timeout=10)
    assert order == [0, 1]
    assert not gate.busy and gate.waiting == 0


def test_a_request_whose_deadline_passes_in_line_leaves_it() -> None:
    gate = AnalysisGate(5)
    gate.enter(FAR)
    with pytest.raises(Overloaded):
        gate.enter(Deadline.after(0.05))
    assert gate.waiting == 0
    gate.leave()
    assert not gate.busy


def test_the_waiting_count_reaches_the_metrics() -> None:
    seen: list[int] = []
    gate = AnalysisGate(5, on_waiting=seen.append)
    gate.enter(FAR)
    with pytest.raises(Overloaded):
        gate.enter(Deadline.after(0.01))
    gate.leave()
    assert seen == [1, 0]


def _take_turn(gate: AnalysisGate, number: int, order: list[int]) -> None:
    with gate.turn(FAR):
        order.append(number)


def _wait_until(condition: Any) -> None:
    event = threading.Event()
    for _ in range(1000):
        if condition():
            return
        event.wait(0.005)
    raise AssertionError("condition not reached")


def test_a_refusal_at_the_door_is_counted_logged_and_shaped_like_every_answer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import json

    app = create_app(ApiConfig(max_queue=0, cors_origins=("https://newsroom.example",)))
    gate = app_state(app).gate
    gate.enter(FAR)
    try:
        with caplog.at_level("INFO", logger="api.access"):
            response = app.test_client().post(
                "/v1/summarize",
                data=b"not even JSON: the door does not read the body",
                content_type="application/json",
                headers={"Origin": "https://newsroom.example", "X-Request-ID": "door-1"},
            )
        metrics = app.test_client().get("/metrics").get_data(as_text=True)
    finally:
        gate.leave()
    assert response.status_code == 503 and response.json["error"]["code"] == "overloaded"
    assert response.headers["X-Request-ID"] == "door-1"
    assert response.headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
    assert response.headers["Cache-Control"] == "no-store" and response.headers["Retry-After"] == "1"
    [entry] = [json.loads(r.getMessage()) for r in caplog.records if r.name == "api.access"]
    assert (entry["request_id"], entry["status"], entry["path"]) == ("door-1", 503, "/v1/summarize")
    assert 'summarizer_errors_total{code="overloaded"} 1.0' in metrics
    assert (
        'summarizer_http_requests_total{endpoint="/v1/summarize",method="POST",status="503"} 1.0' in metrics
    )
