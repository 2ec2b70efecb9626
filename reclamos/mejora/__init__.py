"""Improvement actions and committee minutes: the models, the services that
open, change and review them, and their owners' alerts."""
