"""The published JSON Schemas and the YAML reference generated from them."""
