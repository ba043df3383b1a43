-- Surveys and quick polls (server/src/consult/surveys.rs owns
-- consult_surveys; survey_responses.rs owns consult_survey_responses and
-- consult_survey_answers), and the consultation forms' drafts in one table.

-- A survey of a process, numbered within it. definition is an
-- app::consult::survey::SurveyDefinition as JSON; it no longer changes once
-- a response exists (answers refer to its questions and options by
-- position). It is open to answers while the process's phase `phase` runs.
-- results_after_answer: a citizen who answered sees the results at once
-- (otherwise citizens see them from the results phase). responses counts
-- its responses, changed in the transaction that adds one.
CREATE TABLE consult_surveys (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    number BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    intro TEXT NOT NULL,
    phase VARCHAR(20) NOT NULL,
    results_after_answer BIGINT NOT NULL DEFAULT 0,
    definition TEXT NOT NULL,
    responses BIGINT NOT NULL DEFAULT 0,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, number)
);

-- The consultation forms' refused attempts, in one table
-- (server/src/consult/form_drafts.rs): form is proposal, process, survey or
-- response; target is what the form is about. The proposal and process
-- forms' own tables are moved into it.
CREATE TABLE consult_drafts (
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    form VARCHAR(20) NOT NULL,
    target VARCHAR(120) NOT NULL,
    input TEXT NOT NULL,
    problems TEXT NOT NULL,
    saved_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, form, target)
);
INSERT INTO consult_drafts (account_id, form, target, input, problems, saved_at)
    SELECT account_id, 'proposal', process_id || '/' || CAST(target AS VARCHAR(20)), input,
        problems, saved_at FROM consult_proposal_drafts;
INSERT INTO consult_drafts (account_id, form, target, input, problems, saved_at)
    SELECT account_id, 'process', target, input, problems, created_at FROM consult_process_drafts;
DROP TABLE consult_proposal_drafts;
DROP TABLE consult_process_drafts;

-- One citizen's response to one survey (the unique key refuses a second;
-- answering again replaces the answers). id is random: the pseudonymous
-- response id of the exports, which never carry the account.
CREATE TABLE consult_survey_responses (
    id VARCHAR(32) PRIMARY KEY,
    process_id VARCHAR(32) NOT NULL,
    survey_number BIGINT NOT NULL,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    UNIQUE (process_id, survey_number, account_id),
    FOREIGN KEY (process_id, survey_number) REFERENCES consult_surveys (process_id, number)
);

-- The rows of a response's answers (app::consult::survey::AnswerRow):
-- question and matrix row by position, choice = the option picked or
-- ranked or the scale point, rank_given for a ranking, text for free text.
-- published_at: an administrator published this free-text answer with the
-- results. The survey's key is repeated so that results are counted from
-- one index, in SQL.
CREATE TABLE consult_survey_answers (
    response_id VARCHAR(32) NOT NULL REFERENCES consult_survey_responses (id),
    process_id VARCHAR(32) NOT NULL,
    survey_number BIGINT NOT NULL,
    question BIGINT NOT NULL,
    row_index BIGINT NOT NULL,
    choice BIGINT NOT NULL,
    rank_given BIGINT,
    text TEXT,
    published_at VARCHAR(40),
    PRIMARY KEY (response_id, question, row_index, choice),
    FOREIGN KEY (process_id, survey_number) REFERENCES consult_surveys (process_id, number)
);
CREATE INDEX consult_survey_answers_by_question ON consult_survey_answers
    (process_id, survey_number, question, row_index, choice, rank_given, response_id);
