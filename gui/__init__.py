"""The window: views over core.session.Session. No model arithmetic lives here."""
