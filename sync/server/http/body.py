"""Reading request bodies within limits (gzip decoded, size capped) and writing JSON answers."""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    GZIP_MIN_BYTES,
    MAX_BODY_BYTES,
    RESET_HEADER,
    BodyTooLarge,
    ErrorCode,
    encode_json,
    gunzip_limited,
    gzip_body,
)
from sync.server.auth_service import DeviceContext
from sync.server.errors import ApiError

Model = TypeVar("Model", bound=BaseModel)


def too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        ErrorCode.BODY_TOO_LARGE,
        f"请求内容超过平台允许的大小（{limit // 1024} KB）。请减少每批的数量后重试。",
        details={"limit": limit},
    )


async def read_raw(request: Request, limit: int) -> bytes:
    """The request body as sent (before decoding), refusing more than ``limit`` bytes without reading them all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise too_large(limit)
        except ValueError as error:
            raise ApiError(400, ErrorCode.INVALID_REQUEST, "请求头 Content-Length 不正确。") from error
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_media_type(request: Request, expected: str) -> None:
    """Refuse a body declared as something else (415); a body without a Content-Type is taken as ``expected``."""
    declared = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not declared or declared == expected or (expected == "application/json" and declared.endswith("+json")):
        return
    raise ApiError(
        415,
        ErrorCode.UNSUPPORTED_ENCODING,
        f"平台不接受“{declared[:60]}”格式的请求内容，请以 {expected} 格式发送。",
        details={"expected": expected},
    )


def decode(request: Request, raw: bytes, limit: int) -> bytes:
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding != "gzip":
        raise ApiError(415, ErrorCode.UNSUPPORTED_ENCODING, f"平台不支持“{encoding}”压缩格式，请使用 gzip 或不压缩。")
    try:
        return gunzip_limited(raw, limit)
    except BodyTooLarge as error:
        raise too_large(limit) from error
    except ValueError as error:
        raise ApiError(400, ErrorCode.INVALID_REQUEST, "请求声明为 gzip 压缩，但内容不是有效的 gzip 数据。") from error


async def read_model(request: Request, model: type[Model], limit: int = MAX_BODY_BYTES) -> Model:
    check_media_type(request, "application/json")
    body = decode(request, await read_raw(request, limit), limit)
    if not body.strip():
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "请求内容为空。")
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        errors = [
            {"loc": [str(part) for part in e["loc"]], "msg": e["msg"], "type": e["type"]} for e in error.errors()[:50]
        ]
        if any(e["type"] == "too_long" and e["loc"][:1] == ["items"] for e in errors):
            raise ApiError(
                413,
                ErrorCode.BODY_TOO_LARGE,
                "一次提交的条目过多，请分批提交。",
                details={"errors": errors},
            ) from error
        raise ApiError(
            422,
            ErrorCode.INVALID_REQUEST,
            "请求内容的格式不符合同步协议，请升级程序或联系管理员。",
            details={"errors": errors},
        ) from error


def reply(
    request: Request,
    model: BaseModel,
    *,
    status: int = 200,
    device: DeviceContext | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A JSON answer, gzip-compressed when the client accepts it and it is worth it."""
    body = encode_json(model)
    out_headers = dict(headers or {})
    if device is not None and device.reset_pending:
        out_headers[RESET_HEADER] = "1"
    if len(body) >= GZIP_MIN_BYTES and "gzip" in request.headers.get("accept-encoding", "").lower():
        body = gzip_body(body)
        out_headers["Content-Encoding"] = "gzip"
    out_headers["Vary"] = "Accept-Encoding"
    return Response(content=body, status_code=status, media_type="application/json", headers=out_headers)
