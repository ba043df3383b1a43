-- Instance-wide facts that Plaza must remember across restarts and share
-- between instances, such as when the demo city was seeded.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE plaza_settings (
    name VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at VARCHAR(40) NOT NULL
);
