"""ShowsAgain: a detail view that shows again what it showed last when a choice of its own changes (a cell, a
sample, a language, a font)."""


class ShowsAgain:
    """Mixin for a view whose show_state(session, evaluation, shown) keeps its arguments in self._last."""

    _last = None

    def _show_again(self) -> None:
        """The session shown last, as it stands now: it may have changed since (a new network not yet refreshed),
        and the evaluation kept with it would no longer fit it."""
        if self._last is not None:
            session, _, shown = self._last
            self.show_state(session, session.evaluate(), shown)
