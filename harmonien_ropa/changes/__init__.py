"""What changed between two versions of a map (the semantic changelog)."""
