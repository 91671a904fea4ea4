"""The one exception services raise for a whole-request failure; the HTTP layer turns it into the error body."""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode | str,
        message: str,
        *,
        retry_after: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = str(code)
        self.message = message
        self.retry_after = retry_after
        self.details = details
        self.headers = headers or {}


def not_found(message: str = "找不到请求的内容。") -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, message)


def invalid(message: str, details: dict[str, Any] | None = None) -> ApiError:
    return ApiError(422, ErrorCode.INVALID_REQUEST, message, details=details)
