from django.db import migrations

# Written out here, frozen as it ran: a migration must never read a file that may change later.
FORWARD = r"""
-- Claims also copy whether their article is synthetic, so exports can leave synthetic data out
-- with one condition on the claims table.
CREATE OR REPLACE FUNCTION reports_claim_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    article_sources bigint[];
BEGIN
    SELECT article.status = 'published' AND NEW.status <> 'suggested', article.published_on, article.publisher_id,
           article.language, article.is_synthetic, article.source_ids
      INTO NEW.is_public, NEW.published_on, NEW.publisher_id, NEW.language, NEW.is_synthetic, article_sources
      FROM reports_article article WHERE article.id = NEW.article_id;
    NEW.source_ids := ARRAY(
        SELECT DISTINCT source FROM unnest(article_sources || NEW.claimant_id) AS source
        WHERE source IS NOT NULL ORDER BY source);
    NEW.region_ids := reports_region_ancestry(ARRAY(
        SELECT region.path FROM reports_claim_regions link
        JOIN reports_region region ON region.id = link.region_id
        WHERE link.claim_id = NEW.id));
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER reports_article_propagate AFTER UPDATE ON reports_article
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.published_on IS DISTINCT FROM NEW.published_on
          OR OLD.publisher_id IS DISTINCT FROM NEW.publisher_id
          OR OLD.language IS DISTINCT FROM NEW.language
          OR OLD.is_synthetic IS DISTINCT FROM NEW.is_synthetic
          OR OLD.source_ids IS DISTINCT FROM NEW.source_ids)
    EXECUTE FUNCTION reports_article_propagate();
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_claim_is_synthetic")]

    operations = [
        migrations.RunSQL(FORWARD, migrations.RunSQL.noop),
        migrations.RunSQL(
            "UPDATE reports_claim SET id = id WHERE article_id IN (SELECT id FROM reports_article WHERE is_synthetic)",
            migrations.RunSQL.noop,
        ),
    ]
