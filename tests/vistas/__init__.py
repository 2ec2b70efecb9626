"""Tests of what a person or a client sees over HTTP."""
