"""Errors a learner or trainer can cause, each with a message that says what to do."""


class BrakesError(Exception):
    """A mistake in what the user asked for; the CLI prints it as one line, exit code 2."""
