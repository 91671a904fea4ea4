"""就业援助: recognition of 就业困难人员, the assistance plan and its steps, 公益性岗位 placements, lists.

Rules (all numbers are data):
- Recognition needs a 失业登记 in force, at least one category of the editable ``hardship_category`` code
  table, and either a 部门信息核查 result or a recorded field investigation (who, when, findings). It is
  valid for the ``hardship_recognition`` item's ``validity`` (2 years, unconfirmed); a new recognition is
  possible only within ``RENEW_WINDOW_DAYS`` of the old one's end. It opens the person's assistance plan.
- A plan has steps (what, who is responsible, by when, progress); it closes when the person is employed
  (就业登记, placement) or by hand with a reason.
- A 公益性岗位 placement needs an active recognition or the 零就业家庭成员 / 易地扶贫搬迁劳动力 tag, no other
  active placement, at most ``max_placements`` placements, and the subsidised months of all placements
  within ``subsidy_max_years`` unless the person is within ``retirement_extension_years`` of retirement —
  the limits of the ``public_welfare_placement`` item definition.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import PermissionDenied, StaffInfo, allowed, require
from app.catalog import Catalog
from app.errors import NotFound, ValidationFailed
from app.persons.service import set_employment_status
from app.refdata.local_tables import effective_code_tables
from app.services.assistance_model import (
    AssistanceInfo,
    ListLine,
    PlacementInfo,
    PlacementInput,
    PlacementLimits,
    PlanInfo,
    RecognitionInfo,
    RecognitionInput,
    StepInfo,
)
from app.services.dates import add_months, months_covered
from app.services.unemployment import EMPLOYED, FlowError, end_registrations, registrations_in_force
from app.store.models import Case, Person, PersonTag
from app.store.models_assistance import AssistancePlan, AssistancePlanStep, HardshipRecognition, WelfarePlacement
from app.workflow.states import State

RECOGNITION_ITEM = "hardship_recognition"
PLACEMENT_ITEM = "public_welfare_placement"
CHECK_METHODS = {"info_check": "部门信息核查", "investigation": "工作人员调查"}
STEP_STATUS = {"planned": "未开始", "in_progress": "进行中", "done": "已完成"}
RENEW_WINDOW_DAYS = 60
EXPIRY_HORIZON_DAYS = 60
# Person tags (codes of the person_tag table, or their labels) that qualify for a placement without recognition.
PLACEMENT_TAGS = {"10", "05", "零就业家庭成员", "易地扶贫搬迁劳动力"}


# --- recognition -------------------------------------------------------------------------------------


def _labels(session: Session, table: str) -> dict[str, str]:
    codes = effective_code_tables(session).get(table)
    return {e.code: e.label for e in codes} if codes is not None else {}


def _active_recognition(session: Session, person_id: str) -> HardshipRecognition | None:
    return session.scalars(
        select(HardshipRecognition)
        .where(
            HardshipRecognition.person_id == person_id,
            HardshipRecognition.deleted.is_(False),
            HardshipRecognition.status == "active",
        )
        .order_by(HardshipRecognition.recognized_on.desc())
        .limit(1)
    ).first()


def _may_recognize(session: Session, actor: StaffInfo, person_id: str, case_id: str | None) -> None:
    if case_id is None:
        if not allowed(actor.role, "hardship.recognize"):
            raise PermissionDenied(
                f"当前账号（{actor.role_label}）不能直接认定就业困难人员：请在人员档案中点“申请认定（送审核）”"
                "发起就业困难人员认定办件，经审核人员审核通过后生效。"
            )
        return
    case = session.get(Case, case_id)
    if (
        case is None
        or case.item_code != RECOGNITION_ITEM
        or case.person_id != person_id
        or case.state != State.COMPLETED.value
    ):
        raise PermissionDenied("只有审核通过并办结的就业困难人员认定办件才能记录认定结果，请先完成审核。")


def recognize(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    data: RecognitionInput,
    *,
    catalog: Catalog,
    today: date,
    case_id: str | None = None,
) -> str:
    """Record a recognition of 就业困难人员; returns its id. Raises ValidationFailed or FlowError.

    Directly (no ``case_id``) only a role that may decide recognitions (审核, 站点管理员) may record it;
    otherwise it is the outcome of a completed, reviewed 就业困难人员认定 case of the same person."""
    require(actor.role, "person.edit")
    _may_recognize(session, actor, person_id, case_id)
    _person(session, person_id)
    errors: dict[str, list[str]] = {}
    labels = _labels(session, "hardship_category")
    categories = tuple(dict.fromkeys(c.strip() for c in data.categories if c.strip()))
    if not categories:
        errors["categories"] = ["就业困难人员类别：请至少选择一个类别。"]
    unknown = [c for c in categories if labels and c not in labels]
    if unknown:
        errors["categories"] = [f"就业困难人员类别：代码“{unknown[0]}”不在本地代码表中，请先在代码表中维护。"]
    recognized_on = data.recognized_on or today
    if recognized_on > today:
        errors["recognized_on"] = ["认定日期：不能晚于今天。"]
    if data.check_method == "info_check":
        if not (data.info_check_result or "").strip():
            errors["info_check_result"] = [
                "部门信息核查结果：请填写核查结论（如：经民政、残联信息核查，所报类别属实）；核查无法确认的，请改为工作人员调查。"
            ]
    elif data.check_method == "investigation":
        if not (data.investigators or "").strip():
            errors["investigators"] = ["调查人员：请填写开展调查的工作人员。"]
        if data.investigation_on is None:
            errors["investigation_on"] = ["调查日期：请填写调查日期。"]
        elif data.investigation_on > today:
            errors["investigation_on"] = ["调查日期：不能晚于今天。"]
        if not (data.investigation_findings or "").strip():
            errors["investigation_findings"] = ["调查情况：请填写调查了解到的情况和结论。"]
    else:
        errors["check_method"] = ["核实方式：请选择“部门信息核查”或“工作人员调查”。"]
    if errors:
        raise ValidationFailed(errors)
    if not registrations_in_force(session, person_id):
        raise FlowError("该人员没有有效的失业登记。就业困难人员应为登记失业人员，请先为其办理失业登记。")
    current = _active_recognition(session, person_id)
    if current is not None:
        if current.valid_until - timedelta(days=RENEW_WINDOW_DAYS) > recognized_on:
            raise FlowError(
                f"该人员已认定为就业困难人员，有效期至 {current.valid_until}；"
                f"到期前 {RENEW_WINDOW_DAYS} 天内才能重新认定，无需重复认定。"
            )
        current.status = "ended"
        current.ended_on = recognized_on
        current.end_reason = "重新认定"
    item = catalog.get(RECOGNITION_ITEM)
    validity = item.validity
    months = validity.months if validity is not None else 24
    investigation = data.check_method == "investigation"
    row = HardshipRecognition(
        person_id=person_id,
        case_id=case_id,
        categories=list(categories),
        check_method=data.check_method,
        info_check_result=(data.info_check_result or "").strip() or None,
        investigation_on=data.investigation_on if investigation else None,
        investigators=(data.investigators or "").strip() or None if investigation else None,
        investigation_findings=(data.investigation_findings or "").strip() or None if investigation else None,
        recognized_on=recognized_on,
        valid_until=add_months(recognized_on, months) - timedelta(days=1),
        recognized_by=actor.id,
    )
    session.add(row)
    session.flush()
    plan = _open_plan(session, person_id)
    if plan is None:
        session.add(AssistancePlan(person_id=person_id, recognition_id=row.id, opened_on=recognized_on))
    else:
        plan.recognition_id = row.id
    session.flush()
    audit.record(
        session,
        actor.id,
        "assistance.recognize",
        "hardship_recognition",
        row.id,
        {"person_id": person_id, "categories": list(categories), "method": data.check_method},
    )
    return row.id


def recognition_from_case_form(form: dict[str, object]) -> RecognitionInput | None:
    """The recognition a reviewed 就业困难人员认定 case decides (None when its form names no category)."""
    raw = form.get("hardship_categories")
    categories = tuple(str(c) for c in raw) if isinstance(raw, list) else ()
    if not categories:
        return None
    investigated = bool(form.get("field_investigation"))
    when = form.get("investigation_date")
    return RecognitionInput(
        categories=categories,
        check_method="investigation" if investigated else "info_check",
        info_check_result=str(form.get("info_check_result") or "") or ("见办件表单" if not investigated else None),
        investigation_on=date.fromisoformat(when) if isinstance(when, str) and when else None,
        investigators=str(form.get("investigators") or "") or None,
        investigation_findings=str(form.get("investigation_record") or "") or None,
    )


# --- plan --------------------------------------------------------------------------------------------


def _open_plan(session: Session, person_id: str) -> AssistancePlan | None:
    return session.scalars(
        select(AssistancePlan).where(
            AssistancePlan.person_id == person_id,
            AssistancePlan.status == "open",
            AssistancePlan.deleted.is_(False),
        )
    ).first()


def add_step(
    session: Session, actor: StaffInfo, person_id: str, *, content: str, owner: str, due_on: date, today: date
) -> str:
    require(actor.role, "person.edit")
    plan = _open_plan(session, person_id)
    if plan is None:
        raise FlowError("该人员没有进行中的就业援助计划。请先认定为就业困难人员，认定后自动建立援助计划。")
    errors: dict[str, list[str]] = {}
    content, owner = content.strip(), owner.strip()
    if not content:
        errors["content"] = ["服务内容：请填写这一步要做什么（如：推荐3个保洁岗位、参加家政培训）。"]
    elif len(content) > 200:
        errors["content"] = ["服务内容：最多200字，请精简。"]
    if not owner:
        errors["owner"] = ["责任人：请填写负责这一步的工作人员或单位。"]
    elif len(owner) > 60:
        errors["owner"] = ["责任人：最多60字。"]
    if due_on < plan.opened_on:
        errors["due_on"] = [f"完成时限：不能早于援助计划建立日期 {plan.opened_on}。"]
    if errors:
        raise ValidationFailed(errors)
    seq = (
        session.scalar(
            select(func.max(AssistancePlanStep.seq)).where(
                AssistancePlanStep.plan_id == plan.id, AssistancePlanStep.deleted.is_(False)
            )
        )
        or 0
    ) + 1
    step = AssistancePlanStep(plan_id=plan.id, seq=seq, content=content, owner=owner, due_on=due_on)
    session.add(step)
    session.flush()
    audit.record(session, actor.id, "assistance.step_add", "assistance_plan_step", step.id, {"person_id": person_id})
    return step.id


def update_step(session: Session, actor: StaffInfo, step_id: str, *, progress: str, done: bool, today: date) -> None:
    require(actor.role, "person.edit")
    step = session.get(AssistancePlanStep, step_id)
    if step is None or step.deleted:
        raise NotFound("找不到该援助步骤，可能已被删除，请刷新后重试。")
    plan = session.get(AssistancePlan, step.plan_id)
    if plan is None or plan.status != "open":
        raise FlowError("援助计划已关闭，不能再修改步骤。")
    progress = progress.strip()
    if not progress:
        raise ValidationFailed({"progress": ["进展情况：请填写这一步的进展。"]})
    entry = f"{today.isoformat()} {progress}"
    step.progress = f"{step.progress}\n{entry}" if step.progress else entry
    step.status = "done" if done else "in_progress"
    step.done_on = today if done else None
    session.flush()
    audit.record(
        session, actor.id, "assistance.step_update", "assistance_plan_step", step.id, {"person_id": plan.person_id}
    )


def close_open_plan(session: Session, actor: StaffInfo, person_id: str, reason: str, day: date) -> bool:
    plan = _open_plan(session, person_id)
    if plan is None:
        return False
    plan.status = "closed"
    plan.closed_on = day
    plan.close_reason = reason
    session.flush()
    audit.record(session, actor.id, "assistance.plan_close", "assistance_plan", plan.id, {"person_id": person_id})
    return True


def close_plan(session: Session, actor: StaffInfo, person_id: str, reason: str, today: date) -> None:
    require(actor.role, "person.edit")
    if not reason.strip():
        raise ValidationFailed({"reason": ["关闭原因：请填写关闭援助计划的原因（如：已实现就业、本人放弃援助）。"]})
    if not close_open_plan(session, actor, person_id, reason.strip(), today):
        raise FlowError("该人员没有进行中的援助计划。")


# --- 公益性岗位 ----------------------------------------------------------------------------------------


def placement_limits(catalog: Catalog) -> PlacementLimits:
    item = catalog.get(PLACEMENT_ITEM)
    values = {limit.key: limit.value for limit in item.limits}

    def whole(key: str, unit_months: int, default: int) -> int:
        value = values.get(key)
        return int(Decimal(value) * unit_months) if value is not None else default

    return PlacementLimits(
        max_months=whole("subsidy_max_years", 12, 36),
        max_placements=whole("max_placements", 1, 2),
        extension_years=whole("retirement_extension_years", 1, 5),
    )


def _placements(session: Session, person_id: str) -> list[WelfarePlacement]:
    return list(
        session.scalars(
            select(WelfarePlacement)
            .where(WelfarePlacement.person_id == person_id, WelfarePlacement.deleted.is_(False))
            .order_by(WelfarePlacement.start_on)
        )
    )


def place(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    data: PlacementInput,
    *,
    catalog: Catalog,
    today: date,
    case_id: str | None = None,
) -> str:
    """Record a 公益性岗位 placement within its limits; returns its id. Raises ValidationFailed or FlowError."""
    require(actor.role, "person.edit")
    _person(session, person_id)
    errors: dict[str, list[str]] = {}
    post_name, employer = data.post_name.strip(), data.post_employer.strip()
    if not post_name:
        errors["post_name"] = ["岗位名称：请填写岗位名称（如：保洁、护林、安置点管理）。"]
    if not employer:
        errors["post_employer"] = ["岗位开发（用人）单位：请填写单位名称。"]
    if data.end_on < data.start_on:
        errors["end_on"] = ["协议终止日期：不能早于上岗日期，请核对。"]
    if errors:
        raise ValidationFailed(errors)
    eligible = _active_recognition(session, person_id)
    if eligible is not None and eligible.valid_until < data.start_on:
        eligible = None
    if eligible is None:
        tags = set(
            session.scalars(select(PersonTag.tag).where(PersonTag.person_id == person_id, PersonTag.deleted.is_(False)))
        )
        if not tags & PLACEMENT_TAGS:
            raise FlowError(
                "该人员没有有效的就业困难人员认定，也不是零就业家庭成员或易地扶贫搬迁劳动力，"
                "不能安置公益性岗位。请先办理就业困难人员认定。"
            )
    limits = placement_limits(catalog)
    previous = _placements(session, person_id)
    active = [p for p in previous if p.status == "active" and p.end_on >= data.start_on]
    if active:
        raise FlowError(
            f"该人员已在公益性岗位“{active[0].post_name}”上岗（至 {active[0].end_on}），"
            "同一时间只能安置一个公益性岗位；请先办理原岗位退出。"
        )
    if len(previous) >= limits.max_placements:
        raise FlowError(
            f"该人员已安置公益性岗位 {len(previous)} 次，达到安置次数上限（{limits.max_placements} 次），不能再次安置。"
            "请通过市场渠道推荐就业或其他援助措施。"
        )
    months = months_covered(data.start_on, data.end_on)
    used = sum(p.months for p in previous)
    if not data.near_retirement and used + months > limits.max_months:
        left = max(limits.max_months - used, 0)
        raise FlowError(
            f"公益性岗位补贴期限最长 {limits.max_months} 个月：该人员已享受 {used} 个月，本次 {months} 个月，"
            f"合计超出上限。本次最多可安排 {left} 个月，请缩短协议期限；"
            f"距法定退休年龄不足 {limits.extension_years} 年的，可勾选后延长至退休。"
        )
    row = WelfarePlacement(
        person_id=person_id,
        case_id=case_id,
        post_name=post_name,
        post_employer=employer,
        start_on=data.start_on,
        end_on=data.end_on,
        months=months,
        near_retirement=data.near_retirement,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor.id, "assistance.place", "welfare_placement", row.id, {"person_id": person_id, "months": months}
    )
    reason = f"公益性岗位安置（{post_name}，{data.start_on} 上岗）"
    end_registrations(session, actor, person_id, reason, today)
    set_employment_status(session, actor.id, person_id, EMPLOYED)
    close_open_plan(session, actor, person_id, "实现就业：" + reason, today)
    return row.id


def end_placement(session: Session, actor: StaffInfo, placement_id: str, reason: str, today: date) -> None:
    require(actor.role, "person.edit")
    row = session.get(WelfarePlacement, placement_id)
    if row is None or row.deleted:
        raise NotFound("找不到该公益性岗位安置记录，请刷新后重试。")
    if row.status != "active":
        raise FlowError("该安置已经结束。")
    if not reason.strip():
        raise ValidationFailed({"reason": ["退出原因：请填写退出原因（如：协议期满、本人辞职）。"]})
    row.status = "ended"
    row.ended_on = today
    row.end_reason = reason.strip()
    if today < row.end_on:
        row.months = months_covered(row.start_on, today)
    session.flush()
    audit.record(session, actor.id, "assistance.place_end", "welfare_placement", row.id, {"person_id": row.person_id})


def placement_from_case_form(form: dict[str, object]) -> PlacementInput | None:
    start, end = form.get("start_date"), form.get("end_date")
    if not (isinstance(start, str) and isinstance(end, str) and start and end):
        return None
    return PlacementInput(
        post_name=str(form.get("post_name") or ""),
        post_employer=str(form.get("post_employer") or ""),
        start_on=date.fromisoformat(start),
        end_on=date.fromisoformat(end),
        near_retirement=bool(form.get("near_retirement")),
    )


# --- what the profile and the lists show -------------------------------------------------------------


def assistance_info(session: Session, person_id: str, *, catalog: Catalog, today: date) -> AssistanceInfo:
    labels = _labels(session, "hardship_category")
    rec = session.scalars(
        select(HardshipRecognition)
        .where(HardshipRecognition.person_id == person_id, HardshipRecognition.deleted.is_(False))
        .order_by(HardshipRecognition.recognized_on.desc())
        .limit(1)
    ).first()
    recognition = None
    if rec is not None:
        recognition = RecognitionInfo(
            rec.id,
            tuple(rec.categories),
            tuple(labels.get(c, c) for c in rec.categories),
            rec.check_method,
            CHECK_METHODS.get(rec.check_method, rec.check_method),
            rec.info_check_result,
            rec.investigation_on,
            rec.investigators,
            rec.investigation_findings,
            rec.recognized_on,
            rec.valid_until,
            rec.status,
            rec.valid_until < today,
        )
    plan_row = session.scalars(
        select(AssistancePlan)
        .where(AssistancePlan.person_id == person_id, AssistancePlan.deleted.is_(False))
        .order_by(AssistancePlan.opened_on.desc(), AssistancePlan.status.desc())
        .limit(1)
    ).first()
    plan = None
    if plan_row is not None:
        steps = tuple(
            StepInfo(
                s.id,
                s.seq,
                s.content,
                s.owner,
                s.due_on,
                s.status,
                STEP_STATUS.get(s.status, s.status),
                s.progress,
                s.done_on,
            )
            for s in session.scalars(
                select(AssistancePlanStep)
                .where(AssistancePlanStep.plan_id == plan_row.id, AssistancePlanStep.deleted.is_(False))
                .order_by(AssistancePlanStep.seq)
            )
        )
        plan = PlanInfo(
            plan_row.id, plan_row.opened_on, plan_row.status, plan_row.closed_on, plan_row.close_reason, steps
        )
    rows = _placements(session, person_id)
    placements = tuple(
        PlacementInfo(p.id, p.post_name, p.post_employer, p.start_on, p.end_on, p.months, p.status, p.ended_on)
        for p in rows
    )
    return AssistanceInfo(recognition, plan, placements, placement_limits(catalog), sum(p.months for p in rows))


def expiring_recognitions(
    session: Session, today: date, horizon_days: int = EXPIRY_HORIZON_DAYS, limit: int = 200
) -> list[ListLine]:
    """认定即将到期: active recognitions ending within ``horizon_days`` (or already ended, not renewed)."""
    labels = _labels(session, "hardship_category")
    rows = session.execute(
        select(HardshipRecognition, Person.name)
        .join(Person, Person.id == HardshipRecognition.person_id)
        .where(
            HardshipRecognition.deleted.is_(False),
            HardshipRecognition.status == "active",
            HardshipRecognition.valid_until <= today + timedelta(days=horizon_days),
            Person.deleted.is_(False),
        )
        .order_by(HardshipRecognition.valid_until)
        .limit(limit)
    )
    lines = []
    for rec, name in rows:
        left = (rec.valid_until - today).days
        state = f"已过期 {-left} 天" if left < 0 else f"还剩 {left} 天"
        lines.append(
            ListLine(
                rec.person_id,
                name,
                name,
                f"{'、'.join(labels.get(c, c) for c in rec.categories)}；有效期至 {rec.valid_until}（{state}）",
                rec.valid_until,
                left,
            )
        )
    return lines


def open_plans(session: Session, today: date, limit: int = 200) -> list[ListLine]:
    """援助计划进行中: open plans with their next unfinished step (overdue ones first)."""
    plans = session.execute(
        select(AssistancePlan, Person.name)
        .join(Person, Person.id == AssistancePlan.person_id)
        .where(AssistancePlan.deleted.is_(False), AssistancePlan.status == "open", Person.deleted.is_(False))
        .limit(limit)
    ).all()
    if not plans:
        return []
    steps: dict[str, list[AssistancePlanStep]] = {}
    for step in session.scalars(
        select(AssistancePlanStep)
        .where(
            AssistancePlanStep.plan_id.in_([p.id for p, _ in plans]),
            AssistancePlanStep.deleted.is_(False),
        )
        .order_by(AssistancePlanStep.due_on)
    ):
        steps.setdefault(step.plan_id, []).append(step)
    lines = []
    for plan, name in plans:
        mine = steps.get(plan.id, [])
        pending = [s for s in mine if s.status != "done"]
        done = len(mine) - len(pending)
        if pending:
            nxt = pending[0]
            late = "（已超期）" if nxt.due_on < today else ""
            detail = f"步骤 {done}/{len(mine)} 完成；下一步：{nxt.content}，{nxt.owner}，{nxt.due_on} 前{late}"
            due: date | None = nxt.due_on
        else:
            detail = f"步骤 {done}/{len(mine)} 完成；尚无待办步骤，请补充援助步骤"
            due = None
        lines.append(ListLine(plan.person_id, name, name, detail, due, (due - today).days if due else None))
    lines.sort(key=lambda line: (line.due_on is not None, line.due_on or date.max))
    return lines


def _person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员记录，可能已被删除或尚未同步，请重新查询。")
    return person
