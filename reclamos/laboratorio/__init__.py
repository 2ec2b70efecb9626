"""The process lab: routing rules applied to cases, similar resolved cases
(diagnosis), configuration drafts and the sandbox runs that replay a
past period through them."""
