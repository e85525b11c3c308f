"""The one reader of settings: environment variables prefixed LIPP_ (nested with __)."""

from __future__ import annotations

import os
import secrets
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from lipp.domain.business_dates import DEFAULT_EARLIEST, DEFAULT_FUTURE_YEARS, DateBounds
from lipp.domain.clock import Clock
from lipp.domain.errors import InvalidInput
from lipp.domain.learning.timescales import LearningTimescales
from lipp.domain.timescales import RapidReviewStart, Timescales


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "lipp"


class TimescaleSettings(BaseModel):
    """Overrides for the review timescales (e.g. LIPP_TIMESCALES__COMPLETION_MONTHS=6)."""

    notification_working_days: int = Field(default=Timescales.notification_working_days, ge=0, le=60)
    rapid_review_working_days: int = Field(default=Timescales.rapid_review_working_days, ge=0, le=120)
    rapid_review_from: RapidReviewStart = Field(
        default=Timescales.rapid_review_from,
        description="What the rapid review's working days run from: the notification or the day of awareness",
    )
    completion_months: int = Field(default=Timescales.completion_months, ge=1, le=36)
    panel_copy_working_days: int = Field(default=Timescales.panel_copy_working_days, ge=0, le=60)
    due_soon_working_days: int = Field(default=Timescales.due_soon_working_days, ge=0, le=60)

    def to_domain(self) -> Timescales:
        return Timescales(**self.model_dump())


_LEARNING = LearningTimescales()
LINK_KEY_FILE = "link-key"


class LearningSettings(BaseModel):
    """Deadlines of the learning loop and the acknowledgement links (e.g. LIPP_LEARNING__ACKNOWLEDGE_WORKING_DAYS=3)."""

    acknowledge_working_days: int = Field(default=_LEARNING.acknowledge_working_days, ge=1, le=60)
    discuss_working_days: int = Field(default=_LEARNING.discuss_working_days, ge=1, le=120)
    report_change_working_days: int = Field(default=_LEARNING.report_change_working_days, ge=1, le=250)
    verify_working_days: int = Field(default=_LEARNING.verify_working_days, ge=1, le=120)
    chase_grace_working_days: int = Field(default=_LEARNING.chase_grace_working_days, ge=1, le=60)
    link_days: int = Field(default=30, ge=1, le=365, description="How long an acknowledgement link works")
    link_key: SecretStr | None = Field(
        default=None, description="Key that signs acknowledgement links; empty: generated into the data folder"
    )
    public_url: str = Field(default="http://127.0.0.1:8000", description="Where the API answers, for links")

    def to_domain(self) -> LearningTimescales:
        return LearningTimescales(
            **self.model_dump(
                include={
                    "acknowledge_working_days",
                    "discuss_working_days",
                    "report_change_working_days",
                    "verify_working_days",
                    "chase_grace_working_days",
                }
            )
        )


class DisclosureSettings(BaseModel):
    """Small-number suppression in national and cross-board views (LIPP_DISCLOSURE__THRESHOLD=10): counts from
    1 to the threshold less one are shown as "fewer than N", with other counts hidden so they cannot be derived."""

    threshold: int = Field(default=5, ge=2, le=50, description="The smallest count shown as a number")


class DateSettings(BaseModel):
    """Which business dates lipp accepts (LIPP_DATES__EARLIEST=2006-04-01, LIPP_DATES__FUTURE_YEARS=10): none
    before the earliest, none after today but those by nature ahead (due dates), at most this many years on."""

    earliest: date = Field(default=DEFAULT_EARLIEST, ge=date(1900, 1, 1), description="The earliest business date")
    future_years: int = Field(default=DEFAULT_FUTURE_YEARS, ge=1, le=50, description="How far ahead a due date goes")

    def to_domain(self, clock: Clock) -> DateBounds:
        return DateBounds(self.earliest, self.future_years, clock)


class SmtpSettings(BaseModel):
    """The SMTP server e-mail leaves through (LIPP_SMTP__HOST=...); without one, e-mail goes to the outbox folder."""

    host: str = Field(min_length=1)
    port: int = Field(default=25, ge=1, le=65535)
    username: str | None = None
    password: SecretStr | None = None
    starttls: bool = False
    timeout_seconds: float = Field(default=10.0, gt=0, le=300)


class WebSettings(BaseModel):
    """Signing in to the web pages (e.g. LIPP_WEB__IDLE_MINUTES=15)."""

    idle_minutes: int = Field(default=30, ge=1, le=24 * 60, description="A session ends after this idle time")
    max_hours: int = Field(default=12, ge=1, le=24 * 30, description="A session ends this long after sign-in")
    throttle_after_failures: int = Field(default=3, ge=1, le=100, description="Failures in a row before waits")
    lock_after_failures: int = Field(default=10, ge=1, le=100, description="Failures in a row that lock")
    link_hours: int = Field(default=72, ge=1, le=24 * 30, description="How long an invitation or reset works")
    require_second_factor: bool = Field(
        default=False, description="Everyone signs in with a code from an authenticator app (TOTP) too"
    )


