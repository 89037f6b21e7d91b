"""Stage 1: the project's files read into typed, validated models."""
