"""The emulators' HTTP building blocks under their former name (tests and benchmarks import them
from here); they live in :mod:`loyalty_emulators.base`."""

from loyalty_emulators.base.faults import Faults
from loyalty_emulators.base.http import (
    HARD_BODY_LIMIT,
    LOOPBACK,
    App,
    BodyDecodeError,
    HttpRequest,
    HttpResponse,
    json_dumps,
    json_response,
    media_type,
    parse_json_body,
)
from loyalty_emulators.base.limits import FixedWindowLimiter, RateDecision, WindowState
from loyalty_emulators.base.transport import BackgroundHTTPServer

__all__ = ["HARD_BODY_LIMIT", "LOOPBACK", "App", "BackgroundHTTPServer", "BodyDecodeError", "Faults",
           "FixedWindowLimiter", "HttpRequest", "HttpResponse", "RateDecision", "WindowState", "json_dumps",
           "json_response", "media_type", "parse_json_body"]
