"""Every model that belongs to a person is in the export registry: none can be forgotten."""

from django.apps import apps
from django.contrib.auth import get_user_model

from fibrolog.archive.registry import NOT_EXPORTED, TABLES


def _reaches_user(model, seen=frozenset()) -> bool:
    """Return True when a chain of foreign keys (or one-to-one, many-to-many) leads to users."""
    user_model = get_user_model()
    for f in model._meta.get_fields():
        if not (f.is_relation and f.concrete and f.related_model):
            continue
        target = f.related_model
        if target is user_model:
            return True
        if target not in seen and target is not model and _reaches_user(target, seen | {model}):
            return True
    return False


def _personal_models():
    return [m for m in apps.get_models() if _reaches_user(m)]


def test_it_finds_the_models_it_knows_belong_to_a_person():
    labels = {m._meta.label_lower for m in _personal_models()}
    assert {"diary.dailyvalue", "treatments.intake", "questionnaires.response"} <= labels


def test_it_exports_every_model_that_belongs_to_a_person():
    exported = {t.model._meta.label_lower for t in TABLES}
    missing = [
        m._meta.label_lower
        for m in _personal_models()
        if m._meta.label_lower not in exported and m._meta.label_lower not in NOT_EXPORTED
    ]
    assert not missing, f"add these to fibrolog/archive/registry.py (or NOT_EXPORTED): {missing}"


def test_it_declares_each_table_once_with_a_reason_for_every_exception():
    names = [t.name for t in TABLES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for reason in NOT_EXPORTED.values())
    assert get_user_model()._meta.label_lower in NOT_EXPORTED


def test_it_leaves_database_ids_and_owners_out_of_every_table():
    for table in TABLES:
        names = {f.name for f in table.fields()}
        assert "id" not in names and "user" not in names, table.name
        refs = {f.name for f in table.fields() if f.is_relation}
        assert refs == set(table.refs), f"{table.name}: a foreign key without a natural key"
