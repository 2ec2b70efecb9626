"""One case from registration to closing: the model and its yearly numbering,
states and transitions, the action log, documents and claim lines, the
checks shared by registration and edition, and what the case page reads."""
