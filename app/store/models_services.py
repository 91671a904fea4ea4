"""Training enrolments, entrepreneurship services, campaigns, priority service, satisfaction and credit.

* :class:`TrainingEnrolment` — one person enrolled in one training (岗前培训, 以工代训, 新型学徒制, 岗位技能提升,
  创业培训), from the synced training catalog or typed in; completion with its result and certificate.
* :class:`EntrepreneurshipRecord` — one entrepreneurship service given (创业培训, 开业指导, 创业担保贷款转介,
  孵化基地入驻), with the 返乡创业 (雁归兴贵) mark.
* :class:`Campaign` — a special campaign (专项活动) defined at this station, with its date range (campaigns
  published by the platform come through the ``campaigns`` reference-data stream instead).
* :class:`CampaignTag` — a case tagged with a campaign; :class:`CampaignEvent` — an event held in one
  (招聘会, 政策宣讲 …) with its figures.
* :class:`GreenChannel` — a key-group person served through the green channel (绿色通道).
* :class:`Appointment` — an appointment for a day at the counter (made online, arriving through the
  change feed, or by phone / at the counter).
* :class:`LayoffReport` — a scale layoff (规模性裁员) reported by an enterprise.
* :class:`CaseAgent` — a case applied for by an agent (代理服务): the agent's identity and authorisation.
* :class:`SatisfactionRating` — the person's rating of a completed service.
* :class:`FraudFlag` — a credit record: fraud (骗取、冒领、虚报) flagged by a reviewer.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.store.models import Base, Synced


class TrainingEnrolment(Synced, Base):
    __tablename__ = "training_enrolment"
    __entity__ = "training_enrolment"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    course_key: Mapped[str | None] = mapped_column(String(64), default=None)  # training catalog entry id
    course_name: Mapped[str] = mapped_column(String(100))
    training_type: Mapped[str] = mapped_column(String(2))  # code table training_type
    provider: Mapped[str | None] = mapped_column(String(200), default=None)
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    enrolled_on: Mapped[date] = mapped_column(Date)
    enrolled_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    status: Mapped[str] = mapped_column(String(20), default="enrolled")  # enrolled | completed | dropped
    completed_on: Mapped[date | None] = mapped_column(Date, default=None)
    result: Mapped[str | None] = mapped_column(String(20), default=None)  # passed | failed | attended
    certificate_no: Mapped[str | None] = mapped_column(String(60), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class EntrepreneurshipRecord(Synced, Base):
    __tablename__ = "entrepreneurship_record"
    __entity__ = "entrepreneurship_record"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20))  # training | guidance | loan_referral | incubator
    served_on: Mapped[date] = mapped_column(Date)
    served_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    returnee: Mapped[bool] = mapped_column(Boolean, default=False)
    project_name: Mapped[str | None] = mapped_column(String(100), default=None)
    loan_amount: Mapped[int | None] = mapped_column(Integer, default=None)  # yuan
    incubator_name: Mapped[str | None] = mapped_column(String(200), default=None)
    outcome: Mapped[str | None] = mapped_column(String(200), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class Campaign(Synced, Base):
    __tablename__ = "campaign"
    __entity__ = "campaign"
    code: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class CampaignTag(Synced, Base):
    __tablename__ = "campaign_tag"
    __entity__ = "campaign_tag"
    campaign_code: Mapped[str] = mapped_column(String(20), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    tagged_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    tagged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CampaignEvent(Synced, Base):
    __tablename__ = "campaign_event"
    __entity__ = "campaign_event"
    campaign_code: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200), default=None)
    employers: Mapped[int] = mapped_column(Integer, default=0)
    postings: Mapped[int] = mapped_column(Integer, default=0)
    attendees: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class GreenChannel(Synced, Base):
    __tablename__ = "green_channel"
    __entity__ = "green_channel"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    reason: Mapped[str] = mapped_column(String(200))
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, default=None)  # ended on; None = active
    flagged_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)


class Appointment(Synced, Base):
    __tablename__ = "appointment"
    __entity__ = "appointment"
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None, index=True)
    applicant_name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    item_code: Mapped[str | None] = mapped_column(String(50), default=None)
    day: Mapped[date] = mapped_column(Date, index=True)
    slot: Mapped[str | None] = mapped_column(String(20), default=None)  # e.g. 09:00-10:00
    channel: Mapped[str] = mapped_column(String(20), default="online")  # online | phone | counter
    state: Mapped[str] = mapped_column(String(20), default="booked")  # booked | arrived | served | cancelled | no_show
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class LayoffReport(Synced, Base):
    __tablename__ = "layoff_report"
    __entity__ = "layoff_report"
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employer.id"), default=None, index=True)
    employer_name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(18), default=None)
    reported_on: Mapped[date] = mapped_column(Date)
    layoff_on: Mapped[date | None] = mapped_column(Date, default=None)
    affected: Mapped[int] = mapped_column(Integer)
    workforce: Mapped[int | None] = mapped_column(Integer, default=None)
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    measures: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)


class CaseAgent(Synced, Base):
    __tablename__ = "case_agent"
    __entity__ = "case_agent"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    agent_name: Mapped[str] = mapped_column(String(60))
    agent_doc_type: Mapped[str] = mapped_column(String(20))
    agent_doc_number: Mapped[str] = mapped_column(String(30))
    relation: Mapped[str] = mapped_column(String(20))  # relative | village_official | other
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    authorisation: Mapped[str] = mapped_column(String(20))  # letter | village_proof | oral_recorded
    authorisation_note: Mapped[str | None] = mapped_column(Text, default=None)
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)


class SatisfactionRating(Synced, Base):
    __tablename__ = "satisfaction_rating"
    __entity__ = "satisfaction_rating"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    item_code: Mapped[str] = mapped_column(String(50))
    rating: Mapped[str] = mapped_column(String(20))  # satisfied | basic | unsatisfied
    comment: Mapped[str | None] = mapped_column(Text, default=None)
    handler_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    rated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FraudFlag(Synced, Base):
    __tablename__ = "fraud_flag"
    __entity__ = "fraud_flag"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20))  # defraud (骗取) | false_claim (虚报) | impersonation (冒领)
    fund: Mapped[str | None] = mapped_column(String(60), default=None)
    reason: Mapped[str] = mapped_column(Text)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    flagged_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | withdrawn
    withdrawn_reason: Mapped[str | None] = mapped_column(Text, default=None)


# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = (
    TrainingEnrolment,
    EntrepreneurshipRecord,
    Campaign,
    CampaignTag,
    CampaignEvent,
    GreenChannel,
    Appointment,
    LayoffReport,
    CaseAgent,
    SatisfactionRating,
    FraudFlag,
)
