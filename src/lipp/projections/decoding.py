"""Turning notifications into domain events for projections, faster than the mapper's general path.

A rebuild converts every event in the log, and the mapper's JSON object hook (one Python call per dict, a new
`UUID` for every id) is most of a rebuild's time. This decoder gives the very same events: the same JSON, the
same transcodings by name, upcasting by `class_version`, but with one dispatch per typed value and the ids of
a batch parsed once each. A mapper with a cipher or compressor is used as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import JSONTranscoder, Mapper, Notification, find_id_convertor
from eventsourcing.utils import resolve_topic

from lipp.projections.faults import reason_of

Decode = Callable[[Any], Any]


@dataclass(frozen=True)
class Undecodable:
    """A stored event that cannot be turned back into its domain event (its state is not the JSON its class
    wrote, or names a transcoding lipp does not have): it stops only the projections that read its topic, as an
    event they cannot apply does (stuck.py), and the batch's other events are decoded and applied as usual."""

    topic: str
    reason: str


class EventDecoder:
    """Converts notifications to domain events exactly as `mapper.to_domain_event` would."""

    def __init__(self, mapper: Mapper[Any]) -> None:
        self.mapper = mapper
        transcoder = mapper.transcoder
        self.general = mapper.cipher is not None or mapper.compressor is not None
        self.general = self.general or not isinstance(transcoder, JSONTranscoder)
        self._classes: dict[str, type[Any]] = {}
        self._uuids: dict[str, UUID] = {}
        decoders: dict[str, Decode] = {}
        if isinstance(transcoder, JSONTranscoder):
            decoders = {name: transcoding.decode for name, transcoding in transcoder.names.items()}
            if "uuid_hex" in decoders:
                decoders["uuid_hex"] = self._uuid
        self._decoders = decoders
        self._json = json.JSONDecoder().decode  # no object hook: the C parser alone, typed values fixed after

    def events(self, notifications: Sequence[Notification]) -> list[Any]:
        """The batch's domain events, in order; an `Undecodable` in place of any that cannot be decoded."""
        self._uuids.clear()  # ids repeat within a batch (a review's events); keep the cache to one batch
        decode = self.mapper.to_domain_event if self.general else self._event
        found = []
        for notification in notifications:
            try:
                found.append(decode(notification))
            except Exception as error:  # one bad stored event must not stop the batch, nor other projections
                found.append(Undecodable(notification.topic, "cannot decode the stored event: " + reason_of(error)))
        return found

    def _event(self, notification: Notification) -> Any:
        cls = self._classes.get(notification.topic)
        if cls is None:
            cls = self._classes[notification.topic] = resolve_topic(notification.topic)
        state: dict[str, Any] = self._json(notification.state.decode("utf8"))
        for name, value in state.items():
            kind = type(value)
            if kind is dict or kind is list:
                state[name] = self._typed(value)
        originator_id = notification.originator_id
        if type(originator_id) is not UUID:
            convert = find_id_convertor(cls, type(originator_id))  # type: ignore[arg-type]
            originator_id = convert(originator_id)
        state["originator_id"] = originator_id
        state["originator_version"] = notification.originator_version
        class_version = getattr(cls, "class_version", 1)
        from_version = state.pop("class_version", 1)
        while from_version < class_version:
            getattr(cls, f"upcast_v{from_version}_v{from_version + 1}")(state)
            from_version += 1
        event = object.__new__(cls)
        object.__setattr__(event, "__dict__", state)
        return event

    def _typed(self, value: Any) -> Any:
        """What the mapper's object hook makes of a value: inner values first, then `{"_type_", "_data_"}`
        pairs by their transcoding."""
        kind = type(value)
        if kind is list:
            return [self._typed(item) for item in value]
        if kind is not dict:
            return value
        if len(value) == 2 and "_type_" in value and "_data_" in value:
            return self._decoders[value["_type_"]](self._typed(value["_data_"]))
        return {key: self._typed(item) for key, item in value.items()}

    def _uuid(self, data: str) -> UUID:
        known = self._uuids.get(data)
        if known is None:
            known = self._uuids[data] = UUID(data)
        return known
