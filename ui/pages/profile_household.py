"""Person profile panel 家庭与就业核实: the person's household, its members, zero-employment status, census."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.context import AppContext
from ui.operations import Operation

DESTINATION = {"county": "县内", "province": "省内县外", "outside": "省外"}


class HouseholdProfilePanel(QGroupBox):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("家庭与就业核实"))
        self.setObjectName("profileHousehold")
        self.ctx = ctx
        self.person_id: str | None = None
        self.detail: Any = None
        layout = QVBoxLayout(self)
        self.household = QLabel(self.tr("未登记家庭。"))
        self.household.setObjectName("profileHouseholdText")
        self.household.setWordWrap(True)
        layout.addWidget(self.household)
        self.census = QLabel("")
        self.census.setObjectName("profileCensusText")
        self.census.setWordWrap(True)
        layout.addWidget(self.census)
        row = QHBoxLayout()
        self.census_button = QPushButton(self.tr("核实就业情况"))
        self.census_button.setObjectName("profileCensusButton")
        self.census_button.setEnabled(False)
        self.census_button.clicked.connect(self.open_census)
        row.addWidget(self.census_button)
        row.addStretch(1)
        layout.addLayout(row)

    def load(self, person_id: str) -> None:
        self.person_id = person_id
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> Any:
            from app.clock import today
            from app.households import household_detail, person_household_id

            with store.session() as session:
                household_id = person_household_id(session, person_id)
                return household_detail(session, actor, household_id, today()) if household_id else None

        def show(detail: Any) -> None:
            if person_id != self.person_id:
                return
            self.detail = detail
            self._show()

        Operation(self.ctx, self, job, self.tr("正在读取家庭……")).success(show).run()

    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            self.household.setText(self.tr("未登记家庭。安置点家庭可在“家庭与安置点”中导入花名册。"))
            self.census.setText("")
            self.census_button.setEnabled(False)
            return
        members = "、".join(
            f"{m.name}（{m.age if m.age is not None else '?'}岁，"
            f"{self.tr('已就业') if m.employed else (self.tr('未就业') if m.laborer else self.tr('非劳动力'))}）"
            for m in detail.members
        )
        if detail.open_episode is not None:
            status = self.tr("零就业家庭（{0} 列入，尚未清零）").replace("{0}", detail.open_episode.since.isoformat())
        elif detail.zero_employment:
            status = self.tr("零就业家庭")
        elif detail.employed:
            status = self.tr("一户一人以上就业")
        else:
            status = self.tr("无劳动力户")
        text = self.tr("户主：{0}　{1}\n成员：{2}\n状态：{3}")
        for i, value in enumerate((detail.head_name or "", detail.settlement_name or detail.address or "", members,
                                   status)):
            text = text.replace(f"{{{i}}}", value)
        self.household.setText(text)
        me = next((m for m in detail.members if m.person_id == self.person_id), None)
        census = me.census if me is not None else None
        if census is None:
            self.census.setText(self.tr("尚无就业情况核实记录。"))
        elif census.employed:
            line = self.tr("最近核实 {0}（{1}）：{2}就业，{3}，月收入 {4} 元")
            for i, value in enumerate((census.census_on.isoformat(), census.verifier_name or "",
                                       DESTINATION.get(census.destination or "", ""), census.employer_name or "",
                                       census.monthly_income if census.monthly_income is not None else "—")):
                line = line.replace(f"{{{i}}}", str(value))
            self.census.setText(line)
        else:
            line = self.tr("最近核实 {0}（{1}）：未就业 {2}")
            for i, value in enumerate((census.census_on.isoformat(), census.verifier_name or "",
                                       census.not_employed_reason or "")):
                line = line.replace(f"{{{i}}}", value)
            self.census.setText(line)
        self.census_button.setEnabled(me is not None)

    def open_census(self) -> None:
        if self.detail is None or self.person_id is None:
            return
        me = next((m for m in self.detail.members if m.person_id == self.person_id), None)
        if me is None:
            return
        from ui.pages.household_dialogs import CensusDialog

        self.dialog = CensusDialog(self.ctx, self, me.person_id, me.name, me.census)
        self.dialog.saved.connect(lambda _id: self.load(me.person_id))
        self.dialog.open()
