"""Where data comes in: reading the YAML map (with the position of every node), loading it into
a validated :class:`~harmonien_ropa.model.DataMap`, reading it at a git revision, and the packaged
resources (templates, translated strings)."""
