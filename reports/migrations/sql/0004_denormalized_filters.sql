-- Denormalised filter columns, kept by PostgreSQL itself so that no code path can forget them.
--
-- reports_article.region_ids  the article's regions and all their ancestors (from the regions' paths)
-- reports_article.source_ids  its publisher and every cited source
-- reports_claim.is_public    the article is published and the claim is no longer a mere suggestion
-- reports_claim.published_on, publisher_id, language   copied from the claim's article
-- reports_claim.region_ids    the claim's regions and all their ancestors
-- reports_claim.source_ids    the article's sources and the claimant
--
-- Row triggers recompute a row's copies whenever it is written; statement triggers on the link tables
-- and on region moves touch the affected rows so that their row triggers run again.

CREATE OR REPLACE FUNCTION reports_region_ancestry(paths text[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT ancestor ORDER BY ancestor), '{}')
    FROM unnest(paths) AS path
    CROSS JOIN LATERAL unnest(string_to_array(rtrim(path, '/'), '/')::bigint[]) AS ancestor
$$;

CREATE OR REPLACE FUNCTION reports_article_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.region_ids := reports_region_ancestry(ARRAY(
        SELECT region.path FROM reports_article_regions link
        JOIN reports_region region ON region.id = link.region_id
        WHERE link.article_id = NEW.id));
    NEW.source_ids := ARRAY(
        SELECT DISTINCT source FROM (
            SELECT NEW.publisher_id AS source
            UNION ALL
            SELECT source_id FROM reports_article_cited_sources WHERE article_id = NEW.id
        ) AS sources
        WHERE source IS NOT NULL ORDER BY source);
    RETURN NEW;
END
$$;

CREATE TRIGGER reports_article_fill BEFORE INSERT OR UPDATE ON reports_article
    FOR EACH ROW EXECUTE FUNCTION reports_article_fill();

CREATE OR REPLACE FUNCTION reports_claim_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    article_sources bigint[];
BEGIN
    SELECT article.status = 'published' AND NEW.status <> 'suggested', article.published_on, article.publisher_id, article.language, article.source_ids
      INTO NEW.is_public, NEW.published_on, NEW.publisher_id, NEW.language, article_sources
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

CREATE TRIGGER reports_claim_fill BEFORE INSERT OR UPDATE ON reports_claim
    FOR EACH ROW EXECUTE FUNCTION reports_claim_fill();

-- An article's facts changed: its claims copy them again.
CREATE OR REPLACE FUNCTION reports_article_propagate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_claim SET article_id = article_id WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_article_propagate AFTER UPDATE ON reports_article
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.published_on IS DISTINCT FROM NEW.published_on
          OR OLD.publisher_id IS DISTINCT FROM NEW.publisher_id
          OR OLD.language IS DISTINCT FROM NEW.language
          OR OLD.source_ids IS DISTINCT FROM NEW.source_ids)
    EXECUTE FUNCTION reports_article_propagate();

-- Links added or removed: recompute the rows they belong to, once per statement.
CREATE OR REPLACE FUNCTION reports_claim_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_claim SET id = id WHERE id IN (SELECT claim_id FROM changed_rows);
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_claim_regions_added AFTER INSERT ON reports_claim_regions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_claim_links_changed();
CREATE TRIGGER reports_claim_regions_removed AFTER DELETE ON reports_claim_regions
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_claim_links_changed();

CREATE OR REPLACE FUNCTION reports_article_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports_article SET id = id WHERE id IN (SELECT article_id FROM changed_rows);
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_article_regions_added AFTER INSERT ON reports_article_regions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_article_links_changed();
CREATE TRIGGER reports_article_regions_removed AFTER DELETE ON reports_article_regions
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_article_links_changed();
CREATE TRIGGER reports_article_cited_sources_added AFTER INSERT ON reports_article_cited_sources
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_article_links_changed();
CREATE TRIGGER reports_article_cited_sources_removed AFTER DELETE ON reports_article_cited_sources
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_article_links_changed();

-- A region moved in the tree: everything linked to it (or to a region inside it) has new ancestors.
CREATE OR REPLACE FUNCTION reports_region_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMPORARY TABLE IF NOT EXISTS reports_moved_regions (id bigint) ON COMMIT DROP;
    TRUNCATE reports_moved_regions;
    INSERT INTO reports_moved_regions
        SELECT new_rows.id FROM new_rows JOIN old_rows ON old_rows.id = new_rows.id
        WHERE new_rows.path IS DISTINCT FROM old_rows.path;
    IF FOUND THEN
        UPDATE reports_claim SET id = id WHERE id IN (
            SELECT claim_id FROM reports_claim_regions WHERE region_id IN (SELECT id FROM reports_moved_regions));
        UPDATE reports_article SET id = id WHERE id IN (
            SELECT article_id FROM reports_article_regions WHERE region_id IN (SELECT id FROM reports_moved_regions));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_region_moved AFTER UPDATE ON reports_region
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_region_moved();
