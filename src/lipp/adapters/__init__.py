"""Outbound adapters: the e-mail outbox and the transports that send what it holds."""
