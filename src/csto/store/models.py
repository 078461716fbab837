"""The tables of the store (SQLAlchemy 2). The schema itself is made by the migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ScenarioRow(Base):
    """A named scenario; its content lives in its versions."""

    __tablename__ = "scenarios"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created: Mapped[datetime]
    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="scenario", order_by="VersionRow.number", cascade="all, delete-orphan")


class VersionRow(Base):
    """One version of a scenario: its canonical YAML, kept when the scenario changes."""

    __tablename__ = "scenario_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    number: Mapped[int]
    digest: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime]
    scenario: Mapped[ScenarioRow] = relationship(back_populates="versions")


class RunRow(Base):
    """A simulation of a scenario: what was asked, with which seed and versions, and the
    result as its JSON form (the same numbers again from the same seed)."""

    __tablename__ = "simulation_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario: Mapped[str] = mapped_column(String(80), index=True)
    digest: Mapped[str] = mapped_column(String(64))
    runs: Mapped[int]
    seed: Mapped[str] = mapped_column(String(40))
    model_version: Mapped[str] = mapped_column(String(20))
    versions: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime]
