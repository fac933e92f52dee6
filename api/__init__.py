"""The REST API (Flask): ``create_app`` builds one application.

    >>> app = create_app(ApiConfig(api_key="secret"))

Endpoints: ``/v1/summarize``, ``/v1/pages``, ``/v1/batch``, ``/healthz``, ``/readyz``,
``/openapi.json`` and the web page at ``/``; ``GET /openapi.json`` describes them all.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from api.config import ApiConfig, ConfigError

if TYPE_CHECKING:
    from flask import Flask

    from summarizer.engine import Engine

__all__ = ["ApiConfig", "ConfigError", "create_app"]


def create_app(config: ApiConfig | None = None, *, engine: Engine | None = None) -> Flask:
    """The application. Without ``config`` the settings come from ``SUMMARIZER_*`` variables;
    without ``engine`` it uses :func:`summarizer.default_engine`."""
    # Imported here, not above: ``summarizer serve`` reads api.config (its flags) before it
    # sets up the metrics' multiprocess mode, which must precede importing prometheus_client.
    from flask import Flask

    from api import ops, routes
    from api.errors import register_error_handlers
    from api.gate import AnalysisGate
    from api.metrics import Metrics
    from api.middleware import register_middleware
    from api.state import EXTENSION_KEY, AppState
    from api.web import bp as web_bp
    from summarizer import default_engine

    settings = config if config is not None else ApiConfig.from_env(os.environ)
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]  # records keep their documented field order
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # inputs never hold lone surrogates
    metrics = Metrics()
    gate = AnalysisGate(settings.max_queue, on_waiting=metrics.queue_waiting.set)
    app.extensions[EXTENSION_KEY] = AppState(
        config=settings, engine=engine or default_engine(), metrics=metrics, gate=gate
    )
    register_middleware(app)
    register_error_handlers(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(web_bp)
    return app
