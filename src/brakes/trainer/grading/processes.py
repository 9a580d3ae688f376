"""Kill a process with everything it started: how a notebook's processes end, whatever they did."""

from __future__ import annotations

import contextlib
import os
import signal

import psutil


def kill_family(pid: int, group: int | None = None) -> None:
    """Kill process ``pid``, its descendants, and their process groups (a kernel has its own).

    Descendants are found before anything is killed, so a child that started a
    session of its own is killed too. ``group`` is killed as well, even when
    ``pid`` is already gone (the group a session leader started). The caller's
    own process group is never signalled; a process already gone is skipped.
    """
    try:
        leader = psutil.Process(pid)
        family = [leader, *leader.children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    groups = {group} if group is not None else set()
    for member in family:
        with contextlib.suppress(ProcessLookupError):
            groups.add(os.getpgid(member.pid))
    groups.discard(os.getpgrp())
    for group in groups:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
    for member in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            member.kill()
