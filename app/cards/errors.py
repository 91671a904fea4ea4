"""Typed card errors. ``str(err)`` is a complete Chinese sentence telling the clerk what to do next.

Messages never contain card data: only field names, error codes and the reader's own error text.
Each class has a stable ``kind`` (used by ``--json`` output)
and a command-line exit code so scripts can tell the cases apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from app.errors import UserError


class CardError(UserError):
    """Base of every card problem the clerk or IT staff can act on."""

    kind: ClassVar[str] = "CardError"
    exit_code: ClassVar[int] = 10
    default_message: ClassVar[str] = "读卡没有成功。请重新放卡再读一次；仍不行请联系信息技术人员。"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)

    def extra(self) -> dict[str, Any]:
        """Fields besides the message that a subclass needs to be rebuilt on the other side of a pipe."""
        return {}


class NoReader(CardError):
    kind = "NoReader"
    exit_code = 11
    default_message = (
        "没有找到读卡器。请检查读卡器的数据线是否插好、驱动是否已安装，然后再读一次；仍不行请联系信息技术人员。"
    )


class NoCard(CardError):
    kind = "NoCard"
    exit_code = 12
    default_message = "读卡器上没有卡。请把卡插入读卡器（或放在感应区上）后再读一次。"


class WrongCard(CardError):
    kind = "WrongCard"
    exit_code = 13
    default_message = "这张卡无法识别，可能不是社会保障卡，或插反了。请确认卡片和插卡方向后再读一次。"


class CardLocked(CardError):
    kind = "CardLocked"
    exit_code = 14
    default_message = "这张社保卡的密码已锁定，无法继续。请持卡人到社保卡服务网点或合作银行网点解锁密码。"


class NeedsOnlineAuth(CardError):
    """The card can only be read through the platform's encryption machine (the two-step HSM route)."""

    kind = "NeedsOnlineAuth"
    exit_code = 15
    default_message = (
        "这张卡需要经人社平台联网认证后才能读取，本机的读卡器驱动或平台没有完成认证。"
        "请稍后再读一次；仍不行请联系信息技术人员检查读卡器驱动。"
    )


class NeedsNetwork(NeedsOnlineAuth):
    """Online authentication is needed but the platform cannot be reached (or none is configured)."""

    kind = "NeedsNetwork"
    exit_code = 16
    default_message = (
        "这张卡需要连接人社平台认证后才能读取，但现在无法连接平台。"
        "请检查网络后再读一次；暂时无法联网时，可以先手工录入证件号码办理。"
    )


class ReaderFault(CardError):
    kind = "ReaderFault"
    exit_code = 17
    default_message = "读卡器出现故障。请拔下读卡器的数据线再插上，然后再读一次；仍不行请联系信息技术人员。"


class CardDataInvalid(CardError):
    """What the reader returned is malformed or fails validation (e.g. a 社会保障号码 with a bad check digit)."""

    kind = "CardDataInvalid"
    exit_code = 18

    def __init__(self, problem: str, message: str | None = None) -> None:
        self.problem = problem
        super().__init__(
            message
            or f"读到的卡片数据不正确：{problem}。请重新放卡再读一次；仍不正确时请人工核对证件，"
            "并请信息技术人员检查读卡器驱动。"
        )

    def extra(self) -> dict[str, Any]:
        return {"problem": self.problem}


class PinWrong(CardError):
    kind = "PinWrong"
    exit_code = 19

    def __init__(self, tries_left: int | None = None, message: str | None = None) -> None:
        self.tries_left = tries_left
        if message is None:
            if tries_left is None:
                message = "社保卡密码不正确。请持卡人在读卡器的密码键盘上重新输入。"
            else:
                message = (
                    f"社保卡密码不正确，还可以再试 {tries_left} 次，次数用完密码会被锁定。"
                    "请持卡人在读卡器的密码键盘上重新输入。"
                )
        super().__init__(message)

    def extra(self) -> dict[str, Any]:
        return {"tries_left": self.tries_left}


ERROR_TYPES: Mapping[str, type[CardError]] = {
    cls.kind: cls
    for cls in (
        CardError,
        NoReader,
        NoCard,
        WrongCard,
        CardLocked,
        NeedsOnlineAuth,
        NeedsNetwork,
        ReaderFault,
        CardDataInvalid,
        PinWrong,
    )
}


def error_to_json(err: CardError) -> dict[str, Any]:
    return {"type": err.kind, "message": str(err), **err.extra()}


class QrRejected(CardError):
    """The platform looked at an 电子社保卡 QR code and refused it (unknown, forged or expired)."""

    kind = "QrRejected"
    exit_code = 20
    default_message = "电子社保卡二维码无效。请让服务对象刷新电子社保卡二维码后重新扫描，或改用证件办理。"