class Settings(BaseSettings):
    """Where lipp keeps its data and who the CLI acts as."""

    model_config = SettingsConfigDict(env_prefix="LIPP_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="Folder for the SQLite file and outputs")
    database_url: str | None = Field(
        default=None,
        description="sqlite:///path/to/file.db or postgresql://user:password@host:port/dbname; "
        "empty means a SQLite file in the data folder",
    )
    user: str | None = Field(default=None, description="The username the CLI acts as")
    shared: bool | None = Field(
        default=None,
        description="Whether several people use this store, so the CLI must prove who acts (a token saved by "
        "`lipp login`); unset: shared on PostgreSQL, single-user on a SQLite file",
    )
    token: SecretStr | None = Field(
        default=None, description="An API token the CLI presents on a shared store (instead of `lipp login`)"
    )
    cli_trust_names: bool = Field(
        default=False,
        description="For operators: on a shared store, let the CLI act as any name given by --as or LIPP_USER "
        "(anyone who can reach the database can then act as anyone)",
    )
    connect_timeout_seconds: int = Field(
        default=5, ge=1, le=120, description="How long to wait for PostgreSQL to answer before giving up"
    )
    token_check_seconds: float = Field(
        default=5.0,
        ge=0,
        le=300,
        description="How long an API process remembers a successful token check; a token revoked or a user "
        "deactivated through another process is refused within this time (0: check every request)",
    )
    max_request_bytes: int = Field(
        default=1_048_576,
        ge=1024,
        le=1_073_741_824,
        description="The largest request body the API reads; a larger one is refused with 413 before it is read",
    )
    timescales: TimescaleSettings = Field(default_factory=TimescaleSettings)
    learning: LearningSettings = Field(default_factory=LearningSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    dates: DateSettings = Field(default_factory=DateSettings)
    disclosure: DisclosureSettings = Field(default_factory=DisclosureSettings)

    def link_key(self) -> bytes:
        """The key that signs acknowledgement links: from the settings, or generated once into the data folder
        (the embedded default) and read from there afterwards, so links stay valid across runs."""
        if self.learning.link_key is not None:
            return self.learning.link_key.get_secret_value().encode()
        path = self.data_dir / LINK_KEY_FILE
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            try:
                with path.open("x") as out:  # two processes starting at once keep the first key written
                    out.write(secrets.token_hex(32))
                path.chmod(0o600)
            except FileExistsError:
                pass
        return path.read_text().strip().encode()

    smtp: SmtpSettings | None = Field(default=None, description="SMTP server; none means .eml files in the outbox")
    mail_sender: str = Field(default="lipp@lipp.invalid", description="The From address of lipp's e-mail")

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'lipp.db'}"

    @property
    def is_shared(self) -> bool:
        """A store several people use: the CLI proves who acts rather than believing a name."""
        if self.shared is not None:
            return self.shared
        return urlsplit(self.effective_database_url).scheme.split("+")[0] != "sqlite"

    @property
    def outbox_dir(self) -> Path:
        """Where e-mail lands as .eml files when no SMTP server is configured."""
        return self.data_dir / "outbox"

    @property
    def outbox_database_url(self) -> str:
        """The outbox's queue: its own SQLite file beside the events (a send never holds the events' write
        lock), or the same PostgreSQL database, where row locks keep senders apart."""
        url = self.effective_database_url
        if urlsplit(url).scheme.split("+")[0] != "sqlite":
            return url
        path = Path(self.event_store_env()["SQLITE_DBNAME"])
        return f"sqlite:///{path.with_name(path.stem + '-outbox' + path.suffix)}"

    def event_store_env(self) -> dict[str, str]:
        """The eventsourcing persistence settings for the configured database."""
        url = urlsplit(self.effective_database_url)
        scheme = url.scheme.split("+")[0]
        if scheme == "sqlite":
            path = url.path[1:] if url.path.startswith("/") else url.path  # sqlite:///relative, sqlite:////absolute
            if not path or path == ":memory:":
                raise InvalidInput("lipp needs a SQLite file (sqlite:///path/to/file.db), not an in-memory database")
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": path,
                "SQLITE_LOCK_TIMEOUT": "30",
                "APPLICATION_RECORDER_TOPIC": "lipp.application.sqlite_recorder:LippSQLiteRecorder",
            }
        if scheme in ("postgresql", "postgres"):
            return {
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": url.path.lstrip("/") or "lipp",
                "POSTGRES_HOST": url.hostname or "127.0.0.1",
                "POSTGRES_PORT": str(url.port or 5432),
                "POSTGRES_USER": unquote(url.username or "postgres"),
                "POSTGRES_PASSWORD": unquote(url.password or ""),
                "POSTGRES_CONNECT_TIMEOUT": str(self.connect_timeout_seconds),
            }
        raise InvalidInput(
            f"unsupported database URL '{self.effective_database_url}': use sqlite:///file.db or postgresql://…"
        )
