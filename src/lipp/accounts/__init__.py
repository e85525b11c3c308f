"""Accounts: passwords, e-mail addresses and one-time links for signing in to the web pages."""
