"""The FastAPI application: routers, and every failure turned into the protocol's error body."""

from __future__ import annotations

import logging
import traceback

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorBody, ErrorCode, ErrorResponse, encode_json
from sync.server.db import Database
from sync.server.errors import ApiError
from sync.server.http import routes_files, routes_services, routes_sync
from sync.server.http.deps import check_protocol

log = logging.getLogger("fuwutai.platform")

DEFAULT_SERVER_NAME = "参考省级平台"
_HTTP_CODES = {
    400: ErrorCode.INVALID_REQUEST,
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.INVALID_REQUEST,
    413: ErrorCode.BODY_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_ENCODING,
}
_HTTP_MESSAGES = {
    404: "没有这个接口，请检查平台地址是否正确。",
    405: "接口不支持这种请求方式。",
}


def error_response(error: ApiError, request: Request | None = None) -> Response:
    body = ErrorResponse(
        error=ErrorBody(code=error.code, message=error.message, retry_after=error.retry_after, details=error.details)
    )
    headers = dict(error.headers)
    if error.retry_after is not None:
        headers["Retry-After"] = str(error.retry_after)
    if request is not None and request.method == "HEAD":
        return Response(status_code=error.status, headers=headers)
    return Response(content=encode_json(body), status_code=error.status, media_type="application/json", headers=headers)


def create_app(db: Database, *, server_name: str = DEFAULT_SERVER_NAME) -> FastAPI:
    app = FastAPI(
        title="Fuwutai reference provincial platform",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(check_protocol)],
        # A path with a stray trailing slash is a client error (404), not a redirect to follow.
        redirect_slashes=False,
    )
    app.state.db = db
    app.state.server_name = server_name
    app.include_router(routes_sync.router)
    app.include_router(routes_files.router)
    app.include_router(routes_services.router)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return error_response(error, request)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in error.errors()]
        return error_response(
            ApiError(
                422, ErrorCode.INVALID_REQUEST, "请求参数不正确，请升级程序或联系管理员。", details={"errors": errors}
            ),
            request,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(error.status_code, ErrorCode.INVALID_REQUEST)
        message = _HTTP_MESSAGES.get(error.status_code, "请求无法处理。")
        return error_response(ApiError(error.status_code, code, message), request)

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, error: OperationalError) -> Response:
        log.warning("database unavailable: %s", type(error.orig).__name__)
        return error_response(
            ApiError(503, ErrorCode.UNAVAILABLE, "平台数据库繁忙，请稍后自动重试。", retry_after=2), request
        )

    @app.exception_handler(PoolTimeout)
    async def _pool_exhausted(request: Request, _error: PoolTimeout) -> Response:
        # Every database connection stayed busy for the pool's whole wait: overload, not a bug.
        log.warning("database connection pool exhausted")
        return error_response(
            ApiError(503, ErrorCode.UNAVAILABLE, "平台繁忙，请稍后自动重试。", retry_after=2), request
        )

    app.add_middleware(_InternalErrors)
    return app


def _internal_error_log(request: Request, error: BaseException) -> None:
    """Logs where an unexpected error happened: exception types and stack frames, never their messages.

    Messages may quote data (a database error its statement parameters, a validation error its input),
    and request bodies hold personal data and secrets, so only code locations reach the log.
    """
    chain: list[str] = []
    current: BaseException | None = error
    while current is not None and len(chain) < 5:
        chain.append(f"{type(current).__module__}.{type(current).__qualname__}")
        current = current.__cause__ or current.__context__
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("internal error on %s %s: %s\n%s", request.method, request.url.path, " <- ".join(chain), frames)


class _InternalErrors:
    """Turns an unexpected exception into the protocol's 500 body, inside Starlette's error middleware.

    (An ``exception_handler(Exception)`` answers too, but Starlette then re-raises, so uvicorn logs the
    exception with its message and may drop the connection before the client reads the answer.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:  # noqa: BLE001  (the last line of defence: every error gets the protocol body)
            request = Request(scope)
            _internal_error_log(request, error)
            if started:  # too late for an error body: end the connection
                raise RuntimeError("internal error after the answer started") from None
            response = error_response(
                ApiError(500, ErrorCode.INTERNAL, "平台内部错误，请稍后重试；如持续出现请联系平台管理员。"), request
            )
            await response(scope, receive, send)
