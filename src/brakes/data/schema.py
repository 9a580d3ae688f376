"""Every table and column of the brand's data, declared once.

This is the single source for the site's data dictionary (rendered at build
time) and for the dtypes a table gets, whether it was just generated or read
back from CSV or parquet files (:func:`coerce`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from brakes.data import brand
from brakes.errors import BrakesError

DTYPES = {
    "str": "text",
    "int64": "whole number, never missing",
    "Int64": "whole number, may be missing",
    "float64": "decimal number, missing shown as NaN",
    "bool": "True or False",
    "date": "calendar date (a pandas datetime at midnight)",
    "datetime": "date and time to the second",
    "category": "one of a fixed set of labels",
    "ordered": "one of a fixed set of labels with an order (so min, max and < work)",
}
"""The dtypes a column may declare, and what each means to a reader."""

DATETIME_DTYPE = "datetime64[us]"
CSV_FORMATS = {"date": "%Y-%m-%d", "datetime": "%Y-%m-%d %H:%M:%S"}
"""How dates and datetimes are written to CSV, so files are the same on every machine."""


@dataclass(frozen=True)
class Column:
    """One column: its name, dtype (a key of :data:`DTYPES`), meaning and unit."""

    name: str
    dtype: str
    description: str
    unit: str | None = None
    categories: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"column {self.name!r}: unknown dtype {self.dtype!r}")
        if (self.dtype in ("category", "ordered")) != bool(self.categories):
            raise ValueError(f"column {self.name!r}: categories go with category dtypes only")

    @property
    def pandas_dtype(self) -> str | pd.CategoricalDtype:
        """The pandas dtype a frame holds for this column."""
        if self.categories:
            return pd.CategoricalDtype(list(self.categories), ordered=self.dtype == "ordered")
        if self.dtype in ("date", "datetime"):
            return DATETIME_DTYPE
        return self.dtype


@dataclass(frozen=True)
class Table:
    """One table: what a row is (its grain), what it is for, and its columns in order."""

    name: str
    title: str
    description: str
    grain: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        """Column names in the order the table holds them."""
        return [column.name for column in self.columns]


def _cat(name: str, values: tuple[str, ...], description: str) -> Column:
    return Column(name, "category", description, categories=values)


def _ordered(name: str, values: tuple[str, ...], description: str) -> Column:
    return Column(name, "ordered", description, categories=values)


_PRODUCT_LINE = _cat(
    "product_line",
    brand.PRODUCT_LINES,
    "Product line concerned: Tourbillon blenders, Perle kettles, Croustille toasters, "
    "Arôme coffee makers or Mijote slow cookers.",
)
_TOPIC = _cat("topic", brand.TOPICS, "What the message is mainly about.")
_FREQUENCY_VALUES = brand.FREQUENCIES

MENTIONS = Table(
    name="mentions",
    title="Public mentions of the brand",
    description=(
        "Every public post or comment that names La Mijotière or one of its products, over "
        "18 months, wherever it was written: the brand's own accounts, other social networks, "
        "forums, blogs and review sites."
    ),
    grain="public mention",
    columns=(
        Column("mention_id", "str", "Identifier of the mention."),
        Column("published_at", "datetime", "When the mention was published (Paris time)."),
        _cat("channel", brand.CHANNELS, "Where the mention was published."),
        _cat("author_type", brand.AUTHOR_TYPES, "Who wrote it, as far as the brand can tell."),
        _PRODUCT_LINE,
        _TOPIC,
        _ordered("sentiment", brand.SENTIMENTS, "Tone of the mention."),
        Column(
            "reach_first_day",
            "int64",
            "People who saw the mention during its first 24 hours.",
            unit="people",
        ),
        Column(
            "reach_7d",
            "int64",
            "People who had seen the mention after 7 days (never less than on the first day).",
            unit="people",
        ),
        Column("brand_answered", "bool", "Whether the brand answered the mention publicly."),
        Column(
            "answer_delay_h",
            "float64",
            "Time from the mention to the brand's answer; missing when it did not answer.",
            unit="hours",
        ),
    ),
)

SUPPORT = Table(
    name="support",
    title="Customer-service conversations on social media",
    description=(
        "Conversations customers opened with customer service on the brand's Facebook, Twitter "
        "and Instagram accounts, handled either by an outside agency or by the in-house team."
    ),
    grain="conversation",
    columns=(
        Column("conversation_id", "str", "Identifier of the conversation."),
        Column("opened_at", "datetime", "When the customer opened the conversation."),
        _cat("channel", brand.OWN_CHANNELS, "Account on which the customer wrote."),
        _cat(
            "handled_by",
            brand.HANDLERS,
            "Who answered: the outside agency or the brand's own team.",
        ),
        Column(
            "first_response_min",
            "float64",
            "Time until the first answer; missing when nobody answered.",
            unit="minutes",
        ),
        _cat(
            "answer_type",
            brand.ANSWER_TYPES,
            "Kind of answer: a link to a web form, a resolution in public, a private message, "
            "or none.",
        ),
        Column("resolved", "bool", "Whether the customer's problem was solved."),
        Column(
            "satisfaction",
            "Int64",
            "Score the customer gave in the follow-up survey (1 = very unhappy, 5 = very happy); "
            "missing when they did not answer it.",
            unit="1-5 score",
        ),
        Column(
            "contacted_again",
            "bool",
            "Whether the customer had to contact the brand again about the same problem within "
            "30 days.",
        ),
        Column(
            "bought_again",
            "bool",
            "Whether the customer bought again from the e-shop in the six months after.",
        ),
        _PRODUCT_LINE,
        _TOPIC,
    ),
)

AUDIENCE = Table(
    name="audience",
    title="Customer survey: where customers are",
    description=(
        "A survey of the brand's customers: their segment, age band and how often they use each "
        "platform. Long format: every respondent has one row per platform asked about."
    ),
    grain="respondent and platform",
    columns=(
        Column("respondent_id", "str", "Identifier of the customer who answered."),
        _cat("segment", brand.SEGMENTS, "Customer segment the respondent belongs to."),
        _ordered("age_band", brand.AGE_BANDS, "Age band of the respondent, in years."),
        _cat("platform", brand.SURVEY_PLATFORMS, "Platform the question was about."),
        _ordered("frequency", _FREQUENCY_VALUES, "How often the respondent uses that platform."),
    ),
)

STAFF = Table(
    name="staff",
    title="Employee survey: personal platform use and attitudes",
    description=(
        "A survey of the brand's employees: their department, how often they use each platform "
        "personally, their attitude to social media at work, how confident they feel and whether "
        "they were trained for it. Long format: every employee has one row per platform asked "
        "about."
    ),
    grain="employee and platform",
    columns=(
        Column("employee_id", "str", "Identifier of the employee."),
        Column("name", "str", "Employee's name (invented)."),
        _cat("department", brand.DEPARTMENTS, "Department the employee works in."),
        _cat("platform", brand.SURVEY_PLATFORMS, "Platform the question was about."),
        _ordered("frequency", _FREQUENCY_VALUES, "How often the employee uses that platform."),
        _cat(
            "attitude",
            brand.ATTITUDES,
            "The employee's attitude to social media at work (the four attitudes of brake 2); "
            "the same on all of the employee's rows.",
        ),
        Column(
            "confidence",
            "Int64",
            "How confident the employee feels using social media for work (1 = not at all, "
            "5 = fully); the same on all of the employee's rows.",
            unit="1-5 score",
        ),
        Column(
            "trained",
            "bool",
            "Whether the employee has been trained to use social media for work, beyond reading "
            "the policy at hiring; the same on all of the employee's rows.",
        ),
    ),
)

PAGE_DAILY = Table(
    name="page_daily",
    title="The brand's own accounts, day by day",
    description=(
        "Daily statistics of the brand's official accounts: Facebook, Twitter and Instagram "
        "from the start, TikTok from October 2025."
    ),
    grain="day and platform where the brand has an account",
    columns=(
        Column("date", "date", "Day."),
        _cat("platform", brand.CAMPAIGN_PLATFORMS, "The brand's account."),
        Column("followers", "int64", "Followers at the end of the day.", unit="accounts"),
        Column("posts", "int64", "Posts the brand published that day.", unit="posts"),
        Column(
            "impressions",
            "int64",
            "Times the brand's content was shown that day.",
            unit="impressions",
        ),
        Column("reach", "int64", "Distinct people who saw the brand's content.", unit="people"),
        Column(
            "engagements",
            "int64",
            "Likes, comments, shares and clicks on the brand's content.",
            unit="interactions",
        ),
        Column("contest", "bool", "Whether a contest ran on this account that day."),
    ),
)

CAMPAIGNS = Table(
    name="campaigns",
    title="Departmental social-media initiatives",
    description=(
        "Every social-media initiative a department ran on the brand's accounts: its stated "
        "objective, the company goal it serves (if any), its budget and the result reported."
    ),
    grain="campaign",
    columns=(
        Column("campaign_id", "str", "Identifier of the campaign."),
        Column("name", "str", "Name the department gave the campaign."),
        _cat("department", brand.DEPARTMENTS, "Department that ran it."),
        _cat("platform", brand.CAMPAIGN_PLATFORMS, "Account it ran on."),
        Column("start", "date", "First day."),
        Column("end", "date", "Last day."),
        _cat("objective", brand.OBJECTIVES, "What the department said it wanted."),
        _cat(
            "company_goal",
            brand.COMPANY_GOALS,
            "Company goal the campaign was linked to, or none.",
        ),
        Column("budget_eur", "int64", "Money spent (ads, prizes, agency).", unit="euros"),
        _cat(
            "result_metric",
            brand.RESULT_METRICS,
            "What the department measured to report its result.",
        ),
        Column(
            "result_value",
            "int64",
            "Reported result, in the unit named by result_metric.",
            unit="see result_metric",
        ),
        Column(
            "shared_with_other_departments",
            "bool",
            "Whether the plan and results were shared with other departments.",
        ),
    ),
)

COMPETITORS = Table(
    name="competitors",
    title="The brand and its competitors, month by month",
    description=(
        "Presence, activity and mentions of La Mijotière and its three competitors (Ustensia, "
        "Cuivrelle, Fouet & Fils) on each social platform, every month."
    ),
    grain="month, company and platform",
    columns=(
        Column("month", "date", "First day of the month."),
        _cat("company", brand.COMPANIES, "Company."),
        _cat("platform", brand.SOCIAL_PLATFORMS, "Social platform."),
        Column("present", "bool", "Whether the company had an official account there."),
        Column("posts", "int64", "Posts the company published there that month.", unit="posts"),
        Column(
            "followers",
            "int64",
            "Followers of the company's account at the end of the month (0 without an account).",
            unit="accounts",
        ),
        Column(
            "mentions",
            "int64",
            "Public mentions of the company on the platform that month, account or not.",
            unit="mentions",
        ),
    ),
)

SALES = Table(
    name="sales",
    title="Weekly e-shop sales by product line",
    description=(
        "What the e-shop sold each week for each product line, and how many buyers were new "
        "or had bought before (repeat purchase rate = repeat_customers / all buyers)."
    ),
    grain="week and product line",
    columns=(
        Column("week", "date", "Monday the week starts on."),
        _PRODUCT_LINE,
        Column("units", "int64", "Appliances sold.", unit="units"),
        Column("revenue_eur", "float64", "Revenue after discounts, VAT included.", unit="euros"),
        Column("new_customers", "int64", "Buyers who had never bought before.", unit="customers"),
        Column(
            "repeat_customers",
            "int64",
            "Buyers who had bought from the brand before.",
            unit="customers",
        ),
    ),
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (MENTIONS, SUPPORT, AUDIENCE, STAFF, PAGE_DAILY, CAMPAIGNS, COMPETITORS, SALES)
}
"""Every table, in the order the course meets them."""


def table(name: str) -> Table:
    """The schema of one table, or a :class:`BrakesError` naming the tables that exist."""
    if name not in TABLES:
        raise BrakesError(f"unknown table {name!r}; choose one of: {', '.join(TABLES)}")
    return TABLES[name]


def coerce(frame: pd.DataFrame, name: str, origin: str = "the data") -> pd.DataFrame:
    """Return ``frame`` with exactly the schema's columns, in order, each with its dtype.

    Reading a CSV file gives text and numbers; this turns them into the
    categories, dates, nullable integers and booleans the course relies on.
    ``origin`` names where the frame came from, for error messages.
    """
    spec = table(name)
    missing = [c for c in spec.column_names if c not in frame.columns]
    extra = [c for c in frame.columns if c not in spec.column_names]
    if missing or extra:
        problems = []
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if extra:
            problems.append(f"unexpected {', '.join(map(str, extra))}")
        raise BrakesError(
            f"table {name!r} in {origin} has the wrong columns ({'; '.join(problems)}); "
            f"it should have exactly: {', '.join(spec.column_names)}."
        )
    return pd.DataFrame(
        {
            column.name: _coerce_column(frame[column.name], column, name, origin)
            for column in spec.columns
        }
    )


def _coerce_column(values: pd.Series, column: Column, name: str, origin: str) -> pd.Series:
    where = f"column {column.name!r} of table {name!r} in {origin}"
    try:
        if column.dtype == "bool":
            return _to_bool(values, where)
        if column.dtype in ("date", "datetime"):
            return pd.to_datetime(values, format="ISO8601").astype(DATETIME_DTYPE)
        if column.categories:
            return _to_category(values, column, where)
        if column.dtype == "str":
            return values.astype("str")
        if column.dtype == "int64" and values.isna().any():
            raise BrakesError(f"{where} has missing values; it should have none.")
        return values.astype(column.dtype)
    except (TypeError, ValueError) as error:
        raise BrakesError(
            f"{where} cannot be read as {DTYPES[column.dtype]} ({error}); "
            "fix its values or make the table again with `brakes data`."
        ) from None


def _to_bool(values: pd.Series, where: str) -> pd.Series:
    if pd.api.types.is_bool_dtype(values) and not values.isna().any():
        return values.astype("bool")
    text = values.astype("str")
    known = text.isin(["True", "False"])
    if not known.all():
        bad = text[~known].iloc[0]
        raise BrakesError(f"{where} holds {bad!r}; it may only hold True or False.")
    return text == "True"


def _to_category(values: pd.Series, column: Column, where: str) -> pd.Series:
    if values.dtype == column.pandas_dtype:  # as generated: nothing to convert
        return values
    present = values.dropna().astype("str")
    unknown = sorted(set(present.unique()) - set(column.categories))
    if unknown:
        raise BrakesError(
            f"{where} holds unknown label {unknown[0]!r}; "
            f"it may only hold: {', '.join(column.categories)}."
        )
    return values.astype("str").astype(column.pandas_dtype)
