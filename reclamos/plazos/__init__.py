"""The terms of a case: the models (terms and pauses), starting, pausing,
resuming, extending and meeting them, bulk recompute after a calendar
change, and the deadline simulator."""
