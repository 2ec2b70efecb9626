"""Escalation alerts and the bell: the sweep over running terms and the
in-app notifications it leaves."""
