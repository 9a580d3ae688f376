"""The ``brakes`` command for trainers and CI: it parses arguments and dispatches, nothing more.

Every mistake a user can make ends as one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn

from brakes.config import COURSE, require_checkout
from brakes.errors import BrakesError

EXIT_USAGE = 2
#: Commands whose libraries come with the ``trainer`` extra, which a learner's install leaves out.
TRAINER_VERBS = ("exercises", "grade", "workshop")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one clear line rather than the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a number such as 1 or 10, got {text!r}"
        ) from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 1000, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: one sub-command per trainer tool."""
    parser = _Parser(
        prog="brakes",
        description="Tools for the 'Releasing the Brakes' course: make the fictional brand's "
        "data and keep the learner notebooks in step with the solutions.",
    )
    parser.add_argument("--version", action="version", version=f"brakes {COURSE.version}")
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)

    data = verbs.add_parser(
        "data",
        help="write the fictional brand's tables for a seed",
        description="Write every table of La Mijotière's data (mentions, support, audience, "
        "staff, page_daily, campaigns, competitors, sales) for one seed. The same seed always "
        "gives the same files; another seed gives a different, equally coherent history.",
    )
    data.add_argument(
        "--seed",
        type=_seed,
        default=COURSE.default_seed,
        help=f"random seed (default {COURSE.default_seed}, the published data)",
    )
    data.add_argument("--out", type=Path, required=True, help="folder to write the tables into")
    data.add_argument(
        "--scale",
        type=_scale,
        default=1.0,
        help="multiply the number of mentions and support conversations (default 1)",
    )
    data.add_argument(
        "--format", choices=("csv", "parquet"), default="csv", help="file format (default csv)"
    )
    data.add_argument("--force", action="store_true", help="write into a folder that is not empty")

    exercises = verbs.add_parser(
        "exercises",
        help="regenerate the learner notebooks from the solutions",
        description="Write exercises/*.ipynb from solutions/*.ipynb: solution blocks replaced by "
        "placeholders, outputs stripped. With --check, change nothing and fail if they differ.",
    )
    exercises.add_argument(
        "--check", action="store_true", help="only report notebooks that have drifted (for CI)"
    )
    exercises.add_argument(
        "--execute",
        nargs="*",
        metavar="NOTEBOOK",
        help="first re-run these solution notebooks (all when none is named) to refresh outputs",
    )
    exercises.add_argument("--solutions", type=Path, default=COURSE.solutions_dir, help="source")
    exercises.add_argument("--exercises", type=Path, default=COURSE.exercises_dir, help="target")

    workshop = verbs.add_parser(
        "workshop",
        help="make a session's kit: notebooks, fresh data, sealed answers, an answer sheet",
        description="Write OUT/participants/ (the learner notebooks pointed at the data of SEED, "
        "the course's package without its reference answers, set-up steps) and "
        "OUT/trainer/answer-sheet.md (each exercise's expected result on SEED, for the trainer "
        "only). The kit's checks carry no answer in clear.",
    )
    workshop.add_argument("--seed", type=_seed, required=True, help="the session's data seed")
    workshop.add_argument("--out", type=Path, required=True, help="an empty folder for the kit")
    workshop.add_argument(
        "--zip", action="store_true", help="also zip the participants' folder, to hand out"
    )
    workshop.add_argument(
        "--force", action="store_true", help="write into a folder that is not empty"
    )
    workshop.add_argument(
        "--site-url",
        help="the course website's public address, which the kit's notebooks and README link "
        "to (default: BRAKES_SITE_URL; without one they name its pages in plain text)",
    )

    verbs.add_parser(
        "doctor",
        help="check that this environment can run the course's notebooks",
        description="Check Python's version, the packages the course needs, its data and the "
        "Jupyter kernels. Prints one line per problem with what to do, and exits with 1 when "
        "there is any.",
    )
    config = verbs.add_parser(
        "config",
        help="print the effective settings and where each came from",
        description="Print every setting (the data's seed or folder, the site's launch URLs) as "
        "it is resolved in the current folder, and where each value came from: the command "
        "line, the environment, the workshop file, or the default, in that order of precedence.",
    )
    config.add_argument(
        "--seed", type=_seed, help="as a notebook would get it from the command line"
    )
    config.add_argument("--data-dir", help="as a notebook would get it from the command line")
    _add_grade(verbs)
    return parser


