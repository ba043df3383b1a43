-- The proposal list (server/src/consult/proposals.rs, list) reads only
-- these indexes to find a page, whatever its sort and however deep: each
-- holds the listed proposals (not hidden, not erased) of a process in one
-- order, with the columns the filters read (state, latitude), so the long
-- bodies are read only for the twenty rows shown. The random order sorts
-- by (shuffle * seed) % prime, which no index holds; its index gives the
-- rows without touching the table.
DROP INDEX consult_proposals_by_supports;
DROP INDEX consult_proposals_by_created;
CREATE INDEX consult_proposals_listed_by_supports ON consult_proposals
    (process_id, supports, number, state, latitude) WHERE hidden_at IS NULL AND erased_at IS NULL;
CREATE INDEX consult_proposals_listed_by_comments ON consult_proposals
    (process_id, comments, number, state, latitude) WHERE hidden_at IS NULL AND erased_at IS NULL;
CREATE INDEX consult_proposals_listed_by_created ON consult_proposals
    (process_id, created_at, number, state, latitude) WHERE hidden_at IS NULL AND erased_at IS NULL;
CREATE INDEX consult_proposals_listed_by_shuffle ON consult_proposals
    (process_id, shuffle, number, state, latitude) WHERE hidden_at IS NULL AND erased_at IS NULL;
