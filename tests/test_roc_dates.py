"""A page's date written by the Republic era: three digits read only when no digit stands before them."""

import pytest

from plan_extract.roc_years import roc_date


@pytest.mark.parametrize("head, date", [
    ("發布日期：114年6月18日", "2025-06-18"),
    ("发布日期：113/12/5 更新", "2024-12-05"),
    ("更新於 110.01.02", "2021-01-02"),
    ("第2114年6月18日", None),  # four digits: a Gregorian year, never its last three
    ("日期：5113.1.2", None),
    ("114年13月18日", None),  # no month 13
    ("序號1114年6月1日 與 109年3月4日", "2020-03-04"),  # the first with no digit before it
])
def test_roc_date(head, date):
    assert roc_date(head) == date
