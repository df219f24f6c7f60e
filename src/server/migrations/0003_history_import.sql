-- Imported history: a case remembers where it came from (importing an export twice must not duplicate it),
-- and an imported reply keeps the name of the agent who wrote it, who need not be a desk user.
ALTER TABLE cases ADD COLUMN external_ref text;
CREATE UNIQUE INDEX cases_external_ref_key ON cases (external_ref) WHERE external_ref IS NOT NULL;
ALTER TABLE messages ADD COLUMN author_name text;
