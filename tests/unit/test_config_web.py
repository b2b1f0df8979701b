"""The ``[web]`` config section (tui.settings.web_config) and the limits built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tui.settings.config import ConfigError, WebConfig, default_config_text, load_config
from tui.web.limits import fetch_limits
from tui.web.types import USER_AGENT, FetchLimits


def load(tmp_path: Path, body: str) -> WebConfig:
    path = tmp_path / "config.toml"
    path.write_text(f"[web]\n{body}", encoding="utf-8")
    return load_config(path).web


def problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "config.toml"
    path.write_text(f"[web]\n{body}", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return [str(problem) for problem in caught.value.problems]


def test_defaults_match_the_issue() -> None:
    web = WebConfig()
    assert (web.connect_timeout, web.total_timeout, web.concurrency, web.per_host) == (10, 30, 8, 2)
    assert (web.max_mb, web.refresh_minutes, web.keep_days) == (10, 60, 30)
    assert (web.fetch_full_article, web.user_agent, web.proxy) == ("auto", "", "")


def test_every_key_is_read(tmp_path: Path) -> None:
    web = load(
        tmp_path,
        "connect_timeout = 2.5\ntotal_timeout = 12\nconcurrency = 3\nper_host = 1\n"
        'max_mb = 4\nrefresh_minutes = 0\nfetch_full_article = "never"\nkeep_days = 7\n'
        'user_agent = "Tester/1.0"\nproxy = "http://proxy.test:3128"\n',
    )
    assert web == WebConfig(
        2.5, 12.0, 3, 1, 4, 0, "never", 7, "Tester/1.0", "http://proxy.test:3128"
    )
    assert isinstance(web.total_timeout, float)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("concurrency = 0\n", 2, '[web] "concurrency": expected an integer from 1 to 64, got 0'),
        (
            "per_host = true\n",
            2,
            '[web] "per_host": expected an integer from 1 to 16, got a boolean',
        ),
        ('max_mb = "10"\n', 2, '[web] "max_mb": expected an integer from 1 to 1024, got a string'),
        ("max_mb = 1.5\n", 2, '[web] "max_mb": expected an integer from 1 to 1024, got a float'),
        ("total_timeout = -1\n", 2, '[web] "total_timeout": expected a number of seconds'),
        ('fetch_full_article = "sometimes"\n', 2, '"auto", "always" or "never", got "sometimes"'),
        ('proxy = "socks5://proxy.test:1080"\n', 2, "expected an http:// or https:// proxy URL"),
        ('proxy = "http://"\n', 2, "expected an http:// or https:// proxy URL with a host"),
        ('proxy = "http://p.test:99999"\n', 2, "the port is not a number"),
        ('user_agent = "a\\u001b[31mb"\n', 2, "cannot hold control characters"),
        (
            "keep_days = []\n",
            2,
            '[web] "keep_days": expected an integer from 0 to 36500, got an array',
        ),
        (
            "\n\nconnect_timeout = 40\n",
            4,
            "connect_timeout (40) is longer than total_timeout (30.0)",
        ),
        ("timeout = 3\n", 2, '[web] "timeout": unknown key (did you mean "total_timeout"?)'),
    ],
)
def test_bad_values_name_file_line_and_key(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    (problem,) = problems(tmp_path, body)
    assert problem.startswith(f"{tmp_path / 'config.toml'}:{line}: ")
    assert message in problem


def test_all_problems_reported_together(tmp_path: Path) -> None:
    found = problems(tmp_path, 'concurrency = 100\nproxy = "ftp://x"\nuser = 1\n')
    assert [p.split(": ", 2)[1] for p in found] == [
        '[web] "concurrency"',
        '[web] "proxy"',
        '[web] "user"',
    ]


def test_web_must_be_a_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('web = "fast"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match='"web": expected a table, got a string'):
        load_config(path)


def test_default_text_shows_every_key_commented() -> None:
    text = default_config_text()
    section = text[text.index("[web]") : text.index("[keymap]")]
    for key, shown in [
        ("connect_timeout", "10"),
        ("total_timeout", "30"),
        ("concurrency", "8"),
        ("per_host", "2"),
        ("max_mb", "10"),
        ("refresh_minutes", "60"),
        ("fetch_full_article", '"auto"'),
        ("keep_days", "30"),
        ("user_agent", '""'),
        ("proxy", '""'),
    ]:
        assert f"\n# {key} = {shown}\n" in section


def test_fetch_limits_from_defaults_are_the_fetchers_defaults() -> None:
    assert fetch_limits(WebConfig()) == FetchLimits()


def test_fetch_limits_carry_each_setting() -> None:
    web = WebConfig(2.0, 5.0, 3, 1, 4, 0, "never", 7, "Tester/1.0", "http://proxy.test:3128")
    assert fetch_limits(web) == FetchLimits(
        connect_timeout=2.0,
        total_timeout=5.0,
        max_bytes=4 * 1024 * 1024,
        per_host=1,
        concurrency=3,
        user_agent="Tester/1.0",
        proxy="http://proxy.test:3128",
    )
    assert fetch_limits(WebConfig(user_agent="")).user_agent == USER_AGENT


def test_example_config_sets_web() -> None:
    web = load_config(EXAMPLES / "config.toml").web
    assert web.refresh_minutes == 30
    assert web.fetch_full_article == "always"


def test_a_short_total_timeout_alone_shortens_the_time_to_connect(tmp_path: Path) -> None:
    web = load(tmp_path, "total_timeout = 3\n")
    assert (web.connect_timeout, web.total_timeout) == (3.0, 3.0)
    # Both set by the user and contradicting each other is still an error (see above).
    assert load(tmp_path, "total_timeout = 3\nconnect_timeout = 2\n").connect_timeout == 2.0
