"""`make bench`: how fast the course builds, checks, generates and grades, against its floors.

Every figure is a ratio of two things measured in the same run, side by side,
or a count: the machines are shared and noisy, so no absolute time is a
target by itself. Nothing here is a pass/fail test.

One module per thing measured: :mod:`.build` (clean build, rebuilds, their
floors), :mod:`.validation` (nbval), :mod:`.checks` (``check()`` latency),
:mod:`.data` (generation), :mod:`.grading` (``brakes grade``), :mod:`.weight`
(page weight in Chromium); :mod:`.timing` holds the clock and the shell,
:mod:`.report` the table and ``bench/results.json``, :mod:`.run` the command.
"""
