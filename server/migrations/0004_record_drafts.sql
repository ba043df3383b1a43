-- What a publisher typed in the record form when a save was refused (or a
-- distribution added without JavaScript), with the errors to show: the
-- form comes back at /publish/drafts/{id} with nothing lost.
CREATE TABLE record_drafts (
    id VARCHAR(32) PRIMARY KEY,
    subject VARCHAR(200) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    form TEXT NOT NULL,
    errors TEXT NOT NULL
);
