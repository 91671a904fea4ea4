"""Which reader a station uses and how it is configured, and the factory that opens it.

``ReaderSettings`` is plain data (the settings screen edits it, ``to_dict``/``from_dict`` store it);
``open_reader`` builds the backend and must run on the card thread, so pass ``reader_factory(...)`` to
``CardService`` rather than calling it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, get_args

from app.cards.errors import ReaderFault
from app.cards.idcard import FAMILIES, Family
from app.cards.reader import CardReader, OnlineAuthenticator
from app.cards.vendor import CONVENTIONS, ITYPES, Convention, VendorConfig

if TYPE_CHECKING:
    from app.cards.simulator import SimulatedHolder

BackendKind = Literal["simulator", "pcsc", "vendor", "idcard"]
BACKENDS: tuple[str, ...] = get_args(BackendKind)
BACKEND_LABELS: Mapping[str, str] = {
    "pcsc": "通用智能卡读卡器（PC/SC）",
    "vendor": "厂商社保卡读卡器（驱动文件）",
    "idcard": "二代身份证阅读器",
    "simulator": "模拟读卡（培训演示）",
}


@dataclass(frozen=True)
class ReaderSettings:
    backend: BackendKind = "pcsc"
    library: str | None = None  # vendor: SSCardDriver.dll / .so; idcard: sdtapi.dll / termb.dll
    itype: int = 3
    convention: Convention = "auto"
    step1_has_itype: bool = True
    use_helper: bool = False  # vendor library through the (32-bit) helper process
    helper_command: tuple[str, ...] = ()  # empty: the bundled helper
    reader_name: str | None = None  # pcsc: part of the reader's name; empty: the first reader with a card
    idcard_family: Family = "auto"
    idcard_port: int | None = None
    scenario: str = "card20"  # simulator

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {self.backend!r}")
        if self.itype not in ITYPES:
            raise ValueError(f"itype must be 1-4, got {self.itype!r}")
        if self.convention not in CONVENTIONS:
            raise ValueError(f"convention must be one of {CONVENTIONS}, got {self.convention!r}")
        if self.idcard_family not in FAMILIES:
            raise ValueError(f"idcard_family must be one of {FAMILIES}, got {self.idcard_family!r}")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["helper_command"] = list(self.helper_command)
        return data

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> ReaderSettings:
        """The workstation's reader from its settings (``app.settings`` keys ``card_*``, preset applied).

        ``get_settings`` has already validated each value; anything else (a caller's own dict) that is
        not a known choice falls back to that option's default rather than leaving the counter without a
        reader."""
        default = cls()

        def pick(key: str, allowed: Collection[Any], fallback: Any) -> Any:
            value = values.get(key)
            return value if value in allowed else fallback

        port = values.get("card_idcard_port")
        return cls(
            backend=pick("card_backend", BACKENDS, default.backend),
            library=str(values.get("card_library") or "").strip() or None,
            itype=pick("card_itype", ITYPES, default.itype),
            convention=pick("card_convention", CONVENTIONS, default.convention),
            use_helper=values.get("card_helper") is True,
            step1_has_itype=values.get("card_step1_itype", True) is not False,
            reader_name=str(values.get("card_reader_name") or "").strip() or None,
            idcard_family=pick("card_idcard_family", FAMILIES, default.idcard_family),
            idcard_port=port if isinstance(port, int) and not isinstance(port, bool) and port > 0 else None,
            scenario=pick("card_scenario", _scenarios(), default.scenario),
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReaderSettings:
        """Rebuild stored settings; unknown keys are ignored, bad values raise ValueError."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "helper_command" in values:
            values["helper_command"] = tuple(str(part) for part in values["helper_command"] or ())
        try:
            return cls(**values)
        except TypeError as exc:
            raise ValueError(str(exc)) from None


def _scenarios() -> dict[str, str]:
    from app.cards.simulator import SCENARIOS

    return SCENARIOS


def _library(settings: ReaderSettings, what: str) -> str:
    if not settings.library:
        raise ReaderFault(f"还没有设置{what}的驱动文件。请在读卡器设置中选择厂商提供的驱动文件后再读卡。")
    return settings.library


def open_reader(
    settings: ReaderSettings,
    authenticator: OnlineAuthenticator | None = None,
    holders: Sequence[SimulatedHolder] = (),
) -> CardReader:
    """Build the configured backend. Runs on the card thread. ``holders``: whose cards the simulator
    deals (the demo passes some of its own persons, so a read finds them); empty for its own list."""
    if settings.backend == "simulator":
        from app.cards.simulator import SimulatorReader

        return SimulatorReader(settings.scenario, authenticator=authenticator, holders=list(holders) or None)
    if settings.backend == "pcsc":
        from app.cards.pcsc import PcscReader

        return PcscReader(settings.reader_name)
    if settings.backend == "idcard":
        from app.cards.idcard import IdCardConfig, IdCardReader

        config = IdCardConfig(
            library=_library(settings, "身份证阅读器"),
            family=settings.idcard_family,
            port=settings.idcard_port,
            convention=settings.convention,
        )
        return IdCardReader(config)
    vendor = VendorConfig(
        library=_library(settings, "社保卡读卡器"),
        itype=settings.itype,
        convention=settings.convention,
        step1_has_itype=settings.step1_has_itype,
    )
    if settings.use_helper:
        from app.cards.helper_client import HelperProcessReader

        return HelperProcessReader(vendor, authenticator, command=settings.helper_command or None)
    from app.cards.vendor import VendorReader

    return VendorReader(vendor, authenticator)


def reader_factory(
    settings: ReaderSettings,
    authenticator: OnlineAuthenticator | None = None,
    holders: Sequence[SimulatedHolder] = (),
) -> Callable[[], CardReader]:
    return lambda: open_reader(settings, authenticator, holders)
