"""Named errors for broken rules. Interfaces map each family to one message and one status."""

from __future__ import annotations


class LippError(Exception):
    """Base of every error a user may see; its message is one readable sentence."""


class RuleBroken(LippError):
    """A domain rule refused the command (CLI exit 1, HTTP 409/422 family)."""


class NotFound(LippError):
    """The thing named does not exist, or the actor may not know it exists (HTTP 404)."""


class NotAuthorised(LippError):
    """The actor's role or scope does not allow this (HTTP 403)."""


class Unauthenticated(LippError):
    """No valid credentials were presented (HTTP 401)."""


class AlreadyExists(RuleBroken):
    """Something with the same identity was recorded before."""


class ConcurrentChange(LippError):
    """Someone else changed the same thing at the same moment; trying again is safe (HTTP 409)."""


class InvalidInput(LippError):
    """A value broke a rule of its own shape, found below the command layer (HTTP 422)."""


class StoreUnavailable(LippError):
    """There is no lipp store at the configured address, or it cannot be reached (CLI exit 1, HTTP 503)."""
