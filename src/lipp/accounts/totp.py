"""Time-based one-time codes (RFC 6238, as authenticator apps make them): 6 digits, 30-second steps, the step
before and after accepted too (clocks drift), and each step accepted once."""

from __future__ import annotations

from datetime import datetime

import pyotp

STEP_SECONDS = 30
ISSUER = "lipp"


def new_secret() -> str:
    return pyotp.random_base32()


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step whose code `code` is (now, or one step either side); None when it matches none."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    step = int(now.timestamp()) // STEP_SECONDS
    for candidate in (step, step - 1, step + 1):
        if totp.at(candidate * STEP_SECONDS) == code:
            return candidate
    return None


def code_at(secret: str, now: datetime) -> str:
    """The code an authenticator app shows at `now` (tests and the demo use it)."""
    return pyotp.TOTP(secret, interval=STEP_SECONDS).at(now)


def setup_uri(secret: str, username: str) -> str:
    """The otpauth:// address an authenticator app reads (typed in, or from a QR code)."""
    return pyotp.TOTP(secret, interval=STEP_SECONDS).provisioning_uri(name=username, issuer_name=ISSUER)


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
