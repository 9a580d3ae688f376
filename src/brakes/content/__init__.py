"""The course's content: each chapter's exercises with their reference answers.

``chapters/`` declares the exercises, one module per chapter; ``reference.py``
and ``mistakes.py`` are what the chapters share (fast reference helpers, the
known-mistake families), ``cells.py`` the cells every chapter reuses,
``story_results.py`` what each story's exercises let the learner discover. The
learner's engine (:mod:`brakes.exercises`) never imports this package: it finds
it through the ``brakes.content`` entry point, so a workshop kit's package,
which leaves the reference answers out, simply has none.
"""
