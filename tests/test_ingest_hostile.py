"""A stranger's crafted file never reads a local file, never explodes, and says what is wrong."""

import pytest

from fibrolog.ingest import IngestError, ZipLimits, parse_apple_health
from fibrolog.ingest.fixtures import hostile
from tests.ingest_helpers import apple_zip, shared


def refused(path, **options):
    with pytest.raises(IngestError) as caught:
        list(parse_apple_health(path, **options))
    return caught.value


def test_it_never_resolves_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MAYA-PASSWORD")
    error = refused(hostile.xxe_xml(tmp_path / "export.xml", secret))
    assert "MAYA-PASSWORD" not in str(error)
    assert error.line is not None and "entity" in error.message


def test_it_refuses_the_billion_laughs_without_expanding_it(tmp_path):
    error = refused(hostile.billion_laughs_xml(tmp_path / "export.xml"))
    assert "entity" in error.message


def test_it_refuses_an_entity_that_nothing_declares(tmp_path):
    error = refused(hostile.entity_after_root_xml(tmp_path / "export.xml"))
    assert (error.line, "undefined entity") == (4, error.message)


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("../../evil.xml", "outside the archive"),
        ("apple_health_export/../../evil.xml", "outside the archive"),
        ("/etc/evil.xml", "absolute path"),
        ("C:\\evil.xml", "absolute path"),
    ],
)
def test_it_refuses_an_archive_with_an_entry_pointing_elsewhere(tmp_path, entry, words):
    error = refused(hostile.zip_with_entry(tmp_path / "export.zip", entry))
    assert words in error.message and error.file == "export.zip"


def test_it_refuses_an_archive_holding_a_symbolic_link(tmp_path):
    assert "symbolic link" in refused(hostile.zip_with_symlink(tmp_path / "export.zip")).message


def test_it_refuses_a_zip_bomb_by_its_compression_ratio(tmp_path):
    error = refused(hostile.zip_bomb(tmp_path / "export.zip", megabytes=8))
    assert "zip bomb" in error.message


def test_it_refuses_an_archive_declaring_more_than_the_limits(tmp_path):
    path = apple_zip(tmp_path, days=1)
    assert "declares" in refused(path, zip_limits=ZipLimits(max_entry_bytes=1000)).message
    many = hostile.too_many_entries_zip(tmp_path / "many.zip", 30)
    assert "entries" in refused(many, zip_limits=ZipLimits(max_entries=20)).message


def test_it_stops_reading_an_entry_at_its_declared_size(tmp_path):
    error = refused(hostile.zip_lying_about_size(tmp_path / "export.zip"))
    assert "export.xml" in error.file


def test_it_explains_a_truncated_download(tmp_path):
    whole = apple_zip(tmp_path, days=1)
    error = refused(hostile.truncated_zip(tmp_path / "cut.zip", whole))
    assert "truncated" in error.message


def test_it_says_a_file_is_not_an_export(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>hello</note></notes>")
    assert "HealthData" in refused(path).message


def test_it_points_at_the_line_and_column_of_malformed_xml(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text('<HealthData locale="en">\n <Record type="x">\n </Workout>\n</HealthData>\n')
    error = refused(path)
    assert (error.line, error.column, error.message) == (3, 4, "mismatched tag")
    assert str(error) == "export.xml, line 3, column 4: mismatched tag"


def test_it_fails_cleanly_on_the_known_malformed_export():
    error = refused(shared("apple_health/hkimport/exportSmall_MALFORMED.xml"))
    assert error.line == 153 and error.column is not None
