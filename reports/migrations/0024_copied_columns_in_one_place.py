from django.db import migrations

# Every copied filter column (an article's region_ids and source_ids; a claim's is_public, published_on,
# publisher_id, language, is_synthetic, source_ids and region_ids) is computed by exactly one of the two
# functions below. Everything else calls them:
#
# - the row triggers, for rows the application writes one at a time (the ORM);
# - reports_articles_refresh(ids) / reports_claims_refresh(ids), set-based, for rows whose inputs changed
#   (links added or removed, an article's facts changed, a region moved): one UPDATE per statement, which
#   writes only the rows whose copies actually differ;
# - the bulk writer (reports/services/copying.py), whose INSERT … SELECT from a staging table takes the
#   copies from the same functions, for a whole batch in one statement.
#
# While a statement's copies come from these functions, the transaction-local setting
# reports.copies_computed is 'on' and the row triggers leave the row as it is instead of computing it twice.
FORWARD = r"""
-- The ids a region's path names, from the country down to the region itself ('00000001/00000014/' → {1,14}).
-- Paths concatenated ('…/…/' || '…/') give the ids of all of them.
CREATE OR REPLACE FUNCTION reports_path_ids(path text) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_to_array(rtrim(path, '/'), '/')::bigint[]
$$;

CREATE OR REPLACE FUNCTION reports_article_copies(article_id bigint, publisher_id bigint)
RETURNS TABLE (region_ids bigint[], source_ids bigint[])
LANGUAGE sql STABLE AS $$
    SELECT
        -- The article's regions and every region they lie in, read off the regions' paths.
        ARRAY(
            SELECT DISTINCT ancestor
            FROM unnest(reports_path_ids((
                SELECT string_agg(region.path, '')
                FROM reports_article_regions link JOIN reports_region region ON region.id = link.region_id
                WHERE link.article_id = $1))) AS ancestor
            ORDER BY 1),
        -- Its publisher and every source it cites.
        ARRAY(
            SELECT DISTINCT source FROM (
                SELECT $2 AS source
                UNION ALL
                SELECT link.source_id FROM reports_article_cited_sources link WHERE link.article_id = $1
            ) AS sources
            WHERE source IS NOT NULL ORDER BY source)
$$;

CREATE OR REPLACE FUNCTION reports_claim_copies(claim_id bigint, article_id bigint, claimant_id bigint, status text)
RETURNS TABLE (
    is_public boolean, published_on date, publisher_id bigint, language varchar, is_synthetic boolean,
    source_ids bigint[], region_ids bigint[]
)
LANGUAGE sql STABLE AS $$
    SELECT
        -- Public: the article is published and the claim is more than a suggestion. The only place this is said.
        coalesce(article.status = 'published' AND $4 <> 'suggested', false),
        article.published_on, article.publisher_id, coalesce(article.language, ''), coalesce(article.is_synthetic, false),
        -- The article's sources and the claimant.
        ARRAY(SELECT DISTINCT source FROM unnest(article.source_ids || $3) AS source WHERE source IS NOT NULL ORDER BY source),
        -- The claim's regions and every region they lie in.
        ARRAY(
            SELECT DISTINCT ancestor
            FROM unnest(reports_path_ids((
                SELECT string_agg(region.path, '')
                FROM reports_claim_regions link JOIN reports_region region ON region.id = link.region_id
                WHERE link.claim_id = $1))) AS ancestor
            ORDER BY 1)
    FROM (SELECT 1) AS one LEFT JOIN reports_article article ON article.id = $2
$$;

-- Rows written one at a time.
CREATE OR REPLACE FUNCTION reports_article_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('reports.copies_computed', true) = 'on' THEN
        RETURN NEW;
    END IF;
    SELECT copies.region_ids, copies.source_ids INTO NEW.region_ids, NEW.source_ids
    FROM reports_article_copies(NEW.id, NEW.publisher_id) AS copies;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION reports_claim_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('reports.copies_computed', true) = 'on' THEN
        RETURN NEW;
    END IF;
    SELECT copies.* INTO NEW.is_public, NEW.published_on, NEW.publisher_id, NEW.language, NEW.is_synthetic,
        NEW.source_ids, NEW.region_ids
    FROM reports_claim_copies(NEW.id, NEW.article_id, NEW.claimant_id, NEW.status) AS copies;
    RETURN NEW;
END
$$;

-- Rows whose inputs changed, set-based; only the rows whose copies differ are written. Returns how many.
CREATE OR REPLACE FUNCTION reports_articles_refresh(ids bigint[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    previous text := coalesce(current_setting('reports.copies_computed', true), '');
    written bigint;
BEGIN
    PERFORM set_config('reports.copies_computed', 'on', true);
    UPDATE reports_article article
    SET region_ids = copies.region_ids, source_ids = copies.source_ids
    FROM reports_article current
    CROSS JOIN LATERAL reports_article_copies(current.id, current.publisher_id) AS copies
    WHERE current.id = ANY(ids) AND article.id = current.id
      AND (article.region_ids, article.source_ids) IS DISTINCT FROM (copies.region_ids, copies.source_ids);
    GET DIAGNOSTICS written = ROW_COUNT;
    PERFORM set_config('reports.copies_computed', previous, true);
    RETURN written;
END
$$;

CREATE OR REPLACE FUNCTION reports_claims_refresh(ids bigint[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    previous text := coalesce(current_setting('reports.copies_computed', true), '');
    written bigint;
BEGIN
    PERFORM set_config('reports.copies_computed', 'on', true);
    UPDATE reports_claim claim
    SET is_public = copies.is_public, published_on = copies.published_on, publisher_id = copies.publisher_id,
        language = copies.language, is_synthetic = copies.is_synthetic, source_ids = copies.source_ids,
        region_ids = copies.region_ids
    FROM reports_claim current
    CROSS JOIN LATERAL reports_claim_copies(current.id, current.article_id, current.claimant_id, current.status) AS copies
    WHERE current.id = ANY(ids) AND claim.id = current.id
      AND (claim.is_public, claim.published_on, claim.publisher_id, claim.language, claim.is_synthetic,
           claim.source_ids, claim.region_ids)
          IS DISTINCT FROM (copies.is_public, copies.published_on, copies.publisher_id, copies.language,
           copies.is_synthetic, copies.source_ids, copies.region_ids);
    GET DIAGNOSTICS written = ROW_COUNT;
    PERFORM set_config('reports.copies_computed', previous, true);
    RETURN written;
END
$$;

-- An article's facts changed: its claims' copies are refreshed.
CREATE OR REPLACE FUNCTION reports_article_propagate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM reports_claims_refresh(ARRAY(SELECT claim.id FROM reports_claim claim WHERE claim.article_id = NEW.id));
    RETURN NULL;
END
$$;

-- Links added or removed: the rows they belong to, once per statement.
CREATE OR REPLACE FUNCTION reports_claim_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM reports_claims_refresh(ARRAY(SELECT DISTINCT claim_id FROM changed_rows));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION reports_article_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM reports_articles_refresh(ARRAY(SELECT DISTINCT article_id FROM changed_rows));
    RETURN NULL;
END
$$;

-- A region moved in the tree: everything linked to it (or to a region inside it) has new ancestors.
CREATE OR REPLACE FUNCTION reports_region_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    moved := ARRAY(
        SELECT new_rows.id FROM new_rows JOIN old_rows ON old_rows.id = new_rows.id
        WHERE new_rows.path IS DISTINCT FROM old_rows.path);
    IF cardinality(moved) > 0 THEN
        PERFORM reports_claims_refresh(ARRAY(
            SELECT DISTINCT claim_id FROM reports_claim_regions WHERE region_id = ANY(moved)));
        PERFORM reports_articles_refresh(ARRAY(
            SELECT DISTINCT article_id FROM reports_article_regions WHERE region_id = ANY(moved)));
    END IF;
    RETURN NULL;
END
$$;
"""

