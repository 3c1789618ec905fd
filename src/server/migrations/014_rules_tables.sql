-- The CSV tables a rules file names (`rows: { csv: <name> }`), kept beside the files they belong
-- to: a version's tables with its product and rules files (`rules_sources`, 012), and a studio
-- draft's tables with its two texts (`studio_drafts`, 013). A JSON object from each table's name as
-- the rules file writes it (`renault.c98.csv`) to its text; `{}` for rules with no CSV tables and
-- for rows written before this migration (a version whose tables were not kept is published again).
ALTER TABLE rules_sources ADD COLUMN tables jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE studio_drafts ADD COLUMN tables jsonb NOT NULL DEFAULT '{}'::jsonb;
