"""Base modules every layer may use, importing none of them: diagnostics, errors, e-mail
addresses, languages, listing and escaping."""