# Back to the functions of 0010 and 0007 (which ran before this one): the row triggers compute the copies
# themselves and the other triggers touch rows so that those run again.
REVERSE = r"""
DROP FUNCTION IF EXISTS reports_articles_refresh(bigint[]);
DROP FUNCTION IF EXISTS reports_claims_refresh(bigint[]);

CREATE OR REPLACE FUNCTION reports_article_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT copies.region_ids, copies.source_ids INTO NEW.region_ids, NEW.source_ids
    FROM reports_article_copies(NEW.id, NEW.publisher_id) AS copies;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION reports_claim_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT copies.* INTO NEW.is_public, NEW.published_on, NEW.publisher_id, NEW.language, NEW.is_synthetic,
        NEW.source_ids, NEW.region_ids
    FROM reports_claim_copies(NEW.id, NEW.article_id, NEW.claimant_id, NEW.status) AS copies;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION reports_article_propagate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_claim SET article_id = article_id WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION reports_claim_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_claim SET id = id WHERE id IN (SELECT claim_id FROM changed_rows);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION reports_article_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_article SET id = id WHERE id IN (SELECT article_id FROM changed_rows);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION reports_region_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_claim SET id = id WHERE id IN (
        SELECT claim_id FROM reports_claim_regions WHERE region_id IN (
            SELECT new_rows.id FROM new_rows JOIN old_rows ON old_rows.id = new_rows.id
            WHERE new_rows.path IS DISTINCT FROM old_rows.path));
    UPDATE reports_article SET id = id WHERE id IN (
        SELECT article_id FROM reports_article_regions WHERE region_id IN (
            SELECT new_rows.id FROM new_rows JOIN old_rows ON old_rows.id = new_rows.id
            WHERE new_rows.path IS DISTINCT FROM old_rows.path));
    RETURN NULL;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0023_claim_stance_index")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
