"""``GET /metrics``: what the app counts, in Prometheus' text format, behind the right key.
(The real server's multiprocess metrics: tests/rest_api/test_serve_operations.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from api import ApiConfig, create_app

ARTICLE = "本报讯 近日，江南市举办首届智慧农业博览会。博览会展示了无人机植保等新技术。农民说种地更轻松了。"
PAGE = "江南日报\n\n智慧农业博览会开幕\n\n" + ARTICLE + "\n\n市民踊跃参观\n\n" + ARTICLE


def scrape(client: FlaskClient, **headers: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape by (name, sorted labels)."""
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.data
    assert response.mimetype == "text/plain"
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for sample in family.samples
    }


def value(samples: dict[Any, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_analyses_pages_batches_and_errors_are_counted(client: FlaskClient) -> None:
    before = scrape(client)
    assert client.post("/v1/summarize", json={"text": ARTICLE}).status_code == 200
    assert client.post("/v1/pages", json={"text": PAGE}).status_code == 200
    batch = {"articles": [{"id": 1, "text": ARTICLE}, {"id": 2}]}
    assert client.post("/v1/batch", json=batch).status_code == 200
    assert client.post("/v1/summarize", data=b"{", content_type="application/json").status_code == 400
    assert client.get("/no/such/path").status_code == 404
    after = scrape(client)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    post_200 = {"method": "POST", "status": "200"}
    assert grew("summarizer_http_requests_total", endpoint="/v1/summarize", **post_200) == 1
    assert grew("summarizer_http_requests_total", endpoint="/v1/pages", **post_200) == 1
    assert grew("summarizer_http_requests_total", endpoint="/v1/batch", **post_200) == 1
    assert grew("summarizer_http_requests_total", endpoint="/v1/summarize", method="POST", status="400") == 1
    assert grew("summarizer_http_requests_total", endpoint="unmatched", method="GET", status="404") == 1
    assert grew("summarizer_http_request_duration_seconds_count", endpoint="/v1/summarize") == 2
    assert grew("summarizer_errors_total", code="invalid_json") == 1
    assert grew("summarizer_errors_total", code="not_found") == 1
    # One article, then the page's articles: each analysis counts once per stage.
    articles = 1 + grew("summarizer_page_articles_sum")
    assert grew("summarizer_page_articles_count") == 1 and articles >= 2
    for stage in ("document", "ranking", "keyphrases", "summary", "headlines"):
        assert grew("summarizer_analysis_stage_seconds_count", stage=stage) == articles
        assert grew("summarizer_analysis_stage_seconds_sum", stage=stage) >= 0
    assert grew("summarizer_input_characters_sum", endpoint="summarize") == len(ARTICLE)
    assert grew("summarizer_input_characters_sum", endpoint="batch") == len(ARTICLE)
    assert grew("summarizer_batch_articles_total", outcome="ok") == 1
    assert grew("summarizer_batch_articles_total", outcome="error") == 1
    assert value(after, "summarizer_batch_articles_pending") == 0
    assert value(after, "summarizer_analysis_queue_waiting") == 0
    assert value(after, "summarizer_http_requests_in_flight") == 1  # the scrape itself


def test_client_chosen_strings_do_not_become_labels(client: FlaskClient) -> None:
    client.open("/v1/summarize", method="BREW")
    client.get("/v1/" + "x" * 50)
    samples = scrape(client)
    labels = {label for (_, pairs) in samples for label in pairs}
    assert ("method", "BREW") not in labels and ("method", "other") in labels
    assert not any("xxxxx" in value for _, value in labels)


@pytest.mark.parametrize(
    ("config", "accepted", "refused"),
    [
        (ApiConfig(api_key="api"), "api", "nope"),
        (ApiConfig(api_key="api", metrics_key="prom"), "prom", "api"),
        (ApiConfig(metrics_key="prom"), "prom", "api"),
    ],
)
def test_metrics_need_their_key_or_the_api_key(config: ApiConfig, accepted: str, refused: str) -> None:
    client = create_app(config).test_client()
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {refused}"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {accepted}"}).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_an_open_server_shows_its_metrics(client: FlaskClient) -> None:
    assert "summarizer_http_requests_total" in client.get("/metrics").get_data(as_text=True)
