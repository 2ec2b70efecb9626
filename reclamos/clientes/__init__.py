"""Customers: the model, look-up by document (local table or the company's
directory) and CSV import."""
