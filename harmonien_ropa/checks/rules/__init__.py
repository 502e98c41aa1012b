"""Rule modules, one per topic; each lists its rules in ``RULES``."""
