from django.db import migrations

# Written out here, frozen as it ran: a migration must never read a file that may change later.
FORWARD = r"""
-- The same copies as before (0004, 0007), each computed by one statement instead of three: a bulk import
-- writes about ten claims per article, and each statement a row trigger runs costs as much as the row.
-- The regions' paths are gathered first (the row's few links) and split afterwards, so that no plan can
-- start from the whole regions table.
--
-- A bulk writer that computed the copies itself (reports/services/import_batches.py) says so for its
-- transaction with set_config('reports.copies_given', 'on', true): its inserts are then taken as they
-- are. Updates are always recomputed. tests/services/test_import_batches.py checks that the writer's
-- copies equal what these functions compute.
CREATE OR REPLACE FUNCTION reports_article_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('reports.copies_given', true) = 'on' THEN
        RETURN NEW;
    END IF;
    SELECT
        ARRAY(
            SELECT DISTINCT ancestor::bigint
            FROM unnest(string_to_array(rtrim((
                SELECT string_agg(region.path, '')
                FROM reports_article_regions link JOIN reports_region region ON region.id = link.region_id
                WHERE link.article_id = NEW.id), '/'), '/')) AS ancestor
            ORDER BY 1),
        ARRAY(
            SELECT DISTINCT source FROM (
                SELECT NEW.publisher_id AS source
                UNION ALL
                SELECT source_id FROM reports_article_cited_sources WHERE article_id = NEW.id
            ) AS sources
            WHERE source IS NOT NULL ORDER BY source)
    INTO NEW.region_ids, NEW.source_ids;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION reports_claim_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('reports.copies_given', true) = 'on' THEN
        RETURN NEW;
    END IF;
    SELECT
        article.status = 'published' AND NEW.status <> 'suggested', article.published_on, article.publisher_id,
        article.language, article.is_synthetic,
        ARRAY(
            SELECT DISTINCT source FROM unnest(article.source_ids || NEW.claimant_id) AS source
            WHERE source IS NOT NULL ORDER BY source),
        ARRAY(
            SELECT DISTINCT ancestor::bigint
            FROM unnest(string_to_array(rtrim((
                SELECT string_agg(region.path, '')
                FROM reports_claim_regions link JOIN reports_region region ON region.id = link.region_id
                WHERE link.claim_id = NEW.id), '/'), '/')) AS ancestor
            ORDER BY 1)
    INTO NEW.is_public, NEW.published_on, NEW.publisher_id, NEW.language, NEW.is_synthetic, NEW.source_ids, NEW.region_ids
    FROM reports_article article WHERE article.id = NEW.article_id;
    RETURN NEW;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_region_name_triggers")]

    # The functions compute what they computed before, so going back needs no change.
    operations = [migrations.RunSQL(FORWARD, migrations.RunSQL.noop)]
