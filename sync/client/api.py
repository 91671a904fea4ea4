"""The platform's endpoints as typed calls: protocol-1 models in, validated protocol-1 models out.

Everything the client knows about URLs, headers and error bodies is here; the engine only sees
models. Answers are checked beyond their schema where the protocol promises more (a push answer
has one result per item, in order; a page's cursor never goes backwards), so a misbehaving server
is stopped at the edge with a clear :class:`SyncError`, before any local write.
"""

from __future__ import annotations

import json
import logging
import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from sync.client.errors import SyncError
from sync.client.transport import RawResponse, Transport
from sync.protocol.attachments import AttachmentStatus, CommitRequest
from sync.protocol.auth import EnrolRequest, EnrolResponse, LoginRequest, LoginResponse, OkResponse, ServerInfo
from sync.protocol.cards import CardAuthRequest, CardAuthResponse, QrVerifyRequest, QrVerifyResponse
from sync.protocol.changes import ChangesPage, ResetAckResponse
from sync.protocol.common import (
    MAX_PAGE_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    RESET_HEADER,
    SESSION_HEADER,
    Paths,
)
from sync.protocol.errors import ErrorResponse
from sync.protocol.push import PushRequest, PushResponse
from sync.protocol.refdata import RefDataIndex, RefDataPage

log = logging.getLogger("fuwutai.sync.api")

M = TypeVar("M", bound=BaseModel)
CLIENT_VERSION = "fuwutai-0.1"
# Changes asked for per page (the engine lowers it to the platform's advertised limit). The largest page
# protocol 1 allows: a first pull of 200,000 records pays its per-page costs (a commit, the look-ups,
# the index statements) 200 times instead of 400; a page of 1,000 records is about 1 MB of JSON.
PULL_PAGE_LIMIT = MAX_PAGE_LIMIT


def read_error(raw: RawResponse) -> tuple[str | None, str | None]:
    """(code, Chinese message) of a protocol error body; (None, None) when the body is not one."""
    try:
        body = ErrorResponse.model_validate_json(raw.body)
    except ValidationError:
        return None, None
    return body.error.code, body.error.message


def device_name() -> str:
    return (platform.node() or "fuwutai-workstation")[:200]


@dataclass
class PlatformApi:
    transport: Transport
    # Set when any authenticated answer carried the reset header; the engine reads and clears it.
    reset_seen: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.transport.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        self.transport.error_reader = read_error

    # ------------------------------------------------------------------ calls

    def hello(self) -> ServerInfo:
        info = self._call("GET", Paths.HELLO, ServerInfo, authenticated=False)
        if info.protocol_version != PROTOCOL_VERSION:
            raise SyncError(
                f"省级平台使用的同步协议版本（{info.protocol_version}）与本程序（{PROTOCOL_VERSION}）不一致。"
                "请升级服务台程序，或联系县级信息技术人员。",
                kind="protocol",
            )
        return info

    def enrol(self, token: str) -> EnrolResponse:
        request = EnrolRequest(token=token, device_name=device_name(), client_version=CLIENT_VERSION)
        return self._call("POST", Paths.ENROL, EnrolResponse, body=request, authenticated=False)

    def login(self, username: str, password: str) -> LoginResponse:
        return self._call("POST", Paths.LOGIN, LoginResponse, body=LoginRequest(username=username, password=password))

    def logout(self, session_token: str) -> None:
        self._call("POST", Paths.LOGOUT, OkResponse, data=b"{}", headers={SESSION_HEADER: session_token})

    def push(self, request: PushRequest) -> PushResponse:
        response = self._call("POST", Paths.PUSH, PushResponse, body=request)
        sent = [item.mutation_id for item in request.items]
        got = [result.mutation_id for result in response.results]
        if got != sent:
            raise SyncError(
                "省级平台对本批数据的应答与发送的内容对不上，本批结果未保存，稍后会重新发送。"
                "如果一直出现，请联系县级信息技术人员检查平台。",
                kind="protocol",
            )
        return response

    def changes(self, cursor: int, limit: int, *, count: bool = False) -> ChangesPage:
        """A feed page; with ``count`` the platform is asked how many records follow it (``remaining``:
        optional, a platform may leave it out)."""
        params: dict[str, str | int] = {"cursor": cursor, "limit": limit}
        if count:
            params["count"] = "true"
        page = self._call("GET", Paths.CHANGES, ChangesPage, params=params)
        if page.next_cursor < cursor or (page.items and page.items[0].seq <= cursor):
            raise SyncError(
                f"省级平台的变更序号倒退了（本机已同步到 {cursor}，平台给出 {page.next_cursor}）。"
                "为保护本机数据，本页没有保存。请联系县级信息技术人员检查平台。",
                kind="protocol",
            )
        if len(page.items) > limit:
            raise SyncError("省级平台一次发来的变更超过了请求的数量，本页没有保存。", kind="protocol")
        return page

    def reset_ack(self) -> ResetAckResponse:
        return self._call("POST", Paths.RESET_ACK, ResetAckResponse, data=b"{}")

    def refdata_index(self) -> RefDataIndex:
        return self._call("GET", Paths.REFDATA, RefDataIndex)

    def refdata_page(self, stream: str, version: int, offset: int, limit: int) -> RefDataPage:
        page = self._call(
            "GET",
            Paths.refdata_stream(stream),
            RefDataPage,
            params={"version": version, "offset": offset, "limit": limit},
        )
        if page.stream != stream or page.version != version or page.offset != offset:
            raise SyncError(f"省级平台发来的{stream}数据页与请求不符，本次没有保存。", kind="protocol")
        if page.next_offset is not None and page.next_offset <= offset:
            raise SyncError(f"省级平台发来的{stream}数据页序号倒退，本次没有保存。", kind="protocol")
        return page

    def attachment_status(self, sha256: str) -> AttachmentStatus:
        return self._call("GET", Paths.attachment(sha256) + "/status", AttachmentStatus)

    def attachment_chunk(self, sha256: str, offset: int, data: bytes) -> AttachmentStatus:
        return self._call(
            "PUT",
            Paths.attachment_chunk(sha256),
            AttachmentStatus,
            data=data,
            content_type="application/octet-stream",
            params={"offset": offset},
        )

    def attachment_commit(self, sha256: str, size: int, media_type: str) -> AttachmentStatus:
        body = CommitRequest(size=size, media_type=media_type)
        return self._call("POST", Paths.attachment_commit(sha256), AttachmentStatus, body=body)

    def card_authenticate(self, request: CardAuthRequest) -> CardAuthResponse:
        return self._call("POST", Paths.CARD_AUTH, CardAuthResponse, body=request)

    def qr_verify(self, request: QrVerifyRequest) -> QrVerifyResponse:
        return self._call("POST", Paths.QR_VERIFY, QrVerifyResponse, body=request)

    def close(self) -> None:
        self.transport.close()

    # ------------------------------------------------------------------ internals

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        body: BaseModel | None = None,
        data: bytes | None = None,
        content_type: str = "application/json",
        params: Mapping[str, str | int] | None = None,
        authenticated: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> M:
        payload = body.model_dump_json().encode() if body is not None else data
        raw, answer = self.transport.fetch(
            method,
            path,
            model,
            data=payload,
            content_type=content_type,
            params=params,
            authenticated=authenticated,
            headers=headers,
        )
        if authenticated:
            self._note_reset(raw)
        return answer

    def _note_reset(self, raw: RawResponse) -> None:
        if raw.headers.get(RESET_HEADER, "").strip() == "1":
            self.reset_seen = True


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
