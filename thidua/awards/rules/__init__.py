"""Eligibility rules and award money, as pure functions over the rule data file."""
