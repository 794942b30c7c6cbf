"""Storage (counsellor mode) tests."""
