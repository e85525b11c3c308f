"""Application services: one eventsourcing Application per context, all sharing one event store."""
