"""The speed-ups around WeasyPrint change nothing but the time taken."""

from __future__ import annotations

import gc
import logging

import pydyf
import pytest

from publisher.renderers.pdf.speed import CachedPageReferences, cache_page_references, cycle_collector_paused
from publisher.renderers.pdf.speed import enable as enable_speedups


def stock_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    fget = pydyf.PDF.page_references.fget
    return getattr(fget, "original", pydyf.PDF.page_references).fget(pdf)


def test_cached_page_references_follow_added_pages():
    cache_page_references()
    cache_page_references()  # a second call does not wrap the cache in another cache
    assert isinstance(pydyf.PDF.page_references.fget, CachedPageReferences)
    assert not isinstance(pydyf.PDF.page_references.fget.original.fget, CachedPageReferences)
    pdf = pydyf.PDF()
    seen = []
    for _ in range(5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
        assert pdf.page_references is seen[-1]  # read again without a new page: the same tuple
        assert pdf.page_references == stock_page_references(pdf)
    assert [len(refs) for refs in seen] == [1, 2, 3, 4, 5]
    assert seen[-1][0] == f"{pdf.pages['Kids'][0]} 0 R".encode()


def test_cycle_collector_paused_and_restored():
    assert enable_speedups()  # the pause is one of the speed-ups
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not end the outer one
    assert gc.isenabled()
    with pytest.raises(ValueError), cycle_collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_pydyf_without_the_property_is_left_alone(caplog, monkeypatch):
    def page_references(pdf):  # as a later pydyf might write it: a plain method
        return ()

    monkeypatch.setattr(pydyf.PDF, "page_references", page_references)
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    cache_page_references()
    assert pydyf.PDF.page_references is page_references
    assert [record.getMessage() for record in caplog.records] == [
        f"pydyf {pydyf.__version__} has no PDF.page_references property: not cached"
    ]
