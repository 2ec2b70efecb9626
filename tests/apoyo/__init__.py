"""Helpers the tests share: data builders, real servers on loopback (SMTP,
IMAP, the app over HTTP), the browser."""
