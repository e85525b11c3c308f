"""The SQLite event store's recorder, with the stored originator ids turned into `UUID`s once each.

SQLite keeps ids as text, and eventsourcing parses each row's id afresh: a review's events share one id, so a
rebuild reading a million notifications parsed the same 60,000 ids about sixteen times each, and dictionaries
keyed by those ids then compared equal-but-distinct objects. Selected with `APPLICATION_RECORDER_TOPIC`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.sqlite import SQLiteApplicationRecorder

KNOWN_IDS = 200_000
"""How many parsed ids are kept (then it starts again): a bound on memory, above a rebuild batch's reviews."""


class LippSQLiteRecorder(SQLiteApplicationRecorder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ids: dict[str, UUID | str] = {}

    def convert_originator_id(self, originator_id: str) -> UUID | str:
        known = self._ids.get(originator_id)
        if known is None:
            if len(self._ids) >= KNOWN_IDS:
                self._ids.clear()
            known = self._ids[originator_id] = super().convert_originator_id(originator_id)
        return known
