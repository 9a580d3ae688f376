"""Grading: run a room's notebooks under limits and report on every exercise (``brakes grade``).

Layout: :mod:`.options` declares the limits once, :mod:`.kit` finds the tables
and the handed-out notebooks to grade against, :mod:`.submissions` finds the
notebooks and names their learners, :mod:`.runner` runs one notebook in its
own scratch folder and kernel (on a warm :mod:`.worker` process, :mod:`.kernel`
starting the kernel under the memory limit, :mod:`.processes` ending what it
started, :mod:`.status` naming how it ended), :mod:`.result` is what a run
left, one type from the worker to the report, :mod:`.answers` carries the
learner's answer variables out of the kernel as data, :mod:`.results` judges
them with the course's checks and turns what a run left into one row per
exercise, :mod:`.report_csv`, :mod:`.report_html` and
:mod:`.plot` write the report, and :mod:`.batch` runs them all in parallel.

This module imports nothing: the kernel launcher (:mod:`.kernel`) sets the
memory limit before any heavy library is loaded.
"""