def _run_workshop(args: argparse.Namespace) -> int:
    from brakes import settings
    from brakes.outdir import prepare_output_dir
    from brakes.trainer.workshop import build_workshop, shared_answers_line, zip_name

    if args.seed == COURSE.default_seed:
        raise BrakesError(
            f"seed {args.seed} is the published data, whose answers are on the site; "
            "choose another seed for a workshop"
        )
    require_checkout("brakes workshop")
    site_url = settings.resolve(command_line={"site_url": args.site_url})["site_url"]
    out = prepare_output_dir(args.out, force=args.force)
    for part in ("participants", "trainer", zip_name(args.seed)):
        if (out / part).exists():
            raise BrakesError(f"{out / part} exists already; choose an empty folder for --out")
    folder, shared = build_workshop(args.seed, out, make_zip=args.zip, site_url=site_url)
    print(f"participants' kit: {folder}")
    if args.zip:
        print(f"to hand out:       {out / zip_name(args.seed)}")
    print(f"for you only:      {out / 'trainer' / 'answer-sheet.md'}")
    if site_url:
        print(f"the site it links: {site_url}")
    else:
        print("no site address (--site-url or BRAKES_SITE_URL): the kit names the site's pages")
    if shared:
        print(shared_answers_line(shared, args.seed))
    return 0


def _run_config(args: argparse.Namespace) -> int:
    from brakes import settings

    given = {"seed": args.seed, "data_dir": args.data_dir}
    for line in settings.resolve(command_line=given).lines():
        print(line)
    return 0


def _run_doctor(args: argparse.Namespace) -> int:
    from brakes.doctor import diagnose, report

    problems = diagnose()
    print(report(problems))
    return 1 if problems else 0


def _add_grade(verbs: argparse._SubParsersAction[_Parser]) -> None:
    try:
        from brakes.trainer.grading import options
    except ModuleNotFoundError as missing:
        # The learners' wheel has no trainer package: the verb is listed, and running it says so.
        verbs.add_parser("grade", help="(trainer tool) run the room's notebooks").add_argument(
            "args", nargs=argparse.REMAINDER
        )
        verbs.choices["grade"].set_defaults(missing=missing)
        return

    grade = verbs.add_parser(
        "grade",
        help="run the room's notebooks and report on every exercise",
        description="Run every notebook under SUBMISSIONS (each in its own scratch copy, with a "
        "time and a memory limit, in parallel; the originals are only read) against KIT's data, "
        "and write report.csv and report.html into --out. The learner is the first folder under "
        "SUBMISSIONS holding the notebook, or the file's name when it sits there directly. Exits "
        "with 1 when a notebook could not be run to its end.",
    )
    grade.add_argument(
        "kit", type=Path, metavar="KIT", help="the workshop kit (its data/ folder) or a data folder"
    )
    grade.add_argument(
        "submissions",
        type=Path,
        metavar="SUBMISSIONS",
        help="the folder of the learners' notebooks",
    )
    grade.add_argument("--out", type=Path, required=True, help="folder to write the report into")
    grade.add_argument(
        "--jobs", type=int, default=None, help="notebooks run at once (default: the cores)"
    )
    grade.add_argument(
        "--timeout",
        type=float,
        default=options.DEFAULT_TIMEOUT_S,
        help=f"seconds per notebook, its kernel's start included (default "
        f"{options.DEFAULT_TIMEOUT_S:g})",
    )
    grade.add_argument(
        "--memory",
        type=int,
        default=options.DEFAULT_MEMORY_MB,
        help=f"megabytes of address space per notebook's kernel (default "
        f"{options.DEFAULT_MEMORY_MB}; at least {options.MIN_MEMORY_MB})",
    )
    grade.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    grade.add_argument(
        "--require-sandbox",
        action="store_true",
        help="refuse to run unless each notebook can run isolated in a bubblewrap sandbox "
        "(Linux, apt-get install bubblewrap)",
    )


