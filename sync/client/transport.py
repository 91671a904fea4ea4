"""HTTP to the provincial platform in one small class on a ``requests.Session``.

- Explicit connect and read timeouts on every call; a whole call (with its retries) has a time budget.
- Retries on dropped connections, timeouts, truncated bodies and 408/425/429/500/502/503/504, with
  capped exponential backoff and jitter; a ``Retry-After`` from the platform is never undercut, and
  one that lies beyond the budget ends the call at once with the wait recorded in the error.
- TLS is always verified, against the configured CA bundle when there is one (a provincial CA), else
  the system default. A proxy is used only when configured (``"system"`` = the OS/environment one).
- Request bodies of some size are sent gzip-compressed; responses are read as a stream and refused
  past a size cap (compressed or not), so a broken or hostile answer cannot exhaust memory.
- Every answer is validated against its pydantic model before anyone sees it: malformed JSON or a
  wrong schema is a clear :class:`SyncError`, raised before any local data is touched.
- :meth:`Transport.reachable` is the connectivity check: one quick probe, then a growing pause in
  which it answers "offline" without touching the network, so an offline counter never spins.

Thread use: one Transport per sync thread (``requests.Session`` is not shared across threads).
"""

from __future__ import annotations

import email.utils
import gzip
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.structures import CaseInsensitiveDict

from sync.client.errors import Cancelled, ErrorKind, SyncError

log = logging.getLogger("fuwutai.sync.transport")

T = TypeVar("T", bound=BaseModel)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
SYSTEM_PROXY = "system"
# Codes of SyncError for answers that are not what the protocol promises (not sent by any server).
INVALID_JSON = "client.invalid_json"
INVALID_SCHEMA = "client.invalid_schema"
USER_AGENT = "fuwutai-sync/1"


@dataclass(frozen=True)
class TransportConfig:
    base_url: str
    ca_bundle: str | None = None
    proxy: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    max_attempts: int = 6
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_budget: float = 120.0
    max_response_bytes: int = 64 * 1024 * 1024
    gzip_min_bytes: int = 1024
    probe_path: str = "/"
    probe_timeout: float = 3.0
    offline_backoff_base: float = 5.0
    offline_backoff_cap: float = 300.0


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


ErrorReader = Callable[[RawResponse], "tuple[str | None, str | None]"]


def _no_error_reader(_response: RawResponse) -> tuple[str | None, str | None]:
    return None, None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    wall = time.time() if now is None else now
    return max(0.0, when.timestamp() - wall)


@dataclass
class _OfflineState:
    failures: int = 0
    until: float = 0.0


