"""专项活动 and 代理服务 on the case editor: the running campaign is preselected; an agent (a relative or a
village official applying on the person's behalf) is recorded with a validated ID number and the
authorisation. Both are saved when the case is accepted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.operations import Operation
from ui.pages.services_dialogs import actor_of

if TYPE_CHECKING:
    from ui.pages.case_editor import CaseEditor

DOC_TYPES = {
    "resident_id": "居民身份证",
    "ss_card": "社会保障卡",
    "residence_permit": "港澳台居民居住证",
    "hkmo_permit": "港澳居民来往内地通行证",
    "tw_permit": "台湾居民来往大陆通行证",
}


class CaseExtras(QGroupBox):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor.tr("专项活动与代理办理"))
        from app.services_extra.agents import AUTHORISATIONS, RELATIONS

        self.setObjectName("caseExtras")
        self.editor, self.ctx = editor, editor.ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        top = QHBoxLayout()
        self.campaign = QComboBox()
        self.campaign.setObjectName("caseCampaign")
        self.campaign.addItem(self.tr("（不属于专项活动）"), None)
        top.addWidget(QLabel(self.tr("专项活动")))
        top.addWidget(self.campaign, 1)
        self.by_agent = QCheckBox(self.tr("代理办理（亲属或村（社区）干部代为申请）"))
        self.by_agent.setObjectName("caseByAgent")
        top.addWidget(self.by_agent)
        outer.addLayout(top)
        self.agent_box = QWidget()
        grid = QGridLayout(self.agent_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.agent_name = QLineEdit()
        self.agent_name.setObjectName("agentName")
        self.agent_doc_type = QComboBox()
        for code, label in DOC_TYPES.items():
            self.agent_doc_type.addItem(label, code)
        self.agent_number = QLineEdit()
        self.agent_number.setObjectName("agentNumber")
        self.relation = QComboBox()
        self.relation.setObjectName("agentRelation")
        for code, label in RELATIONS.items():
            self.relation.addItem(label, code)
        self.authorisation = QComboBox()
        self.authorisation.setObjectName("agentAuthorisation")
        for code, label in AUTHORISATIONS.items():
            self.authorisation.addItem(label, code)
        self.agent_phone = QLineEdit()
        cells = (
            (self.tr("代理人姓名"), self.agent_name),
            (self.tr("证件类型"), self.agent_doc_type),
            (self.tr("证件号码"), self.agent_number),
            (self.tr("与申请人关系"), self.relation),
            (self.tr("授权方式"), self.authorisation),
            (self.tr("代理人电话"), self.agent_phone),
        )
        for n, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), n // 3, (n % 3) * 2)
            grid.addWidget(widget, n // 3, (n % 3) * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        outer.addWidget(self.agent_box)
        self.agent_box.setVisible(False)
        self.by_agent.toggled.connect(self.agent_box.setVisible)
        self._load()

    def _load(self) -> None:
        ctx, case_id = self.ctx, self.editor.case_id

        def job() -> Any:
            from app.clock import today
            from app.services_extra import agents, campaigns

            with ctx.store.session() as session:
                day = today()
                return (
                    campaigns.campaigns(session, day.year),
                    campaigns.suggested_campaign(session, day),
                    campaigns.case_campaigns(session, case_id) if case_id else [],
                    agents.case_agent(session, case_id) if case_id else None,
                    day,
                )

        Operation(ctx, self, job).success(self._show).run()

    def _show(self, result: Any) -> None:
        found, suggested, tagged, agent, day = result
        for c in found:
            running = self.tr("（进行中）") if c.active_on(day) else ""
            self.campaign.addItem(f"{c.name} {c.starts_on:%m-%d}至{c.ends_on:%m-%d}{running}", c.code)
        chosen = tagged[0] if tagged else (suggested.code if suggested else None)
        if chosen is not None:
            index = self.campaign.findData(chosen)
            if index >= 0:
                self.campaign.setCurrentIndex(index)
        if agent is not None:
            self.by_agent.setChecked(True)
            self.agent_name.setText(agent.agent_name)
            self.agent_number.setPlaceholderText(agent.masked_number + self.tr("（已登记，重填则更新）"))
            self.relation.setCurrentIndex(max(self.relation.findData(agent.relation), 0))
            self.authorisation.setCurrentIndex(max(self.authorisation.findData(agent.authorisation), 0))

    def agent_problem(self) -> str | None:
        """A Chinese message when the agent's ID number is invalid (checked before acceptance)."""
        from app.catalog.model import DOC_TYPE_KINDS
        from app.validation import validate

        if not self.by_agent.isChecked() or not self.agent_number.text().strip():
            return None
        result = validate(DOC_TYPE_KINDS[self.agent_doc_type.currentData()], self.agent_number.text())
        return None if result.ok else self.tr("代理人证件号码：") + "；".join(result.errors)

    def save(self) -> None:
        """Runs when the editor accepted the case: campaign tag, agent, training / entrepreneurship records."""
        ctx, case_id = self.ctx, self.editor.case_id
        if not case_id:
            return
        code = self.campaign.currentData()
        agent: dict[str, Any] | None = None
        if self.by_agent.isChecked() and self.agent_number.text().strip():
            agent = {
                "name": self.agent_name.text(),
                "doc_type": self.agent_doc_type.currentData(),
                "doc_number": self.agent_number.text(),
                "relation": self.relation.currentData(),
                "authorisation": self.authorisation.currentData(),
                "phone": self.agent_phone.text(),
            }

        def job() -> Any:
            from app.services_extra.case_hooks import after_accept

            with ctx.store.session() as session:
                return after_accept(session, actor_of(ctx), case_id, campaign_code=code, agent=agent)

        def failed(error: BaseException) -> None:
            from ui.errors import show_error

            show_error(self.editor.parentWidget(), error, self.tr("受理后的登记未完成"))

        Operation(ctx, self.editor.parentWidget(), job).failure(failed).run()


def attach_case_extras(editor: CaseEditor) -> CaseExtras:
    """Put the box above the editor's bottom row and save it when the case is accepted."""
    extras = CaseExtras(editor)
    layout = editor.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.count() - 1, extras)
    editor.accepted.connect(extras.save)
    return extras
