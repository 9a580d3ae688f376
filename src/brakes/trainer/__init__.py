"""The trainer's tools: sealing a workshop's answers, its answer sheet, the kits, grading.

``workshop.py`` builds a session's kit (``brakes workshop``), ``sealing.py``
seals its expected answers, ``answer_sheet.py`` writes what the trainer keeps,
``kit/`` makes the learners' notebook kit and its wheels, ``grading/`` runs and
judges a room's notebooks (``brakes grade``). Learners never install this package.
"""
