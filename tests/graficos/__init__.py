"""Tests of the dashboard and the reports."""
