"""The course's exercises, one module per chapter (``ch00_getting_started.py``…).

To add a chapter, create ``chNN_<name>.py`` here and call
:func:`brakes.exercises.registry.register` with one
:class:`~brakes.exercises.model.Exercise` per exercise (ids ``"NN.n"``). The
registry imports every module of this package, so nothing else needs editing.
Each exercise needs: a reference function computing the answer from
``load(table)`` (never a fixed seed), a checker, three hints (nudge → method →
near-code), the solution code, the sentence it reveals, and at least two
plausible wrong answers (the tests prove each is rejected with a specific
message). A wrong answer of a known family ("counts, not shares", "a sum, not a
mean"…) is built with its function in :mod:`brakes.content.mistakes`, with the exercise's
own feedback sentence.
"""
