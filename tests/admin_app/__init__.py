"""Tests of the factory, configuration, CLI, sessions and schema."""
