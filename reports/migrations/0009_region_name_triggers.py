from django.db import migrations

# Written out here, frozen as it ran: a migration must never read a file that may change later.
FORWARD = r"""
-- reports_regionname holds every spelling of every region (English and Ukrainian names, aliases),
-- lowercased, one per row, under a prefix index: the region picker's search. Regions written in any
-- way (admin, loaders, bulk inserts) refresh their rows, once per statement.
CREATE OR REPLACE FUNCTION reports_region_names_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM reports_regionname WHERE region_id IN (SELECT id FROM changed_rows);
    INSERT INTO reports_regionname (region_id, name)
        SELECT DISTINCT changed_rows.id, lower(spelling)
        FROM changed_rows, unnest(ARRAY[changed_rows.name, changed_rows.name_uk] || changed_rows.aliases) AS spelling
        WHERE spelling <> '';
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_region_names_inserted AFTER INSERT ON reports_region
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_region_names_refresh();
CREATE TRIGGER reports_region_names_updated AFTER UPDATE ON reports_region
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_region_names_refresh();

INSERT INTO reports_regionname (region_id, name)
    SELECT DISTINCT region.id, lower(spelling)
    FROM reports_region region, unnest(ARRAY[region.name, region.name_uk] || region.aliases) AS spelling
    WHERE spelling <> '';
"""

REVERSE = """
DROP TRIGGER IF EXISTS reports_region_names_inserted ON reports_region;
DROP TRIGGER IF EXISTS reports_region_names_updated ON reports_region;
DROP FUNCTION IF EXISTS reports_region_names_refresh();
DELETE FROM reports_regionname;
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_region_names")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
