"""E-mail: the outbox and its SMTP delivery, intake from an IMAP mailbox,
reading one message, the messages customers get, the daily digest."""
