"""planner's public API: a curated, sorted __all__ whose names all exist."""

import planner


def test_all_is_sorted_unique_and_importable():
    assert planner.__all__ == sorted(set(planner.__all__))
    for name in planner.__all__:
        assert hasattr(planner, name), name


def test_every_message_has_both_languages():
    from planner import i18n
    import planner.commands._common  # noqa: F401  (registers CLI texts)
    for key in i18n.catalog_keys():
        assert i18n.t(key, "zh") and i18n.t(key, "en")