@dataclass
class Transport:
    config: TransportConfig
    auth_headers: Callable[[], Mapping[str, str]] = field(default=lambda: {})
    error_reader: ErrorReader = _no_error_reader
    cancel: threading.Event = field(default_factory=threading.Event)
    clock: Callable[[], float] = time.monotonic
    rng: Callable[[], float] = random.random
    session: requests.Session = field(default_factory=requests.Session)
    _offline: _OfflineState = field(default_factory=_OfflineState, init=False)
    # Why the last wait happened; read by tests and the log, never needed for correctness.
    waits: list[float] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        parts = urlsplit(self.config.base_url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise SyncError(
                f"省级平台地址“{self.config.base_url}”不正确，应以 https:// 开头。请检查同步设置。",
                kind="config",
            )
        if self.config.ca_bundle and not Path(self.config.ca_bundle).is_file():
            raise SyncError(
                f"找不到证书文件“{self.config.ca_bundle}”。请检查同步设置中的 CA 证书路径。",
                kind="config",
            )
        s = self.session
        s.verify = self.config.ca_bundle or True
        proxy = self.config.proxy
        s.trust_env = proxy == SYSTEM_PROXY
        if proxy and proxy != SYSTEM_PROXY:
            s.proxies = {"http": proxy, "https": proxy}
        s.headers["User-Agent"] = USER_AGENT
        s.headers["Accept"] = "application/json"
        s.headers["Accept-Encoding"] = "gzip"

    # ------------------------------------------------------------------ public calls

    def call(
        self,
        method: str,
        path: str,
        response_model: type[T],
        *,
        body: BaseModel | None = None,
        params: Mapping[str, str | int] | None = None,
        authenticated: bool = True,
    ) -> T:
        """One JSON exchange, retried as needed, its answer validated against ``response_model``."""
        data = None if body is None else body.model_dump_json(by_alias=True).encode()
        return self.fetch(method, path, response_model, data=data, params=params, authenticated=authenticated)[1]

    def fetch(
        self,
        method: str,
        path: str,
        response_model: type[T],
        *,
        data: bytes | None = None,
        content_type: str = "application/json",
        params: Mapping[str, str | int] | None = None,
        authenticated: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[RawResponse, T]:
        """Like :meth:`call` for bytes: the raw answer (headers) and its validated model."""

        def once() -> RawResponse:
            return self.send(
                method,
                path,
                data=data,
                content_type=content_type,
                params=params,
                authenticated=authenticated,
                headers=headers,
            )

        raw = once()
        try:
            return raw, self.parse(raw, response_model)
        except SyncError as exc:
            if exc.code != INVALID_JSON:
                raise
        # An answer cut inside its headers loses its length and arrives "complete" but broken;
        # every call is idempotent, so it is asked once more before being called malformed.
        self._sleep(self._delay(1, None))
        raw = once()
        return raw, self.parse(raw, response_model)

    def parse(self, raw: RawResponse, response_model: type[T]) -> T:
        try:
            return response_model.model_validate_json(raw.body)
        except ValidationError as exc:
            bad_json = _is_json_error(exc)
            problem = "不是有效的 JSON" if bad_json else "内容格式与协议不符"
            log.warning("invalid %s from platform: %s", response_model.__name__, exc.errors(include_input=False)[:3])
            raise SyncError(
                f"省级平台的应答{problem}，本次同步未保存任何内容。"
                "请稍后再试；如果一直出现，请联系县级信息技术人员检查平台。",
                kind="protocol",
                code=INVALID_JSON if bad_json else INVALID_SCHEMA,
            ) from None

    def send(
        self,
        method: str,
        path: str,
        *,
        data: bytes | None = None,
        content_type: str = "application/json",
        params: Mapping[str, str | int] | None = None,
        authenticated: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> RawResponse:
        """Send bytes, retrying transient failures; a 2xx answer is returned, anything else raises."""
        url = self.url(path)
        extra: dict[str, str] = dict(headers or {})
        if authenticated:
            extra.update(self.auth_headers())
        body = data
        if data is not None:
            extra["Content-Type"] = content_type
            if content_type == "application/json" and len(data) >= self.config.gzip_min_bytes:
                body = gzip.compress(data, compresslevel=5)
                extra["Content-Encoding"] = "gzip"
        deadline = self.clock() + self.config.retry_budget
        attempt = 0
        while True:
            self._check_cancel()
            attempt += 1
            retry_after: float | None = None
            try:
                raw = self._once(method, url, body, extra, params)
            except _Transient as exc:
                failure: SyncError = exc.error
            else:
                self._offline = _OfflineState()
                if 200 <= raw.status < 300:
                    return raw
                if raw.status not in RETRY_STATUSES:
                    raise self._refusal(raw)
                retry_after = parse_retry_after(raw.headers.get("Retry-After"))
                failure = self._server_busy(raw, retry_after)
            delay = self._delay(attempt, retry_after)
            if attempt >= self.config.max_attempts or self.clock() + delay > deadline:
                if failure.kind == "offline":
                    self._note_offline()
                raise failure
            log.info("platform call %s %s failed (%s); retry %d in %.1fs", method, path, failure.kind, attempt, delay)
            self._sleep(delay)

    def reachable(self, *, force: bool = False) -> bool:
        """Whether the platform answers now: one quick probe, or False at once during an offline pause."""
        if not force and self.clock() < self._offline.until:
            return False
        try:
            response = self.session.get(
                self.url(self.config.probe_path),
                timeout=(self.config.probe_timeout, self.config.probe_timeout),
                stream=True,
            )
            response.close()
        except requests.RequestException:
            self._note_offline()
            return False
        self._offline = _OfflineState()
        return True

    def offline_for(self) -> float:
        """Seconds left in the current offline pause (0 when not paused)."""
        return max(0.0, self._offline.until - self.clock())

    def url(self, path: str) -> str:
        return urljoin(self.config.base_url.rstrip("/") + "/", path.lstrip("/"))

    def close(self) -> None:
        self.session.close()

    # ------------------------------------------------------------------ internals

    def _once(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        params: Mapping[str, str | int] | None,
    ) -> RawResponse:
        cap = self.config.max_response_bytes
        try:
            with self.session.request(
                method,
                url,
                data=body,
                headers=dict(headers),
                params=dict(params) if params else None,
                timeout=(self.config.connect_timeout, self.config.read_timeout),
                stream=True,
                allow_redirects=False,
            ) as response:
                declared = response.headers.get("Content-Length")
                if declared is not None and declared.isdigit() and int(declared) > cap:
                    raise _too_big(cap)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_content(chunk_size=64 * 1024):
                    size += len(chunk)
                    if size > cap:
                        raise _too_big(cap)
                    chunks.append(chunk)
                return RawResponse(response.status_code, CaseInsensitiveDict(response.headers), b"".join(chunks))
        except requests.exceptions.SSLError as exc:
            raise SyncError(
                "无法验证省级平台的安全证书，连接已中止。请检查同步设置中的 CA 证书，或联系县级信息技术人员。",
                kind="config",
            ) from exc
        except (requests.exceptions.ConnectTimeout, requests.exceptions.ProxyError) as exc:
            raise _Transient(_offline_error()) from exc
        except requests.exceptions.ConnectionError as exc:
            # A refused or reset connection before any answer is "offline"; one cut mid-answer is not,
            # but both are retried the same way.
            raise _Transient(_offline_error() if _before_answer(exc) else _cut_error()) from exc
        except requests.exceptions.Timeout as exc:
            raise _Transient(SyncError("省级平台响应超时。请稍后再试，或检查网络是否畅通。", kind="timeout")) from exc
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise _Transient(_cut_error()) from exc
        except requests.exceptions.InvalidURL as exc:
            raise SyncError("省级平台地址不正确，请检查同步设置。", kind="config") from exc
        except requests.RequestException as exc:
            raise _Transient(_cut_error()) from exc

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        ceiling = min(self.config.backoff_cap, self.config.backoff_base * (2 ** (attempt - 1)))
        delay = float(ceiling / 2 + self.rng() * ceiling / 2)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay

    def _sleep(self, delay: float) -> None:
        self.waits.append(delay)
        if self.cancel.wait(delay):
            raise Cancelled()

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def _note_offline(self) -> None:
        state = self._offline
        state.failures += 1
        pause = min(
            self.config.offline_backoff_cap,
            self.config.offline_backoff_base * (2 ** (state.failures - 1)),
        )
        state.until = self.clock() + pause * (0.75 + self.rng() / 4)

    def _server_busy(self, raw: RawResponse, retry_after: float | None) -> SyncError:
        code, message = self.error_reader(raw)
        wait = ""
        if retry_after is not None:
            wait = f"平台要求 {_human_wait(retry_after)}后再试。"
        detail = f"（{message}）" if message else ""
        return SyncError(
            f"省级平台暂时无法处理请求（HTTP {raw.status}）{detail}。{wait}已保存的数据不受影响，稍后会自动重试。",
            kind="server",
            retry_after=retry_after,
            code=code,
            status=raw.status,
            platform_message=message,
        )

    def _refusal(self, raw: RawResponse) -> SyncError:
        code, message = self.error_reader(raw)
        detail = f"：{message}" if message else ""
        if raw.status in {401, 403}:
            return SyncError(
                f"省级平台拒绝了本机的身份凭据（HTTP {raw.status}）{detail}。"
                "请联系县级信息技术人员重新为本机办理接入（fuwutai enroll）。",
                kind="auth",
                code=code,
                status=raw.status,
                platform_message=message,
            )
        if raw.status == 413:
            return SyncError(
                "发送的数据超过了省级平台允许的大小，请联系县级信息技术人员。",
                kind="refused",
                code=code,
                status=raw.status,
                platform_message=message,
            )
        if 300 <= raw.status < 400:
            return SyncError(
                f"省级平台地址发生了跳转（HTTP {raw.status}），为安全起见没有跟随。请检查同步设置中的平台地址。",
                kind="config",
            )
        kind: ErrorKind = "refused" if raw.status < 500 else "server"
        label = f"（代码 {code}）" if code else ""
        return SyncError(
            f"省级平台拒绝了请求（HTTP {raw.status}）{label}{detail}。已保存的数据不受影响。",
            kind=kind,
            code=code,
            status=raw.status,
            platform_message=message,
        )


class _Transient(Exception):
    def __init__(self, error: SyncError) -> None:
        super().__init__(str(error))
        self.error = error


def _offline_error() -> SyncError:
    return SyncError("无法连接省级平台，本机可能处于离线状态。数据已保存在本机，联网后会自动同步。", kind="offline")


def _cut_error() -> SyncError:
    return SyncError("与省级平台的连接在传输中断开了。数据已保存在本机，稍后会自动重试。", kind="offline")


def _too_big(cap: int) -> SyncError:
    return SyncError(
        f"省级平台的应答超过了 {cap // (1024 * 1024)} MB 的上限，已拒收，本次同步未保存任何内容。"
        "请联系县级信息技术人员检查平台。",
        kind="protocol",
    )


def _before_answer(exc: requests.exceptions.ConnectionError) -> bool:
    text = repr(exc)
    return any(
        marker in text
        for marker in ("NewConnectionError", "Connection refused", "Failed to establish", "NameResolution")
    )


def _is_json_error(exc: ValidationError) -> bool:
    return any(err.get("type") == "json_invalid" for err in exc.errors())


def _human_wait(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} 秒"
    return f"{round(seconds / 60)} 分钟"