def _run_grade(args: argparse.Namespace) -> int:
    from brakes.trainer.grading.batch import grade
    from brakes.trainer.grading.options import GradeOptions

    options = GradeOptions(
        jobs=args.jobs,
        timeout=args.timeout,
        memory_mb=args.memory,
        force=args.force,
        require_sandbox=args.require_sandbox,
    )
    try:
        report = grade(args.kit, args.submissions, args.out, options)
    except KeyboardInterrupt:
        print("brakes grade: interrupted; every notebook was stopped", file=sys.stderr)
        return 130
    for line in report.lines():
        print(line)
    return report.exit_code


def _run_data(args: argparse.Namespace) -> int:
    from brakes.data import generate, write_tables
    from brakes.outdir import prepare_output_dir

    out = prepare_output_dir(args.out, force=args.force)
    tables = generate(seed=args.seed, scale=args.scale)
    paths = write_tables(tables, out, fmt=args.format)
    width = max(len(str(path)) for path in paths)
    for path in paths:
        print(f"{path!s:<{width}}  {len(tables[path.stem]):>9,} rows")
    print(f"{len(paths)} tables for seed {args.seed} (scale {args.scale:g}) in {out}")
    return 0


def _run_exercises(args: argparse.Namespace) -> int:
    from brakes.authoring import check_consistency, check_drift, generate_exercises
    from brakes.exercises.registry import all_exercises

    if not args.solutions.is_dir():
        require_checkout("brakes exercises")
        raise BrakesError(f"there is no solutions folder at {args.solutions}; give --solutions")
    if args.check:
        drifted = check_drift(args.solutions, args.exercises)
        disagreements = check_consistency(args.solutions, all_exercises())
        for problem in drifted + disagreements:
            print(f"brakes exercises: {problem}", file=sys.stderr)
        if drifted:
            print("run 'brakes exercises' to regenerate the learner notebooks", file=sys.stderr)
        if drifted or disagreements:
            return 1
        count = len(all_exercises())
        print(f"exercises/ is in step with solutions/, and the {count} registered exercises agree")
        return 0
    if args.execute is not None:
        from brakes.authoring.execute import execute_in_place
        from brakes.authoring.write import solution_notebooks

        named = [Path(name) for name in args.execute]
        for path in named or solution_notebooks(args.solutions):
            print(f"running {path}")
            execute_in_place(path)
    paths = generate_exercises(args.solutions, args.exercises)
    print(f"{len(paths)} learner notebooks in step with {args.solutions}")
    return 0


def _package_left_out(module: str) -> bool:
    """Whether ``module`` is missing because its whole package of ``brakes`` is not installed
    (a learners' wheel has no ``brakes.trainer``), rather than by a fault inside it."""
    parts = module.split(".")
    return parts[0] == "brakes" and len(parts) > 1 and find_spec(".".join(parts[:2])) is None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brakes`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    runners = {
        "data": _run_data,
        "exercises": _run_exercises,
        "doctor": _run_doctor,
        "config": _run_config,
        "grade": _run_grade,
        "workshop": _run_workshop,
    }
    if args.verb is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if getattr(args, "missing", None) is not None:
            raise args.missing
        return runners[args.verb](args)
    except BrakesError as error:
        print(f"brakes {args.verb}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ModuleNotFoundError as missing:
        name = missing.name or ""
        if args.verb not in TRAINER_VERBS:
            raise
        if _package_left_out(name):
            print(
                f"brakes {args.verb} is a trainer's tool, which this package (the learners' "
                "wheel) leaves out: install the course's package from its repository, with "
                "pip install -e '.[trainer]'",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if name.partition(".")[0] == "brakes":
            raise
        print(
            f"brakes {args.verb} needs the trainer tools ({name.partition('.')[0]} is not "
            "installed): pip install 'brakes[trainer]'",
            file=sys.stderr,
        )
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
